"""Hostile data files: every YAML file answers fast, with file, line and field.

Issue 14, defect 1 (an alias bomb that never finished), part of defect 5
(a 400-digit score, a lone surrogate, control characters, a folder or a
dangling link named like a data file) and defect 6 (a trailing newline
passing the id and path checks), and the weak spots of YAML 1.1 numbers,
quoted dates, nested duplicate keys, empty values, non-ASCII digits in
year file names and names that differ only in Unicode form.
"""

import os
import unicodedata

import pytest

from gelar.archive import build_archive, load_editions
from gelar.schema import parse_edition
from gelar.settings import DEFAULTS
from hostile_kit import (
    assert_cli_refuses,
    assert_names,
    assert_refused,
    line_of,
    within,
)
from sitekit import redirects as redirects_file
from sitekit.problems import ContentError, format_report
from sitekit.yamlsource import parse_yaml, read_yaml

Y2015 = "content/data/2015.yaml"
Y2016 = "content/data/2016.yaml"
REDIRECTS = "content/redirects.yaml"

GOOD = """\
year: 2015
event:
  title: Gelar
  date: 2015-09-30
  venue: Gedung
teams:
  - id: cheerful
    name: KBK Cheerful
    institution: SMPN 2
results:
  - team: cheerful
    rank: 1
    score: 80.5
"""


def bomb(levels=9, width=9):
    """Nine levels of anchors, each a list of nine aliases of the one before:
    9**9 (387 million) values once expanded."""
    lines = ['a0: &a0 ["lol"]']
    for level in range(1, levels + 1):
        aliases = ", ".join([f"*a{level - 1}"] * width)
        lines.append(f"a{level}: &a{level} [{aliases}]")
    return "\n".join(lines) + "\n"


def report(text, path=Y2015, year=2015):
    """The problems of a year file's text, as the editor reads them."""
    try:
        data = parse_yaml(text, path)
        build_archive([parse_edition(data, path, year)], DEFAULTS)
    except ContentError as error:
        return format_report(error.problems)
    raise AssertionError("the text was accepted")


def plant(project, path, old, new):
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- defect 1: the alias bomb ---------------------------------------------


def test_an_alias_bomb_is_refused_at_its_first_anchor_in_well_under_a_second():
    with within(1):
        message = report(bomb())
    assert_names(message, Y2015, 1, "jangkar atau alias YAML")


def test_a_single_alias_is_refused_too_since_editors_never_need_one():
    text = GOOD.replace("name: KBK Cheerful", "name: &nama KBK Cheerful")
    text += "corrections:\n  - date: 2015-10-01\n    note: *nama\n"
    assert_names(report(text), Y2015, 8, "jangkar atau alias")


