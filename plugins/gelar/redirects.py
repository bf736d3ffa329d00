"""Old addresses that keep working: redirects from YAML, articles and KBKs.

Sources of redirects:
- `content/redirects.yaml` (read by sitekit/redirects.py, which the
  WordPress importer shares);
- `Redirect-from: /lama/, /lebih-lama/` in an article or page;
- `former_ids` of a KBK in the year files (its old /kbk/<id>/ address).

Pure functions: they turn those into Redirect values, resolve chains to
the final page and report every problem (missing target, loop, an old
address that is also a real page) with file, line and field.
"""

import difflib

from sitekit.redirects import (
    Redirect,
    is_site_path,
    page_path,
    path_problem,
    save_as_for,
)
from sitekit.text import split_list

__all__ = [
    "from_former_ids",
    "from_metadata",
    "nginx_map",
    "page_path",
    "query_targets",
    "resolve",
    "save_as_for",
]


def from_metadata(value, url, path, line):
    """(redirects, problems) for a `Redirect-from:` value of one article."""
    redirects, problems = [], []
    for old in split_list(value):
        if is_site_path(old):
            redirects.append(Redirect(old, "/" + url, path, line, "Redirect-from"))
        else:
            problems.append(path_problem(path, line, "Redirect-from", old))
    return redirects, problems


def from_former_ids(kbks, kbk_url):
    """Redirects from each KBK's old ids to its page."""
    redirects = []
    for kbk in kbks:
        for former, participation in kbk.former_ids.items():
            redirects.append(
                Redirect(
                    "/" + kbk_url.format(id=former),
                    "/" + kbk.url,
                    participation.edition.source_path,
                    participation.team.line,
                    "former_ids",
                )
            )
    return redirects


def resolve(redirects, pages, reserved=None):
    """([(redirect, final page)], problems) against the site's `pages`.

    `pages` maps each address the build writes ("/", "/gelar/2015/",
    "/data/hasil-semua.csv", "/redirects.map") to the source that writes
    it (a set of addresses will do); `reserved` maps the folders one
    source owns whole ("/theme/", "/pagefind/") to that source. A redirect
    to another redirect is followed to its page; a loop, a target that is
    not a page, an old address that is a page, inside a reserved folder
    or a site file with a query, and one old address sent to two places
    are problems.
    """
    if not isinstance(pages, dict):
        pages = dict.fromkeys(pages, "")
    problems = []
    by_source = {}
    by_file = {}  # "/x" and "/x/" are written to the same x/index.html
    for redirect in redirects:
        taken = _taken(redirect, pages, reserved or {})
        if taken is not None:
            problems.append(taken)
            continue
        if redirect.has_query:
            # Nothing is written at a query address: only one target each.
            first = by_source.setdefault(redirect.source, redirect)
            if first.target != redirect.target:
                problems.append(_two_targets(redirect, first))
            continue
        written = page_path(save_as_for(redirect.source))
        first = by_file.get(written)
        if first is None:
            by_source[redirect.source] = redirect
            by_file[written] = redirect
        elif first.target != redirect.target:
            problems.append(_two_targets(redirect, first))
    resolved = []
    for redirect in by_source.values():
        final, problem = _follow(redirect, by_source, pages)
        if problem:
            problems.append(problem)
        else:
            resolved.append((redirect, final))
    return resolved, problems


def _taken(redirect, pages, reserved):
    """The problem when the old address belongs to the site itself: a page
    or file the build writes, or anything in a folder one source owns
    (a line in the nginx map would send the site's own CSS elsewhere)."""
    path = redirect.source.split("?", 1)[0]
    written = page_path(save_as_for(path))
    for folder, owner in reserved.items():
        if (path.rstrip("/") + "/").startswith(folder):
            return redirect.problem(
                f"alamat lama `{redirect.source}` berada di folder `{folder}` "
                f"milik {owner}; pengalihan di sana akan membelokkan berkas situs.",
                "hapus pengalihan ini: alamat di folder itu bukan alamat lama.",
            )
    if redirect.has_query:
        owner = pages.get(path)
        if owner is None or path.endswith(("/", ".html")):
            return None  # the page at its path sends readers on (base.html)
    else:
        owner = pages.get(redirect.source, pages.get(written))
        if owner is None:
            return None
    return redirect.problem(
        f"alamat lama `{redirect.source}` adalah halaman yang ada di situs"
        + (f" ({owner})" if owner else "")
        + "; pengalihan akan menimpanya.",
        "hapus pengalihan ini, atau ganti alamat halaman itu dulu.",
    )


def _two_targets(redirect, first):
    return redirect.problem(
        f"alamat lama `{redirect.source}` sudah dialihkan ke "
        f"`{first.target}` ({first.path}:{first.line}"
        + (f", sebagai `{first.source}`" if first.source != redirect.source else "")
        + ").",
        "satu alamat lama hanya boleh menuju satu halaman; hapus salah satunya.",
    )


def _follow(redirect, by_source, pages):
    seen = [redirect.source]
    target = redirect.target
    while target not in pages:
        if target in seen:
            loop = " → ".join([*seen, target])
            return None, redirect.problem(
                f"pengalihan berputar: {loop}.",
                "arahkan `to` langsung ke halaman tujuan yang ada.",
            )
        if target not in by_source:
            return None, redirect.problem(
                f"tujuan `{target}` tidak ada di situs.",
                _close_hint(target, pages),
            )
        seen.append(target)
        target = by_source[target].target
    return target, None


def _close_hint(target, pages):
    close = difflib.get_close_matches(target, sorted(pages), n=1, cutoff=0.6)
    if close:
        return f"mungkin maksudnya `{close[0]}`?"
    return "tulis alamat halaman yang ada, mis. `/berita/2015/judul-berita/`."


def nginx_map(resolved, site_url, queries=False):
    """Lines for nginx's `map $uri $arsip_redirect { include ...; }`, or
    with `queries`, for `map $request_uri ...` and the old query addresses."""
    lines = [
        "# Dibuat otomatis oleh plugin gelar; jangan diubah langsung.",
        "# Lihat docs/operasi.md bagian nginx.",
    ]
    for redirect, final in sorted(resolved, key=lambda item: item[0].source):
        if redirect.has_query != queries:
            continue
        sources = [redirect.source] if queries else _variants(redirect.source)
        for source in sources:
            lines.append(f"{_quote(source)} {_quote(site_url + final)};")
    return "\n".join(lines) + "\n"


def query_targets(resolved, site_url):
    """{old path: {"?query": new URL}} for the script on the old path's page."""
    found = {}
    for redirect, final in resolved:
        if redirect.has_query:
            path, query = redirect.source.split("?", 1)
            found.setdefault(path, {})["?" + query] = site_url + final
    return found


def _variants(source):
    """The old path as nginx's $uri may see it: with and without `/`."""
    if source.endswith("/") and source != "/":
        return [source, source.rstrip("/")]
    return [source]


def _quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
