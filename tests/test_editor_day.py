"""The PR office's day: back-dated articles, no scaffold text published,
scheduled publishing, a preview for colleagues, what a publish changes,
and progress on long work."""

import datetime
import os
import pty
import subprocess
import sys
import time
from zoneinfo import ZoneInfo

import pytest

from conftest import ROOT, invoke, run
from sitebuild import changes, publishing, scaffold
from sitecheck.leaks import check_placeholders
from sitecheck.site import read_site
from sitekit import placeholders

SITEURL = "https://arsip.contoh.go.id"
UTC = datetime.UTC


# -- new-article --date ------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "folder", "date_line"),
    [
        ("2015-10-01", "2015", "Date: 2015-10-01 09:00"),
        ("2018-02-03 14:30", "2018", "Date: 2018-02-03 14:30"),
        (" 2012-12-31 ", "2012", "Date: 2012-12-31 09:00"),
    ],
)
def test_new_article_is_dated_and_filed_by_its_date(project, given, folder, date_line):
    result = invoke(project, "new-article", "Laporan lama", "--date", given)
    assert result.returncode == 0, result.stdout + result.stderr
    path = project / "content/berita" / folder / "laporan-lama.md"
    assert date_line in path.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize(
    "given", ["2015-02-30", "01-10-2015", "2015-10-01 25:00", "kemarin"]
)
def test_an_impossible_date_is_refused_clearly(project, given):
    before = sorted(p.name for p in (project / "content/berita").rglob("*.md"))
    result = invoke(project, "new-article", "Laporan", "--date", given)
    assert result.returncode == 1
    assert f"`{given.strip()}` bukan tanggal yang ada" in result.stderr
    assert "Traceback" not in result.stderr
    after = sorted(p.name for p in (project / "content/berita").rglob("*.md"))
    assert after == before


# -- scaffold placeholders ---------------------------------------------------------


def scaffold_text(status_draft=True):
    when = datetime.datetime(2018, 2, 3, 9, tzinfo=UTC)
    text = scaffold.article_text("Rapat", "rapat", when, "Humas", "Berita")
    return text if status_draft else text.replace("Status: draft\n", "")


def test_every_placeholder_of_the_scaffold_is_found_with_its_line():
    text = scaffold_text(status_draft=False)
    found = placeholders.article_problems(text, "content/berita/2018/rapat.md")
    lines = text.splitlines()
    assert [(p.line, p.field) for p in found] == [
        (lines.index(f"Summary: {placeholders.SUMMARY}") + 1, "Summary"),
        (
            next(n for n, s in enumerate(lines, 1) if s.startswith(placeholders.BODY)),
            None,
        ),
        (next(n for n, s in enumerate(lines, 1) if s.startswith("<!-- Kolom:")), None),
    ]
    assert all("invoke new-article" in p.message for p in found)


@pytest.mark.slow
def test_a_published_article_with_scaffold_text_fails_and_a_draft_does_not(project):
    article = project / "content/berita/2015/rapat.md"
    article.write_text(scaffold_text(status_draft=True), encoding="utf-8")
    assert invoke(project, "validate").returncode == 0
    for leftover in ("summary", "body", "note"):
        text = scaffold_text(status_draft=False)
        if leftover != "summary":
            text = text.replace(placeholders.SUMMARY, "Rapat persiapan gelar.")
        if leftover != "body":
            text = text.replace(placeholders.BODY, "Rapat diadakan.")
        if leftover != "note":
            text = text.split(placeholders.NOTE)[0]
        article.write_text(text, encoding="utf-8")
        result = invoke(project, "validate")
        assert result.returncode == 1, leftover
        assert "content/berita/2015/rapat.md:" in result.stderr
        assert "masih berisi teks contoh dari `invoke new-article`" in result.stderr
        assert result.stderr.count("masih berisi teks contoh") == 1, leftover


def test_check_refuses_a_built_page_that_shows_scaffold_text(tmp_path):
    (tmp_path / "berita").mkdir()
    (tmp_path / "berita/index.html").write_text(
        f"<html><head><title>x</title></head><body><p>{placeholders.BODY}</p>"
        "</body></html>",
        encoding="utf-8",
    )
    (tmp_path / "index.html").write_text(
        "<html><head><title>y</title></head><body><p>Isi.</p></body></html>",
        encoding="utf-8",
    )
    found = check_placeholders(read_site(str(tmp_path)), {})
    assert [(f.path, f.check) for f in found] == [("berita/index.html", "leaks")]


# -- publishing on schedule ----------------------------------------------------


def at(hour, minute=0):
    return datetime.datetime(2026, 12, 1, hour, minute, tzinfo=UTC)


def test_publish_due_decides_by_the_recorded_next_release():
    assert not publishing.due(None, at(9))  # never published here
    assert not publishing.due({"next_release": None}, at(9))  # nothing scheduled
    one = {"next_release": at(10).isoformat()}
    assert not publishing.due(one, at(9, 59))
    assert publishing.due(one, at(10))
    assert publishing.due(one, at(23))
    assert "berikutnya 2026-12-01T10:00:00+00:00" in publishing.due_message(one, at(9))
    assert "invoke publish" in publishing.due_message(None, at(9))


def scheduled(project, slug, moment):
    moment = moment.astimezone(ZoneInfo("Asia/Jakarta"))  # the site's TIMEZONE
    path = project / f"content/berita/{moment.year}/{slug}.md"
    path.parent.mkdir(exist_ok=True)
    path.write_text(
        f"Title: Terjadwal {slug}\nDate: {moment:%Y-%m-%d %H:%M:%S}\n"
        f"Summary: Berita terjadwal {slug}.\n\nIsinya.\n",
        encoding="utf-8",
    )
    return f"berita/{moment.year}/terjadwal-{slug}/index.html"


