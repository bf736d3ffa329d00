"""The list of old addresses and where they now live: content/redirects.yaml.

The build side (another issue) reads the same file. Entries already there
are kept as they are and in their order; new ones are appended; an old
address is never listed twice.
"""

import json

import yaml

from sitekit.problems import ContentError, Problem
from sitekit.yamlsource import Mapping, Sequence, parse_yaml

from .model import ImportFailed, Redirect

HEADER = "# Pengalihan alamat lama ke alamat baru.\n"
_HINT = (
    "berkas harus berisi `redirects:` dengan daftar `- from: /alamat-lama/` "
    "dan `to: /alamat-baru/`; perbaiki atau hapus berkas itu."
)


def parse(text, path):
    """The redirects listed in the YAML `text` of `path`."""
    if not text.strip():
        return []
    try:
        data = parse_yaml(text, path)
    except ContentError as error:
        raise ImportFailed(error.problems) from None
    problems = []
    if not isinstance(data, Mapping) or set(data) - {"redirects"}:
        line = data.line if isinstance(data, Mapping) else 1
        raise ImportFailed(
            [Problem(path, line, None, "isi berkas pengalihan tidak dikenal.", _HINT)]
        )
    items = data.get("redirects") or []
    if not isinstance(items, Sequence):
        raise ImportFailed(
            [
                Problem(
                    path,
                    data.line_of("redirects"),
                    "redirects",
                    "harus berupa daftar.",
                    _HINT,
                )
            ]
        )
    found = []
    for index, item in enumerate(items):
        field = f"redirects[{index}]"
        if not isinstance(item, Mapping) or not all(
            isinstance(item.get(key), str) and item[key].startswith("/")
            for key in ("from", "to")
        ):
            problems.append(
                Problem(
                    path,
                    items.line_of(index),
                    field,
                    "harus punya `from` dan `to` berupa alamat yang diawali `/`.",
                    _HINT,
                )
            )
            continue
        found.append(Redirect(item["from"], item["to"]))
    if problems:
        raise ImportFailed(problems)
    return found


def merge(existing, new):
    """(all redirects, added ones, conflicts) with one entry per old address.

    A conflict is a new redirect whose old address already goes elsewhere;
    the existing one is kept.
    """
    by_source = {redirect.source: redirect for redirect in existing}
    merged, added, conflicts = list(existing), [], []
    for redirect in new:
        known = by_source.get(redirect.source)
        if known is None:
            by_source[redirect.source] = redirect
            merged.append(redirect)
            added.append(redirect)
        elif known.target != redirect.target and redirect not in conflicts:
            conflicts.append((known, redirect))
    return merged, added, conflicts


def render(redirects):
    lines = [HEADER, "redirects:\n"]
    for redirect in redirects:
        lines.append(f"  - from: {_scalar(redirect.source)}\n")
        lines.append(f"    to: {_scalar(redirect.target)}\n")
    return "".join(lines)


def _scalar(text):
    """`text` plain when YAML reads it back unchanged, else double-quoted."""
    try:
        plain = yaml.safe_load(f"k: {text}") == {"k": text}
    except yaml.YAMLError:
        plain = False
    if plain and " #" not in text and not text.endswith(":"):
        return text
    return json.dumps(text, ensure_ascii=False)
