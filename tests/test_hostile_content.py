"""Hostile articles, photos and downloads: refused clearly or made harmless.

Issue 14, part of defect 5 (control characters in an article, a 10×30000
photo in an album), defect 7 (quadratic wrapping of share-image titles),
defect 8 (CSV formula injection) and the weak spots of Pelican's English
messages, `invoke new-article` with a line break or no letters, and raw
`<script>` or `javascript:` in articles.
"""

import csv
import datetime
import io
import json
import sys

import pytest
from PIL import Image

from conftest import run, soup
from gelar.downloads import archive_csv, edition_csv, edition_json
from gelar.model import Edition, Event, Result, Team
from hostile_kit import append_line, assert_refused, built, refused_by_validate, within
from pembaca.drawing import MAX_TITLE_LINES, draw_card, font_of, wrap
from sitecheck.run import check_site
from sitekit import settings as settings_kit

REPORT = "content/berita/2015/gelar-budaya-kerja-2015.md"
TARGET = "/berita/2015/gelar-budaya-kerja-2015/"
ALBUM = "content/galeri/gelar-2016"


def edit_report(project, old, new):
    text = (project / REPORT).read_text(encoding="utf-8")
    assert old in text
    (project / REPORT).write_text(text.replace(old, new, 1), encoding="utf-8")
    lines = text.replace(old, new, 1).split("\n")
    return next(n for n, line in enumerate(lines, 1) if new.split("\n")[0] in line)


# -- defect 5: control characters in an article -----------------------------

CONTROLS = {
    "vertical_tab_in_summary": ("Summary: ", "Summary: Baris\x0bbaru "),
    "bell_in_body": ("\n\n", "\n\nBunyi\x07 "),
    "escape_in_title": ("Title: ", "Title: \x1b[31m"),
    "start_of_heading_in_tags": ("Tags: ", "Tags: \x01"),
}


@pytest.mark.parametrize("name", CONTROLS)
def test_a_control_character_in_an_article_is_refused_before_the_feed(project, name):
    old, new = CONTROLS[name]
    edit_report(project, old, new)
    marker = next(c for c in new if ord(c) < 32 and c != "\n")
    text = (project / REPORT).read_text(encoding="utf-8")
    line = text[: text.index(marker)].count("\n") + 1
    code = f"U+{ord(marker):04X}"
    assert_refused(project, REPORT, line, "karakter kendali", code)


# -- weak spot: Pelican's own messages, in Indonesian with their line --------


def test_an_unknown_status_is_refused_in_indonesian_with_its_line(project):
    line = edit_report(project, "Title:", "Status: draf\nTitle:")
    assert_refused(project, REPORT, line, "kolom `Status`", "`draf` tidak dikenal")


def test_duplicate_metadata_is_refused_at_the_second_line(project):
    text = (project / REPORT).read_text(encoding="utf-8")
    date = next(line for line in text.split("\n") if line.startswith("Date:"))
    line = edit_report(project, date, f"{date}\n{date.replace('Date', 'date')}")
    assert_refused(project, REPORT, line + 1, "kolom `Date`", "ditulis dua kali")


def test_a_link_to_a_missing_file_fails_validate_too(project):
    line = append_line(
        project, REPORT, "[Unduh laporan]({static}/images/tidak-ada.pdf)"
    )
    assert_refused(project, REPORT, line, "`{static}/images/tidak-ada.pdf`")


def test_a_filename_link_to_a_static_file_says_use_static(project):
    (project / "content/images/panduan.pdf").write_bytes(b"%PDF-1.4\n")
    line = append_line(project, REPORT, "[panduan]({filename}/images/panduan.pdf)")
    assert_refused(project, REPORT, line, "menunjuk berkas statis", "{static}")


def test_an_unreadable_image_in_an_article_names_the_article_line(project):
    data = (project / "content/images/juara-2016-contoh.jpg").read_bytes()
    (project / "content/images/rusak.jpg").write_bytes(data[:1000])
    line = append_line(project, REPORT, "![Foto rusak]({static}/images/rusak.jpg)")
    assert_refused(project, REPORT, line, "tidak bisa ditampilkan", "terpotong")


# -- defect 5: a photo no encoder can write ---------------------------------


def test_a_10_by_30000_photo_is_left_out_and_listed(project):
    Image.new("RGB", (10, 30_000), "red").save(project / ALBUM / "pita.png")
    notes = "\n".join(built(project))
    assert "1 berkas di galeri dilewati" in notes, notes
    assert f"{ALBUM}/pita.png: foto terlalu panjang atau terlalu tinggi" in notes
    assert not list((project / "output/galeri").rglob("pita*"))


# -- defect 7: share images of very long titles ------------------------------


@pytest.mark.parametrize("title", ["a" * 8_000, "a" * 100_000, "kata " * 20_000])
def test_a_very_long_title_is_drawn_at_once_and_cut_with_an_ellipsis(title):
    with within(1):
        image = draw_card(title, "Berita · 1 Oktober 2015", "Arsip")
    assert image.size == (1200, 630)


