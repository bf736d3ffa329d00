"""Writing files so that no reader ever sees half of one.

Every file the project writes goes through `atomic_write`: the bytes go
into a temporary file in the same folder, which is then renamed over the
target. A rename never changes a file in place, which matters because
output files may be hard links shared with older build versions and with
caches. New files and folders get the user's usual permissions (umask),
since the web server must read them; `tempfile` alone would make them
private.
"""

import contextlib
import json
import os
import shutil
import tempfile

TEMPORARY_PREFIX = ".baru-"


def current_umask():
    """The process's umask (reading it means setting it, so set it back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path, data, *, durable=False):
    """Put `data` (bytes, or text written as UTF-8) at `path` in one step.

    `durable` also flushes the file to disk before the rename, for records
    that must survive a power cut (build records, caches' indexes).
    The temporary file is removed when anything fails.
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = os.path.dirname(path) or "."
    os.makedirs(folder, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), 0o666 & ~current_umask())
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        remove_quietly(temporary)
        raise


def place(path, data, output_path=None, previous_output=None):
    """Put `data` at `path` (inside `output_path`) like `atomic_write`;
    when the same file of the previous build, in `previous_output`, holds
    the same bytes, hard-link it instead.

    Reading a small file and linking it costs a fraction of creating a
    file, and an unchanged file then keeps its inode, date and cache
    entries (rsync, the web server) from one build to the next.
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    if previous_output and output_path:
        previous = os.path.join(previous_output, os.path.relpath(path, output_path))
        if _same_bytes(previous, data):
            os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
            remove_quietly(path)
            try:
                os.link(previous, path)
                return
            except OSError:
                pass  # another file system, a link limit: write it
    # It may be a link into an older build: replace, never rewrite.
    atomic_write(path, data)


def _same_bytes(path, data):
    try:
        if os.path.getsize(path) != len(data):
            return False
        with open(path, "rb") as handle:
            return handle.read() == data
    except OSError:
        return False


def write_json(path, value, *, indent=None, durable=False):
    atomic_write(
        path, json.dumps(value, indent=indent, ensure_ascii=False), durable=durable
    )


def read_json(path, default=None):
    """The JSON value at `path`, or `default` when it is missing or broken
    (a cache or record written by an older version is simply redone)."""
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return default


def link_or_copy(source, target):
    """Hard-link `source` at `target` (replacing what is there); copy when
    they are on different file systems. Only for files that are never
    changed in place, since both names share the bytes."""
    os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
    if os.path.lexists(target):
        os.remove(target)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def new_folder(parent, prefix=TEMPORARY_PREFIX):
    """An empty, uniquely named folder in `parent` with the usual permissions
    (mkdtemp alone makes it private, and copies would keep that mode)."""
    os.makedirs(parent, exist_ok=True)
    folder = tempfile.mkdtemp(prefix=prefix, dir=parent)
    os.chmod(folder, 0o777 & ~current_umask())
    return folder


def remove_quietly(path):
    with contextlib.suppress(FileNotFoundError):
        os.remove(path)
