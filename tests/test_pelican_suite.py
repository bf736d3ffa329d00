"""Pelican's own tests pass with the parallel plugin forced on.

Pelican ships its test suite inside the installed package. Its functional
tests (test_pelican.py: whole sites compared with expected output), its
generator, reader and content tests run here with `tests/pelican_forced.py`,
which connects the parallel plugin to everything Pelican builds, with two
processes and no lower limit: every site they build is read and rendered
in forked processes, and must come out as Pelican alone makes it.

The wheel lacks Pelican's `samples/` folder, which five functional tests
read: so the tests run from the source distribution of the installed
version, fetched once from PyPI with pip into cache/pelican-sumber/ (or
from PELICAN_SOURCE, an unpacked one). Only when neither is at hand do
they run from the wheel without those five. The optional typogrify is not
installed; its two tests are left out.
"""

import os
import re
import sys
import tarfile
from importlib.metadata import version
from importlib.util import find_spec
from pathlib import Path

import pelican
import pytest

from conftest import ROOT, run

pytestmark = pytest.mark.slow

FILES = ("test_pelican.py", "test_generators.py", "test_readers.py", "test_contents.py")
NEEDS_SAMPLES = (
    "test_pelican.py::TestPelican::test_basic_generation_works",
    "test_pelican.py::TestPelican::test_custom_generation_works",
    "test_pelican.py::TestPelican::test_md_extensions_deprecation",
    "test_pelican.py::TestPelican::test_theme_static_paths_copy",
    "test_pelican.py::TestPelican::test_theme_static_paths_copy_single_file",
)
NEEDS_TYPOGRIFY = (
    "test_readers.py::RstReaderTest::test_typogrify_dashes_config",
    "test_readers.py::MdReaderTest::test_typogrify_dashes_config",
)


SOURCES = ROOT / "cache" / "pelican-sumber"


def _source():
    """The folder that holds `pelican/` and, from a source distribution,
    `samples/`."""
    given = os.environ.get("PELICAN_SOURCE")
    if given:
        return Path(given)
    return _source_distribution() or Path(pelican.__file__).resolve().parent.parent


def _source_distribution():
    """The installed version's sdist, unpacked under SOURCES, or None when
    PyPI cannot be reached."""
    release = version("pelican")
    unpacked = SOURCES / f"pelican-{release}"
    if (unpacked / "samples").is_dir():
        return unpacked
    download = [sys.executable, "-m", "pip", "download", "--no-deps", "-q"]
    download += ["--no-binary", ":all:", f"pelican=={release}", "-d", str(SOURCES)]
    if run(download, cwd=ROOT).returncode != 0:
        return None
    with tarfile.open(SOURCES / f"pelican-{release}.tar.gz") as archive:
        archive.extractall(SOURCES, filter="data")
    return unpacked if (unpacked / "samples").is_dir() else None


def test_pelican_s_own_tests_pass_with_the_parallel_plugin_forced_on(tmp_path):
    source = _source()
    tests = source / "pelican" / "tests"
    left_out = []
    if not (source / "samples").is_dir():
        left_out += NEEDS_SAMPLES
    if find_spec("typogrify") is None:
        left_out += NEEDS_TYPOGRIFY
    # An empty ini file: the project's pyproject.toml (found above a
    # virtualenv inside the project) must not put its folders first.
    ini = tmp_path / "pytest.ini"
    ini.write_text("[pytest]\n", encoding="utf-8")
    args = [sys.executable, "-m", "pytest", "-c", str(ini), "--rootdir", str(source)]
    args += ["-p", "pelican_forced", "-p", "no:cacheprovider", "-q"]
    args += [f"pelican/tests/{name}" for name in FILES]
    for test in left_out:
        args += ["--deselect", f"pelican/tests/{test}"]
    paths = [str(ROOT), str(ROOT / "plugins"), str(ROOT / "tests")]
    result = run(args, cwd=source, env={"PYTHONPATH": os.pathsep.join(paths)})
    report = result.stdout + result.stderr
    assert tests.is_dir(), f"Pelican's tests are not at {tests}"
    assert result.returncode == 0, report
    forks = re.search(r"(\d+) page renderers forked, (\d+) Markdown pools", report)
    assert forks, report
    assert int(forks[1]) >= 3, report  # the functional tests' sites
    assert int(forks[2]) >= 5, report
    passed = re.search(r"(\d+) passed", report)
    assert passed and int(passed[1]) >= 150, report
