"""`invoke livereload`: an editor saves a file and the open page refreshes."""

import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from bench.preview import Livereload
from conftest import digest, invoke

pytestmark = pytest.mark.slow


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def preview(project):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "invoke", "livereload", "--port", str(port)],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url + "/", timeout=2):
                break
        except OSError:
            assert server.poll() is None, "livereload stopped"
            assert time.monotonic() < deadline, "livereload never answered"
            time.sleep(0.2)
    yield project, url
    server.terminate()
    server.wait(timeout=10)


@pytest.mark.browser
def test_saving_an_article_refreshes_the_open_page(page, preview):
    project, url = preview
    page.goto(url + "/berita/2015/gelar-budaya-kerja-2015/")
    assert "livereload.js" in page.content()
    page.wait_for_function("() => window.LiveReload !== undefined", timeout=10000)
    article = project / "content/berita/2015/gelar-budaya-kerja-2015.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text + "\nKalimat baru dari editor.\n", encoding="utf-8")
    # No reload from the test: livereload rebuilds and reloads the page.
    page.wait_for_function(
        "() => document.body.innerText.includes('Kalimat baru dari editor.')",
        timeout=60000,
    )


@pytest.mark.browser
def test_the_preview_shows_drafts_marked(page, preview):
    project, url = preview
    (project / "content/berita/2017/draf-uji.md").write_text(
        "Title: Draf Uji Pratinjau\nDate: 2017-12-01\nCategory: Berita\n"
        "Status: draft\n\nIsi draf.\n",
        encoding="utf-8",
    )
    deadline = time.monotonic() + 60
    while not (project / "output/draf/draf-uji-pratinjau/index.html").exists():
        assert time.monotonic() < deadline, "the draft was never built"
        time.sleep(0.5)
    page.goto(url + "/draf/draf-uji-pratinjau/")
    banner = page.locator(".draft-banner")
    assert banner.is_visible()
    assert banner.inner_text().startswith("DRAF")


# The warm preview's fast path (sitebuild/preview.py), through the real
# `invoke livereload` and what it prints. No timing is asserted here:
# bench/preview.py measures how fast it is.

ARTICLE = "content/berita/2015/gelar-budaya-kerja-2015.md"
PAGE = "output/berita/2015/gelar-budaya-kerja-2015/index.html"
FAST = "Pratinjau cepat: "
BUILT = "Pembangunan lengkap selesai"
READY = "Pratinjau cepat siap"


@pytest.fixture
def warm(project):
    preview = Livereload(project)
    preview.wait_for(READY, timeout=120)
    yield project, preview
    preview.stop()


def append(path, text):
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(f"\n{text}\n")


def edit_article(project, preview, sentence):
    """Append `sentence` to the article; the page as the fast path wrote it."""
    mark = len(preview.lines)
    append(project / ARTICLE, sentence)
    shown = preview.wait_for(FAST, after=mark, timeout=60)
    assert "/berita/2015/gelar-budaya-kerja-2015/" in preview.lines[shown]
    page = (project / PAGE).read_text(encoding="utf-8")
    assert sentence in page
    return mark, page


def html_pages(folder):
    return {name: sha for name, sha in digest(folder).items() if name.endswith(".html")}


def test_an_article_edit_takes_the_fast_path_and_matches_a_cold_build(warm):
    project, preview = warm
    mark, fast_page = edit_article(project, preview, "Kalimat baru dari editor.")
    preview.wait_for(BUILT, after=mark, timeout=120)
    preview.stop()

    cold = project.parent / "dingin"
    result = invoke(project, "build", "--drafts", "--output", str(cold))
    assert result.returncode == 0, result.stdout + result.stderr
    cold_page = (cold / PAGE.removeprefix("output/")).read_text(encoding="utf-8")
    assert fast_page == cold_page
    live = html_pages(project / "output")
    assert live == html_pages(cold)
    assert len(live) > 30


def test_a_data_edit_goes_to_the_full_build(warm):
    project, preview = warm
    mark = len(preview.lines)
    data = project / "content/data/2016.yaml"
    text = data.read_text(encoding="utf-8")
    old_venue = "Gedung PPI Kabupaten Magetan, Jl. Jaksa Agung Suprapto, Magetan"
    assert text.count(old_venue) == 1
    data.write_text(text.replace(old_venue, "Pendopo Surya Graha"), encoding="utf-8")
    built = preview.wait_for(BUILT, after=mark, timeout=120)
    assert not any(FAST in line for line in preview.lines[mark:built])
    page = (project / "output/gelar/2016/index.html").read_text(encoding="utf-8")
    assert "Pendopo Surya Graha" in page
    # The warm read is refreshed, and the next article edit is fast again.
    preview.wait_for(READY, after=built, timeout=120)
    edit_article(project, preview, "Kalimat setelah data berubah.")


def test_an_unreadable_article_keeps_the_old_page(warm):
    project, preview = warm
    before = (project / PAGE).read_bytes()
    article = project / ARTICLE
    good = article.read_text(encoding="utf-8")
    mark = len(preview.lines)
    article.write_text(
        good.replace("Date: 2015-10-01 09:00", "Date: kemarin sore"), encoding="utf-8"
    )
    told = preview.wait_for("artikel tidak dapat dibaca", after=mark, timeout=60)
    report = "\n".join(preview.lines[mark:told])
    assert "gelar-budaya-kerja-2015.md" in report
    assert "tanggal 'kemarin sore' tidak dikenali" in report
    assert (project / PAGE).read_bytes() == before
    # The preview lives on: the repaired article takes the fast path.
    article.write_text(good, encoding="utf-8")
    edit_article(project, preview, "Kalimat sesudah tanggal diperbaiki.")


def test_a_template_edit_refreshes_the_warm_read(warm):
    project, preview = warm
    template = project / "theme/templates/article.html"
    text = template.read_text(encoding="utf-8")
    marker = "<!-- templat artikel diubah -->"
    mark = len(preview.lines)
    template.write_text(
        text.replace("{% block content %}", "{% block content %}\n" + marker, 1),
        encoding="utf-8",
    )
    built = preview.wait_for(BUILT, after=mark, timeout=120)
    assert not any(FAST in line for line in preview.lines[mark:built])
    preview.wait_for(READY, after=built, timeout=120)
    _mark, page = edit_article(project, preview, "Kalimat dengan templat baru.")
    assert marker in page
