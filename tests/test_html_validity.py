"""Every page of the demo site is valid HTML for the Nu HTML checker."""

import pytest

pytestmark = pytest.mark.nu


def test_checker_catches_a_planted_error(nu_checker, tmp_path):
    (tmp_path / "index.html").write_text(
        '<!DOCTYPE html><html lang="id"><head><title>x</title></head>'
        '<body><p id="a"></p><p id="a"><img src="x.png"></p></body></html>'
    )
    result = nu_checker(tmp_path)
    assert result.returncode != 0
    assert "Duplicate ID" in result.stdout + result.stderr


def test_every_page_of_the_demo_is_valid(nu_checker, demo_site):
    result = nu_checker(demo_site)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Error" not in output, output
