"""Safe YAML parsing that remembers where every value came from.

PyYAML's `safe_load` forgets line numbers and silently keeps the last of
two equal keys. Editors need both: error messages that point at a line,
and a loud error for a key written twice. So we compose the node tree
ourselves and build plain values from it, refusing every tag that is not
plain data (`!!python/object` and friends never reach a constructor).

Anchors and aliases (`&a`, `*a`) are refused before anything is built:
editors never need them, and nine levels of aliases of aliases expand to
billions of values (a "billion laughs" bomb). Files are read through
sitekit/sources.py: inside content/ only, and no larger than MAX_BYTES.
Numbers and text are checked by sitekit/yamlvalues.py.
"""

import yaml

from sitekit import yamlvalues
from sitekit.problems import ContentError, Problem
from sitekit.sources import read_source
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
# A year file of a hundred KBKs is about 30 KB; redirects.yaml of a large
# imported archive a few MB (sitekit/redirects.py sets its own limit).
MAX_BYTES = 1024 * 1024

_SYNTAX_HINT = (
    "periksa indentasi (pakai spasi, bukan tab), titik dua setelah nama kolom, "
    "dan tanda kutip yang berpasangan; teks yang mengandung `:` atau `#` "
    "sebaiknya diapit tanda kutip."
)


class Mapping(dict):
    """A YAML mapping with the line of the mapping, of each value and of
    each key (they differ when a value starts on the next line)."""

    def __init__(self, line):
        super().__init__()
        self.line = line
        self.key_lines = {}  # key -> line of its value
        self.key_at = {}  # key -> line of the key itself
        # key -> the value as written, for plain values (scalars): a score
        # keeps the decimals the editor wrote (`84.0` is not `84`).
        self.written = {}

    def line_of(self, key):
        return self.key_lines.get(key, self.line)

    def key_line(self, key):
        return self.key_at.get(key, self.line_of(key))


class Sequence(list):
    """A YAML sequence with the line of the sequence and of each item."""

    def __init__(self, line):
        super().__init__()
        self.line = line
        self.item_lines = []

    def line_of(self, index):
        return self.item_lines[index]


class _Refused(Exception):
    """An anchor or alias, seen while composing."""

    def __init__(self, mark):
        self.mark = mark


class _Loader(yaml.SafeLoader):
    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(event.start_mark)
        return super().compose_node(parent, index)


def parse_yaml(text, path):
    """Parse YAML `text` into Mapping/Sequence/scalars, or raise ContentError."""
    try:
        loader = _Loader(text)
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
    except _Refused as refused:
        raise ContentError(
            [
                Problem(
                    path,
                    refused.mark.line + 1,
                    None,
                    "jangkar atau alias YAML (`&nama`, `*nama`) tidak didukung di "
                    "berkas data.",
                    "tulis setiap nilai secara lengkap di tempatnya, tanpa `&` "
                    "dan `*`.",
                )
            ]
        ) from None
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


def _build(node, loader, path, depth=0, where=""):
    """The value of `node`; `where` is its field path (`results[0].rank`)."""
    line = node.start_mark.line + 1
    if depth > MAX_DEPTH:
        raise ContentError([_too_deep(path, line)])
    if isinstance(node, yaml.MappingNode):
        if node.tag != _MAP_TAG:
            _refuse_tag(node, path)
        mapping = Mapping(line)
        for key_node, value_node in node.value:
            key = _build(key_node, loader, path, depth + 1, where)
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
            field = f"{where}.{key}" if where else key
            if key in mapping:
                raise ContentError(
                    [
                        Problem(
                            path,
                            key_line,
                            field,
                            f"kolom ini ditulis dua kali (pertama di baris "
                            f"{mapping.key_at[key]}).",
                            "hapus salah satunya.",
                        )
                    ]
                )
            mapping[key] = _build(value_node, loader, path, depth + 1, field)
            mapping.key_lines[key] = value_node.start_mark.line + 1
            mapping.key_at[key] = key_line
            if isinstance(value_node, yaml.ScalarNode):
                mapping.written[key] = value_node.value
        return mapping
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _SEQ_TAG:
            _refuse_tag(node, path)
        sequence = Sequence(line)
        for index, item in enumerate(node.value):
            sequence.append(_build(item, loader, path, depth + 1, f"{where}[{index}]"))
            sequence.item_lines.append(item.start_mark.line + 1)
        return sequence
    if node.tag not in _SCALAR_TAGS:
        _refuse_tag(node, path)
    wrong = yamlvalues.problem(node)
    if wrong is not None:
        raise ContentError([Problem(path, line, where or None, *wrong)])
    try:
        return yamlvalues.clean(loader.construct_object(node, deep=True))
    except (ValueError, OverflowError) as error:
        # A timestamp that matches the pattern but is not a real date.
        raise ContentError(
            [
                Problem(
                    path,
                    line,
                    where or None,
                    f"`{node.value}` tampak seperti tanggal tetapi tidak ada "
                    f"tanggal seperti itu ({error}).",
                    "tulis tanggal yang ada sebagai TTTT-BB-HH, mis. `2015-09-30`; "
                    "bila itu teks, apit dengan tanda kutip.",
                )
            ]
        ) from None


def read_yaml(path, display_path=None, root=None, max_bytes=MAX_BYTES):
    """Read and parse a YAML file; problems name `display_path`.

    With `root` (the content folder), the file must be a regular file
    inside it and at most `max_bytes` long (sitekit/sources.py).
    """
    shown = display_path or str(path)
    if root is None:
        with open(path, "rb") as handle:
            raw = handle.read()
    else:
        raw = read_source(path, shown, root, max_bytes)
    return parse_yaml(decode_utf8(raw, shown), shown)
