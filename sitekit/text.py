"""Small text helpers every package needs the same way.

Pure functions, except `file_metadata_line` and `file_line_with`, which
read an article's source only to tell the editor which line to fix.
"""

import re

from sitekit.problems import ContentError, Problem

_UTF8_HINT = "simpan ulang berkas dengan pengodean UTF-8."


def decode_utf8(data, path, hint=_UTF8_HINT):
    """`data` as text, or ContentError naming the first line that is not
    UTF-8. A byte-order mark is dropped (Windows editors write one)."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ContentError(
            [Problem(path, line, None, "berkas bukan teks UTF-8.", hint)]
        ) from None


def split_list(value):
    """`a, b` (or a YAML/metadata list) as ["a", "b"], blanks dropped."""
    if isinstance(value, list | tuple):
        value = ",".join(str(v) for v in value)
    return [part.strip() for part in str(value).split(",") if part.strip()]


def metadata_line(source_text, key):
    """The 1-based line where metadata `key` is set, or None."""
    pattern = re.compile(rf"^\s*:?{re.escape(key)}\s*:", re.IGNORECASE)
    for number, line in enumerate(source_text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None


def _file_text(path):
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return None


def file_metadata_line(path, key):
    """`metadata_line` of the file at `path`; None when it cannot be read."""
    text = _file_text(path)
    return None if text is None else metadata_line(text, key)


def file_line_with(path, needle):
    """The 1-based line of the file at `path` holding `needle`, or None."""
    text = _file_text(path)
    if text is None or needle not in text:
        return None
    return text.count("\n", 0, text.index(needle)) + 1
