"""Pelican's own complaints about articles, retold in Indonesian.

Pelican logs (in English) and skips an article it cannot read. Our build
treats any such log as a failure; this module turns the common ones into
the same file:line:field problems that our plugins report.
"""

import os
import re

from sitekit.pelican_compat import MESSAGES
from sitekit.problems import Problem, display_path
from sitekit.text import file_metadata_line

MISSING = MESSAGES["missing_metadata"]
UNREADABLE = MESSAGES["unreadable"]
NO_SLUG = MESSAGES["no_slug"]
BAD_DATE = re.compile(r"^(?P<value>'.*') is not a valid date$")


def translate(msg, args, error, content_path):
    """A Problem for a known Pelican message, or None for any other."""
    if msg == MISSING and len(args) == 2:
        path, prop = str(args[0]), str(args[1])
        field = prop.capitalize()
        return Problem(
            display_path(path),
            1,  # metadata sits at the top of the file
            field,
            "wajib diisi tetapi tidak ada; artikel ini tidak bisa diterbitkan.",
            f"tambahkan baris `{field}: ...` di bagian atas artikel.",
        )
    if msg == NO_SLUG and len(args) == 2:
        kind, name = str(args[0]), str(args[1])
        field = {"Tag": "Tags", "Category": "Category"}.get(kind, kind)
        return Problem(
            "content",
            None,
            field,
            f"`{name}` tidak menghasilkan alamat halaman (slug), karena tidak "
            "memuat huruf atau angka.",
            f"tambahkan kata pada `{field}: ` di artikel yang memakainya, "
            f"mis. `{field}: budaya kerja`.",
        )
    if msg == UNREADABLE and len(args) == 1:
        path = os.path.join(content_path, str(args[0]))
        match = BAD_DATE.match(str(error or ""))
        if match:
            return Problem(
                display_path(path),
                file_metadata_line(path, "date"),
                "Date",
                f"tanggal {match.group('value')} tidak dikenali.",
                "tulis tanggal seperti `Date: 2015-10-01 09:00`.",
            )
        if isinstance(error, UnicodeDecodeError):
            return Problem(
                display_path(path),
                None,
                None,
                "berkas bukan teks UTF-8.",
                "simpan ulang berkas dengan pengodean UTF-8.",
            )
        detail = f" ({error})" if error else ""
        return Problem(
            display_path(path),
            None,
            None,
            f"artikel tidak dapat dibaca{detail}.",
            "periksa bagian metadata di atas artikel (Title, Date, Category).",
        )
    return None
