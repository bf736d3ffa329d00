"""The editor's commands: scaffolds, validate and clean."""

import datetime
import json
import sys
from zoneinfo import ZoneInfo

import feedparser
import pytest

from conftest import invoke, soup


@pytest.mark.slow
def test_new_article_is_a_dated_draft_with_every_field(project):
    result = invoke(
        project, "new-article", "Rapat Persiapan Gelar 2017", "--gelar", "2017"
    )
    assert result.returncode == 0, result.stderr
    today = datetime.datetime.now(ZoneInfo("Asia/Jakarta")).date()
    path = project / f"content/berita/{today:%Y}/rapat-persiapan-gelar-2017.md"
    text = path.read_text(encoding="utf-8")
    for field in (
        "Title",
        "Date",
        "Category",
        "Tags",
        "Slug",
        "Author",
        "Summary",
        "Gelar",
        "KBK",
        "Status",
    ):
        assert f"\n{field}:" in f"\n{text}", field
    assert f"Date: {today:%Y-%m-%d}" in text
    assert "Gelar: 2017" in text
    assert "Status: draft" in text

    again = invoke(project, "new-article", "Rapat Persiapan Gelar 2017")
    assert again.returncode != 0
    assert "sudah ada" in again.stdout + again.stderr
    assert path.read_text(encoding="utf-8") == text

    assert invoke(project, "validate").returncode == 0
    built = invoke(project, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    assert not (project / "output/draf").exists()

    built = invoke(project, "build", "--drafts")
    assert built.returncode == 0, built.stdout + built.stderr
    draft = soup(project / "output", "draf/rapat-persiapan-gelar-2017/")
    assert "DRAF" in draft.select_one(".draft-banner").get_text()
    assert draft.body["data-status"] == "draft"
    assert draft.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert not (
        project / f"output/berita/{today:%Y}/rapat-persiapan-gelar-2017"
    ).exists()


@pytest.mark.slow
def test_new_year_scaffold_must_be_filled_before_it_builds(project):
    result = invoke(project, "new-year", "2018")
    assert result.returncode == 0, result.stderr
    path = project / "content/data/2018.yaml"
    assert "year: 2018" in path.read_text(encoding="utf-8")

    check = invoke(project, "validate")
    message = check.stdout + check.stderr
    assert check.returncode != 0
    for field in ("event.date", "event.venue", "teams[0].id", "teams[0].name"):
        assert "content/data/2018.yaml:" in message and f"`{field}`" in message, field

    text = path.read_text(encoding="utf-8")
    text = text.replace("  date:  ", "  date: 2018-10-03  ")
    text = text.replace("  venue:  ", "  venue: Gedung PPI  ")
    text = text.replace("  - id:  ", "  - id: kbk-baru  ")
    text = text.replace("    name:  ", "    name: KBK Baru  ")
    text = text.replace("    institution:  ", "    institution: SMPN 9  ")
    path.write_text(text, encoding="utf-8")
    check = invoke(project, "validate")
    assert check.returncode == 0, check.stdout + check.stderr

    assert invoke(project, "build").returncode == 0
    page = soup(project / "output", "gelar/2018/")
    assert "Hasil belum diumumkan." in page.main.get_text()
    assert (
        soup(project / "output", "kbk/kbk-baru/").h1.get_text(strip=True) == "KBK Baru"
    )

    assert invoke(project, "new-year", "18").returncode != 0


@pytest.mark.slow
def test_new_album_scaffold_builds_an_album_page_with_the_photos(project):
    from bench.photos import make_photo

    result = invoke(project, "new-album", "Kunjungan Juri 2016", "--gelar", "2016")
    assert result.returncode == 0, result.stdout + result.stderr
    folder = project / "content/galeri/kunjungan-juri-2016"
    assert "gelar: 2016" in (folder / "album.yaml").read_text(encoding="utf-8")
    make_photo(folder / "satu.jpg", size=(640, 480))
    built = invoke(project, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    page = soup(project / "output", "galeri/kunjungan-juri-2016/")
    assert page.h1.get_text(strip=True) == "Kunjungan Juri 2016"
    assert len(page.select(".galeri-grid img")) == 1
    edition = soup(project / "output", "gelar/2016/")
    assert "Kunjungan Juri 2016" in edition.select_one(".album-list").get_text()
    again = invoke(project, "new-album", "Kunjungan Juri 2016")
    assert again.returncode != 0  # never overwrites


def test_clean_removes_the_output(project):
    assert (project / "output/index.html").exists()
    result = invoke(project, "clean")
    assert result.returncode == 0
    assert not (project / "output").exists()


def test_serve_answers_on_localhost(project):
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "invoke", "serve", "--port", str(port)],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                url = f"http://127.0.0.1:{port}/gelar/2015/"
                with urllib.request.urlopen(url, timeout=2) as response:
                    body = response.read().decode("utf-8")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        assert "Gelar Budaya Kerja Pemerintah Kabupaten Magetan 2015" in body
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_built_site_is_readable_by_the_web_server(built_project):
    mode = (built_project / "output").stat().st_mode
    assert mode & 0o005 == 0o005, oct(mode)


@pytest.mark.slow
def test_publish_build_uses_the_public_address(project):
    refused = invoke(project, "build", "--publish")
    assert refused.returncode != 0
    assert "SITEURL" in refused.stdout + refused.stderr

    from conftest import run

    result = run(
        [sys.executable, "-m", "invoke", "build", "--publish"],
        cwd=project,
        env={"SITEURL": "https://arsip.contoh.go.id"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    page = soup(project / "output", "gelar/2015/")
    canonical = page.find("link", rel="canonical")["href"]
    assert canonical == "https://arsip.contoh.go.id/gelar/2015/"
    assert (project / "output/feeds/semua.atom.xml").exists()
    # Share tags, structured data and every feed use the public address too.
    public = "https://arsip.contoh.go.id/"
    assert page.find("meta", property="og:url")["content"] == canonical
    assert page.find("meta", property="og:image")["content"].startswith(public)
    event = json.loads(page.find("script", type="application/ld+json").string)
    assert event["url"] == canonical
    assert event["competitor"][0]["url"].startswith(public + "kbk/")
    for feed_path in (project / "output/feeds").rglob("*.atom.xml"):
        feed = feedparser.parse(feed_path.read_bytes())
        assert not feed.bozo, feed_path
        assert all(e.link.startswith(public) for e in feed.entries), feed_path
