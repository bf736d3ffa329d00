"""Write the planned files into the content folder, and nowhere else.

Each file is written to a temporary file beside it and renamed into
place, so a reader never sees half a file. A file whose bytes are already
there is not touched; one that exists with other bytes (an editor changed
it after an earlier import) is left alone and reported.
"""

import os
from dataclasses import dataclass, field


class OutsideContent(ValueError):
    """A planned path would leave the content folder."""


@dataclass
class Outcome:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    kept: list = field(default_factory=list)  # existing and different


def resolve(content, relative):
    """The absolute path of `relative` inside `content`, refusing escapes."""
    root = os.path.realpath(content)
    pieces = relative.split("/")
    if os.path.isabs(relative) or any(p in ("", ".", "..") for p in pieces):
        raise OutsideContent(relative)
    path = os.path.realpath(os.path.join(root, *pieces))
    if not path.startswith(root + os.sep):
        raise OutsideContent(relative)
    return path


def _read(path):
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return None


def _replace(path, data):
    folder, name = os.path.split(path)
    os.makedirs(folder, exist_ok=True)
    # open(..., "xb") gives the file the user's usual permissions (umask),
    # which tempfile.mkstemp would not.
    temporary = os.path.join(folder, f".{name}.impor-{os.getpid()}")
    try:
        with open(temporary, "xb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise


def write_all(content, files, copies, replace=()):
    """Write `files` (path -> bytes) and `copies` (path -> source file).

    Paths are relative to `content`. Paths in `replace` may be overwritten
    when their bytes differ (files this importer owns, like redirects).
    Every path is checked before anything is written.
    """
    planned = {path: resolve(content, path) for path in [*files, *copies]}
    outcome = Outcome()
    for relative in sorted(planned):
        target = planned[relative]
        if relative in files:
            data = files[relative]
        else:
            with open(copies[relative], "rb") as source:
                data = source.read()
        current = _read(target)
        if current == data:
            outcome.unchanged.append(relative)
        elif current is None:
            _replace(target, data)
            outcome.created.append(relative)
        elif relative in replace:
            _replace(target, data)
            outcome.updated.append(relative)
        else:
            outcome.kept.append(relative)
    return outcome