def test_wrapping_stops_after_the_lines_it_can_draw():
    font = font_of(46)
    with within(1):
        lines = wrap("kata " * 100_000, font, 1040, MAX_TITLE_LINES)
    assert len(lines) == MAX_TITLE_LINES + 1


def test_an_imported_100000_letter_title_builds(project):
    edit_report(project, "Title: ", "Title: " + "Panjang" * 14_300 + " ")
    with within(60):
        built(project)
    assert (project / "output/berita/2015/gelar-budaya-kerja-2015/bagikan.jpg").exists()


# -- defect 8: formulas in the CSV downloads ---------------------------------

FORMULAS = ['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx"]


def edition_with(names):
    teams = tuple(
        Team(id=f"k{n}", name=name, institution=name) for n, name in enumerate(names)
    )
    results = tuple(Result(team=f"k{n}", rank=n + 1) for n in range(len(names)))
    event = Event(title="Gelar", date=datetime.date(2015, 9, 30), venue="x")
    return Edition(2015, event, teams, results, False, (), "content/data/2015.yaml")


def test_a_cell_a_spreadsheet_would_run_starts_with_a_quote():
    edition = edition_with(FORMULAS)
    for text in (edition_csv(edition), archive_csv([edition])):
        rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
        assert [row["name"] for row in rows] == [f"'{name}" for name in FORMULAS]
        assert [row["institution"] for row in rows] == [f"'{n}" for n in FORMULAS]
    licence = settings_kit.licence(settings_kit.SHARED.defaults)
    document = json.loads(edition_json(edition, "https://x/gelar/2015/", licence))
    assert [team["name"] for team in document["teams"]] == FORMULAS


def test_plain_names_and_numbers_are_unchanged_in_the_csv():
    edition = edition_with(["KBK Cheerful", "O'Neil"])
    text = edition_csv(edition).removeprefix("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text)))
    first = rows[0]
    assert [first[k] for k in ("year", "rank", "id", "name", "institution")] == [
        "2015",
        "1",
        "k0",
        "KBK Cheerful",
        "KBK Cheerful",
    ]
    assert rows[1]["name"] == "O'Neil"


# -- weak spot: `invoke new-article` and friends -----------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["new-article", "Judul\nStatus: published"], "`--title` tidak boleh"),
        (["new-article", "Judul", "--kbk", "a\nStatus: published"], "`--kbk`"),
        (["new-article", "..."], "tidak menghasilkan nama berkas"),
        (["new-album", "???"], "tidak menghasilkan nama berkas"),
        (["new-year", "٢٠١٨"], "bukan tahun empat angka"),
    ],
)
def test_scaffolds_refuse_what_would_write_a_wrong_file(project, args, expected):
    before = sorted(p for p in (project / "content").rglob("*"))
    result = run([sys.executable, "-m", "invoke", *args], project)
    assert result.returncode == 1, result.stdout
    assert expected in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p for p in (project / "content").rglob("*")) == before


# -- weak spot: raw scripts in articles --------------------------------------

SCRIPTS = {
    "script": ("<script>alert(1)</script>", "skrip yang bukan dari tema"),
    "remote": ('<script src="https://x.test/a.js"></script>', "https://x.test/a.js"),
    "handler": ('<img src="x.png" alt="x" onerror="alert(1)">', "`onerror=`"),
    "javascript_link": ('<a href="javascript:alert(1)">klik</a>', "javascript:"),
}


@pytest.mark.parametrize("name", SCRIPTS)
def test_check_names_scripts_in_an_article_with_page_and_line(project, name):
    html, expected = SCRIPTS[name]
    append_line(project, REPORT, f"<p>{html}</p>")
    built(project)
    settings = {"PATH": str(project / "content")}
    result = check_site(project / "output", settings, html=False)
    found = [f for f in result.findings if f.check == "scripts"]
    pages = {f.path for f in found}
    assert "berita/2015/gelar-budaya-kerja-2015/index.html" in pages, found
    assert all(f.line for f in found)
    assert any(expected in f.message for f in found), found


def test_an_iframe_embed_and_the_theme_scripts_pass_the_check(project):
    with open(project / REPORT, "a", encoding="utf-8") as handle:
        handle.write(
            '\n<iframe src="https://www.youtube-nocookie.com/embed/x" '
            'title="Video"></iframe>\n'
        )
    with open(project / "content/redirects.yaml", "a", encoding="utf-8") as handle:
        handle.write(
            '  - from: "/?p=12"\n    to: "/berita/2015/gelar-budaya-kerja-2015/"\n'
        )
    built(project)
    assert soup(project / "output", "").find("script", src=None)  # the theme's
    settings = {"PATH": str(project / "content")}
    result = check_site(project / "output", settings, html=False)
    assert result.findings == [], result.findings


def test_validate_reports_in_indonesian_only(project):
    edit_report(project, "Title:", "Status: terbit\nTitle:")
    message = refused_by_validate(project)
    assert "Unknown status" not in message and "status `terbit`" in message
