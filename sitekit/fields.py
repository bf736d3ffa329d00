"""Typed fields read from parsed YAML, with every problem collected.

A `FieldReader` wraps one mapping from `yamlsource` and reads each field
as a kind (text, rank, number, date...). A wrong or missing value becomes
a Problem naming the file, the line and the dotted field path, and the
reader carries on, so an editor sees every mistake of a file at once.
"""

import datetime
import difflib
import math
import re

from sitekit.problems import Problem
from sitekit.yamlsource import Mapping, Sequence


def _is_text(value):
    return isinstance(value, str)


def _is_rank(value):
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _is_number(value):
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    # An int is always finite; math.isfinite would overflow on a huge one.
    return (isinstance(value, int) or math.isfinite(value)) and value >= 0


def _is_bool(value):
    return isinstance(value, bool)


def _is_date(value):
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


# A date in quotes, `"2019-10-12"`, is still the date the editor meant.
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def quoted_date(value):
    """The date of an ISO date written as text, or None (also for a date
    that does not exist, which the date check then reports)."""
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


# kind -> (check, what it must be, how to write it)
KINDS = {
    "text": (_is_text, "berupa teks", 'apit dengan tanda kutip, mis. `"{key}"`.'),
    "rank": (
        _is_rank,
        "berupa bilangan bulat mulai dari 1",
        "tulis peringkat sebagai angka, mis. `rank: 1`.",
    ),
    "number": (
        _is_number,
        "berupa angka tidak negatif",
        "tulis nilai dengan titik desimal, mis. `score: 87.5`.",
    ),
    "bool": (_is_bool, "bernilai `true` atau `false`", "tulis `true` atau `false`."),
    "date": (
        _is_date,
        "berupa tanggal TTTT-BB-HH",
        "tulis tanggal seperti `2015-09-30`.",
    ),
    "mapping": (
        lambda value: isinstance(value, Mapping),
        "berupa pemetaan `kolom: nilai`",
        "tulis kolom-kolomnya menjorok di bawah `{key}:`.",
    ),
    "list": (
        lambda value: isinstance(value, Sequence),
        "berupa daftar",
        "tulis setiap butir di baris sendiri diawali `- `, atau `[a, b]`.",
    ),
}


def describe(value):
    if isinstance(value, Mapping):
        return "sebuah pemetaan"
    if isinstance(value, Sequence):
        return "sebuah daftar"
    if value is None:
        return "kosong"
    return f"`{value}`"


class FieldReader:
    """Reads typed fields from one mapping, collecting problems on the way."""

    def __init__(self, mapping, path, prefix, problems):
        self.mapping = mapping
        self.path = path
        self.prefix = prefix
        self.problems = problems

    def field_name(self, key):
        return f"{self.prefix}.{key}" if self.prefix else key

    def problem(self, key, message, hint="", line=None):
        if line is None:
            line = self.mapping.line_of(key)
        self.problems.append(
            Problem(self.path, line, self.field_name(key), message, hint)
        )

    def get(self, key, kind, required=False):
        if key not in self.mapping:
            if required:
                self.problem(
                    key,
                    "wajib diisi tetapi tidak ada.",
                    f"tambahkan `{key}:` beserta nilainya.",
                    line=self.mapping.line,
                )
            return None
        value = self.mapping[key]
        if value is None:
            if required:
                self.problem(
                    key,
                    "wajib diisi tetapi kosong.",
                    f"tulis nilainya setelah `{key}:`.",
                    line=self.mapping.key_line(key),
                )
            return None
        if kind == "date" and isinstance(value, str):
            date = quoted_date(value)
            if date is not None:
                return date
            if _ISO_DATE.fullmatch(value.strip()):
                self.problem(
                    key,
                    f"`{value.strip()}` tidak ada di kalender.",
                    "tulis tanggal yang ada sebagai TTTT-BB-HH, mis. `2015-09-30`.",
                )
                return None
        check, must_be, how = KINDS[kind]
        if not check(value):
            self.problem(
                key,
                f"harus {must_be}, bukan {describe(value)}.",
                how.format(key=key),
            )
            return None
        if kind == "text":
            value = value.strip()
            if not value:
                self.problem(
                    key, "tidak boleh kosong.", "isi nilainya atau hapus kolomnya."
                )
                return None
        return value

    def items(self, key, required=False):
        """The (index, item, line) of a list field, or nothing."""
        sequence = self.get(key, "list", required)
        if sequence is None:
            return []
        if required and not sequence:
            self.problem(key, "tidak boleh kosong.", "isi minimal satu butir.")
        return [(i, item, sequence.line_of(i)) for i, item in enumerate(sequence)]

    def texts(self, key):
        values = []
        for index, item, line in self.items(key):
            if not isinstance(item, str) or not item.strip():
                self.problem(
                    f"{key}[{index}]",
                    f"harus berupa teks, bukan {describe(item)}.",
                    "apit dengan tanda kutip.",
                    line=line,
                )
            else:
                values.append(item.strip())
        return tuple(values)

    def mapping_items(self, key, required=False):
        """Yield a FieldReader for each mapping in a list field."""
        for index, item, line in self.items(key, required):
            name = f"{key}[{index}]"
            if not isinstance(item, Mapping):
                self.problem(
                    name,
                    f"harus berupa pemetaan `kolom: nilai`, bukan {describe(item)}.",
                    "lihat contoh di dokumentasi data (docs/data.md).",
                    line=line,
                )
                continue
            yield FieldReader(item, self.path, self.field_name(name), self.problems)

    def sub(self, key, required=False):
        mapping = self.get(key, "mapping", required)
        if mapping is None:
            return None
        return FieldReader(mapping, self.path, self.field_name(key), self.problems)

    def reject_unknown(self, allowed):
        for key in self.mapping:
            if key in allowed:
                continue
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = (
                f"mungkin maksudnya `{close[0]}`?"
                if close
                else "kolom yang dikenal: " + ", ".join(f"`{k}`" for k in allowed) + "."
            )
            self.problem(key, "kolom tidak dikenal.", hint)
