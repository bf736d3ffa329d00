"""The search index: Pagefind over the built site, before it goes live.

`build` calls `index_site` on the new build folder after Pelican has
written it, so a failed index leaves the previous site in place like any
other failed build. Pagefind reads the language from <html lang="id"> and
stems Indonesian words (a search for `laksana` finds `pelaksanaan`); only
elements marked `data-pagefind-body` are indexed.

Pagefind keeps the whole index in memory while it works, which grows with
the words on the site: a site with more indexed pages than
PEMBACA_SEARCH_PAGES_PER_BUNDLE is indexed in parts (pagefind/,
pagefind-2/, …) whose list, pagefind/bagian.json, the search page reads
to merge them (Pagefind's mergeIndex).

Pagefind names some of its files by hashes that differ from run to run
even for the same pages. So the bundle is kept in CACHE_PATH/pencarian,
keyed by a hash of every HTML file: a build whose pages did not change
reuses it, and publishing the same site twice uploads nothing new.
"""

import hashlib
import os
import re
import shutil
import subprocess
import sys

from sitekit.files import link_or_copy, new_folder, write_json
from sitekit.progress import progress
from sitekit.workers import subprocess_guard

# cache/pencarian/<pages key>/<part>/: every part of the last bundle.
CACHE_FOLDER = "pencarian"
PARTS_LIST = "bagian.json"


# The pages whose templates mark their text with data-pagefind-body. Only
# these are given to Pagefind: it would otherwise parse every listing page
# (tags, categories, pagination) only to ignore it, a third of its time.
INDEXED_SAVE_AS = (
    "ARTICLE_SAVE_AS",
    "PAGE_SAVE_AS",
    "GELAR_SAVE_AS",
    "KBK_SAVE_AS",
    "INSTANSI_SAVE_AS",
    "GALERI_SAVE_AS",
)


def indexed_glob(settings):
    """A Pagefind glob of the indexed pages, from their SAVE_AS patterns:
    `berita/{date:%Y}/{slug}/index.html` becomes `berita/*/*/index.html`."""
    patterns = [
        re.sub(r"\{[^}]*\}", "*", settings[key])
        for key in INDEXED_SAVE_AS
        if settings.get(key)
    ]
    return "{" + ",".join(dict.fromkeys(patterns)) + "}"


def pagefind_command(output_dir, bundle, glob=None):
    """The Pagefind run for `output_dir`, writing its files to `bundle`."""
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(output_dir),
        "--output-subdir",
        bundle,
        "--silent",
    ]
    return command + (["--glob", glob] if glob else [])


def part_names(bundle, count):
    """The folders of a bundle in `count` parts: pagefind, pagefind-2, …"""
    return [bundle] + [f"{bundle}-{number}" for number in range(2, count + 1)]


def is_part(name, bundle):
    """Whether folder `name` is one of the bundle's parts (pagefind, pagefind-2…)."""
    return re.fullmatch(rf"{re.escape(bundle)}(?:-\d+)?", name) is not None


def glob_regex(glob):
    """Pagefind's `{a,b}` glob as a regex over site paths (`*` stays in one
    folder), to count the pages it selects."""
    alternatives = glob.strip("{}").split(",")
    return re.compile(
        "|".join(re.escape(a).replace(r"\*", "[^/]*") for a in alternatives)
    )


def selected_pages(output_dir, glob):
    """Site paths of the pages the glob selects, sorted."""
    pattern = glob_regex(glob)
    found = []
    for folder, dirs, files in os.walk(output_dir):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, output_dir).replace(os.sep, "/")
            if pattern.fullmatch(relative):
                found.append(relative)
    return found


def marks_text(output_dir, relative):
    with open(os.path.join(output_dir, relative), "rb") as handle:
        return b"data-pagefind-body" in handle.read()


def split(pages, size):
    """`pages` (sorted, so each year's news stays together) in parts of at
    most `size`; one part (None: every page) when they fit."""
    if len(pages) <= size:
        return [None]
    return [pages[start : start + size] for start in range(0, len(pages), size)]


