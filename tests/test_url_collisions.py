"""Two things never share a URL: the build fails and names both sources."""

import pytest

from conftest import digest, invoke

pytestmark = pytest.mark.slow


def test_page_slug_taking_the_edition_index_fails(project):
    before = digest(project / "output")
    (project / "content/pages/gelar.md").write_text(
        "Title: Gelar\nSlug: gelar\n\nHalaman yang bentrok.\n", encoding="utf-8"
    )
    for task in ("build", "validate"):
        result = invoke(project, task)
        message = result.stdout + result.stderr
        assert result.returncode != 0, message
        assert "gelar/index.html" in message
        assert "halaman content/pages/gelar.md" in message
        assert "daftar gelar (plugin gelar)" in message
    assert digest(project / "output") == before


def test_two_articles_with_one_slug_fail(project):
    source = project / "content/berita/2016/juara-gelar-budaya-kerja-2016.md"
    copy = project / "content/berita/2016/salinan.md"
    copy.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke(project, "build")
    message = result.stdout + result.stderr
    assert result.returncode != 0, message
    assert "berita/2016/juara-gelar-budaya-kerja-2016/index.html" in message
    assert "juara-gelar-budaya-kerja-2016.md" in message
    assert "salinan.md" in message
