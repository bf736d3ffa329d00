"""A build goes live all at once, or not at all, even when it is killed."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import digest, invoke

# Enough articles that writing the site takes a while, so the test can
# catch the build in the middle of writing.
EXTRA_ARTICLES = 400


def add_articles(project, count):
    folder = Path(project) / "content/berita/2017"
    for number in range(count):
        (folder / f"tambahan-{number}.md").write_text(
            f"Title: Berita Tambahan {number}\nDate: 2017-10-05 08:00\n"
            f"Category: Berita\nTags: uji-{number % 40}\n\nIsi berita {number}.\n",
            encoding="utf-8",
        )


def builds(project):
    return sorted(p.name for p in (Path(project) / "output.builds").iterdir())


def unfinished_build(project, live):
    """A build folder other than the live one that has files in it."""
    for folder in (Path(project) / "output.builds").glob("build-*"):
        if folder.resolve() != live and any(folder.rglob("*.html")):
            return folder
    return None


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["KILL", "TERM"])
def test_a_killed_build_leaves_the_old_output_byte_identical(project, sig):
    output = project / "output"
    assert output.is_symlink(), "the built project should have a versioned output"
    live = output.resolve()
    before = digest(output)
    add_articles(project, EXTRA_ARTICLES)

    build = subprocess.Popen(
        [sys.executable, "-m", "invoke", "build"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while unfinished_build(project, live) is None:
            assert build.poll() is None, "the build ended before it could be killed"
            assert time.monotonic() < deadline, "the build never started writing"
            time.sleep(0.005)
        assert build.poll() is None, "the build ended before it could be killed"
        build.send_signal(sig)
        assert build.wait(timeout=60) != 0
    finally:
        if build.poll() is None:
            build.kill()
            build.wait()

    assert output.resolve() == live
    assert digest(output) == before
    assert not (output / "berita/2017/berita-tambahan-0").exists()

    # The next build cleans up what the killed one left and goes live.
    result = invoke(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (output / "berita/2017/berita-tambahan-0/index.html").exists()
    assert builds(project) == [".inputs.json", ".lock", output.resolve().name]
    assert [p.name for p in project.iterdir() if p.name.startswith(".output-")] == []


@pytest.mark.slow
def test_output_is_never_missing_while_a_build_goes_live(project):
    output = project / "output"
    add_articles(project, 50)
    build = subprocess.Popen(
        [sys.executable, "-m", "invoke", "build"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    looks, missing = 0, 0
    while build.poll() is None:
        looks += 1
        if not os.path.exists(output / "index.html"):
            missing += 1
    assert build.returncode == 0
    assert looks > 100, "the reader should have looked many times during the build"
    assert missing == 0
    assert (output / "berita/2017/berita-tambahan-0/index.html").exists()


@pytest.mark.slow
def test_a_plain_output_folder_is_replaced_by_a_versioned_one(built_project, tmp_path):
    import shutil

    project = tmp_path / "project"
    shutil.copytree(built_project, project, symlinks=False)
    assert not (project / "output").is_symlink()
    (project / ".output-baru-abc123").mkdir()  # left by the older build
    result = invoke(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "output").is_symlink()
    assert (project / "output/index.html").exists()
    live = (project / "output").resolve().name
    assert builds(project) == [".inputs.json", ".lock", live]
    assert not (project / ".output-baru-abc123").exists()


def test_clean_removes_every_build(project):
    result = invoke(project, "clean")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not os.path.lexists(project / "output")
    assert not (project / "output.builds").exists()
