"""The list of old addresses and where they now live: content/redirects.yaml.

The build reads the same file with the same parser (sitekit/redirects.py).
Entries already there are kept as they are and in their order; new ones
are appended; an old address is never listed twice. Every new redirect is
first put in the form the build reads (one `/` between parts, letters
instead of their percent-escapes, the other escapes in capitals) and
checked with the build's own rules; the file written is read back with
the build's parser before it is written.
"""

import json
import re
from urllib.parse import quote, unquote_to_bytes

import yaml

from sitekit import redirects as redirects_file
from sitekit.problems import Problem
from sitekit.redirects import Redirect, is_old_address, is_site_path, written_key

from .model import ImportFailed

HEADER = "# Pengalihan alamat lama ke alamat baru.\n"
_ESCAPES = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
# Characters that keep their escape: they would change what the path says.
_KEEP_ESCAPED = set("%/?#\\\"'<>`{}|^[]")


def parse(text, path):
    """The redirects listed in the YAML `text` of `path`, read by the same
    parser as the build's (sitekit/redirects.py)."""
    found, problems = redirects_file.parse_text(text, path)
    if problems:
        raise ImportFailed(problems)
    return found


def normalise(address):
    """An old address as the build and nginx read it.

    `//greek//x` gives `/greek/x`; `/caf%c3%a9/` gives `/café/`; `%2f`
    stays escaped, as `%2F`, and so does a space (`%20`).
    """
    path, mark, query = address.partition("?")
    path = "/" + re.sub(r"/{2,}", "/", path).lstrip("/")
    return _decoded(path) + mark + query


def _decoded(path):
    def decode(match):
        raw = unquote_to_bytes(match.group(0))
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return match.group(0).upper()
        return "".join(
            quote(char, safe="") if _needs_escape(char) else char for char in text
        )

    return _ESCAPES.sub(decode, path)


def _needs_escape(char):
    return char in _KEEP_ESCAPED or not char.isprintable() or char.isspace()


def check(planned, new_urls):
    """(redirects the build accepts, problems) for the import's redirects.

    `new_urls` are the addresses of the imported files: an old address
    that is one of them would cover a page and is left out.
    """
    pages = {written_key(url) for url in new_urls}
    accepted, problems = [], []
    for redirect in planned:
        source = normalise(redirect.source)
        if written_key(source) == written_key(redirect.target):
            continue  # the page itself stands at its old address
        if not (is_old_address(source) and is_site_path(redirect.target)):
            problems.append(
                _note(
                    redirect,
                    f"alamat lama `{redirect.source}` tidak bisa dialihkan: bukan "
                    "alamat di situs ini menurut aturan build.",
                    "tambahkan pengalihannya dengan tangan di "
                    "`content/redirects.yaml` bila alamat itu memang dipakai.",
                )
            )
        elif written_key(source) in pages:
            problems.append(
                _note(
                    redirect,
                    f"alamat lama `{source}` kini alamat halaman lain yang "
                    "diimpor; tidak dialihkan.",
                    "biarkan, atau ganti slug salah satunya.",
                )
            )
        else:
            accepted.append(
                Redirect(source, redirect.target, redirect.path, redirect.line)
            )
    return accepted, problems


def _note(redirect, message, hint):
    return Problem(redirect.path, redirect.line, None, message, hint)


def merge(existing, new):
    """(all redirects, added ones, conflicts) with one entry per old address.

    A conflict is a new redirect whose old address (or the page the build
    would write for it) already goes elsewhere; the one there first is kept.
    """
    by_key = {written_key(redirect.source): redirect for redirect in existing}
    merged, added, conflicts = list(existing), [], []
    for redirect in new:
        known = by_key.get(written_key(redirect.source))
        if known is None:
            by_key[written_key(redirect.source)] = redirect
            merged.append(redirect)
            added.append(redirect)
        elif known.target != redirect.target and (known, redirect) not in conflicts:
            conflicts.append((known, redirect))
    return merged, added, conflicts


def render(redirects, path):
    """The text of the redirects file, read back by the build's parser
    before it is returned: what the import writes, the build accepts."""
    lines = [HEADER, "redirects:\n"]
    for redirect in redirects:
        lines.append(f"  - from: {_scalar(redirect.source)}\n")
        lines.append(f"    to: {_scalar(redirect.target)}\n")
    text = "".join(lines)
    found, problems = redirects_file.parse_text(text, path)
    if problems:
        raise ImportFailed(problems)
    if [(r.source, r.target) for r in found] != [
        (r.source, r.target) for r in redirects
    ]:
        raise ImportFailed(
            [
                Problem(
                    path,
                    None,
                    None,
                    "berkas pengalihan yang akan ditulis terbaca lain oleh build; "
                    "tidak ditulis.",
                    "laporkan ke pengembang situs, dengan berkas ekspornya.",
                )
            ]
        )
    return text


def _scalar(text):
    """`text` plain when YAML reads it back unchanged, else double-quoted."""
    try:
        plain = yaml.safe_load(f"k: {text}") == {"k": text}
    except yaml.YAMLError:
        plain = False
    if plain and " #" not in text and not text.endswith(":"):
        return text
    return json.dumps(text, ensure_ascii=False)
