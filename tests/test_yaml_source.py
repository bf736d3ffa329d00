"""Safe YAML parsing: values keep their lines, unsafe input is refused."""

import datetime

import pytest

from gelar.schema import parse_edition
from sitekit.problems import ContentError
from sitekit.yamlsource import parse_yaml

GOOD = """\
year: 2020
event:
  title: Gelar 2020
  date: 2020-09-30
  venue: Gedung PPI
teams:
  - id: a-1
    name: KBK A
    institution: SMPN 1
  - id: b
    name: KBK B
    institution: SMPN 2
results:
  - team: b
    rank: 1
    score: 90
  - team: a-1
    rank: 1
    advances: false
"""


def problems_of(text, year=2020):
    with pytest.raises(ContentError) as caught:
        parse_edition(parse_yaml(text, "x.yaml"), "x.yaml", year)
    return caught.value.problems


def test_values_remember_their_lines():
    data = parse_yaml(GOOD, "x.yaml")
    assert data.line_of("year") == 1
    assert data["event"]["date"] == datetime.date(2020, 9, 30)
    assert data["teams"].line_of(1) == 10
    assert data["teams"][1].line_of("name") == 11


def test_a_good_file_becomes_an_edition_with_ties():
    edition = parse_edition(parse_yaml(GOOD, "x.yaml"), "x.yaml", 2020)
    assert [row.team.id for row in edition.rows] == ["a-1", "b"]
    assert [row.rank for row in edition.rows] == [1, 1]
    assert edition.results[0].score == 90
    assert edition.sample is False


def test_results_absent_means_not_announced():
    text = GOOD.split("results:")[0]
    edition = parse_edition(parse_yaml(text, "x.yaml"), "x.yaml", 2020)
    assert edition.has_results is False
    assert [row.rank for row in edition.rows] == [None, None]


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system ['true']\n",
        "a: !!python/name:os.system\n",
        "a: !!set {x}\n",
        "a: !custom 1\n",
    ],
)
def test_object_tags_are_refused(text):
    with pytest.raises(ContentError) as caught:
        parse_yaml(text, "x.yaml")
    problem = caught.value.problems[0]
    assert problem.line == 1
    assert "tidak diizinkan" in problem.message


def test_several_problems_are_reported_together():
    text = GOOD.replace("rank: 1\n    score: 90", "rank: 0\n    score: -1").replace(
        "  venue: Gedung PPI\n", ""
    )
    found = {(p.line, p.field) for p in problems_of(text)}
    assert found == {
        (3, "event.venue"),
        (14, "results[0].rank"),
        (15, "results[0].score"),
    }


def test_booleans_in_disguise_are_caught():
    # YAML 1.1 reads an unquoted `no` as false: a team name must be quoted.
    problems = problems_of(GOOD.replace("name: KBK B", "name: no"))
    assert problems[0].field == "teams[1].name"
    assert "tanda kutip" in problems[0].hint


def test_empty_and_multi_document_files():
    with pytest.raises(ContentError, match="berkas kosong"):
        parse_yaml("# hanya komentar\n", "x.yaml")
    with pytest.raises(ContentError, match="sintaks YAML salah"):
        parse_yaml("a: 1\n---\nb: 2\n", "x.yaml")


def test_a_team_with_two_results_is_refused():
    text = GOOD.replace("  - team: a-1", "  - team: b\n    rank: 2\n  - team: a-1")
    problems = problems_of(text)
    assert [(p.line, p.field) for p in problems] == [(17, "results[1].team")]
    assert "sudah punya hasil di baris 14" in problems[0].message


def test_misspelt_plugin_settings_are_refused():
    from gelar.settings import DEFAULTS, apply_defaults

    settings = {"GELAR_URL": "edisi/{year}/"}
    apply_defaults(settings)
    assert settings["GELAR_URL"] == "edisi/{year}/"
    assert settings["KBK_URL"] == DEFAULTS["KBK_URL"]
    with pytest.raises(ContentError, match="GELAR_DATA_PAHT"):
        apply_defaults({"GELAR_DATA_PAHT": "x"})
