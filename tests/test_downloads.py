"""The CSV and JSON downloads hold exactly what the YAML says, and every
row of a sample year says so in its `sample` column."""

import csv
import io
import json

import pytest
import yaml
from demo_pages import institution_id

from conftest import ROOT

COLUMNS = [
    "year",
    "sample",
    "rank",
    "id",
    "name",
    "institution",
    "institution_id",
    "score",
    "award",
    "advances",
]
YEARS = sorted(int(p.stem) for p in (ROOT / "content" / "data").glob("*.yaml"))


def expected_rows(year):
    """The rows a journalist should get, computed from the YAML alone."""
    data = yaml.safe_load((ROOT / "content" / "data" / f"{year}.yaml").read_text())
    results = {r["team"]: r for r in data.get("results") or []}
    rows = []
    for team in data["teams"]:
        result = results.get(team["id"], {})
        rows.append(
            {
                "year": year,
                "sample": bool(data.get("sample")),
                "rank": result.get("rank"),
                "id": team["id"],
                "name": team["name"],
                "institution": team["institution"],
                "institution_id": institution_id(team),
                "score": result.get("score"),
                "award": result.get("award"),
                "advances": result.get("advances"),
            }
        )
    return rows


def as_csv_cells(row):
    cells = {}
    for key, value in row.items():
        if value is None:
            cells[key] = ""
        elif isinstance(value, bool):
            cells[key] = "true" if value else "false"
        else:
            cells[key] = str(value)
    return cells


def read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "spreadsheets need the UTF-8 BOM"
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    assert reader.fieldnames == COLUMNS
    return list(reader)


def by_id(rows):
    return {row["id"]: row for row in rows}


@pytest.mark.parametrize("year", YEARS)
def test_edition_csv_matches_yaml(demo_site, year):
    rows = read_csv(demo_site / "gelar" / str(year) / "hasil.csv")
    expected = [as_csv_cells(r) for r in expected_rows(year)]
    assert len(rows) == len(expected)  # one row per team
    assert by_id(rows) == by_id(expected)
    ranks = [int(r["rank"]) for r in rows if r["rank"]]
    assert ranks == sorted(ranks), "rows come in rank order"


@pytest.mark.parametrize("year", YEARS)
def test_edition_json_matches_yaml(demo_site, year):
    document = json.loads(
        (demo_site / "gelar" / str(year) / "hasil.json").read_text(encoding="utf-8")
    )
    data = yaml.safe_load((ROOT / "content" / "data" / f"{year}.yaml").read_text())
    assert document["year"] == year
    assert document["title"] == data["event"]["title"]
    assert document["date"] == data["event"]["date"].isoformat()
    assert document["sample"] is bool(data.get("sample"))
    assert document["results_announced"] is ("results" in data)
    assert document["results_status"] == (
        "published" if "results" in data else data.get("results_status", "pending")
    )
    assert document["url"] == f"/gelar/{year}/"
    assert by_id(document["teams"]) == by_id(expected_rows(year))
    for team in document["teams"]:
        assert list(team) == COLUMNS


def test_all_results_csv_holds_every_year(demo_site):
    rows = read_csv(demo_site / "data" / "hasil-semua.csv")
    expected = [as_csv_cells(r) for year in YEARS for r in expected_rows(year)]
    assert sorted(rows, key=lambda r: (r["year"], r["id"])) == sorted(
        expected, key=lambda r: (r["year"], r["id"])
    )
    assert [r["year"] for r in rows] == sorted(r["year"] for r in rows)


def test_edition_page_links_its_downloads(demo_site):
    from conftest import soup

    page = soup(demo_site, "gelar/2016/")
    hrefs = [a["href"] for a in page.select(".downloads a")]
    assert hrefs == [
        "/gelar/2016/hasil.csv",
        "/gelar/2016/hasil.json",
        "/data/datapackage.json",
    ]


def kbk_ids():
    return sorted({row["id"] for year in YEARS for row in expected_rows(year)})


def expected_updated(year):
    """docs/data.md: `updated:`, else the newest correction, else the day."""
    data = yaml.safe_load((ROOT / "content" / "data" / f"{year}.yaml").read_text())
    dates = [data["event"]["date"], *(c["date"] for c in data.get("corrections") or [])]
    return max([*dates, data["updated"]] if "updated" in data else dates)


def test_every_row_of_a_sample_year_says_so(demo_site):
    sample_years = {str(y) for y in YEARS if expected_rows(y)[0]["sample"]}
    assert sample_years, "the demo has sample years"
    files = [demo_site / "data/hasil-semua.csv"]
    files += sorted(demo_site.glob("gelar/*/hasil.csv"))
    files += sorted(demo_site.glob("kbk/*/riwayat.csv"))
    for path in files:
        for row in read_csv(path):
            assert row["sample"] == ("true" if row["year"] in sample_years else "false")


@pytest.mark.parametrize("year", YEARS)
def test_edition_json_states_licence_updates_and_corrections(demo_site, year):
    document = json.loads((demo_site / f"gelar/{year}/hasil.json").read_text())
    data = yaml.safe_load((ROOT / "content" / "data" / f"{year}.yaml").read_text())
    assert document["license"] == {
        "id": "CC-BY-4.0",
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/deed.id",
    }
    assert document["updated"] == expected_updated(year).isoformat()
    assert document["corrections"] == [
        {"date": c["date"].isoformat(), "note": c["note"]}
        for c in data.get("corrections") or []
    ]


def test_all_results_json_matches_the_csv(demo_site):
    document = json.loads((demo_site / "data/hasil-semua.json").read_text())
    rows = read_csv(demo_site / "data/hasil-semua.csv")
    assert document["columns"] == COLUMNS
    assert [as_csv_cells(team) for team in document["teams"]] == rows
    assert [e["year"] for e in document["editions"]] == YEARS
    assert document["sample_years"] == [
        y for y in YEARS if expected_rows(y)[0]["sample"]
    ]
    assert document["updated"] == max(expected_updated(y) for y in YEARS).isoformat()
    assert document["license"]["id"] == "CC-BY-4.0"


@pytest.mark.parametrize("kbk_id", kbk_ids())
def test_kbk_history_csv_and_json_match_yaml(demo_site, kbk_id):
    expected = [
        as_csv_cells(row)
        for year in YEARS
        for row in expected_rows(year)
        if row["id"] == kbk_id
    ]
    assert read_csv(demo_site / f"kbk/{kbk_id}/riwayat.csv") == expected
    document = json.loads((demo_site / f"kbk/{kbk_id}/riwayat.json").read_text())
    assert document["id"] == kbk_id
    assert document["url"] == f"/kbk/{kbk_id}/"
    assert [as_csv_cells(row) for row in document["history"]] == expected


def test_kbk_page_links_its_history_downloads(demo_site):
    from conftest import soup

    page = soup(demo_site, "kbk/formasi/")
    hrefs = [a["href"] for a in page.select(".downloads a")]
    assert hrefs == ["/kbk/formasi/riwayat.csv", "/kbk/formasi/riwayat.json"]
