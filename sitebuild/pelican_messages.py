"""Pelican's own complaints about articles, retold in Indonesian.

Pelican logs (in English) and skips an article it cannot read. Our build
treats any such log as a failure; this module turns the common ones into
the same file:line:field problems that our plugins report. Links that
find no file are found earlier, with their line, by
sitekit/contentcheck.py; the retelling here is for what slips past it.
"""

import os
import re

from sitebuild.diskerrors import disk_fix
from sitekit.pelican_compat import MESSAGES
from sitekit.problems import Problem, display_path
from sitekit.text import file_line_with, file_metadata_line, metadata_line

MISSING = MESSAGES["missing_metadata"]
UNREADABLE = MESSAGES["unreadable"]
NO_SLUG = MESSAGES["no_slug"]
STATUS_HINT = (
    "`Status:` hanya boleh `draft` atau `hidden`; untuk menerbitkan, hapus baris itu."
)
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
    problem = _about_a_file(msg, args, content_path)
    if problem is not None:
        return problem
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


def _full(path, content_path):
    return os.path.join(content_path, str(path))  # Pelican may log it relative


def _line(path, key=None, needle=None, nth=1):
    """The line of the `nth` metadata line `key`, or of the first line
    holding `needle`, in the file at `path`; None when not found."""
    if needle is not None:
        return file_line_with(path, needle)
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    found = [n for n, line in enumerate(lines, 1) if metadata_line(line, key)]
    return found[nth - 1] if len(found) >= nth else None


# Each retelling: Pelican's args in, (file, where its line is, field,
# message, hint) out; `where` is the metadata key, its occurrence or text.


def _status(status, path, _allowed):
    message = f"status `{status}` tidak dikenal; artikel ini tidak diterbitkan."
    return path, {"key": "status"}, "Status", message, STATUS_HINT


def _duplicate(name, path):
    return (
        path,
        {"key": str(name), "nth": 2},
        str(name).capitalize(),
        "kolom ini ditulis dua kali; Pelican memakai yang pertama.",
        "hapus salah satu baris itu.",
    )


def _outside(path, save_as):
    return (
        path,
        {"key": "save_as"},
        "Save_as",
        f"alamat `{save_as}` berada di luar folder output situs.",
        "tulis alamat di dalam situs tanpa `..` atau `/` di depan, "
        "mis. `Save_as: tentang/index.html`, atau hapus baris itu.",
    )


def _filename_static(value, path):
    return (
        path,
        {"needle": str(value)},
        None,
        f"tautan `{{filename}}{value}` menunjuk berkas statis.",
        f"tulis `{{static}}{value}` untuk gambar dan berkas lain.",
    )


def _empty_alt(image, path):
    return (
        path,
        {"needle": str(image)},
        None,
        f"gambar `{image}` tidak punya teks alternatif.",
        "tulis apa yang terlihat di gambar di dalam `![…]`, untuk pembaca tunanetra.",
    )


# Pelican's message (MESSAGES key) -> its retelling, for messages whose
# arguments name the file they are about.
ABOUT_A_FILE = {
    "unknown_status": _status,
    "duplicate": _duplicate,
    "outside_output": _outside,
    "filename_static": _filename_static,
    "empty_alt": _empty_alt,
}


def _about_a_file(msg, args, content_path):
    """Problems for Pelican messages that name the file they are about."""
    for name, retell in ABOUT_A_FILE.items():
        if msg == MESSAGES[name] and len(args) == msg.count("%"):
            path, where, field, message, hint = retell(*args)
            path = _full(path, content_path)
            return Problem(
                display_path(path), _line(path, **where), field, message, hint
            )
    if msg == MESSAGES["copy_failed"] and len(args) == 3:
        source, _destination, error = args
        return Problem(
            display_path(str(source)),
            None,
            None,
            f"berkas tidak bisa disalin ke situs ({error}).",
            disk_fix(error)
            or "periksa ruang disk dan hak akses folder output.builds/.",
        )
    if msg == MESSAGES["no_stamp"] and len(args) == 2:
        # A `{static}` link to a missing file makes Pelican look for it;
        # sitekit/contentcheck.py names the article and line of the link.
        return Problem(
            display_path(str(args[0])),
            None,
            None,
            "berkas ini ditautkan dengan `{static}` tetapi tidak ada.",
            "periksa tautan yang menunjuknya (masalah lain di daftar ini "
            "menyebut artikel dan barisnya).",
        )
    if msg == MESSAGES["not_found"] and len(args) == 1:
        return Problem(
            "content",
            None,
            None,
            f"tautan `{args[0]}` menunjuk berkas yang tidak ada atau tidak "
            "diterbitkan.",
            "cari tautan itu di content/ dan periksa ejaan dan foldernya, mis. "
            "`{static}/images/nama.jpg`.",
        )
    return None