def test_a_data_file_larger_than_the_limit_is_refused_without_parsing(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    padding = "# " + "x" * 100 + "\n"
    (data / "2015.yaml").write_text(GOOD + padding * 12_000, encoding="utf-8")
    with within(1), pytest.raises(ContentError) as refused:
        load_editions(str(data), root=str(tmp_path))
    assert_names(
        format_report(refused.value.problems),
        str(data / "2015.yaml"),
        None,
        "lebih besar dari batas 1.024 KB",
    )


@pytest.mark.slow
def test_the_bomb_in_a_real_year_file_fails_validate_and_build_at_once(project):
    with open(project / Y2016, "a", encoding="utf-8") as handle:
        handle.write(
            "sample_bomb:\n" + "".join(f"  {line}\n" for line in bomb().splitlines())
        )
    line = line_of(project, Y2016, "a0: &a0")
    assert_cli_refuses(project, Y2016, line, "jangkar atau alias", seconds=30)


# -- defect 5: numbers, surrogates and control characters -------------------


def test_a_400_digit_score_is_refused_not_a_traceback():
    message = report(GOOD.replace("score: 80.5", "score: " + "9" * 400))
    assert_names(message, Y2015, 13, "kolom `results[0].score`", "terlalu panjang")


def test_a_5000_digit_rank_is_refused_too():
    message = report(GOOD.replace("rank: 1", "rank: " + "9" * 5000))
    assert_names(message, Y2015, 12, "kolom `results[0].rank`", "terlalu panjang")


@pytest.mark.parametrize(
    ("written", "read_as"),
    [("0x1", 1), ("1_0", 10), ("010", 8), ("1:30", 90), ("+0b1", 1)],
)
def test_yaml_1_1_numbers_are_refused_not_read_as_something_else(written, read_as):
    assert parse_yaml("n: 5", "x.yaml")["n"] == 5  # a plain number still reads
    message = report(GOOD.replace("rank: 1", f"rank: {written}"))
    assert_names(
        message, Y2015, 12, "kolom `results[0].rank`", f"`{written}`", "YAML 1.1"
    )
    assert f"bukan `{read_as}`" not in message


def test_a_time_written_like_a_sexagesimal_number_is_told_to_use_quotes():
    message = report(GOOD.replace("venue: Gedung", "venue: Gedung\n  time: 8:30"))
    assert_names(message, Y2015, 6, "kolom `event.time`", '`"1:30"`')


ESCAPES = {
    "surrogate": ("\\ud800", "U+D800", "surrogate"),
    "bell": ("\\x07", "U+0007", "karakter kendali"),
    "escape": ("\\x1b[31m", "U+001B", "karakter kendali"),
    "start_of_heading": ("\\x01", "U+0001", "karakter kendali"),
    "vertical_tab": ("\\v", "U+000B", "karakter kendali"),
    "next_line": ("\\x85", "U+0085", "karakter kendali"),
}


@pytest.mark.parametrize("name", ESCAPES)
def test_an_escape_in_quotes_that_makes_a_bad_character_is_refused(name):
    escape, code, words = ESCAPES[name]
    text = GOOD.replace("name: KBK Cheerful", f'name: "KBK {escape} Cheerful"')
    message = report(text)
    assert_names(message, Y2015, 8, "kolom `teams[0].name`", code, words)


@pytest.mark.slow
def test_a_surrogate_that_validate_accepted_now_fails_both(project):
    plant(project, Y2015, 'venue: "Gedung PPI', 'venue: "\\ud800 Gedung PPI')
    line = line_of(project, Y2015, "venue:")
    assert_cli_refuses(project, Y2015, line, "kolom `event.venue`", "U+D800")


def test_a_control_character_in_a_kbk_name_fails_validate_not_the_feed(project):
    plant(project, Y2015, 'name: "KBK Cheerful"', 'name: "KBK \\x07Cheerful"')
    line = line_of(project, Y2015, "KBK \\x07Cheerful")
    assert_refused(project, Y2015, line, "kolom `teams[0].name`", "U+0007")


# -- defect 5: folders and dangling links named like data files -------------


def test_a_folder_named_like_a_year_file_is_named_not_a_traceback(project):
    (project / "content/data/2018.yaml").mkdir()
    assert_refused(project, "content/data/2018.yaml", None, "ini folder")


def test_a_dangling_link_named_like_a_year_file_is_named(project):
    os.symlink("/tidak/ada/2018.yaml", project / "content/data/2018.yaml")
    assert_refused(project, "content/data/2018.yaml", None, "tautan putus")


def test_a_folder_named_album_yaml_is_named(project):
    (project / "content/galeri/gelar-2016/album.yaml").unlink()
    (project / "content/galeri/gelar-2016/album.yaml").mkdir()
    assert_refused(project, "content/galeri/gelar-2016/album.yaml", None, "ini folder")


@pytest.mark.parametrize("kind", ["folder", "dangling"])
def test_a_redirects_file_that_is_a_folder_or_a_dangling_link_is_named(project, kind):
    (project / REDIRECTS).unlink()
    if kind == "folder":
        (project / REDIRECTS).mkdir()
    else:
        os.symlink("hilang.yaml", project / REDIRECTS)
    assert_refused(project, REDIRECTS, None, "folder" if kind == "folder" else "putus")


def test_a_year_file_named_with_arabic_indic_digits_is_not_a_year(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "٢٠١٥.yaml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(ContentError) as refused:
        load_editions(str(data), root=str(tmp_path))
    assert_names(
        format_report(refused.value.problems),
        str(data / "٢٠١٥.yaml"),
        None,
        "tahun empat angka",
    )


# -- defect 6: a trailing newline passes `$` --------------------------------


def test_a_former_id_with_a_trailing_newline_is_refused():
    text = GOOD.replace(
        "institution: SMPN 2", 'institution: SMPN 2\n    former_ids: ["senyum-lama\\n"]'
    )
    message = report(text)
    assert_names(
        message, Y2015, 10, "kolom `teams[0].former_ids[0]`", "`senyum-lama\\n`"
    )


@pytest.mark.parametrize(
    "value",
    [
        "/lama/\n",
        "/lama/%2e%2e/%2e%2e/%2e%2e/x/",
        "/a%00b/",
        "/a/..%2f..%2fx",
        "/a\\..\\b/",
    ],
)
def test_a_redirect_from_that_hides_a_bad_path_is_refused(value):
    quoted = value.replace("\\", "\\\\").replace("\n", "\\n")
    text = f'redirects:\n  - from: "{quoted}"\n    to: /berita/\n'
    found, problems = redirects_file.parse_text(text, REDIRECTS)
    assert found == []
    assert_names(
        format_report(problems),
        REDIRECTS,
        2,
        "kolom `redirects[0].from`",
        "bukan alamat",
    )


def test_encoded_letters_in_an_old_address_still_work():
    text = "redirects:\n  - from: /berita/caf%C3%A9/\n    to: /berita/\n"
    found, problems = redirects_file.parse_text(text, REDIRECTS)
    assert problems == [] and found[0].source == "/berita/caf%C3%A9/"


# -- weak spots: values read as the editor meant them ------------------------


def test_a_duplicate_key_inside_a_list_names_its_whole_path():
    message = report(GOOD.replace("    rank: 1\n", "    rank: 1\n    rank: 2\n"))
    assert_names(
        message,
        Y2015,
        13,
        "kolom `results[0].rank`",
        "ditulis dua kali (pertama di baris 12)",
    )


def test_an_empty_date_is_reported_on_its_own_line_as_empty():
    message = report(GOOD.replace("date: 2015-09-30", "date:"))
    assert_names(message, Y2015, 4, "kolom `event.date`", "kosong")


def test_a_quoted_iso_date_is_the_date_the_editor_meant():
    data = parse_yaml(GOOD.replace("date: 2015-09-30", 'date: "2015-09-30"'), Y2015)
    edition = parse_edition(data, Y2015, 2015)
    assert edition.event.date.isoformat() == "2015-09-30"
    message = report(GOOD.replace("date: 2015-09-30", 'date: "2015-02-30"'))
    assert_names(message, Y2015, 4, "kolom `event.date`", "tidak ada di kalender")


NFD = unicodedata.normalize("NFD", "KBK Cahaya Pagi Ré")


@pytest.mark.parametrize(
    "other", [NFD, "KBK Cahaya\u200b Pagi Ré"], ids=["nfd", "zero-width-space"]
)
def test_the_same_name_in_another_unicode_form_is_one_name(other):
    text = GOOD.replace("name: KBK Cheerful", "name: KBK Cahaya Pagi Ré")
    text = text.replace(
        "results:",
        f'  - id: lain\n    name: "{other}"\n    institution: SMPN 3\nresults:',
    )
    message = report(text)
    assert "dipakai oleh KBK `lain` dan juga oleh KBK `cheerful`" in message or (
        "dipakai oleh KBK `cheerful` dan juga oleh KBK `lain`" in message
    ), message


def test_names_are_kept_in_nfc():
    data = parse_yaml(f'name: "{NFD}"\n', Y2015)
    assert data["name"] == unicodedata.normalize("NFC", NFD)


def test_an_id_with_an_invisible_character_says_so():
    message = report(GOOD.replace("id: cheerful", 'id: "cheer\u200bful"'))
    assert_names(message, Y2015, 7, "kolom `teams[0].id`", "tak terlihat U+200B")


def test_read_yaml_inside_a_root_refuses_a_link_to_outside(tmp_path):
    outside = tmp_path / "rahasia.yaml"
    outside.write_text("year: 2015\n", encoding="utf-8")
    root = tmp_path / "content"
    root.mkdir()
    os.symlink(outside, root / "2015.yaml")
    with pytest.raises(ContentError) as refused:
        read_yaml(str(root / "2015.yaml"), "content/2015.yaml", root=str(root))
    assert_names(
        format_report(refused.value.problems), "content/2015.yaml", None, str(outside)
    )