def publish_due(project):
    env = {"SITEURL": SITEURL}
    return run([sys.executable, "-m", "invoke", "publish-due"], project, env)


@pytest.mark.slow
@pytest.mark.nu
def test_publish_due_publishes_each_scheduled_article_once_it_is_due(project, tmp_path):
    server = tmp_path / "server"
    conf = project / "publishconf.py"
    conf.write_text(conf.read_text() + "\nSITECHECK_HTML_VALIDATOR = False\n")
    now = datetime.datetime.now(UTC).replace(microsecond=0)
    first = scheduled(project, "satu", now + datetime.timedelta(seconds=25))
    second = scheduled(project, "dua", now + datetime.timedelta(seconds=50))
    nothing = publish_due(project)
    assert nothing.returncode == 0 and "Belum ada catatan penerbitan" in nothing.stdout
    published = run(
        [sys.executable, "-m", "invoke", "publish", "--dest", str(server)],
        project,
        {"SITEURL": SITEURL},
    )
    assert published.returncode == 0, published.stdout + published.stderr
    assert not (server / first).exists()
    waiting = publish_due(project)
    assert "Belum ada berita yang jatuh tempo" in waiting.stdout
    for page, other in ((first, second), (second, None)):
        release = publishing.read_record(project / "output")["next_release"]
        pause = datetime.datetime.fromisoformat(release) - datetime.datetime.now(UTC)
        time.sleep(max(0, pause.total_seconds()) + 1)
        due = publish_due(project)
        assert due.returncode == 0, due.stdout + due.stderr
        assert "Situs terbit di" in due.stdout
        assert (server / page).exists()
        if other:
            assert not (server / other).exists()
        again = publish_due(project)  # idempotent until the next one is due
        assert "Situs terbit di" not in again.stdout
    assert "Tidak ada berita terjadwal" in publish_due(project).stdout


# -- a preview for colleagues --------------------------------------------------


@pytest.mark.slow
def test_a_preview_publish_shows_drafts_to_colleagues_and_nothing_else(
    project, tmp_path
):
    conf = project / "publishconf.py"
    conf.write_text(conf.read_text() + "\nSITECHECK_HTML_VALIDATOR = False\n")
    public, preview = tmp_path / "publik", tmp_path / "pratinjau"
    public.mkdir()
    (public / "index.html").write_text("situs publik", encoding="utf-8")
    assert invoke(project, "new-article", "Draf untuk rekan").returncode == 0
    env = {"SITEURL": SITEURL, "DEPLOY_TARGET": str(public)}
    refused = run(
        [sys.executable, "-m", "invoke", "publish", "--preview", "--dest", str(public)],
        project,
        env,
    )
    assert refused.returncode == 1 and "tujuan situs publik" in refused.stderr
    result = run(
        [
            sys.executable,
            "-m",
            "invoke",
            "publish",
            "--preview",
            "--dest",
            str(preview),
        ],
        project,
        env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    draft = preview / "draf/draf-untuk-rekan/index.html"
    assert draft.exists()
    assert (preview / "robots.txt").read_text() == "User-agent: *\nDisallow: /\n"
    pages = list(preview.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex">' in text, page
    assert "PRATINJAU" in (preview / "index.html").read_text(encoding="utf-8")
    assert (public / "index.html").read_text() == "situs publik"
    assert not (project / "output/draf").exists()  # the public output stays clean


# -- what a publish changes ----------------------------------------------------


LAYOUT = {
    "ARTICLE_SAVE_AS": "berita/{date:%Y}/{slug}/index.html",
    "GELAR_SAVE_AS": "gelar/{year}/index.html",
    "KBK_SAVE_AS": "kbk/{id}/index.html",
    "GALERI_SAVE_AS": "galeri/{slug}/index.html",
}


def test_the_change_list_names_new_changed_and_removed_pages():
    lines = [
        "cd+++++++++ berita/2018/",
        ">f+++++++++ berita/2018/baru/index.html",
        ">fc.t...... berita/2015/gelar-budaya-kerja-2015/index.html",
        "*deleting   berita/2016/lama/index.html",
        ">fc.t...... berita/2015/index.html",
        ">f+++++++++ gambar/foto-480.webp",
        ">fc.t...... feeds/semua.atom.xml",
        ".d..t...... kbk/",
    ]
    text = changes.report(lines, LAYOUT, "humas@server:/srv/arsip")
    assert "Berita baru (1):\n    - /berita/2018/baru/" in text
    assert "Berita berubah (1):\n    - /berita/2015/gelar-budaya-kerja-2015/" in text
    assert "Berita dihapus (1):\n    - /berita/2016/lama/" in text
    assert "1 halaman lain berubah" in text  # the year page is counted
    assert "1 umpan/peta situs berubah" in text
    assert "Gelar" not in text  # nothing of that kind changes


# -- progress ---------------------------------------------------------------------


def test_progress_is_drawn_on_a_terminal_and_silent_elsewhere():
    code = (
        "from sitekit.progress import progress\n"
        "with progress(30, 'Foto diolah') as advance:\n"
        "    for _ in range(30): advance()\n"
        "print('selesai')\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    primary, secondary = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env=env,
    )
    os.close(secondary)
    shown = b""
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    process.wait(30)
    os.close(primary)
    assert b"Foto diolah" in shown and b"30/30" in shown
    piped = run([sys.executable, "-c", code], ROOT, {"CI": ""})
    assert piped.stderr == "" and piped.stdout == "selesai\n"
