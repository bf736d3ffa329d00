"""Safe YAML parsing that remembers where every value came from.

PyYAML's `safe_load` forgets line numbers and silently keeps the last of
two equal keys. Editors need both: error messages that point at a line,
and a loud error for a key written twice. So we compose the node tree
ourselves and build plain values from it, refusing every tag that is not
plain data (`!!python/object` and friends never reach a constructor).
"""

import yaml

from sitekit.problems import ContentError, Problem
from sitekit.text import decode_utf8

# Tags a data file may use, explicitly or implicitly.
_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_MAP_TAG = "tag:yaml.org,2002:map"
# Data files nest four or five levels; far deeper is a mistake (or an
# attack) and would exhaust Python's recursion limit.
MAX_DEPTH = 40
_SEQ_TAG = "tag:yaml.org,2002:seq"

_SYNTAX_HINT = (
    "periksa indentasi (pakai spasi, bukan tab), titik dua setelah nama kolom, "
    "dan tanda kutip yang berpasangan; teks yang mengandung `:` atau `#` "
    "sebaiknya diapit tanda kutip."
)


class Mapping(dict):
    """A YAML mapping with the line of the mapping and of each key."""

    def __init__(self, line):
        super().__init__()
        self.line = line
        self.key_lines = {}

    def line_of(self, key):
        return self.key_lines.get(key, self.line)


class Sequence(list):
    """A YAML sequence with the line of the sequence and of each item."""

    def __init__(self, line):
        super().__init__()
        self.line = line
        self.item_lines = []

    def line_of(self, index):
        return self.item_lines[index]


def parse_yaml(text, path):
    """Parse YAML `text` into Mapping/Sequence/scalars, or raise ContentError."""
    try:
        loader = yaml.SafeLoader(text)
    except yaml.reader.ReaderError as error:
        raise ContentError([_unprintable(text, error, path)]) from None
    try:
        try:
            node = loader.get_single_node()
        except RecursionError:
            raise ContentError([_too_deep(path, None)]) from None
        if node is None:
            raise ContentError(
                [
                    Problem(
                        path,
                        1,
                        None,
                        "berkas kosong.",
                        "isi berkas dengan data, contohnya lihat `invoke new-year`.",
                    )
                ]
            )
        return _build(node, loader, path)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        detail = error.problem or error.context or "kesalahan sintaks"
        start = error.context_mark
        if start and mark and start.line != mark.line:
            detail += f"; bagian ini dimulai di baris {start.line + 1}"
        raise ContentError(
            [
                Problem(
                    path,
                    line,
                    None,
                    f"sintaks YAML salah ({detail}).",
                    _SYNTAX_HINT,
                )
            ]
        ) from None
    except yaml.YAMLError as error:
        raise ContentError(
            [Problem(path, None, None, f"sintaks YAML salah ({error}).", _SYNTAX_HINT)]
        ) from None
    finally:
        loader.dispose()


def _unprintable(text, error, path):
    """PyYAML refuses control characters before parsing anything."""
    line = text[: error.position].count("\n") + 1
    return Problem(
        path,
        line,
        None,
        f"berisi karakter kendali U+{error.character:04X} yang tidak boleh ada "
        "di berkas YAML.",
        "hapus karakter tak terlihat itu (biasanya terbawa saat menyalin dari "
        "dokumen lain) atau ketik ulang baris tersebut.",
    )


def _too_deep(path, line):
    return Problem(
        path,
        line,
        None,
        f"daftar atau pemetaan bersarang lebih dari {MAX_DEPTH} tingkat.",
        "periksa tanda `[`, `{` dan indentasi yang tidak berpasangan.",
    )


def _refuse_tag(node, path):
    raise ContentError(
        [
            Problem(
                path,
                node.start_mark.line + 1,
                None,
                f"tag YAML `{node.tag}` tidak diizinkan di berkas data.",
                "hapus tag yang diawali `!` atau `!!`; berkas data hanya boleh "
                "berisi teks, angka, tanggal, daftar dan pemetaan.",
            )
        ]
    )


def _build(node, loader, path, depth=0):
    line = node.start_mark.line + 1
    if depth > MAX_DEPTH:
        raise ContentError([_too_deep(path, line)])
    if isinstance(node, yaml.MappingNode):
        if node.tag != _MAP_TAG:
            _refuse_tag(node, path)
        mapping = Mapping(line)
        for key_node, value_node in node.value:
            key = _build(key_node, loader, path, depth + 1)
            key_line = key_node.start_mark.line + 1
            if key == "<<" or key_node.tag == "tag:yaml.org,2002:merge":
                raise ContentError(
                    [
                        Problem(
                            path,
                            key_line,
                            None,
                            "kunci gabungan YAML `<<` tidak didukung.",
                            "tulis setiap kolom secara lengkap.",
                        )
                    ]
                )
            if not isinstance(key, str):
                key = str(key)
            if key in mapping:
                raise ContentError(
                    [
                        Problem(
                            path,
                            key_line,
                            key,
                            f"kolom ini ditulis dua kali (pertama di baris "
                            f"{mapping.key_lines[key]}).",
                            "hapus salah satunya.",
                        )
                    ]
                )
            mapping[key] = _build(value_node, loader, path, depth + 1)
            mapping.key_lines[key] = value_node.start_mark.line + 1
        return mapping
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _SEQ_TAG:
            _refuse_tag(node, path)
        sequence = Sequence(line)
        for item in node.value:
            sequence.append(_build(item, loader, path, depth + 1))
            sequence.item_lines.append(item.start_mark.line + 1)
        return sequence
    if node.tag not in _SCALAR_TAGS:
        _refuse_tag(node, path)
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, OverflowError) as error:
        # A timestamp that matches the pattern but is not a real date.
        raise ContentError(
            [
                Problem(
                    path,
                    line,
                    None,
                    f"`{node.value}` tampak seperti tanggal tetapi tidak ada "
                    f"tanggal seperti itu ({error}).",
                    "tulis tanggal yang ada sebagai TTTT-BB-HH, mis. `2015-09-30`; "
                    "bila itu teks, apit dengan tanda kutip.",
                )
            ]
        ) from None


def read_yaml(path, display_path=None):
    """Read and parse a YAML file; problems name `display_path`."""
    shown = display_path or str(path)
    with open(path, "rb") as handle:
        raw = handle.read()
    return parse_yaml(decode_utf8(raw, shown), shown)
