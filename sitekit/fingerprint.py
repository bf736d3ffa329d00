"""Text forms of what shapes a build, equal across processes and runs.

`stable(value)` writes a settings value so that the same value gives the
same text in every process (a plain repr of a function holds its memory
address). `distributions()` lists every installed distribution with its
version, read from the names of the `*.dist-info` and `*.egg-info`
folders on `sys.path` (no metadata file is opened, so it costs a few
directory listings): an upgrade of any library, Pygments or MarkupSafe as
much as Pelican, changes the list.
"""

import functools
import inspect
import os
import re
import sys

_INFO = re.compile(r"(?P<name>.+?)-(?P<version>[^-]+?)\.(?:dist|egg)-info$")


def stable(value):
    """A text form of a settings value that is equal across processes."""
    if isinstance(value, dict):
        items = sorted((str(k), stable(v)) for k, v in value.items())
        return "{" + ", ".join(f"{k}: {v}" for k, v in items) + "}"
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [stable(v) for v in value]
        if isinstance(value, (set, frozenset)):
            items.sort()
        return "[" + ", ".join(items) + "]"
    if callable(value) or inspect.ismodule(value):
        module = getattr(value, "__module__", None) or getattr(value, "__name__", "")
        return f"<{module}.{getattr(value, '__qualname__', '')}>"
    text = repr(value)
    if " at 0x" in text:  # an object without a meaningful repr
        return f"<{type(value).__module__}.{type(value).__qualname__}>"
    return text


def _normal(name):
    return re.sub(r"[-_.]+", "-", name).lower()


@functools.cache
def distributions():
    """("python X.Y.Z …", "name==version", …) of every installed
    distribution, sorted; computed once per process."""
    found = set()
    for entry in sys.path:
        try:
            names = os.listdir(entry or os.curdir)
        except OSError:  # a zip file or a missing folder
            continue
        for name in names:
            match = _INFO.match(name)
            if match:
                found.add(f"{_normal(match['name'])}=={match['version']}")
    return (f"python {sys.version}", *sorted(found))
