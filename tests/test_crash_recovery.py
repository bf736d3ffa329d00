"""A build whose parent process alone is killed (a closed terminal, the
OOM killer) leaves no worker behind, and the next build just works."""

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from bench import archive
from bench.photos import make_photo
from conftest import ROOT, invoke

pytestmark = pytest.mark.slow

# What `invoke build` needs besides bench/archive.py's project parts.
TOOLS = ("tasks.py", "sitebuild", "sitecheck", "wpimport")


def children(pid):
    """Process ids whose parent is `pid` (read from /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = _stat(int(entry))
            if stat and int(stat[1]) == pid:
                found.append(int(entry))
    return found


def _stat(pid):
    """(state, parent pid) of a process, or None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return fields[0], fields[1]


def running(pid):
    stat = _stat(pid)
    return stat is not None and stat[0] != "Z"  # a zombie runs nothing


def synthetic(folder, phase):
    """A project whose build starts the Markdown pool or the photo pool."""
    photos = []
    if phase == "foto":
        originals = folder.parent / "asli"
        originals.mkdir()
        for number in range(16):
            path = originals / f"foto-{number:02d}.jpg"
            make_photo(path, seed=number, gps=False)
            photos.append(str(path))
    articles = 400 if phase == "markdown" else 5
    archive.make_project(str(ROOT), str(folder), articles, 1, 3, photos)
    for part in TOOLS:
        source = ROOT / part
        copy = shutil.copytree if source.is_dir() else shutil.copy2
        copy(source, folder / part)
    return folder


@pytest.mark.parametrize("phase", ["markdown", "foto"])
def test_killing_the_build_parent_leaves_no_worker_and_the_next_build_works(
    tmp_path, phase
):
    project = synthetic(tmp_path / "proyek", phase)
    build = subprocess.Popen(
        [sys.executable, "-m", "invoke", "build"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    workers = []
    while len(workers) < 2:
        assert build.poll() is None, "the build ended before its workers started"
        assert time.monotonic() < deadline, "no worker pool started"
        workers = children(build.pid)
        time.sleep(0.02)
    os.kill(build.pid, signal.SIGKILL)  # the parent alone, not its group
    build.wait()
    deadline = time.monotonic() + 10
    while any(running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [pid for pid in workers if running(pid)] == []
    started = time.monotonic()
    again = invoke(project, "build")
    assert again.returncode == 0, again.stdout + again.stderr
    assert time.monotonic() - started < 240
    assert (project / "output/index.html").exists()
