"""Dates and numbers for readers, in the site's locale, through Babel.

Babel's CLDR data formats them ("30 September 2015", "89,6"), never the
machine's locale. The same functions serve the templates (as the
`tanggal` and `angka` filters) and the share images.
"""

import datetime
import functools

from babel.dates import format_date
from babel.numbers import format_decimal

DATE_FORMATS = {
    "long": "d MMMM y",  # 30 September 2015
    "month": "MMMM y",  # September 2015
    "short": "d MMM y",  # 30 Sep 2015
}


def _as_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    return value


def make_filters(locale):
    # Remembered: an archive shows the same few thousand dates on many pages.
    @functools.lru_cache(maxsize=8192)
    def _formatted(day, style):
        return format_date(day, DATE_FORMATS[style], locale=locale)

    def tanggal(value, style="long"):
        if value is None:
            return ""
        return _formatted(_as_date(value), style)

    def angka(value, decimals=None):
        """A number for readers: "89,6". With `decimals`, always that many
        ("84,0" next to "89,6": an edition's scores as it writes them)."""
        if value is None:
            return ""
        if decimals is None:
            return format_decimal(value, locale=locale)
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        return format_decimal(value, format=pattern, locale=locale)

    return {"tanggal": tanggal, "angka": angka}
