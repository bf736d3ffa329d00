"""Versioned build folders behind one symlink, so output/ is never missing.

    output            -> output.builds/build-XXXXXXXX   (a relative symlink)
    output.builds/
        build-XXXXXXXX/   the live site
        build-YYYYYYYY/   a build in progress, or one that was killed
        .lock             held while a build runs
        .inputs.json      what the live build was made from (sitebuild/inputs.py)
        .terbit.json      the last public publish (sitebuild/publishing.py)

A build writes a new folder in output.builds/ and goes live by replacing
the `output` symlink with `os.replace`, which is atomic on POSIX: a reader
(a web server, `invoke serve`, rsync) sees either the old site or the new
one, never a missing or half-written folder. A build killed at any moment,
even by SIGKILL, leaves the old folder and the symlink untouched; its
half-written folder is removed by the next build.

The only non-atomic step is the first build after `output/` was a plain
folder (older checkouts, or a copy without symlinks): that folder is moved
into output.builds/ by rename and the symlink takes its place.
"""

import fcntl
import os
import shutil
import tempfile
import time
from contextlib import contextmanager

from sitekit import files

PREFIX = "build-"
LOCK = ".lock"
RECORD = ".inputs.json"
# When the public site was last published (sitebuild/publishing.py).
PUBLISHED = ".terbit.json"
# Staging folders of the older rename-based build, beside output/.
OLD_STAGING = ("-baru-", "-lama-")


def builds_dir(output_path):
    return f"{output_path}.builds"


class LockTimeout(Exception):
    """Another build held the lock for longer than we wait."""


WAITING = "Menunggu pembangunan lain selesai…"


@contextmanager
def locked(output_path, wait=600.0, say=print):
    """Hold the build lock; a second build waits for the first one.

    The lock is the kernel's (flock): a build that dies, however it dies,
    lets go of it, and its workers die with it (sitekit/workers.py). The
    holder writes its process id into the lock file and empties it when
    it is done, so a later build knows when one stopped half-way. Yields a
    note for the editor in that case, else None. Waits at most `wait`
    seconds for a live build, saying so once, then raises LockTimeout.
    """
    folder = builds_dir(output_path)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, LOCK), "a+") as handle:
        _acquire(handle, wait, say)
        try:
            handle.seek(0)
            previous = handle.read().strip()
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()))
            handle.flush()
            yield _takeover_note(previous)
        finally:
            handle.truncate(0)
            handle.flush()
            fcntl.flock(handle, fcntl.LOCK_UN)


def _acquire(handle, wait, say):
    deadline = time.monotonic() + wait
    said = False
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                handle.seek(0)
                holder = handle.read().strip() or "?"
                raise LockTimeout(
                    f"Pembangunan lain (PID {holder}) masih berjalan setelah "
                    f"{wait:.0f} detik menunggu. Tunggu sampai selesai, atau bila "
                    f"proses itu macet, hentikan dengan `kill {holder}` lalu ulangi."
                ) from None
            if not said:
                say(WAITING)
                said = True
            time.sleep(0.2)


def _takeover_note(previous):
    if not previous:
        return None
    return (
        f"Pembangunan sebelumnya (PID {previous}) berhenti di tengah jalan; "
        "kuncinya diambil alih dan sisa-sisanya dibersihkan. Situs yang tampil "
        "tetap versi terakhir yang selesai."
    )


def new_folder(output_path):
    """An empty folder for the next build, readable by the web server."""
    return files.new_folder(builds_dir(output_path), PREFIX)


def record_path(output_path):
    return os.path.join(builds_dir(output_path), RECORD)


def live_folder(output_path):
    """The build folder `output_path` points at, or None."""
    if not os.path.islink(output_path):
        return None
    return os.path.realpath(output_path)


def publish(folder, output_path):
    """Make `folder` the live site with one atomic rename of a symlink."""
    parent = os.path.dirname(output_path)
    if os.path.isdir(output_path) and not os.path.islink(output_path):
        # A plain folder cannot be replaced by a symlink in one step.
        keep = tempfile.mkdtemp(prefix=PREFIX, dir=builds_dir(output_path))
        os.rmdir(keep)
        os.rename(output_path, keep)
    link = os.path.join(builds_dir(output_path), f".link-{os.getpid()}")
    if os.path.lexists(link):
        os.unlink(link)
    os.symlink(os.path.relpath(folder, parent), link)
    os.replace(link, output_path)


def leftovers(output_path):
    """Paths of builds that are not live: killed, failed or replaced."""
    live = live_folder(output_path)
    folder = builds_dir(output_path)
    found = []
    if os.path.isdir(folder):
        found += [
            os.path.join(folder, name)
            for name in sorted(os.listdir(folder))
            if name not in (LOCK, RECORD, PUBLISHED)
            and os.path.join(folder, name) != live
        ]
    parent, name = os.path.split(output_path)
    found += [
        os.path.join(parent, entry)
        for entry in sorted(os.listdir(parent))
        if entry.startswith(f".{name}-") and any(m in entry for m in OLD_STAGING)
    ]
    return found


def remove_leftovers(output_path):
    """Remove what killed or replaced builds left; call with the lock held."""
    for path in leftovers(output_path):
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)
        else:
            os.unlink(path)


def remove_all(output_path):
    """`invoke clean`: the symlink (or plain folder) and every build."""
    folder = builds_dir(output_path)
    removed = [p for p in leftovers(output_path) if os.path.dirname(p) != folder]
    if os.path.lexists(output_path):
        removed.insert(0, output_path)
    if os.path.isdir(folder):
        removed.append(folder)
    for path in removed:
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        else:
            os.unlink(path)
    return removed
