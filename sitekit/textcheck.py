"""Characters an editor cannot see but a build chokes on, and one form of text.

Pure functions. Control characters (a vertical tab pasted from a word
processor, an escape code) and lone surrogates cannot be written into a
feed or a UTF-8 file; invisible format characters (a zero-width space)
make two equal-looking names or ids differ. Text is compared and stored
in one Unicode form, NFC, so a name typed on two keyboards is one name.
"""

import re
import unicodedata

# Control characters text may hold: tab, line feed, carriage return.
ALLOWED_CONTROLS = {"\t", "\n", "\r"}


def is_forbidden(char):
    """A character no published text may hold: a C0 or C1 control character
    (other than tab and line breaks), DEL, a surrogate or a noncharacter."""
    code = ord(char)
    if char in ALLOWED_CONTROLS:
        return False
    return (
        code < 0x20
        or 0x7F <= code <= 0x9F
        or 0xD800 <= code <= 0xDFFF
        or 0xFDD0 <= code <= 0xFDEF
        or (code & 0xFFFE) == 0xFFFE
    )


def _forbidden_class():
    """`is_forbidden` as one regular expression character class: a file of
    thousands of lines is checked in C, not character by character."""
    ranges = [r"\x00-\x08", r"\x0b\x0c", r"\x0e-\x1f", r"\x7f-\x9f"]
    ranges += [r"\ud800-\udfff", r"\ufdd0-\ufdef"]
    # The last two code points of every plane are noncharacters.
    ranges += [rf"\U{plane:04X}FFFE\U{plane:04X}FFFF" for plane in range(17)]
    return re.compile("[" + "".join(ranges) + "]")


FORBIDDEN = _forbidden_class()


def first_forbidden(text):
    """(index, character) of the first forbidden character, or None."""
    found = FORBIDDEN.search(text)
    return None if found is None else (found.start(), found.group())


def is_invisible(char):
    """A format character that shows nothing (zero-width space, joiners,
    soft hyphen, byte-order mark, direction marks)."""
    return unicodedata.category(char) == "Cf"


def invisible_characters(text):
    """The invisible characters of `text`, in order, each once."""
    return list(dict.fromkeys(char for char in text if is_invisible(char)))


def code_point(char):
    return f"U+{ord(char):04X}"


def forbidden_message(char):
    """What is wrong with a forbidden character, for a Problem."""
    if 0xD800 <= ord(char) <= 0xDFFF:
        return (
            f"berisi {code_point(char)}, separuh karakter (surrogate) yang tidak "
            "bisa disimpan sebagai teks UTF-8."
        )
    return f"berisi karakter kendali {code_point(char)} yang tidak boleh ada."


FORBIDDEN_HINT = (
    "hapus karakter tak terlihat itu (biasanya terbawa saat menyalin dari "
    "dokumen lain, atau ditulis sebagai kode seperti `\\x07` atau `\\ud800`) "
    "atau ketik ulang teks tersebut."
)


def normalised(text):
    """`text` in Unicode NFC, the one form names and ids are kept in."""
    return unicodedata.normalize("NFC", text)


def comparable(text):
    """The form two names are compared in: NFC, invisible characters
    dropped, case folded."""
    visible = "".join(char for char in normalised(text) if not is_invisible(char))
    return visible.casefold()


def line_of_index(text, index):
    """The 1-based line of `text[index]`, counting only line feeds (a form
    feed or vertical tab does not start a line for an editor)."""
    return text.count("\n", 0, index) + 1
