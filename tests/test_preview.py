"""`invoke livereload`: an editor saves a file and the open page refreshes."""

import socket
import subprocess
import sys
import time
import urllib.request

import pytest


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
