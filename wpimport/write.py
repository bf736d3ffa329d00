"""Write the planned files into the content folder, and nowhere else.

Each file is written to a temporary file beside it and renamed into
place, so a reader never sees half a file. A file whose bytes are already
there is not touched; one that exists with other bytes (an editor changed
it after an earlier import) is left alone and reported.
"""

import os
from dataclasses import dataclass, field

from sitekit.files import atomic_write


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
            atomic_write(target, data)
            outcome.created.append(relative)
        elif relative in replace:
            atomic_write(target, data)
            outcome.updated.append(relative)
        else:
            outcome.kept.append(relative)
    return outcome
