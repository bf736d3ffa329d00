"""`invoke lighthouse`: Lighthouse (mobile) on a publish build served on
this machine. Accessibility, best practices and SEO are deterministic and
asserted here; performance depends on the machine and is only reported
(docs/operasi.md). One run takes about 12 s per page, so the real run
audits two page types: the rest run through `invoke lighthouse` itself.
"""

import json

import pytest

from conftest import copy_project, invoke
from sitebuild import lighthouse


def test_the_table_marks_what_misses_its_target():
    scores = {
        "beranda": {
            "performance": 99,
            "accessibility": 100,
            "best-practices": 100,
            "seo": 100,
        },
        "gelar": {
            "performance": 90,
            "accessibility": 96,
            "best-practices": 100,
            "seo": 100,
        },
    }
    lines = lighthouse.table(scores).splitlines()
    assert lines[0].split() == [
        "halaman",
        "kinerja",
        "aksesibilitas",
        "praktik",
        "baik",
        "SEO",
    ]
    assert lines[1].split() == ["beranda", "99", "100", "100", "100"]
    assert lines[2].split() == ["gelar", "90", "✗", "96", "✗", "100", "100"]


def test_every_page_type_of_the_task_is_a_page_of_the_demo(demo_site):
    for path in lighthouse.PAGE_TYPES.values():
        file = demo_site / path.split("?")[0].lstrip("/")
        assert (file / "index.html").is_file(), path


def test_an_unknown_page_type_is_named(tmp_path):
    project = copy_project(tmp_path / "project")
    result = invoke(project, "lighthouse", "--only", "beranda,sampul")
    assert result.returncode == 1
    assert "Jenis halaman tidak dikenal: sampul." in result.stderr


@pytest.mark.slow
@pytest.mark.browser
def test_lighthouse_scores_accessibility_best_practices_and_seo_100(tmp_path):
    assert lighthouse.unavailable() is None
    project = copy_project(tmp_path / "project")
    report = tmp_path / "lighthouse.json"
    result = invoke(
        project,
        "lighthouse",
        "--only",
        "gelar-tanpa-hasil,cari",
        "--report",
        str(report),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    scores = json.loads(report.read_text(encoding="utf-8"))
    assert set(scores) == {"gelar-tanpa-hasil", "cari"}
    for name, row in scores.items():
        for key in lighthouse.DETERMINISTIC:
            assert row[key] == 100, (name, key, row)
        assert 0 < row["performance"] <= 100
    assert "aksesibilitas" in result.stdout and "gelar-tanpa-hasil" in result.stdout
