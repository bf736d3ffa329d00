"""Everything a build reads, as one key, so an unchanged site is not rebuilt.

The key covers the settings as loaded (environment variables included,
the Jinja options among them), the size and modification time of every
file under the content, theme (and its template overrides), plugin and
build-code folders and beside the settings file (like make and rsync, a
changed file is one whose size or mtime changed), and the name and
version of every installed distribution (an upgrade of Pygments,
MarkupSafe or the slugifier changes the HTML as much as one of Pelican).
A build records its key; the next build with the same key, while the
same version is still live, has nothing to do.

Time is an input too: an article dated in the future is left out until its
date, so a record also says until when it holds.
"""

import datetime
import hashlib
import os

import sitebuild
import sitekit
from sitekit.files import read_json, write_json
from sitekit.fingerprint import distributions, stable

__all__ = ["stable"]  # here for the callers that knew it here
# Settings that name this build's own folders, not what it builds.
VOLATILE_SETTINGS = ("OUTPUT_PATH", "BUILD_PREVIOUS_OUTPUT", "PARALLEL_SITE_KEY")
# Files of articles and pages (text_files).
TEXT_EXTENSIONS = (".md", ".markdown", ".mkd", ".mdown", ".rst")
SKIPPED_FOLDERS = ("__pycache__", ".git")


def file_states(roots):
    """(path, size, mtime) of every file under `roots` (files or folders);
    each folder counts too (a new empty one may fail a build), and a link
    to nothing counts as ("link", where it points)."""
    for root in sorted(set(roots)):
        if os.path.isfile(root):
            stat = os.stat(root)
            yield root, stat.st_size, stat.st_mtime_ns
            continue
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d not in SKIPPED_FOLDERS)
            yield folder, "folder", 0
            for name in sorted(files):
                path = os.path.join(folder, name)
                try:
                    stat = os.stat(path)
                except FileNotFoundError:
                    target = _link_target(path)
                    if target is not None:  # a dangling link: may fail a build
                        yield path, "link", target
                    continue
                yield path, stat.st_size, stat.st_mtime_ns


def _link_target(path):
    """Where a symlink points, or None when `path` is gone altogether."""
    try:
        return os.readlink(path)
    except OSError:
        return None


def input_roots(settings, settings_file):
    """The files and folders a build reads."""
    here = os.path.dirname(os.path.abspath(settings_file))
    code = [os.path.dirname(os.path.abspath(m.__file__)) for m in (sitebuild, sitekit)]
    roots = [settings["PATH"], settings["THEME"], *code]
    roots += settings.get("THEME_TEMPLATES_OVERRIDES") or []
    roots += [os.path.join(here, p) for p in settings.get("PLUGIN_PATHS", [])]
    roots += [os.path.join(here, n) for n in os.listdir(here) if n.endswith(".py")]
    return roots


def inputs_key(settings, roots, base, extra=()):
    """The key of a build; file paths count relative to `base` (the project
    folder), so a copied project with its output keeps its key."""
    return inputs_keys(settings, roots, base, extra)[0]


def inputs_keys(settings, roots, base, extra=(), is_text=lambda _path: False):
    """(the key of a build, the same key without the files `is_text`
    names), from one walk over the files."""
    whole, site = hashlib.sha256(), hashlib.sha256()

    def add(line, text=False):
        whole.update(line)
        if not text:
            site.update(line)

    for key in sorted(settings):
        if key not in VOLATILE_SETTINGS:
            text = stable(settings[key]).replace(base, ".")
            add(f"{key}={text}\n".encode())
    for path, size, mtime in file_states(roots):
        relative = os.path.relpath(path, base)
        add(f"{relative}\0{size}\0{mtime}\n".encode(), is_text(path))
    for line in [*distributions(), *map(str, extra)]:
        add(f"{line}\n".encode())
    return whole.hexdigest(), site.hexdigest()


def text_files(settings):
    """Whether a path is the Markdown or reStructuredText of an article or
    page: its metadata and text are followed by the parallel writer
    (plugins/parallel/reuse.py), not by this key's file states."""
    content = os.path.abspath(settings["PATH"])
    folders = [
        os.path.join(content, folder, "")
        for folder in [*settings["ARTICLE_PATHS"], *settings["PAGE_PATHS"]]
    ]

    def is_text(path):
        path = os.path.abspath(path)
        return path.endswith(TEXT_EXTENSIONS) and path.startswith(tuple(folders))

    return is_text


def next_release(generators, now):
    """The earliest future date of an article or page held back for it, as
    ISO text, or None: the site changes by itself at that moment."""
    dates = [
        item.date
        for generator in generators
        for name in ("drafts", "hidden_articles", "draft_pages", "hidden_pages")
        for item in getattr(generator, name, [])
        if getattr(item, "date", None) and _aware(item.date) > now
    ]
    return min(dates).isoformat() if dates else None


def _aware(moment):
    if moment.tzinfo is None:
        return moment.replace(tzinfo=datetime.UTC)
    return moment


def load_record(path):
    return read_json(path)


def still_current(record, key, live, now):
    """Whether the recorded build is live and was made from these inputs."""
    if not record or record.get("key") != key or not live:
        return False
    if not os.path.isdir(live) or not os.listdir(live):
        return False  # the live folder was deleted or emptied by hand
    if record.get("folder") != os.path.basename(live):
        return False
    release = record.get("next_release")
    return release is None or now < datetime.datetime.fromisoformat(release)


def save_record(path, record):
    write_json(path, record, indent=1, durable=True)
