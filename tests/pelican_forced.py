"""A pytest plugin for Pelican's own test suite: the parallel plugin on.

`tests/test_pelican_suite.py` runs Pelican's tests from the installed
package with `-p pelican_forced`. Its signals are connected for every
Pelican object and generator the tests make, with no lower limit of
files or pages and two processes, so every Markdown article goes through
a worker and every page through a forked writer wherever Pelican's tests
build a site. At the end it says how often it forked, so the test knows
the plugin really ran.
"""

import pelican.settings

import parallel
from parallel import reader, writer

FORKS = {"writer": 0, "reader": 0}


def _counting(function, kind):
    def counted(*args, **kwargs):
        FORKS[kind] += 1
        return function(*args, **kwargs)

    return counted


def pytest_configure(config):
    reader.MIN_FILES = 0
    writer.MIN_CALLS = 0
    pelican.settings.DEFAULT_CONFIG["BUILD_PROCESSES"] = 2
    writer.ParallelWriter._fork = _counting(writer.ParallelWriter._fork, "writer")
    reader._start = _counting(reader._start, "reader")
    parallel.register()


def pytest_terminal_summary(terminalreporter):
    terminalreporter.write_line(
        f"parallel forced on: {FORKS['writer']} page renderers forked, "
        f"{FORKS['reader']} Markdown pools started"
    )
