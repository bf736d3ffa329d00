"""Bad input fails `invoke build` and `invoke validate` clearly and safely.

Each case changes one thing in a built copy of the demo project, then
checks the exit code, the Indonesian message (file, line and field) and
that the previous output/ is byte for byte what it was.
"""

from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import digest, invoke

Y2015 = "content/data/2015.yaml"
Y2016 = "content/data/2016.yaml"
REPORT = "content/berita/2015/gelar-budaya-kerja-2015.md"


@dataclass
class Edit:
    """Replace `old` with `new` in `path`; the problem is on the line
    holding `at` (the nth such line, counting from 1)."""

    name: str
    path: str
    old: str
    new: str
    at: str
    expected: list
    nth: int = 1

    def apply(self, project):
        file = Path(project) / self.path
        text = file.read_text(encoding="utf-8")
        assert self.old in text, f"fixture text {self.old!r} not in {self.path}"
        text = text.replace(self.old, self.new, 1)
        file.write_text(text, encoding="utf-8")
        lines = [n for n, line in enumerate(text.splitlines(), 1) if self.at in line]
        return self.path, lines[self.nth - 1], self.expected


class Case:
    """A bad input made by a function, for edits that are not a replace."""

    def __init__(self, function):
        self.name = function.__name__
        self.apply = function


@Case
def missing_required_field(project):
    path = Path(project) / Y2015
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = [line for line in lines if not line.strip().startswith("venue:")]
    path.write_text("".join(lines), encoding="utf-8")
    title = next(n for n, line in enumerate(lines, 1) if "  title:" in line)
    return Y2015, title, ["kolom `event.venue`", "wajib diisi"]


@Case
def not_utf8(project):
    path = Path(project) / Y2015
    data = path.read_bytes().replace(b"SMPN 2 Magetan", b"SMPN 2 Mag\xe9tan")
    path.write_bytes(data)
    line = data[: data.index(b"Mag\xe9tan")].count(b"\n") + 1
    return Y2015, line, ["bukan teks UTF-8"]


@Case
def article_without_title(project):
    relative = "content/berita/2017/tanpa-judul.md"
    (project / relative).write_text(
        "Date: 2017-11-01\nCategory: Berita\n\nIsi.\n", encoding="utf-8"
    )
    return relative, 1, ["kolom `Title`", "wajib diisi"]


@Case
def article_with_unreadable_date(project):
    relative = "content/berita/2017/tanggal.md"
    (project / relative).write_text(
        "Title: Tanggal\nCategory: Berita\nDate: kemarin sore\n\nIsi.\n",
        encoding="utf-8",
    )
    return relative, 3, ["kolom `Date`", "tidak dikenali"]


CASES = [
    Edit(
        "yaml_syntax_error",
        Y2015,
        'name: "KBK Mustika"',
        "name: [KBK",
        'institution: "SMAN 1 Parang"',
        ["sintaks YAML salah"],
    ),
    missing_required_field,
    Edit(
        "rank_is_a_word",
        Y2016,
        "rank: 1",
        "rank: satu",
        "rank: satu",
        ["kolom `results[0].rank`", "bilangan bulat", "`satu`"],
    ),
    Edit(
        "year_does_not_match_file",
        Y2015,
        "year: 2015",
        "year: 2014",
        "year: 2014",
        ["kolom `year`", "nama berkasnya 2015"],
    ),
    Edit(
        "duplicate_team_id",
        Y2015,
        "id: mustika",
        "id: cheerful",
        "id: cheerful",
        ["kolom `teams[1].id`", "sudah dipakai KBK lain di baris 20"],
        nth=2,
    ),
    Edit(
        "result_names_unknown_team",
        Y2016,
        "team: kanesma",
        "team: kanesmaa",
        "team: kanesmaa",
        [
            "kolom `results[0].team`",
            "tidak ada di daftar `teams`",
            "mungkin maksudnya `kanesma`",
        ],
    ),
    Edit(
        "id_with_bad_characters",
        Y2015,
        "id: kopling-gas",
        "id: Kopling_Gas",
        "id: Kopling_Gas",
        ["kolom `teams[2].id`", "huruf kecil a-z", "`id: kopling-gas`"],
    ),
    Edit(
        "python_object_tag",
        Y2015,
        "year: 2015",
        "year: 2015\nextra: !!python/object/apply:os.system ['touch pwned']",
        "!!python/object",
        [
            "tag YAML `tag:yaml.org,2002:python/object/apply:os.system`",
            "tidak diizinkan",
        ],
    ),
    Edit(
        "article_names_missing_edition",
        REPORT,
        "Gelar: 2015",
        "Gelar: 2013",
        "Gelar: 2013",
        ["kolom `Gelar`", "tidak ada data Gelar Budaya Kerja tahun 2013"],
    ),
    Edit(
        "article_names_missing_kbk",
        REPORT,
        "Gelar: 2015",
        "Gelar: 2015\nKBK: cheerfull",
        "KBK: cheerfull",
        [
            "kolom `KBK`",
            "tidak ada KBK dengan id `cheerfull`",
            "mungkin maksudnya `cheerful`",
        ],
    ),
    Edit(
        "duplicate_yaml_key",
        Y2015,
        "year: 2015",
        "year: 2015\nyear: 2015",
        "year: 2015",
        ["kolom `year`", "ditulis dua kali"],
        nth=2,
    ),
    Edit(
        "unknown_field",
        Y2016,
        "rank: 1",
        "rnak: 1",
        "rnak: 1",
        ["kolom `results[0].rnak`", "tidak dikenal", "mungkin maksudnya `rank`"],
    ),
    not_utf8,
    Edit(
        "shared_alias",
        Y2015,
        'aliases: ["Mustika"]',
        'aliases: ["Cheerful"]',
        "id: mustika",
        ["`Cheerful`", "dipakai oleh KBK"],
    ),
    article_without_title,
    article_with_unreadable_date,
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_bad_input_fails_clearly_and_keeps_the_old_site(project, case):
    before = digest(project / "output")
    assert before, "the fixture should start from a built site"
    path, line, expected = case.apply(project)

    for task in ("build", "validate"):
        result = invoke(project, task)
        message = result.stdout + result.stderr
        assert result.returncode != 0, f"{task} accepted bad input:\n{message}"
        assert f"{path}:{line}:" in message, message
        for fragment in expected:
            assert fragment in message, message
        assert "Traceback" not in message, message
        # Pelican's own English log lines are retold, not printed as well.
        assert "Could not process" not in message, message
        assert "ERROR" not in message, message

    assert digest(project / "output") == before
    leftovers = [p.name for p in project.iterdir() if p.name.startswith(".output-")]
    assert leftovers == []
    builds = sorted(p.name for p in (project / "output.builds").iterdir())
    assert builds == [".inputs.json", ".lock", (project / "output").resolve().name]
    assert not (project / "pwned").exists()
