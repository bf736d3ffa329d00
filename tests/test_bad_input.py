"""Bad input is refused with a clear Indonesian message: file, line, field.

Each case changes one thing in a copy of the demo content and names the
file, the line and the words the editor must read. Most cases call the
loader that reads that input directly (pure functions, fast): the year
files (gelar.archive), an article's Gelar/KBK metadata (gelar.articles), or
Pelican's own reading of an article as sitebuild.pelican_messages retells
it. Two cases, one data file and one article, run a real `invoke build` and
`invoke validate` on a built copy of the project, and check that the
previous output/ is byte for byte what it was.
"""

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from pelican.contents import Article
from pelican.readers import Readers
from pelican.settings import read_settings

from conftest import ROOT, digest, invoke
from gelar.archive import build_archive, load_editions
from gelar.articles import resolve_links
from gelar.settings import DEFAULTS
from sitebuild.pelican_messages import UNREADABLE, translate
from sitekit.problems import ContentError, display_path, format_report
from sitekit.text import file_metadata_line

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


# Year files: read by gelar.archive.load_editions, then linked by build_archive.
DATA_CASES = [
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
        "institution_id_with_bad_characters",
        Y2015,
        'institution: "SMAN 1 Karas"',
        'institution: "SMAN 1 Karas"\n    institution_id: SMAN_Karas',
        "institution_id: SMAN_Karas",
        [
            "kolom `teams[2].institution_id`",
            "huruf kecil a-z",
            "`institution_id: sman-karas`",
        ],
    ),
    Edit(
        "one_institution_name_under_two_ids",
        Y2016,
        'institution: "SMAN 1 Parang"',
        'institution: "SMAN 1 Parang"\n    institution_id: sma-parang',
        "id: mustika",
        [
            "kolom `institution_id`",
            "instansi `SMAN 1 Parang` bernama id `sma-parang`",
            "`sman-1-parang` di content/data/2015.yaml",
        ],
    ),
    Edit(
        "updated_before_the_newest_correction",
        Y2016,
        "year: 2016",
        "year: 2016\nupdated: 2016-10-01",
        "updated: 2016-10-01",
        [
            "kolom `updated`",
            "2016-10-01 lebih awal daripada ralat terbaru (2016-10-03)",
            "`updated: 2016-10-03`",
        ],
    ),
    Edit(
        "shared_alias",
        Y2015,
        'aliases: ["Mustika"]',
        'aliases: ["Cheerful"]',
        "id: mustika",
        ["`Cheerful`", "dipakai oleh KBK"],
    ),
]

# An article's `Gelar:` and `KBK:` metadata: gelar.articles.resolve_links.
METADATA_CASES = [
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
]

# Articles Pelican itself refuses; sitebuild.pelican_messages retells why.
PELICAN_CASES = [article_without_title, article_with_unreadable_date]


def by_name(cases, name):
    return next(case for case in cases if case.name == name)


# The end-to-end cases: one data file, one article.
BUILD_CASES = [
    by_name(DATA_CASES, "python_object_tag"),
    by_name(PELICAN_CASES, "article_with_unreadable_date"),
]


def assert_names_the_problem(message, path, line, expected):
    assert f"{path}:{line}:" in message, message
    for fragment in expected:
        assert fragment in message, message


@pytest.fixture
def sources(tmp_path, monkeypatch):
    """A project folder holding a copy of the demo's data and articles.

    The working folder is the project, as for `invoke build`, so paths in
    messages are shown relative to it.
    """
    project = tmp_path / "project"
    for part in ("content/data", "content/berita"):
        shutil.copytree(ROOT / part, project / part)
    monkeypatch.chdir(project)
    return project


def load_archive(project):
    """The year files read and linked as GelarGenerator.generate_context does."""
    data = project / "content" / DEFAULTS["GELAR_DATA_PATH"]
    editions = load_editions(str(data), display=display_path)
    return build_archive(editions, DEFAULTS)


def settings():
    return read_settings(str(ROOT / "pelicanconf.py"))


def read_article(project, relative):
    content = project / "content"
    path = str((project / relative).relative_to(content))
    return Readers(settings()).read_file(
        base_path=str(content), path=path, content_class=Article
    )


@pytest.mark.parametrize("case", DATA_CASES, ids=lambda case: case.name)
def test_bad_year_data_is_refused_with_file_line_and_field(sources, case):
    path, line, expected = case.apply(sources)
    with pytest.raises(ContentError) as refused:
        load_archive(sources)
    assert_names_the_problem(str(refused.value), path, line, expected)
    assert not (sources / "pwned").exists()


@pytest.mark.parametrize("case", METADATA_CASES, ids=lambda case: case.name)
def test_bad_article_metadata_is_refused_with_file_line_and_field(sources, case):
    path, line, expected = case.apply(sources)
    archive = load_archive(sources)
    article = read_article(sources, path)
    *_, problems = resolve_links(
        article.metadata,
        archive,
        display_path(article.source_path),
        lambda key: file_metadata_line(article.source_path, key),
    )
    assert problems
    assert_names_the_problem(format_report(problems), path, line, expected)


@pytest.mark.parametrize("case", PELICAN_CASES, ids=lambda case: case.name)
def test_articles_pelican_refuses_are_retold_in_indonesian(sources, case, caplog):
    path, line, expected = case.apply(sources)
    base = str(sources / "content")
    relative = str((sources / path).relative_to(base))
    # What ArticlesGenerator does with one file, and what it logs.
    with caplog.at_level(logging.WARNING):
        try:
            article = read_article(sources, path)
        except Exception as error:
            logged = [(UNREADABLE, (relative,), error)]
        else:
            assert not article.is_valid()
            logged = [(record.msg, record.args, None) for record in caplog.records]
    assert logged, "Pelican accepted the article"
    problems = [translate(msg, args, error, base) for msg, args, error in logged]
    # Every one of Pelican's English lines is retold, none printed as it is.
    assert None not in problems, logged
    assert_names_the_problem(format_report(problems), path, line, expected)


@pytest.mark.slow
@pytest.mark.parametrize("case", BUILD_CASES, ids=lambda case: case.name)
def test_bad_input_fails_the_real_build_and_keeps_the_old_site(project, case):
    before = digest(project / "output")
    assert before, "the fixture should start from a built site"
    path, line, expected = case.apply(project)

    for task in ("build", "validate"):
        result = invoke(project, task)
        message = result.stdout + result.stderr
        assert result.returncode != 0, f"{task} accepted bad input:\n{message}"
        assert_names_the_problem(message, path, line, expected)
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
