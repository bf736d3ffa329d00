"""Real builds of adversarial content: it builds safely or fails clearly.

Covers very long titles, emoji, right-to-left text, HTML in every text
field, future dates, an empty content folder and 5,000 articles.
"""

import os
import re
import shutil
import sys

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, copy_project, invoke, run, soup
from sitebuild.build import BuildFailed, build
from sitecheck import settings as sitecheck_settings
from sitecheck.findings import summary
from sitecheck.run import check_site

pytestmark = pytest.mark.slow

ATTACK = '<script>alert(1)</script><img src=x onerror="alert(2)">'
RTL = "مجموعة ثقافة العمل"
EMOJI = "🎉🚀👩🏽‍💼"
SITEURL = "https://arsip.contoh.go.id"


def injected(page):
    """Elements that came from text, not from the theme.

    Structured data (JSON-LD) holds the text as JSON, where `<` is written
    `\\u003c`: such a script is injected only if a `<` got through.
    """
    scripts = [
        s
        for s in page.find_all("script")
        if "alert" in s.get_text()
        and (s.get("type") != "application/ld+json" or "<" in s.get_text())
    ]
    return scripts + page.select("img[onerror]")


# Every text field of a year file, as `key: "value"` lines.
TEXT_KEYS = (
    "title|venue|opened_by|occasion|time|source|name|affiliation|institution"
    "|category|project|award|note"
)
TEXT_LINE = re.compile(rf'^(\s*-?\s*(?:{TEXT_KEYS}): )"?[^"\n]*"?$', re.MULTILINE)


def poison_year_file(path):
    """Put HTML, emoji and RTL text into every text field of a year file."""
    count = 0

    def replace(match):
        nonlocal count
        count += 1
        value = f"{ATTACK} {EMOJI} {RTL} {count}"
        return f'{match.group(1)}"{value.replace(chr(34), chr(92) + chr(34))}"'

    text = TEXT_LINE.sub(replace, path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    return count


@pytest.mark.nu
def test_hostile_text_everywhere_is_escaped_and_the_site_stays_valid(project):
    assert poison_year_file(project / "content/data/2015.yaml") > 20
    long_title = f"{EMOJI} {RTL} " + "Judul sangat panjang " * 60 + ATTACK
    (project / "content/berita/2015/serangan.md").write_text(
        f"Title: {long_title}\nDate: 2015-10-02 10:00\nCategory: {ATTACK}\n"
        f"Tags: {ATTACK}, budaya {EMOJI}, {RTL}\nAuthor: {ATTACK}\n"
        f"Summary: {ATTACK} {RTL}\nSlug: serangan\nGelar: 2015\n\nIsi {RTL}.\n",
        encoding="utf-8",
    )
    result = run(
        [sys.executable, "-m", "invoke", "build", "--publish"],
        project,
        {"SITEURL": SITEURL},
    )
    assert result.returncode == 0, result.stdout + result.stderr

    site = project / "output"
    pages = list(site.rglob("*.html"))
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert injected(page) == [], path
    article = soup(site, "berita/2015/serangan/")
    assert article.h1.get_text() == long_title
    assert ATTACK in soup(site, "gelar/2015/").main.get_text()

    settings = {"SITEURL": SITEURL, "PATH": str(project / "content")}
    checked = check_site(site, settings, html=True)
    # Tags and categories made of HTML get odd slugs but valid pages.
    assert checked.findings == [], summary(checked.findings, checked.counted, ())


def test_a_tag_of_only_emoji_fails_clearly(project):
    article = project / "content/berita/2015/gelar-budaya-kerja-2015.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("Tags: ", f"Tags: {EMOJI}, ", 1), encoding="utf-8")
    result = invoke(project, "build")
    message = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"kolom `Tags`: `{EMOJI}` tidak menghasilkan alamat" in message, message
    assert "WARNING" not in message, message


# In-process builds, so hypothesis can try a few articles quickly.
# Control characters included (issue 14): a vertical tab from a word
# processor must fail clearly, not in the feed writer.
metadata_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"),
    max_size=80,
) | st.sampled_from(
    [ATTACK, RTL, EMOJI, "x" * 3000, "", ":", "2015-02-30", "a\x0bb", "\x1b[31m"]
)


@pytest.fixture(scope="module")
def scratch_project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("hypo") / "project")


