"""Which pages go into which part of the search index, and each part's key.

Pure functions over site paths and page bytes; sitebuild/search.py runs
Pagefind. A page's part depends only on its own address, never on how
many pages there are before it, so an edit re-indexes one part and every
other part is reused from the cache as it was:

- a small site (at most SMALL_SITE indexed pages) is one part;
- a larger one has one part for each folder of news (a year, with
  `berita/{date:%Y}/{slug}/`), named after it (`pagefind-2016/`), and one
  for every other page (editions, KBKs, albums, pages), the first part
  (`pagefind/`), whose `bagian.json` lists the others;
- a part over the size limit (PEMBACA_SEARCH_PAGES_PER_BUNDLE, since
  Pagefind holds a part in memory) is cut into pieces of that size
  (`pagefind-2016-2/`, or `pagefind-2/` for the first part).
"""

import hashlib
import posixpath
import re

# Up to this many indexed pages, one part (one download for the reader).
SMALL_SITE = 400


def glob_regex(glob):
    """Pagefind's `{a,b}` glob as a regex over site paths (`*` stays in one
    folder), to count the pages it selects."""
    alternatives = glob.strip("{}").split(",")
    return re.compile(
        "|".join(re.escape(a).replace(r"\*", "[^/]*") for a in alternatives)
    )


def pattern_glob(save_as):
    """`berita/{date:%Y}/{slug}/index.html` as `berita/*/*/index.html`."""
    return re.sub(r"\{[^}]*\}", "*", save_as)


def _group(page, news):
    """The part name suffix of a page: its news folder, or "" for the first."""
    if news is None or not news.fullmatch(page):
        return ""
    folder = posixpath.basename(posixpath.dirname(posixpath.dirname(page)))
    return folder if re.fullmatch(r"[\w.]+", folder) else ""


def plan_parts(pages, bundle, size, news_save_as=None):
    """[(folder name, sorted pages)], the first part named `bundle`."""
    pages = sorted(pages)
    news = glob_regex(pattern_glob(news_save_as)) if news_save_as else None
    groups = {"": []}
    for page in pages:
        label = _group(page, news) if len(pages) > SMALL_SITE else ""
        groups.setdefault(label, []).append(page)
    parts = []
    for label in sorted(groups):
        name = f"{bundle}-{label}" if label else bundle
        members = groups[label]
        step = size if size and size > 0 else max(len(members), 1)
        for number, start in enumerate(range(0, len(members), step), 1):
            piece = members[start : start + step]
            parts.append((name if number == 1 else f"{name}-{number}", piece))
    if not parts:
        parts.append((bundle, []))
    elif parts[0][0] != bundle:  # no other pages: the first part holds news
        parts[0] = (bundle, parts[0][1])
    return parts


def is_part(name, bundle):
    """Whether folder `name` is one of the bundle's parts."""
    return re.fullmatch(rf"{re.escape(bundle)}(?:-[\w.-]+)?", name) is not None


def part_key(name, pages, read, version):
    """A hash of a part: its name, Pagefind's version and the path and
    bytes of each of its pages (`read(page)` gives them)."""
    digest = hashlib.sha256(f"{version}\0{name}\n".encode())
    for page in pages:
        digest.update(f"{page}\0".encode())
        digest.update(hashlib.sha256(read(page)).digest())
    return digest.hexdigest()[:32]
