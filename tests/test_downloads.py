"""The CSV and JSON downloads hold exactly what the YAML says."""

import csv
import io
import json

import pytest
import yaml

from conftest import ROOT

COLUMNS = ["year", "rank", "id", "name", "institution", "score", "award", "advances"]
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
                "rank": result.get("rank"),
                "id": team["id"],
                "name": team["name"],
                "institution": team["institution"],
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
    assert hrefs == ["/gelar/2016/hasil.csv", "/gelar/2016/hasil.json"]
