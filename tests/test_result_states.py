"""The three honest states of an edition's results, and scores shown as the
edition writes them: the data contract (docs/data.md) and its messages."""

import pytest

from gelar.archive import load_editions
from gelar.schema import parse_edition, written_decimals
from sitekit.formatting import make_filters
from sitekit.problems import ContentError
from sitekit.yamlsource import parse_yaml

HEAD = """\
year: {year}
event:
  title: Gelar {year}
  date: {year}-09-30
  venue: Gedung PPI
teams:
  - id: a
    name: KBK A
    institution: SMPN 1
  - id: b
    name: KBK B
    institution: SMPN 2
"""
RESULTS = """\
results:
  - team: a
    rank: 1
    score: 89.6
  - team: b
    rank: 2
    score: 84.0
"""


def edition(text, year=2020):
    return parse_edition(parse_yaml(text, "x.yaml"), "x.yaml", year)


def problems_of(text, year=2020):
    with pytest.raises(ContentError) as caught:
        edition(text, year)
    return [(p.line, p.field, p.message) for p in caught.value.problems]


def test_results_in_the_file_are_published():
    found = edition(HEAD.format(year=2020) + RESULTS)
    assert found.results_status == "published"
    assert not found.results_pending and not found.results_not_recorded


def test_no_results_are_pending_unless_the_archive_lacks_them():
    pending = edition(HEAD.format(year=2020))
    assert pending.results_pending and not pending.results_not_recorded
    missing = edition("results_status: not_recorded\n" + HEAD.format(year=2020))
    assert missing.results_not_recorded and not missing.results_pending


@pytest.mark.parametrize(
    "extra, line, words",
    [
        ("results_status: tidak-tercatat\n", 1, "bukan keadaan hasil yang dikenal"),
        ("results_status: published\n", 1, "tidak memuat `results`"),
        ("results_status: not_recorded\n" + RESULTS, 1, "sudah memuat `results`"),
        ("results_status: pending\n" + RESULTS, 1, "sudah memuat `results`"),
    ],
)
def test_a_status_that_contradicts_the_file_is_refused_with_its_line(
    extra, line, words
):
    text = extra.split("results:")[0] + HEAD.format(year=2020)
    if "results:" in extra:
        text += "results:" + extra.split("results:")[1]
    found = problems_of(text)
    assert [(p_line, field) for p_line, field, _m in found] == [
        (line, "results_status")
    ]
    assert words in found[0][2]


def test_an_older_edition_without_results_must_say_the_archive_lacks_them(
    tmp_path,
):
    (tmp_path / "2019.yaml").write_text(HEAD.format(year=2019), encoding="utf-8")
    (tmp_path / "2020.yaml").write_text(
        HEAD.format(year=2020) + RESULTS, encoding="utf-8"
    )
    with pytest.raises(ContentError) as caught:
        load_editions(str(tmp_path))
    (problem,) = caught.value.problems
    assert problem.path.endswith("2019.yaml") and problem.line == 1
    assert "`results_status: not_recorded`" in problem.hint

    (tmp_path / "2019.yaml").write_text(
        HEAD.format(year=2019) + "results_status: not_recorded\n", encoding="utf-8"
    )
    older, newer = load_editions(str(tmp_path))[::-1]
    assert older.results_not_recorded and newer.has_results
    # The newest edition may wait for its results.
    (tmp_path / "2021.yaml").write_text(HEAD.format(year=2021), encoding="utf-8")
    assert load_editions(str(tmp_path))[0].results_pending


@pytest.mark.parametrize(
    "written, decimals",
    [("84.0", 1), ("85", 0), ("89.65", 2), (".5", 1), ("8.45e1", 1), ("1e3", 0)],
)
def test_decimals_are_counted_as_written(written, decimals):
    assert written_decimals(written) == decimals


def test_every_score_of_an_edition_shows_its_decimals_with_a_comma():
    found = edition(HEAD.format(year=2020) + RESULTS.replace("89.6", "90"))
    assert [r.score for r in found.results] == [90, 84.0]
    assert found.score_decimals == 1
    angka = make_filters("id")["angka"]
    shown = [angka(r.score, found.score_decimals) for r in found.results]
    assert shown == ["90,0", "84,0"]
    whole = edition(HEAD.format(year=2020) + RESULTS.replace("84.0", "84"))
    assert whole.score_decimals == 1  # 89.6 still has one
    plain = edition(
        HEAD.format(year=2020) + RESULTS.replace("84.0", "84").replace("89.6", "90")
    )
    assert plain.score_decimals == 0
    assert angka(84, plain.score_decimals) == "84"
