"""Bad input fails `invoke build` and `invoke validate` clearly and safely.

Each case changes one thing in a built copy of the demo project, then
checks the exit code, the Indonesian message (file, line and field) and
that the previous output/ is byte for byte what it was.
"""

from pathlib import Path

import pytest

from conftest import digest, invoke


def edit(project, relative, old, new, count=1):
    """Replace `old` with `new` in a project file; return the new text."""
    path = Path(project) / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {relative}"
    text = text.replace(old, new, count)
    path.write_text(text, encoding="utf-8")
    return text


def line_of(text, needle):
    """1-based line of the first line containing `needle`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not found")


def yaml_syntax_error(project):
    text = edit(project, "content/data/2015.yaml", 'name: "KBK Mustika"', "name: [KBK")
    return (
        "content/data/2015.yaml",
        line_of(text, 'institution: "SMAN 1 Parang"'),
        ["sintaks YAML salah"],
    )


def missing_required_field(project):
    path = Path(project) / "content/data/2015.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    venue = next(i for i, line in enumerate(lines) if line.strip().startswith("venue:"))
    del lines[venue]
    path.write_text("".join(lines), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    return (
        "content/data/2015.yaml",
        line_of(text, "  title:"),
        [
            "kolom `event.venue`",
            "wajib diisi",
        ],
    )


def rank_is_a_word(project):
    text = edit(project, "content/data/2016.yaml", "rank: 1", "rank: satu")
    return (
        "content/data/2016.yaml",
        line_of(text, "rank: satu"),
        [
            "kolom `results[0].rank`",
            "bilangan bulat",
            "`satu`",
        ],
    )


def year_does_not_match_file(project):
    text = edit(project, "content/data/2015.yaml", "year: 2015", "year: 2014")
    return (
        "content/data/2015.yaml",
        line_of(text, "year: 2014"),
        [
            "kolom `year`",
            "nama berkasnya 2015",
        ],
    )


def duplicate_team_id(project):
    text = edit(project, "content/data/2015.yaml", "id: mustika", "id: cheerful")
    second = [
        n for n, line in enumerate(text.splitlines(), 1) if "id: cheerful" in line
    ]
    return (
        "content/data/2015.yaml",
        second[1],
        [
            "kolom `teams[1].id`",
            f"sudah dipakai KBK lain di baris {second[0]}",
        ],
    )


def result_names_unknown_team(project):
    text = edit(project, "content/data/2016.yaml", "team: kanesma", "team: kanesmaa")
    return (
        "content/data/2016.yaml",
        line_of(text, "team: kanesmaa"),
        [
            "kolom `results[0].team`",
            "tidak ada di daftar `teams`",
            "mungkin maksudnya `kanesma`",
        ],
    )


def id_with_bad_characters(project):
    text = edit(project, "content/data/2015.yaml", "id: kopling-gas", "id: Kopling_Gas")
    return (
        "content/data/2015.yaml",
        line_of(text, "id: Kopling_Gas"),
        [
            "kolom `teams[2].id`",
            "huruf kecil a-z",
            "`id: kopling-gas`",
        ],
    )


def python_object_tag(project):
    marker = Path(project) / "pwned"
    text = edit(
        project,
        "content/data/2015.yaml",
        "year: 2015",
        f"year: 2015\nextra: !!python/object/apply:os.system ['touch {marker}']",
    )
    return (
        "content/data/2015.yaml",
        line_of(text, "!!python/object"),
        [
            "tag YAML `tag:yaml.org,2002:python/object/apply:os.system`",
            "tidak diizinkan",
        ],
    )


def article_names_missing_edition(project):
    relative = "content/berita/2015/gelar-budaya-kerja-2015.md"
    text = edit(project, relative, "Gelar: 2015", "Gelar: 2013")
    return (
        relative,
        line_of(text, "Gelar: 2013"),
        [
            "kolom `Gelar`",
            "tidak ada data Gelar Budaya Kerja tahun 2013",
        ],
    )


def article_names_missing_kbk(project):
    relative = "content/berita/2015/gelar-budaya-kerja-2015.md"
    text = edit(project, relative, "Gelar: 2015", "Gelar: 2015\nKBK: cheerfull")
    return (
        relative,
        line_of(text, "KBK: cheerfull"),
        [
            "kolom `KBK`",
            "tidak ada KBK dengan id `cheerfull`",
            "mungkin maksudnya `cheerful`",
        ],
    )


def duplicate_yaml_key(project):
    text = edit(
        project, "content/data/2015.yaml", "year: 2015", "year: 2015\nyear: 2015"
    )
    return (
        "content/data/2015.yaml",
        line_of(text, "year: 2015") + 1,
        [
            "kolom `year`",
            "ditulis dua kali",
        ],
    )


def unknown_field(project):
    text = edit(project, "content/data/2016.yaml", "rank: 1", "rnak: 1")
    return (
        "content/data/2016.yaml",
        line_of(text, "rnak: 1"),
        [
            "kolom `results[0].rnak`",
            "tidak dikenal",
            "mungkin maksudnya `rank`",
        ],
    )


def not_utf8(project):
    path = Path(project) / "content/data/2015.yaml"
    data = path.read_bytes().replace(b"SMPN 2 Magetan", b"SMPN 2 Mag\xe9tan")
    path.write_bytes(data)
    line = data[: data.index(b"Mag\xe9tan")].count(b"\n") + 1
    return "content/data/2015.yaml", line, ["bukan teks UTF-8"]


def shared_alias(project):
    text = edit(
        project,
        "content/data/2015.yaml",
        'aliases: ["Mustika"]',
        'aliases: ["Cheerful"]',
    )
    return (
        "content/data/2015.yaml",
        line_of(text, "id: mustika"),
        [
            "`Cheerful`",
            "dipakai oleh KBK",
        ],
    )


def article_without_title(project):
    relative = "content/berita/2017/tanpa-judul.md"
    (project / relative).write_text(
        "Date: 2017-11-01\nCategory: Berita\n\nIsi.\n", encoding="utf-8"
    )
    return relative, 1, ["kolom `Title`", "wajib diisi"]


def article_with_unreadable_date(project):
    relative = "content/berita/2017/tanggal.md"
    (project / relative).write_text(
        "Title: Tanggal\nCategory: Berita\nDate: kemarin sore\n\nIsi.\n",
        encoding="utf-8",
    )
    return relative, 3, ["kolom `Date`", "tidak dikenali"]


CASES = [
    yaml_syntax_error,
    missing_required_field,
    rank_is_a_word,
    year_does_not_match_file,
    duplicate_team_id,
    result_names_unknown_team,
    id_with_bad_characters,
    python_object_tag,
    article_names_missing_edition,
    article_names_missing_kbk,
    duplicate_yaml_key,
    unknown_field,
    not_utf8,
    shared_alias,
    article_without_title,
    article_with_unreadable_date,
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.__name__)
def test_bad_input_fails_clearly_and_keeps_the_old_site(project, case):
    before = digest(project / "output")
    assert before, "the fixture should start from a built site"
    path, line, expected = case(project)

    for task in ("build", "validate"):
        result = invoke(project, task)
        message = result.stdout + result.stderr
        assert result.returncode != 0, f"{task} accepted bad input:\n{message}"
        assert f"{path}:{line}:" in message, message
        for fragment in expected:
            assert fragment in message, message
        assert "Traceback" not in message, message

    assert digest(project / "output") == before
    leftovers = [p.name for p in project.iterdir() if p.name.startswith(".output-")]
    assert leftovers == []
    assert not (project / "pwned").exists()
