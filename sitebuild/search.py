"""The search index: Pagefind over the built site, before it goes live.

`build` calls `index_site` on the new build folder after Pelican has
written it, so a failed index leaves the previous site in place like any
other failed build. Pagefind reads the language from <html lang="id"> and
stems Indonesian words (a search for `laksana` finds `pelaksanaan`); only
elements marked `data-pagefind-body` are indexed.

Pagefind keeps the whole index in memory while it works, and takes time
for every page: a large site is indexed in parts (sitebuild/searchparts.py
says which page goes where: one part per year of news), whose list,
pagefind/bagian.json, the search page reads to merge them (Pagefind's
mergeIndex).

Pagefind names some of its files by hashes that differ from run to run
even for the same pages. So each part is kept in CACHE_PATH/pencarian,
keyed by a hash of its own pages: a build reuses every part whose pages
did not change (an edited article re-indexes its year only), and
publishing the same site twice uploads nothing new.
"""

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata

from sitebuild.searchparts import glob_regex, part_key, pattern_glob, plan_parts
from sitekit.files import link_or_copy, new_folder, write_json
from sitekit.progress import progress
from sitekit.settings import processes
from sitekit.workers import subprocess_guard

# cache/pencarian/<part key>/<part>/: each part of the last bundle.
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
        pattern_glob(settings[key]) for key in INDEXED_SAVE_AS if settings.get(key)
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


def index_site(output_dir, settings):
    """Write the search index into `output_dir`; returns notes for the editor.

    Does nothing when the pembaca plugin (which makes the search page) is off.
    """
    if "PEMBACA_SEARCH_BUNDLE_URL" not in settings:
        return []
    bundle = settings["PEMBACA_SEARCH_BUNDLE_URL"].strip("/")
    cache = os.path.join(settings["CACHE_PATH"], CACHE_FOLDER)
    pages = _indexed_pages(output_dir, settings)
    size = settings.get("PEMBACA_SEARCH_PAGES_PER_BUNDLE") or 0
    parts = plan_parts(pages, bundle, size, settings.get("ARTICLE_SAVE_AS"))
    version = _pagefind_version()
    read = _reader(output_dir)
    keys = [part_key(name, members, read, version) for name, members in parts]
    todo = []
    for (name, members), key in zip(parts, keys, strict=True):
        cached = os.path.join(cache, key)
        if os.path.isdir(cached):
            shutil.copytree(
                os.path.join(cached, name),
                os.path.join(output_dir, name),
                dirs_exist_ok=True,
                copy_function=link_or_copy,
            )
        else:
            todo.append((name, _part_glob(members, settings), cached))
    # Pagefind runs per part, side by side on BUILD_PROCESSES cores.
    # Each part takes Pagefind a while on a large site: show how far it is.
    workers = max(1, min(processes(settings), len(todo)))
    with (
        progress(len(todo), "Indeks pencarian", min_steps=2) as advance,
        ThreadPoolExecutor(workers) as pool,
    ):
        jobs = [
            pool.submit(_run_pagefind, output_dir, name, glob) for name, glob, _ in todo
        ]
        for job in jobs:
            job.result()  # the first failure is raised here
            advance()
    for name, _glob, cached in todo:
        _keep(os.path.join(output_dir, name), cached)
    used = keys
    _forget_others(cache, used)
    # Addresses of the other parts, relative to the first one's folder.
    others = [f"../{name}/" for name, _ in parts[1:]]
    write_json(os.path.join(output_dir, bundle, PARTS_LIST), others)
    return []


def _indexed_pages(output_dir, settings):
    """Site paths of the pages Pagefind indexes: selected by the glob and
    marked with data-pagefind-body (Pagefind ignores the others)."""
    glob = indexed_glob(settings)
    return [p for p in selected_pages(output_dir, glob) if marks_text(output_dir, p)]


def _part_glob(members, settings):
    if not members:  # an empty site: Pagefind's own message
        return indexed_glob(settings)
    return "{" + ",".join(members) + "}"


def _reader(output_dir):
    def read(page):
        with open(os.path.join(output_dir, page), "rb") as handle:
            return handle.read()

    return read


def _pagefind_version():
    try:
        return metadata.version("pagefind")
    except metadata.PackageNotFoundError:
        return "?"


def _keep(part_dir, cached):
    """Store one new part (hard links) as a cache entry."""
    parent = os.path.dirname(cached)
    os.makedirs(parent, exist_ok=True)
    staging = new_folder(parent)
    shutil.copytree(
        part_dir,
        os.path.join(staging, os.path.basename(part_dir)),
        copy_function=link_or_copy,
        ignore=shutil.ignore_patterns(PARTS_LIST),
    )
    os.rename(staging, cached)


def _forget_others(cache, used):
    """Remove the cache entries of parts this build did not use."""
    if not os.path.isdir(cache):
        return
    for name in os.listdir(cache):
        if name not in used:
            shutil.rmtree(os.path.join(cache, name), ignore_errors=True)


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