@settings(max_examples=8, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    title=metadata_text,
    date=metadata_text | st.sampled_from(["2015-10-02", "2099-01-01 10:00"]),
    tags=metadata_text,
    gelar=metadata_text | st.sampled_from(["2015", "2013"]),
    kbk=metadata_text | st.sampled_from(["cheerful", "cheerful, formasi"]),
    redirect=metadata_text | st.sampled_from(["/lama/", "/gelar/2015/"]),
)
def test_any_article_metadata_builds_or_fails_clearly(
    scratch_project, title, date, tags, gelar, kbk, redirect
):
    article = scratch_project / "content/berita/2017/acak.md"
    article.write_text(
        f"Title: {title}\nDate: {date}\nCategory: Berita\nTags: {tags}\n"
        f"Gelar: {gelar}\nKBK: {kbk}\nRedirect-from: {redirect}\n\nIsi.\n",
        encoding="utf-8",
    )
    output = scratch_project / "output"
    try:
        build(str(scratch_project / "pelicanconf.py"), str(output))
    except BuildFailed as error:
        message = str(error)
        assert message.startswith("Ditemukan "), message
        assert "Traceback" not in message
        assert re.search(r"content/berita/2017/acak\.md(:\d+)?: ", message), message
    else:
        assert (output / "index.html").exists()


def test_future_articles_wait_for_their_date_unless_a_setting_allows(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "content/berita/2017/masa-depan.md").write_text(
        "Title: Pengumuman Gelar 2099\nDate: 2099-09-30 08:00\nCategory: Berita\n"
        "Slug: gelar-2099\n\nBelum waktunya.\n",
        encoding="utf-8",
    )
    settings_file = str(project / "pelicanconf.py")
    output = project / "output"
    build(settings_file, str(output))
    assert not (output / "berita/2099").exists()
    assert "Pengumuman Gelar 2099" not in (output / "index.html").read_text()
    assert "/berita/2099/" not in (output / "sitemap.xml").read_text()

    build(settings_file, str(output), drafts=True)
    assert (output / "draf/gelar-2099/index.html").exists()

    build(settings_file, str(output), WITH_FUTURE_DATES=True)
    assert (output / "berita/2099/gelar-2099/index.html").exists()


@pytest.mark.nu
def test_an_empty_content_folder_builds_an_empty_valid_site(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "content")
    (project / "content").mkdir()
    result = invoke(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    result = invoke(project, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Pemeriksaan situs: tidak ada masalah." in result.stdout


def test_five_thousand_articles_build(tmp_path):
    project = copy_project(tmp_path / "project")
    folder = project / "content/berita/2016/banyak"
    folder.mkdir()
    for number in range(5000):
        (folder / f"b{number}.md").write_text(
            f"Title: Berita Nomor {number}\n"
            f"Date: 2016-{number % 12 + 1:02d}-{number % 28 + 1:02d} 08:00\n\n"
            f"Isi {number}.\n",
            encoding="utf-8",
        )
    result = invoke(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    demo = len(list((ROOT / "content/berita").rglob("*.md")))
    total = 5000 + demo
    assert f"Dibangun: {total} berita, 1 halaman dalam " in result.stdout
    assert "Processed" not in result.stdout  # Pelican's English summary
    output = project / "output"
    assert (output / "berita/2016/berita-nomor-4999/index.html").exists()
    pages = output / "halaman"
    assert len(list(pages.iterdir())) == (total + 9) // 10 - 1  # pages 2, 3, ...
    # Archives stay small: /arsip/ counts years, each year is paginated.
    archives = [output / "arsip/index.html", *(output / "berita").glob("*/index.html")]
    archives += (output / "berita/2016/halaman").glob("*/index.html")
    assert len(archives) > 30
    budget = sitecheck_settings.DEFAULTS["SITECHECK_PAGE_MAX_BYTES"]
    assert max(path.stat().st_size for path in archives) < budget
    check = invoke(project, "check", "--no-html")
    assert check.returncode == 0, check.stdout + check.stderr


# Tools' own folders, which a test run may change.
NOT_SOURCE = {".git", "__pycache__", ".pytest_cache", ".hypothesis", ".ruff_cache"}


def tree_state(root):
    """Relative path -> (size, mtime) of every file and folder under `root`."""
    state = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = [name for name in dirs if name not in NOT_SOURCE]
        for name in dirs + files:
            path = os.path.join(folder, name)
            stat = os.lstat(path)
            state[os.path.relpath(path, root)] = (stat.st_size, stat.st_mtime_ns)
    return state


def test_an_in_process_build_of_a_copy_writes_nothing_into_the_source_tree(
    tmp_path, monkeypatch
):
    # The in-process builds above run with the source tree as the working
    # folder. Everything a build writes (output, build record, photo, share
    # image and search caches) must follow the copy's settings file.
    project = copy_project(tmp_path / "project")
    monkeypatch.chdir(ROOT)
    before = tree_state(ROOT)
    build(str(project / "pelicanconf.py"), str(project / "output"))
    assert (project / "output/index.html").is_file()
    assert (project / "cache/galeri").is_dir()
    changes = set(before.items()) ^ set(tree_state(ROOT).items())
    assert sorted({path for path, _state in changes}) == []
