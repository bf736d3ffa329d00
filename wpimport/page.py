"""Read one saved web page of an article (or its text) into an entry.

A page saved from the browser keeps WordPress's markup: the title in
og:title or the entry heading, the date in article:published_time or a
<time> element, the article in .entry-content, the old address in the
canonical link. A page saved as plain text has the title on its first line
and paragraphs separated by blank lines; its date must be given.
"""

import datetime
import html
import re
from dataclasses import replace
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from .model import Entry, failure
from .text import squeeze, visible_text
from .wxr import decode_utf8

_HTML = re.compile(r"<(?:html|body|p|div|article|h1)\b", re.I)
_DATE_HINT = (
    "tulis tanggal terbitnya, mis. `invoke import-html HALAMAN --date 2015-10-01`."
)


def parse_date(text, path):
    """A datetime from `2015-10-01`, `2015-10-01 09:00` or ISO 8601."""
    try:
        value = datetime.datetime.fromisoformat(text.strip())
    except ValueError:
        raise failure(
            path,
            f"`{text}` bukan tanggal yang dikenali.",
            _DATE_HINT,
            field_name="date",
        ) from None
    return value.replace(tzinfo=None, second=0, microsecond=0)


def parse_page(data, path, date=None, slug=""):
    """(Entry, old host names) from the bytes of a saved page."""
    text = decode_utf8(data, path)
    if _HTML.search(text):
        entry, hosts = _from_html(text, path)
    else:
        entry, hosts = _from_text(text, path), ()
    if date:
        entry = replace(entry, date=parse_date(date, path))
    if slug:
        entry = replace(entry, slug=slug)
    if not entry.title:
        raise failure(
            path,
            "judul artikel tidak ditemukan di halaman.",
            "simpan ulang halaman lengkap dari peramban, atau tulis judul di "
            "baris pertama berkas teks.",
        )
    if entry.date is None:
        raise failure(path, "tanggal terbit tidak ditemukan di halaman.", _DATE_HINT)
    return entry, hosts


def _from_text(text, path):
    blocks = [squeeze(b) for b in re.split(r"\n\s*\n", text.replace("\r\n", "\n"))]
    blocks = [b for b in blocks if b]
    title = blocks[0] if blocks else ""
    paragraphs = []
    for index, block in enumerate(blocks[1:], start=1):
        if index + 1 < len(blocks) and blocks[index + 1] == block:
            # Scraped photo captions come twice (alt text, then caption):
            # keep one, in italics, as the caption of a photo not saved.
            paragraphs.append(f"<p><em>{html.escape(block)}</em></p>")
        elif block != blocks[index - 1] or index == 1:
            paragraphs.append(f"<p>{html.escape(block)}</p>")
    body = "\n".join(paragraphs)
    return Entry(kind="post", title=title, date=None, slug="", html=body, source=path)


def _meta(soup, name):
    tag = soup.find("meta", attrs={"property": name}) or soup.find(
        "meta", attrs={"name": name}
    )
    return squeeze(tag.get("content", "")) if tag else ""


# Where the article's own title is, most certain first. A theme's site
# name (`h1.site-title`) is never one of them.
_TITLE_HEADINGS = (
    ".entry-title",
    ".post-title",
    ".wp-block-post-title",
    "article h1",
    "main h1",
)


def _title(soup):
    """The article's title: its heading, og:title, or <title> without the
    site's name."""
    for selector in _TITLE_HEADINGS[:3]:
        heading = soup.select_one(selector)
        if heading is not None and visible_text(heading):
            return visible_text(heading)
    site = _site_name(soup)
    found = _meta(soup, "og:title")
    if found:
        return _without_site_name(found, site)
    for selector in _TITLE_HEADINGS[3:]:
        heading = soup.select_one(selector)
        if heading is not None and visible_text(heading):
            return visible_text(heading)
    for heading in soup.find_all("h1"):
        if not _is_site_heading(heading) and visible_text(heading):
            return visible_text(heading)
    if soup.title:
        return _without_site_name(squeeze(soup.title.get_text()), site, unnamed=True)
    return ""


def _site_name(soup):
    found = _meta(soup, "og:site_name")
    if not found:
        name = soup.select_one(".site-title, .site-branding h1, #site-title")
        found = visible_text(name) if name is not None else ""
    return found


def _is_site_heading(heading):
    classes = " ".join(heading.get("class") or [])
    return (
        "site-title" in classes
        or heading.find_parent(class_=("site-branding", "site-header")) is not None
    )


def _without_site_name(title, site, unnamed=False):
    """`Judul | Situs` or `Situs – Judul` without the site's name `site`;
    with `unnamed`, the last part goes when the site's name is unknown."""
    parts = re.split(r" ([|–—-]) ", title)
    texts, marks = parts[::2], parts[1::2]
    if len(texts) < 2:
        return title
    if site and site.casefold() == texts[0].casefold():
        texts, marks = texts[1:], marks[1:]
    elif (site and site.casefold() == texts[-1].casefold()) or (unnamed and not site):
        texts, marks = texts[:-1], marks[:-1]
    else:
        return title
    joined = texts[0]
    for mark, text in zip(marks, texts[1:], strict=True):
        joined += f" {mark} {text}"
    return joined


def _from_html(text, path):
    soup = BeautifulSoup(text, "html.parser")
    title = _title(soup)
    published = _meta(soup, "article:published_time")
    if not published:
        time = soup.find("time", attrs={"datetime": True})
        published = time["datetime"] if time else ""
    date = parse_date(published, path) if published else None
    body = (
        soup.select_one(".entry-content, .post-content, article .content")
        or soup.find("article")
        or soup.find("main")
        or soup.body
        or soup
    )
    if body.name in ("article", "main", "body"):
        for heading in body.find_all("h1"):
            heading.decompose()  # the title, shown by the site itself
    canonical = soup.find("link", rel="canonical")
    address = canonical.get("href", "") if canonical else _meta(soup, "og:url")
    parts = urlsplit(address)
    old = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    categories = [squeeze(a.get_text()) for a in soup.select('a[rel~="category"]')] or [
        _meta(soup, "article:section")
    ]
    tags = [squeeze(a.get_text()) for a in soup.select('a[rel="tag"]')] + [
        squeeze(m.get("content", ""))
        for m in soup.find_all("meta", attrs={"property": "article:tag"})
    ]
    slug = parts.path.rstrip("/").rsplit("/", 1)[-1] if parts.path else ""
    entry = Entry(
        kind="post",
        title=title,
        date=date,
        slug=slug,
        html=body.decode_contents() if body is not soup else str(soup),
        source=path,
        author=_meta(soup, "author"),
        categories=tuple(c for c in categories if c),
        tags=tuple(t for t in tags if t),
        excerpt=_meta(soup, "description"),
        old_urls=(old,) if address else (),
    )
    return entry, (parts.netloc,) if parts.netloc else ()
