"""The site benchmark runs at `--quick` size and writes a well-formed report.

Timings depend on the machine, so no test here asserts one: only that
every scenario was measured for the right sites and that the medians,
ratios and targets follow from the recorded runs.
"""

import json
import shutil
import statistics

import pytest

from bench.report import (
    BASELINE,
    SCENARIOS,
    SITES,
    format_table,
    growth_summary,
    ratios,
    summarise,
    targets,
)
from bench.site import parameters
from conftest import ROOT, copy_project, invoke


@pytest.fixture(scope="module")
def bench_run(tmp_path_factory):
    """(report, stdout, project) of one `invoke bench --quick --only site`."""
    scratch = tmp_path_factory.mktemp("bench")
    project = copy_project(scratch / "project")
    shutil.copytree(
        ROOT / "bench",
        project / "bench",
        ignore=shutil.ignore_patterns("__pycache__", "results"),
    )
    results = scratch / "hasil"
    result = invoke(
        project, "bench", "--quick", "--only", "site", "--results-dir", str(results)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    [path] = results.glob("situs-*.json")
    return json.loads(path.read_text(encoding="utf-8")), result.stdout, project


@pytest.mark.slow
def test_every_scenario_is_measured_for_its_sites(bench_run):
    report, _stdout, _project = bench_run
    expected = {key: set(sites) for key, _label, sites in SCENARIOS}
    assert {key: set(rows) for key, rows in report["scenarios"].items()} == expected
    runs = report["parameters"]["runs"]
    for rows in report["scenarios"].values():
        for row in rows.values():
            assert len(row["runs"]) == runs
            assert len(row["peak_mib_runs"]) == runs


@pytest.mark.slow
def test_medians_ratios_and_peaks_follow_from_the_runs(bench_run):
    report, _stdout, _project = bench_run
    scenario, site = BASELINE
    base = report["scenarios"][scenario][site]["median"]
    assert report["baseline"]["median"] == base
    for rows in report["scenarios"].values():
        for row in rows.values():
            assert all(seconds > 0 for seconds in row["runs"])
            assert row["median"] == statistics.median(row["runs"])
            assert row["ratio"] == pytest.approx(row["median"] / base)
            assert row["peak_mib"] == max(row["peak_mib_runs"]) > 0


@pytest.mark.slow
def test_parameters_and_targets(bench_run):
    report, _stdout, _project = bench_run
    parameters = report["parameters"]
    assert parameters["articles"] == 30
    assert parameters["runs"] == 1
    assert parameters["pelican"].count(".") >= 1
    assert report["growth"] is None  # --quick measures no growth
    targets = {target["name"]: target for target in report["targets"]}
    assert len(targets) == 8
    for target in targets.values():
        if target["value"] is None:
            assert target["ok"] is None
        else:
            assert target["ok"] == (target["value"] <= target["limit"])
    cold = report["scenarios"]["dingin"]["situs"]["ratio"]
    assert targets["bangun dingin situs / Pelican dingin"]["value"] == cold
    rows = report["scenarios"]
    for name, key in (
        ("bangun dingin, cache gambar hangat / Pelican dingin", "dingin-gambar-hangat"),
        ("satu artikel diubah situs / Pelican dingin", "satu-artikel"),
        ("klon baru situs / Pelican dingin", "klon-baru"),
    ):
        assert targets[name]["value"] == rows[key]["situs"]["ratio"]
    preview = report["preview"]
    assert len(preview["runs"]) == 2 and all(s > 0 for s in preview["runs"])
    assert preview["median"] == statistics.median(preview["runs"])
    name = "pratinjau hangat: simpan artikel → halaman tertulis (median)"
    assert targets[name]["value"] == preview["median"]


@pytest.mark.slow
def test_table_is_printed_and_nothing_written_into_the_project(bench_run):
    report, stdout, project = bench_run
    assert format_table(report) in stdout
    for _key, label, sites in SCENARIOS:
        for site in sites:
            assert f"| {label} | {SITES[site]} |" in stdout
    assert not (project / "bench" / "results").exists()


def test_summarise_and_ratios():
    scenarios = {
        "dingin": {"pelican": summarise([2.0, 5.0, 3.0], [50, 60, 55])},
        "tanpa-perubahan": {"situs": summarise([1.5, 0.5, 0.75], [70, 80, 75])},
    }
    assert ratios(scenarios) == 3.0
    assert scenarios["dingin"]["pelican"]["ratio"] == 1.0
    row = scenarios["tanpa-perubahan"]["situs"]
    assert row["median"] == 0.75
    assert row["ratio"] == 0.25
    assert row["peak_mib"] == 80


def test_growth_and_targets_in_the_table():
    """Growth is off at --quick size, so its part of the report is built here."""
    rows = {
        key: {site: summarise([2.0], [60]) for site in sites}
        for key, _label, sites in SCENARIOS
    }
    rows["dingin"]["pelican"] = summarise([4.0], [50])
    ratios(rows)
    large = {"situs": summarise([12.0], [390]), "pelican": summarise([16.0], [80])}
    report = {
        "parameters": parameters(100, 2, 3, 5, 1, (10, 10)),
        "notes": [],
        "scenarios": rows,
        "growth": growth_summary(rows["dingin"], large, 100),
    }
    report["targets"] = targets(report)
    assert report["growth"]["sites"]["situs"]["time_ratio"] == 6.0
    assert report["growth"]["sites"]["pelican"]["time_ratio"] == 4.0
    ok = [target["ok"] for target in report["targets"]]
    # No preview measured here; every other row at 2 s against 4 s: 0.5×.
    assert ok == [True, False, False, False, None, True, False, True]
    table = format_table(report)
    assert "| situs kita (invoke build) | 2,00 | 12,00 | 6,00× | 390 |" in table
    assert "- ✗ puncak memori situs, 500 artikel: 408,94 MB (target ≤ 400 MB)" in table
    assert "- ✓ bangun dingin situs / Pelican dingin: 0,50× (target ≤ 1,3×)" in table
