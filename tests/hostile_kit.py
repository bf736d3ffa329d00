"""What every hostile-input test checks, in one place.

The test_hostile_*.py modules (one per class of hole found when the site
was tried as a hostile user would) plant one bad input each, then assert
what issue 14 asks of every case: refused with an Indonesian message that
names the file (and line where one exists), no traceback, the old output
byte for byte as it was, nothing from outside content/ published, and a
time bound where the hole was a hang.

Most cases run `validate` and `build` in this process on a copy of the
built demo (the `project` fixture of conftest.py): real Pelican, real
plugins, a second or two each. A few per module run the real `invoke`
commands (`@pytest.mark.slow`).
"""

import hashlib
import os
import re
import time
from contextlib import contextmanager

from conftest import digest, invoke
from sitebuild.build import BuildFailed, build, validate

# Words of Indonesian every problem report carries.
REPORT_START = "Ditemukan "
FIX = "Cara memperbaiki:"


@contextmanager
def inside(project):
    """Run with `project` as the working folder, as `invoke` does (problem
    paths are shown relative to it)."""
    before = os.getcwd()
    os.chdir(project)
    try:
        yield
    finally:
        os.chdir(before)


def settings_file(project):
    return str(project / "pelicanconf.py")


def refused_by_validate(project):
    """The report of an in-process `validate` that must refuse the content."""
    with inside(project):
        try:
            notes = validate(settings_file(project))
        except BuildFailed as error:
            return str(error)
    raise AssertionError(f"validate accepted the input: {notes}")


def refused_by_build(project):
    """The report of an in-process `build` that must refuse the content;
    asserts the live output stayed byte for byte the same."""
    output = project / "output"
    before = digest(output)
    with inside(project):
        try:
            notes = build(settings_file(project), str(output))
        except BuildFailed as error:
            message = str(error)
        else:
            raise AssertionError(f"build accepted the input: {notes}")
    assert digest(output) == before, "a failed build changed output/"
    return message


def refused(project):
    """Both reports; `validate` must find everything `build` rejects."""
    checked = refused_by_validate(project)
    built = refused_by_build(project)
    return checked, built


def built(project):
    """The notes of an in-process `build` that must succeed."""
    with inside(project):
        return build(settings_file(project), str(project / "output"))


def assert_names(message, path, line, *fragments):
    """An Indonesian report naming `path` (at `line` when given) and every
    fragment; never a traceback or Pelican's English."""
    assert message.startswith(REPORT_START), message
    where = f"{path}:{line}:" if line is not None else f"{path}:"
    assert where in message, message
    for fragment in fragments:
        assert fragment in message, message
    assert FIX in message, message
    assert "Traceback" not in message, message
    for english in ("WARNING", "ERROR", "Unable to", "Skipping", "Could not"):
        assert english not in message, message


def assert_refused(project, path, line, *fragments):
    """Both `validate` and `build` refuse, with the same named problem."""
    for message in refused(project):
        assert_names(message, path, line, *fragments)


def append_line(project, path, text):
    """Add a paragraph `text` at the end of `path` (relative to `project`);
    returns its line."""
    with open(project / path, "a", encoding="utf-8") as handle:
        handle.write(f"\n{text}\n")
    return (project / path).read_text(encoding="utf-8").count("\n")


def line_of(project, path, needle, nth=1):
    """The line of `path` (relative to `project`) holding `needle`."""
    lines = (project / path).read_text(encoding="utf-8").split("\n")
    found = [n for n, line in enumerate(lines, 1) if needle in line]
    return found[nth - 1]


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_not_published(output, *secrets):
    """No file of the built site has the bytes of any of `secrets` (files
    from outside content/ or photos with their metadata)."""
    wanted = {sha(secret): secret for secret in secrets}
    found = [
        f"{path} = {wanted[value]}"
        for path, value in digest(output).items()
        if value in wanted
    ]
    assert found == []


@contextmanager
def within(seconds):
    """Fail when the body takes longer than `seconds` (the hole was a hang)."""
    start = time.monotonic()
    yield
    spent = time.monotonic() - start
    assert spent < seconds, f"took {spent:.1f} s, more than {seconds} s"


def run_both(project, seconds=120):
    """`invoke validate` and `invoke build` as an editor runs them: the
    (returncode, output) of each, the old output kept byte for byte."""
    before = digest(project / "output")
    results = []
    for task in ("validate", "build"):
        with within(seconds):
            result = invoke(project, task)
        results.append((result.returncode, result.stdout + result.stderr))
    assert digest(project / "output") == before
    return results


def assert_cli_refuses(project, path, line, *fragments, seconds=120):
    for code, message in run_both(project, seconds):
        assert code == 1, message
        start = message.index(REPORT_START)
        assert_names(message[start:], path, line, *fragments)
        assert re.search(r"(?m)^\s*File \"", message) is None, message
