"""Rendering on every core writes the same site as Pelican alone.

A synthetic archive large enough for the workers to start (see
plugins/parallel/) is built three ways with the plain `pelican` command:
with the plugin on every core, with it in one process, and without it.
All three must be byte-identical, and a broken link warned about inside
a worker must still fail the build like any other warning.
"""

import json
import shutil
import sys

import pytest

from bench import archive
from conftest import ROOT, digest, run

pytestmark = pytest.mark.slow

PLUGINS = ["babel_i18n", "gelar", "galeri", "pembaca"]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    folder = tmp_path_factory.mktemp("paralel") / "project"
    archive.make_project(str(ROOT), str(folder), articles=120, years=3, kbks=5)
    return folder


def pelican(project, output, *settings):
    overrides = [f"CACHE_PATH={json.dumps(str(output) + '-cache')}", *settings]
    args = [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py"]
    args += ["-o", str(output), "-q"]
    # One -e with every override: Pelican keeps only the last -e given.
    args += ["-e", *overrides]
    return run(args, cwd=project)


def test_every_core_one_process_and_no_plugin_write_the_same_site(synthetic, tmp_path):
    builds = {
        "paralel": (),
        "satu proses": ("BUILD_PROCESSES=1",),
        "tanpa plugin": (f"PLUGINS={json.dumps(PLUGINS)}",),
    }
    sites = {}
    for name, settings in builds.items():
        output = tmp_path / name.replace(" ", "-")
        result = pelican(synthetic, output, *settings)
        assert result.returncode == 0, result.stdout + result.stderr
        sites[name] = digest(output)
    assert len(sites["paralel"]) > 300
    assert sites["paralel"] == sites["tanpa plugin"]
    assert sites["satu proses"] == sites["tanpa plugin"]


def test_a_warning_inside_a_worker_reaches_the_build(synthetic, tmp_path):
    """A {filename} link to nowhere is found when the page renders, in a
    worker (feeds, which would read the text earlier in the main process,
    are off); the build must still report it and fail."""
    project = tmp_path / "project"
    shutil.copytree(synthetic, project)
    for part in ("tasks.py", "sitebuild", "sitecheck", "wpimport"):
        source = ROOT / part
        copy = shutil.copytree if source.is_dir() else shutil.copy2
        copy(source, project / part)
    with open(project / "pelicanconf.py", "a", encoding="utf-8") as handle:
        handle.write(
            "\nFEED_ALL_ATOM = CATEGORY_FEED_ATOM = None\n"
            'GELAR_FEED_ATOM = KBK_FEED_ATOM = ""\n'
        )
    path = sorted((project / "content/berita").rglob("*.md"))[-1]
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("\n[tautan]({filename}/tidak-ada.md)\n")
    result = run([sys.executable, "-m", "invoke", "build"], cwd=project)
    assert result.returncode != 0
    assert "tidak-ada.md" in result.stdout + result.stderr
    assert not (project / "output").exists()
