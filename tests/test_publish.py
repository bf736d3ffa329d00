"""`invoke publish`: build with publishconf.py, check, compress, deploy."""

import gzip

import brotli
import pytest

from conftest import digest, run

SITEURL = "https://arsip.contoh.go.id"
TEXT = (".html", ".css", ".xml", ".json", ".csv", ".txt")


def publish(project, *args, siteurl=SITEURL):
    import sys

    env = {"SITEURL": siteurl} if siteurl else {"SITEURL": ""}
    return run([sys.executable, "-m", "invoke", "publish", *args], project, env)


def skip_nu_checker(project):
    """For tests about deploying: the Nu checker runs in the first test."""
    conf = project / "publishconf.py"
    conf.write_text(conf.read_text() + "\nSITECHECK_HTML_VALIDATOR = False\n")


def add_draft(project):
    (project / "content/berita/2017/draf-rahasia.md").write_text(
        "Title: Rencana Rahasia Gelar 2018\nDate: 2017-12-01\nCategory: Berita\n"
        "Status: draft\n\nBelum boleh terbit.\n",
        encoding="utf-8",
    )


@pytest.mark.slow
@pytest.mark.nu
def test_publishing_to_a_folder_gives_checked_compressed_pages(project, tmp_path):
    add_draft(project)
    dest = tmp_path / "www"
    result = publish(project, "--dest", str(dest))
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Pemeriksaan situs: tidak ada masalah." in output
    assert "HTML (Nu HTML checker): baik" in output

    assert (dest / "gelar/2015/index.html").exists()
    assert (dest / "feeds/semua.atom.xml").exists()
    sitemap = (dest / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITEURL}/gelar/2015/</loc>" in sitemap
    assert f"Sitemap: {SITEURL}/sitemap.xml" in (dest / "robots.txt").read_text()
    # publish never includes drafts, whatever the editor built before.
    assert not (dest / "draf").exists()
    assert "Rencana Rahasia" not in (dest / "feeds/semua.atom.xml").read_text()

    texts = [p for p in dest.rglob("*") if p.suffix in TEXT and p.stat().st_size >= 256]
    assert len(texts) > 30
    for path in texts:
        original = path.read_bytes()
        gz = path.with_name(path.name + ".gz").read_bytes()
        br = path.with_name(path.name + ".br").read_bytes()
        assert gzip.decompress(gz) == original, path
        assert brotli.decompress(br) == original, path
    page = dest / "gelar/2015/index.html"
    assert len(page.with_name("index.html.br").read_bytes()) < page.stat().st_size

    # A second publish changes nothing that is already there.
    before = digest(dest)
    again = publish(project, "--dest", str(dest))
    assert again.returncode == 0, again.stdout + again.stderr
    assert digest(dest) == before


@pytest.mark.slow
def test_a_dry_run_copies_nothing(project, tmp_path):
    skip_nu_checker(project)
    dest = tmp_path / "www"
    dest.mkdir()
    (dest / "lama.html").write_text("situs lama")
    refused = publish(project, "--dest", str(dest), "--dry-run")
    assert refused.returncode != 0
    assert "  - /lama.html" in refused.stdout + refused.stderr
    result = publish(project, "--dest", str(dest), "--dry-run", "--allow-removed")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Uji coba:" in output
    assert "Gelar baru (3):\n    - /gelar/2015/\n" in output
    assert "Halaman lain dihapus (1):\n    - /lama.html\n" in output
    assert sorted(p.name for p in dest.iterdir()) == ["lama.html"]


@pytest.mark.slow
@pytest.mark.nu
def test_a_site_that_fails_the_check_is_not_published(project, tmp_path):
    before = digest(project / "output")
    article = project / "content/berita/2015/gelar-budaya-kerja-2015.md"
    article.write_text(
        article.read_text(encoding="utf-8") + "\n[Foto](/images/tidak-ada.jpg)\n",
        encoding="utf-8",
    )
    dest = tmp_path / "www"
    result = publish(project, "--dest", str(dest))
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "`/images/tidak-ada.jpg`" in output
    assert "Penerbitan dibatalkan" in output
    assert "Traceback" not in output
    assert not dest.exists()
    assert digest(project / "output") == before


def test_publish_needs_an_address_and_a_destination(project):
    no_url = publish(project, "--dest", "/tmp/tidak-dipakai", siteurl="")
    assert no_url.returncode != 0
    assert "SITEURL" in no_url.stdout + no_url.stderr
    no_dest = publish(project)
    assert no_dest.returncode != 0
    assert "DEPLOY_TARGET" in no_dest.stdout + no_dest.stderr


@pytest.mark.slow
def test_a_published_page_is_never_removed_silently(project, tmp_path):
    skip_nu_checker(project)
    dest = tmp_path / "www"
    assert publish(project, "--dest", str(dest)).returncode == 0
    old = dest / "berita/2016/juara-gelar-budaya-kerja-2016/index.html"
    assert old.exists()

    article = project / "content/berita/2016/juara-gelar-budaya-kerja-2016.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("Slug: ", "Slug: baru-", 1), encoding="utf-8")
    before = digest(dest)
    refused = publish(project, "--dest", str(dest))
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0
    assert "/berita/2016/juara-gelar-budaya-kerja-2016/" in output
    assert "Redirect-from:" in output
    assert digest(dest) == before

    article.write_text(
        text.replace("Slug: ", "Slug: baru-", 1).replace(
            "\n\n",
            "\nRedirect-from: /berita/2016/juara-gelar-budaya-kerja-2016/\n\n",
            1,
        ),
        encoding="utf-8",
    )
    moved = publish(project, "--dest", str(dest))
    assert moved.returncode == 0, moved.stdout + moved.stderr
    assert "http-equiv" in old.read_text(encoding="utf-8")

    article.unlink()
    assert publish(project, "--dest", str(dest)).returncode != 0
    removed = publish(project, "--dest", str(dest), "--allow-removed")
    assert removed.returncode == 0, removed.stdout + removed.stderr
    assert not old.exists()
