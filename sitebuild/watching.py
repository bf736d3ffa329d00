"""Which watched files changed: a snapshot of sizes and mtimes, compared.

Polling keeps no open handles and works on every filesystem; a snapshot
of a project of a few thousand files takes a few milliseconds.
"""

import os

# Editors' backup, swap and lock files, and Python's bytecode.
IGNORED_SUFFIXES = ("~", ".swp", ".swx", ".pyc", ".tmp")
IGNORED_PREFIXES = (".#", ".")
IGNORED_DIRS = ("__pycache__",)


def _ignored(name):
    return name.endswith(IGNORED_SUFFIXES) or name.startswith(IGNORED_PREFIXES)


def snapshot(roots):
    """{path: (mtime_ns, size)} of every file under the given files/folders."""
    found = {}
    for root in roots:
        if os.path.isfile(root):
            stat = os.stat(root)
            found[root] = (stat.st_mtime_ns, stat.st_size)
        elif os.path.isdir(root):
            _scan(root, found)
    return found


def _scan(folder, found):
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return  # removed while we looked; the next snapshot tells
    for entry in entries:
        if _ignored(entry.name):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                if entry.name not in IGNORED_DIRS:
                    _scan(entry.path, found)
            elif entry.is_file():
                stat = entry.stat()
                found[entry.path] = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            continue


def changes(before, after):
    """(modified, added, removed): sets of paths between two snapshots."""
    modified = {p for p in before.keys() & after.keys() if before[p] != after[p]}
    return modified, after.keys() - before.keys(), before.keys() - after.keys()
