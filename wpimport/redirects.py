"""The list of old addresses and where they now live: content/redirects.yaml.

The build reads the same file with the same parser (sitekit/redirects.py).
Entries already there are kept as they are and in their order; new ones
are appended; an old address is never listed twice.
"""

import json

import yaml

from sitekit import redirects as redirects_file

from .model import ImportFailed

HEADER = "# Pengalihan alamat lama ke alamat baru.\n"


def parse(text, path):
    """The redirects listed in the YAML `text` of `path`, read by the same
    parser as the build's (sitekit/redirects.py)."""
    found, problems = redirects_file.parse_text(text, path)
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
