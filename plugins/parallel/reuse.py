"""Pages of the previous build reused when nothing they show has changed.

A page is what its template makes of the site and of the texts it shows.
So the writer splits a build's inputs in two:

- the site: everything but the texts of articles and pages. Its key is
  PARALLEL_SITE_KEY (sitebuild/build.py: settings, theme, plugins, data,
  photos, libraries; every input file but the Markdown of articles and
  pages) and, for every article and page, all it holds besides its text
  (metadata, address, status, the KBKs, edition, neighbours and related
  articles plugins gave it, its summary);
- the texts: each article's and page's HTML as read (after plugins such as
  KBK mentions have changed it), by a hash.

While a page renders, every text it reads (`content`, `summary`, through
`sitekit.pelican_compat.text_reads`) is noted. The record of a build keeps
the site key, the hash of every text and, for every page, the texts it
read. The next build reuses (hard-links) a page of the previous build when
the site key is the same and none of the texts that page read has
changed: editing one article's text renders its own page and the lists,
feeds and pages that show its text, and nothing else. Any other change
(a title, a date, a tag, a new or deleted file, a template, data) changes
the site key, and every page renders again. The record is kept in
CACHE_PATH/render and is used only with the build folder it describes.
"""

import datetime
import hashlib
import os
import zoneinfo

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

from sitekit.files import read_json, write_json
from sitekit.pelican_compat import content_html

FOLDER = "render"
RECORD = "catatan.json"
# What an article or page holds that is not what it shows: its text, the
# shared settings and context, and the writer's own bookkeeping.
NOT_STATE = frozenset(
    (
        "_content",
        "settings",
        "_context",
        "_parallel_urls",
    )
)
# Attributes that name a plugin's object (an edition, a KBK, an album):
# its data is an input file, in the site key already.
NAMES = ("id", "slug", "name", "year", "save_as")
PLAIN = (str, int, float, bool, type(None), datetime.date, datetime.time)


def _state(value, depth=0):
    """A bounded, stable text of what a value says."""
    if isinstance(value, (*PLAIN, zoneinfo.ZoneInfo)):
        return repr(value)
    if isinstance(value, Content):
        return f"<{type(value).__name__} {getattr(value, 'source_path', '')}>"
    if isinstance(value, URLWrapper):
        return repr(value)
    if depth > 3:
        return f"<{type(value).__name__}>"
    if isinstance(value, dict):
        items = sorted((str(k), _state(v, depth + 1)) for k, v in value.items())
        return "{" + ", ".join(f"{k}: {v}" for k, v in items) + "}"
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_state(v, depth + 1) for v in value]
        if isinstance(value, (set, frozenset)):
            items.sort()
        return "[" + ", ".join(items) + "]"
    for name in NAMES:
        named = getattr(value, name, None)
        if named is not None and isinstance(named, PLAIN):
            return f"<{type(value).__name__} {name}={named!r}>"
    return f"<{type(value).__name__}>"


def documents(context):
    """Every article and page read, by source path (Pelican's own list)."""
    found = context.get("generated_content", {})
    return {path: item for path, item in found.items() if isinstance(item, Content)}


def text_hash(document):
    return hashlib.sha256((content_html(document) or "").encode("utf-8")).hexdigest()


def site_key(base_key, found, root):
    """The site key: `base_key` and all but the text of every document.
    Paths count relative to the content folder `root`, so that a copied
    project keeps its key, as its inputs key does."""
    digest = hashlib.sha256(f"{base_key}\n".encode())
    for path in sorted(found):
        state = {k: v for k, v in vars(found[path]).items() if k not in NOT_STATE}
        text = _state(state).replace(root, ".")
        digest.update(f"{path}\0{text}\n".encode())
    return digest.hexdigest()


class Reuse:
    """What the previous build rendered, and the record of this one."""

    def __init__(self, settings, output_path):
        self.base_key = settings.get("PARALLEL_SITE_KEY")
        self.previous = settings.get("BUILD_PREVIOUS_OUTPUT") or None
        cache = settings.get("CACHE_PATH")
        self.path = os.path.join(cache, FOLDER, RECORD) if cache else None
        self.output_path = output_path
        self.root = os.path.abspath(settings.get("PATH") or os.curdir)
        self.site = None
        self.texts = {}
        self.pages = {}  # relative output path -> texts it read
        self.earlier = None

    @property
    def active(self):
        return bool(self.base_key and self.path)

    def start(self, context):
        """Once per build, when the first pages are written."""
        if self.site is not None or not self.active:
            return
        found = documents(context)
        self.site = site_key(self.base_key, found, self.root)
        self.texts = {path: text_hash(item) for path, item in found.items()}
        record = read_json(self.path) if self.previous else None
        if (
            record
            and record.get("folder") == os.path.basename(self.previous)
            and record.get("site") == self.site
        ):
            # Pages name what they read by its place in `sources`.
            sources = record["sources"]
            self.earlier = {
                "texts": dict(zip(sources, record["texts"], strict=True)),
                "pages": {
                    page: [sources[i] for i in read]
                    for page, read in record["pages"].items()
                },
            }

    def reusable(self, paths):
        """The previous build's files for `paths` (this build's), or None
        when any of them must be rendered."""
        if self.earlier is None or not paths:
            return None
        old_texts, old_pages = self.earlier["texts"], self.earlier["pages"]
        found = []
        for path in paths:
            relative = os.path.relpath(path, self.output_path)
            read = old_pages.get(relative)
            if read is None:
                return None
            if any(self.texts.get(t) != old_texts.get(t) for t in read):
                return None
            old = os.path.join(self.previous, relative)
            if not os.path.isfile(old):
                return None
            found.append((old, path, read))
        return found

    def note(self, path, read):
        """Remember what the page at `path` read; a page that read the
        text of something that is not an article or page read from a file
        (None in `read`) is not remembered, so it always renders."""
        if self.active and None not in read:
            self.pages[os.path.relpath(path, self.output_path)] = sorted(read)

    def save(self):
        if not self.active or self.site is None:
            return
        sources = sorted(self.texts)
        place = {source: number for number, source in enumerate(sources)}
        write_json(
            self.path,
            {
                "folder": os.path.basename(self.output_path),
                "site": self.site,
                "sources": sources,
                "texts": [self.texts[source] for source in sources],
                "pages": {
                    page: [place[source] for source in read if source in place]
                    for page, read in self.pages.items()
                },
            },
        )
