"""Markdown converted in an earlier build, kept as plain text (JSON).

An entry is keyed by a hash of the file's bytes and of everything else
the conversion depends on: the MARKDOWN and FORMATTED_FIELDS settings and
every installed distribution's version (Markdown, its extensions,
Pygments). It holds what the parallel reader's workers send back: the
HTML, the Meta extension's raw metadata lines and the HTML of formatted
fields; strings only, never a pickle. Pelican's own metadata processing
still runs on every build. Entries no build used are removed when the
articles have been read, so the folder holds one entry per article.
"""

import hashlib
import json
import os

from sitekit.files import atomic_write, remove_quietly
from sitekit.fingerprint import distributions, stable

FOLDER = "markdown"


def for_settings(settings):
    """The cache for these settings, or None when it is turned off."""
    if not settings.get("PARALLEL_MARKDOWN_CACHE") or not settings.get("CACHE_PATH"):
        return None
    return MarkdownCache(os.path.join(settings["CACHE_PATH"], FOLDER), settings)


def _settings_key(settings):
    digest = hashlib.sha256()
    for line in (
        stable(settings.get("MARKDOWN", {})),
        stable(settings.get("FORMATTED_FIELDS", ())),
        *distributions(),
    ):
        digest.update(line.encode() + b"\n")
    return digest.digest()


class MarkdownCache:
    def __init__(self, folder, settings):
        self.folder = folder
        self.settings_key = _settings_key(settings)
        self.used = set()

    def key(self, path):
        """The entry name for the file at `path`; None when it is unreadable."""
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            return None
        key = hashlib.sha256(self.settings_key + data).hexdigest()
        self.used.add(key)
        return key

    def lookup(self, path):
        """(key, converted text or None)."""
        key = self.key(path)
        if key is None:
            return None, None
        try:
            with open(_entry(self.folder, key), encoding="utf-8") as handle:
                content, meta, formatted = json.load(handle)
        except (OSError, ValueError, TypeError):
            return key, None
        return key, (content, meta, formatted)

    def prune(self):
        """Remove the entries this build did not use."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        for name in names:
            if name.endswith(".json") and name[:-5] not in self.used:
                remove_quietly(os.path.join(self.folder, name))


def _entry(folder, key):
    return os.path.join(folder, f"{key}.json")


def store(folder, key, converted):
    """Keep one conversion (called in the workers too)."""
    if folder is None:
        return
    os.makedirs(folder, exist_ok=True)
    data = json.dumps(list(converted), ensure_ascii=False).encode("utf-8")
    atomic_write(_entry(folder, key), data)
