"""Shared fixtures: real Pelican builds into temporary folders."""

import hashlib
import os
import shutil
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, settings

from sitebuild.serving import folder_server
from sitecheck import nu

# Property-based tests run the same examples on every machine (derandomize),
# a modest number of them, and without a wall-clock deadline: a slow CI
# machine must not turn into a flaky failure.
settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
# What a project checkout needs to build; tests copy it so that they can
# change content freely and never write into the source tree.
PROJECT_PARTS = [
    "content",
    "plugins",
    "theme",
    "sitekit",
    "sitebuild",
    "wpimport",
    "sitecheck",
    "tasks.py",
    "pelicanconf.py",
    "publishconf.py",
    "babel.cfg",
]
# Installed tools the copy uses but never changes: linked, not copied
# (node_modules/ holds the Nu HTML checker, see sitecheck/nu.py).
LINKED_PARTS = ["node_modules"]
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc")


def copy_project(dest):
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=IGNORE)
        else:
            shutil.copy2(source, dest / part)
    for part in LINKED_PARTS:
        if (ROOT / part).exists():
            (dest / part).symlink_to(ROOT / part, target_is_directory=True)
    return dest


def run(args, cwd, env=None):
    """Run a command, capturing its output as text."""
    return subprocess.run(
        args,
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
        timeout=300,
    )


def invoke(project, *args):
    return run([sys.executable, "-m", "invoke", *args], cwd=project)


def digest(folder):
    """Path -> SHA-256 of every file under `folder`."""
    folder = Path(folder)
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def soup(site, url):
    """Parse the page at site-relative `url` (a clean URL or a file)."""
    path = Path(site) / url.lstrip("/")
    if url.endswith("/") or url == "":
        path = path / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory):
    """The demo site built with the plain `pelican` command."""
    output = tmp_path_factory.mktemp("demo") / "output"
    cache = output.parent / "cache"  # never the source tree's cache/
    result = run(
        [
            sys.executable,
            "-m",
            "pelican",
            "content",
            "-s",
            "pelicanconf.py",
            "-o",
            str(output),
            "-e",
            f'CACHE_PATH="{cache}"',
        ],
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="session")
def built_project(tmp_path_factory):
    """A copy of the project with output/ built by `invoke build`."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    result = invoke(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.fixture
def project(built_project, tmp_path):
    """A fresh, already built copy of the project for one test to change."""
    dest = tmp_path / "project"
    # symlinks=True keeps output/ the symlink to its build that `build` made.
    shutil.copytree(built_project, dest, ignore=IGNORE, symlinks=True)
    return dest


@pytest.fixture(scope="module")
def nu_checker():
    """Run the Nu HTML checker (vnu.jar from node_modules/) on a folder.

    Errors only, one per line (`--format gnu`): a valid folder gives exit
    code 0 and no output at all.
    """
    problem = nu.unavailable()
    if problem is not None:
        pytest.fail(f"{problem} Cara memperbaiki: {nu.INSTALL_HINT}")
    return lambda root: run(nu.vnu_command(root, report_format="gnu"), ".")


CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium; Playwright must never download a browser here."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            "Browser tests need Debian's Chromium: run `bash .ci/install-system-deps`"
            " (or `apt-get install -y chromium`)."
        )
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@contextmanager
def serving(folder):
    """Serve `folder` on 127.0.0.1, on a free port, the way `invoke serve`
    does (the site's 404 page, nginx's types): yields its URL."""
    server = folder_server(str(folder), "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def serious_violations(page, **options):
    """axe-core's serious and critical violations on the page: (rule, targets)."""
    from axe_playwright_python.sync_playwright import Axe

    response = Axe().run(page, **options).response
    return [
        (v["id"], [n["target"] for n in v["nodes"]])
        for v in response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.fixture(scope="session")
def site_url(demo_site):
    """The demo site served over HTTP on 127.0.0.1, on a free port."""
    with serving(demo_site) as url:
        yield url


# A test that needs a browser or the Nu checker must carry its tier's
# marker, or `invoke test --quick` would start Chromium or Java after all.
TIER_FIXTURES = {"page": "browser", "browser": "browser", "nu_checker": "nu"}


def pytest_collection_modifyitems(config, items):
    unmarked = [
        f"{item.nodeid} (uses `{fixture}`, needs @pytest.mark.{marker})"
        for item in items
        for fixture, marker in TIER_FIXTURES.items()
        if fixture in getattr(item, "fixturenames", ())
        and item.get_closest_marker(marker) is None
    ]
    if unmarked:
        raise pytest.UsageError(
            "Tests without their tier marker:\n" + "\n".join(unmarked)
        )
