"""A disk that refuses to be written: said in Indonesian, old site kept.

Issue 14, part of defect 5: a full disk (ENOSPC) and a read-only
output.builds/ (EROFS) gave tracebacks. The fast cases make the disk fail
inside this process at the points a real disk fails (the lock, the new
folder, the pages); the slow cases give a real build a real 3 MB disk and
a really read-only folder, each in a private mount namespace (`unshare
-m`, root only) that vanishes with the process.
"""

import errno
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap

import pytest

from conftest import digest
from hostile_kit import REPORT_START, inside, settings_file
from sitebuild import versions
from sitebuild.build import BuildFailed, build, validate
from sitekit import files


def failing(number, name="output.builds"):
    def fail(*args, **kwargs):
        raise OSError(number, os.strerror(number), name)

    return fail


def change_content(project):
    """An edit, so that the build does not stop at "nothing changed"."""
    with open(project / "content/pages/tentang.md", "a", encoding="utf-8") as handle:
        handle.write("\nSatu kalimat lagi.\n")


def refused_build(project):
    change_content(project)
    output = project / "output"
    before = digest(output)
    with inside(project), pytest.raises(BuildFailed) as refused:
        build(settings_file(project), str(output))
    assert digest(output) == before
    builds = sorted(p.name for p in (project / "output.builds").iterdir())
    assert builds == [".inputs.json", ".lock", output.resolve().name]
    return str(refused.value)


def test_a_full_disk_while_writing_pages_keeps_the_old_site(project, monkeypatch):
    monkeypatch.setattr(files.tempfile, "mkstemp", failing(errno.ENOSPC, "x.html"))
    message = refused_build(project)
    assert message.startswith("Build berhenti: disk penuh"), message
    assert "`invoke clean`" in message and "tidak diubah" in message


def test_a_read_only_builds_folder_keeps_the_old_site(project, monkeypatch):
    monkeypatch.setattr(versions.files, "new_folder", failing(errno.EROFS))
    message = refused_build(project)
    assert message.startswith("Build berhenti: folder ini hanya bisa dibaca"), message
    assert "`output.builds`" in message


def test_no_permission_to_take_the_lock_is_said_too(project, monkeypatch):
    monkeypatch.setattr(versions.os, "makedirs", failing(errno.EACCES))
    with inside(project), pytest.raises(BuildFailed) as refused:
        build(settings_file(project), str(project / "output"))
    assert "tidak ada izin menulis" in str(refused.value)


def test_validate_on_a_full_disk_is_said_in_indonesian(project, monkeypatch):
    monkeypatch.setattr(tempfile, "mkdtemp", failing(errno.ENOSPC, "/tmp"))
    with inside(project), pytest.raises(BuildFailed) as refused:
        validate(settings_file(project))
    assert str(refused.value).startswith("Build berhenti: disk penuh")


def test_other_os_errors_stay_errors_for_developers(project, monkeypatch):
    monkeypatch.setattr(versions.files, "new_folder", failing(errno.EIO))
    change_content(project)
    with inside(project), pytest.raises(OSError):
        build(settings_file(project), str(project / "output"))


# -- real disks ----------------------------------------------------------------

SCRIPT = """\
set -e
cd {project}
before=$(cd output && find . -type f -exec sha256sum {{}} + | sort | sha256sum)
printf '\nSatu kalimat lagi.\n' >> content/pages/tentang.md
{mount}
set +e
{python} -m invoke build > build.log 2>&1
echo "rc=$?"
set -e
after=$(cd output && find . -type f -exec sha256sum {{}} + | sort | sha256sum)
[ "$before" = "$after" ] && echo "output=same" || echo "output=changed"
ls -A output.builds | grep -c '^build-' | sed 's/^/builds=/'
"""


def in_private_mounts(project, mount):
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("needs root and unshare(1) for a private mount namespace")
    script = SCRIPT.format(project=project, mount=mount, python=sys.executable)
    result = subprocess.run(
        ["unshare", "-m", "--propagation", "private", "bash", "-c", script],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if "Operation not permitted" in result.stderr:
        pytest.skip("mounting is not permitted here: " + result.stderr.strip())
    assert result.returncode == 0, result.stdout + result.stderr
    log = (project / "build.log").read_text(encoding="utf-8")
    return result.stdout, log


def fill_to(project, spare_kb):
    """Shell lines that put output.builds/ on a tmpfs holding what is there
    plus `spare_kb` kilobytes."""
    used = sum(
        (p.stat().st_size // 4096 + 1) * 4
        for p in (project / "output.builds").rglob("*")
    )
    return textwrap.dedent(f"""\
        cp -a output.builds salinan-builds
        mount -t tmpfs -o size={used + spare_kb}k tmpfs output.builds
        cp -a salinan-builds/. output.builds/
        rm -rf salinan-builds
        """)


@pytest.mark.slow
def test_a_real_full_disk_fails_in_indonesian_and_keeps_the_old_site(project):
    out, log = in_private_mounts(project, fill_to(project, spare_kb=600))
    assert "rc=1" in out and "output=same" in out and "builds=1" in out, out + log
    assert "Build berhenti: disk penuh" in log or REPORT_START in log, log
    assert "Traceback" not in log, log
    assert "Pembangunan gagal" in log, log


@pytest.mark.slow
def test_a_really_read_only_builds_folder_fails_in_indonesian(project):
    mount = (
        "mount --bind output.builds output.builds\n"
        "mount -o remount,bind,ro output.builds\n"
    )
    out, log = in_private_mounts(project, mount)
    assert "rc=1" in out and "output=same" in out, out + log
    assert "Build berhenti: folder ini hanya bisa dibaca" in log, log
    assert "Traceback" not in log, log