def pages_key(output_dir, bundle):
    """A hash of the path and bytes of every HTML page outside the bundles."""
    digest = hashlib.sha256()
    for folder, dirs, files in os.walk(output_dir):
        relative = os.path.relpath(folder, output_dir).replace(os.sep, "/")
        if is_part(relative, bundle):
            dirs[:] = []
            continue
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".html"):
                digest.update(f"{relative}/{name}\0".encode())
                with open(os.path.join(folder, name), "rb") as handle:
                    digest.update(hashlib.sha256(handle.read()).digest())
    return digest.hexdigest()[:32]


def index_site(output_dir, settings):
    """Write the search index into `output_dir`; returns notes for the editor.

    Does nothing when the pembaca plugin (which makes the search page) is off.
    """
    if "PEMBACA_SEARCH_BUNDLE_URL" not in settings:
        return []
    bundle = settings["PEMBACA_SEARCH_BUNDLE_URL"].strip("/")
    cache = os.path.join(settings["CACHE_PATH"], CACHE_FOLDER)
    cached = os.path.join(cache, pages_key(output_dir, bundle))
    if not os.path.isdir(cached):
        _index_in_parts(output_dir, bundle, settings)
        _keep(output_dir, bundle, cached)
    else:
        for name in os.listdir(cached):
            shutil.copytree(
                os.path.join(cached, name),
                os.path.join(output_dir, name),
                dirs_exist_ok=True,
                copy_function=link_or_copy,
            )
    return []


def _index_in_parts(output_dir, bundle, settings):
    glob = indexed_glob(settings)
    size = settings.get("PEMBACA_SEARCH_PAGES_PER_BUNDLE") or 0
    pages = selected_pages(output_dir, glob) if size else []
    if len(pages) > size:  # only then is it worth reading them
        pages = [p for p in pages if marks_text(output_dir, p)]
    parts = split(pages, size) if size else [None]
    names = part_names(bundle, len(parts))
    # Each part takes Pagefind a while on a large site: show how far it is.
    with progress(len(parts), "Indeks pencarian", min_steps=2) as advance:
        for name, pages in zip(names, parts, strict=True):
            part_glob = glob if pages is None else "{" + ",".join(pages) + "}"
            _run_pagefind(output_dir, name, part_glob)
            advance()
    # Addresses of the other parts, relative to the first one's folder.
    others = [f"../{name}/" for name in names[1:]]
    write_json(os.path.join(output_dir, bundle, PARTS_LIST), others)


def _keep(output_dir, bundle, cached):
    """Store the new bundle (every part) as the only cache entry: a later
    build of the same pages reuses it."""
    parent = os.path.dirname(cached)
    staging = new_folder(parent)
    for name in os.listdir(output_dir):
        if is_part(name, bundle):
            shutil.copytree(
                os.path.join(output_dir, name),
                os.path.join(staging, name),
                copy_function=link_or_copy,
            )
    for name in os.listdir(parent):
        if not name.startswith(".baru-"):
            shutil.rmtree(os.path.join(parent, name), ignore_errors=True)
    os.rename(staging, cached)


def _run_pagefind(output_dir, bundle, glob):
    from sitebuild.build import BuildFailed  # build imports this module

    try:
        result = subprocess.run(
            pagefind_command(output_dir, bundle, glob),
            capture_output=True,
            text=True,
            timeout=600,
            preexec_fn=subprocess_guard(),
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise BuildFailed(
            f"Indeks pencarian tidak bisa dibuat: {error}. "
            "Pastikan paket pagefind terpasang: `pip install -r requirements.txt`."
        ) from None
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()
        raise BuildFailed(
            "Indeks pencarian (Pagefind) gagal dibuat. Pastikan paket pagefind "
            "terpasang (`pip install -r requirements.txt`).\n" + detail
        )
