"""What a plain value in a data file may be: numbers as people write them,
and text that can be published.

PyYAML reads numbers by YAML 1.1 rules, which surprise editors: `0x1`
is 1, `1_0` is 10, `1:30` is 90 and `010` is 8. Those forms, and numbers
too long to be a rank or a score, are refused here with the line, so a
value is never read as something the editor did not write. Text must
hold no control characters or lone surrogates (an escape such as
`"\\x07"` or `"\\ud800"` in quotes makes one) and is kept in Unicode NFC.

`problem(node, value)` is pure: a scalar node and the value PyYAML built
from it in, the message and hint of what is wrong (or None) out.
"""

import re

from sitekit import textcheck

INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"

# Numbers as YAML 1.2 (and every editor) reads them.
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(
    r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
# More digits than any rank, score or year has; float() of a 400-digit
# number overflows, and int() refuses more than 4300 digits.
MAX_DIGITS = 15


def number_problem(node):
    """(message, hint) for a number written in a surprising or oversized
    form, or None."""
    text = node.value
    pattern = _INT if node.tag == INT_TAG else _FLOAT
    if not pattern.fullmatch(text):
        return (
            f"`{text}` dibaca YAML sebagai angka dengan aturan lama (YAML 1.1), "
            "tidak seperti yang tertulis.",
            "tulis angka biasa, mis. `rank: 1` atau `score: 87.5` (tanpa `_`, "
            "`:`, `0x` atau nol di depan); bila itu teks, mis. jam `1:30`, "
            'apit dengan tanda kutip: `"1:30"`.',
        )
    if sum(char.isdigit() for char in text) > MAX_DIGITS:
        return (
            f"angka `{text[:20]}…` terlalu panjang ({len(text)} karakter).",
            f"tulis angka dengan paling banyak {MAX_DIGITS} angka.",
        )
    return None


def text_problem(text):
    """(message, hint) for text that holds a forbidden character, or None."""
    found = textcheck.first_forbidden(text)
    if found is None:
        return None
    return textcheck.forbidden_message(found[1]), textcheck.FORBIDDEN_HINT


def problem(node):
    """(message, hint) for what is wrong with a scalar node, or None."""
    if node.tag in (INT_TAG, FLOAT_TAG):
        return number_problem(node)
    return text_problem(node.value)


def clean(value):
    """A built scalar as the archive keeps it: text in NFC."""
    return textcheck.normalised(value) if isinstance(value, str) else value
