"""The metadata of an imported file: title, date, category, summary…

The summary is the post's excerpt, or else its first paragraph of story;
`Gelar:` names the edition of the Gelar Budaya Kerja the post is about,
when that year has a data file.
"""

import copy
import re

from bs4 import BeautifulSoup

from .convert import escape_text
from .text import squeeze, visible_text

_NO_CATEGORY = {"uncategorized", "tak berkategori", "tanpa kategori"}


def fields(entry, slug, site, soup, body):
    """The metadata lines of an imported file, `Name: value` each."""
    found = [("Title", entry.title)]
    if entry.kind == "post":
        category, tags = _category_and_tags(entry, site)
        found += [
            ("Date", f"{entry.date:%Y-%m-%d %H:%M}"),
            ("Category", category),
            ("Tags", ", ".join(tags)),
        ]
    found += [("Slug", slug)]
    if entry.kind == "post":
        found += [("Author", entry.author)]
    found += [("Summary", escape_text(summary(entry.excerpt, soup)))]
    if entry.kind == "post":
        year = gelar_year(entry.title, body, site.known_years)
        found += [("Gelar", str(year) if year else "")]
    return "".join(f"{name}: {squeeze(value)}\n" for name, value in found if value)


def _category_and_tags(entry, site):
    categories = [c for c in entry.categories if c.casefold() not in _NO_CATEGORY]
    category = categories[0] if categories else site.default_category
    tags, seen = [], {category.casefold()}
    for name in [*categories[1:], *entry.tags]:
        name = squeeze(name.replace(",", " ").replace(";", " "))
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            tags.append(name)
    return category, tags


def summary(excerpt_html, soup, limit=200):
    """One line for the news list: the excerpt, or the first paragraph.

    Plain text; Pelican reads the Summary field as Markdown, so escape it.
    """
    text = visible_text(BeautifulSoup(excerpt_html, "html.parser"))
    if not text:
        for paragraph in soup.find_all("p"):
            if paragraph.find_parent(["figure", "blockquote", "li", "table"]):
                continue
            if _only_emphasis(paragraph):
                continue  # a caption or a note, not the story
            text = _story_text(paragraph)
            if text:
                break
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:-–")
    return cut + "…"


def _story_text(paragraph):
    """A paragraph's text without its footnote numbers."""
    paragraph = copy.copy(paragraph)
    for marker in paragraph.find_all("sup", attrs={"data-footnote": True}):
        marker.decompose()
    return visible_text(paragraph)


def _only_emphasis(paragraph):
    children = [c for c in paragraph.contents if squeeze(str(c))]
    return len(children) == 1 and getattr(children[0], "name", None) in ("em", "i")


_GELAR = re.compile(
    r"gelar\s+budaya\s+kerja\b[^.!?\n]{0,80}?\b((?:19|20)\d\d)\b", re.IGNORECASE
)


def gelar_year(title, text, known_years):
    """The year of a Gelar Budaya Kerja the text names, if it has data.

    The title counts first, then the text in reading order.
    """
    for source in (title, text):
        for match in _GELAR.finditer(source):
            year = int(match.group(1))
            if year in known_years:
                return year
    return None
