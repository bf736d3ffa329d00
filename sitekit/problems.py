"""Problems found in content, reported to editors in Indonesian.

Every problem names the file, the line and the field, says what is wrong
and how to fix it. Validation collects all problems of a build before
failing, so an editor can fix them in one pass.
"""

import os
from dataclasses import dataclass


def display_path(path):
    """A path as editors see it: relative to the project when inside it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def describe(path, line, field, message, hint=""):
    """`path:line: kolom `field`: message Cara memperbaiki: hint`, the one
    shape of every problem an editor reads."""
    where = path if line is None else f"{path}:{line}"
    text = f"{where}: "
    if field:
        text += f"kolom `{field}`: "
    text += message
    if hint:
        text += f" Cara memperbaiki: {hint}"
    return text


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    field: str | None
    message: str
    hint: str = ""

    def __str__(self):
        return describe(self.path, self.line, self.field, self.message, self.hint)


class ContentError(Exception):
    """Raised when content or data cannot be published as it is."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self):
        return format_report(self.problems)


def format_report(problems):
    """The numbered summary editors read when a build stops."""
    lines = [f"Ditemukan {len(problems)} masalah; situs tidak dibangun."]
    lines += [f"  - {problem}" for problem in problems]
    return "\n".join(lines)


def raise_if_any(problems):
    if problems:
        raise ContentError(problems)
