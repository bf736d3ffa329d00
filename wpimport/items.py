"""One <item> of a WXR file: a post, a page, an attachment or other.

Pure functions over an ElementTree item. `Fields` knows the file's
namespace prefixes, which differ between WXR versions (1.0 to 1.2, and
`http` or `https`).
"""

import datetime
import html
import json
from dataclasses import dataclass
from urllib.parse import urlsplit

from .model import Attachment, Entry
from .text import plain_title, squeeze

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"

# wp:status of posts that must not be published, with the report's words.
SKIPPED_STATUSES = {
    "draft": "draf",
    "auto-draft": "draf",
    "pending": "menunggu tinjauan",
    "private": "privat",
    "future": "terjadwal",
    "trash": "dibuang",
    "inherit": "revisi",
}

# Post types that are not articles or pages, with the report's words.
NOT_CONTENT = {
    "revision": "revisi",
    "nav_menu_item": "butir menu situs",
    "wp_navigation": "menu situs",
    "custom_css": "CSS tema",
    "customize_changeset": "perubahan tampilan tema",
    "oembed_cache": "tembolok sematan",
    "user_request": "permintaan data pribadi",
    "wp_template": "templat tema",
    "wp_template_part": "bagian templat tema",
    "wp_global_styles": "gaya tema",
    "wp_font_family": "fon tema",
    "wp_font_face": "fon tema",
    "feedback": "pesan formulir kontak (data pribadi, tidak diterbitkan)",
    "jp_pay_order": "pesanan pembayaran",
    "jp_pay_product": "produk pembayaran",
    "wp_block": "blok pakai-ulang (isinya masuk ke pos yang memakainya)",
}

# Fields that problems point at: name in messages -> tag in the item.
_FIELDS = {
    "title": "title",
    "wp:post_date": "wp:post_date",
    "wp:post_name": "wp:post_name",
}
_TAG_DOMAINS = ("post_tag", "tag")  # WXR 1.0 wrote "tag"


@dataclass(frozen=True)
class Fields:
    """How to read the fields of items in one file."""

    wp: str  # "{http://wordpress.org/export/1.2/}"
    excerpt: str  # "{http://wordpress.org/export/1.2/excerpt/}" or "{}"
    authors: dict  # login -> display name
    path: str  # the file, as shown to editors
    lines: dict  # element -> line

    def text(self, element, tag):
        found = element.find(tag.replace("wp:", self.wp))
        return (found.text or "").strip() if found is not None else ""

    def meta(self, item):
        """The item's post metadata, key -> value (the first of each key)."""
        found = {}
        for meta in item.findall(f"{self.wp}postmeta"):
            key = self.text(meta, "wp:meta_key")
            found.setdefault(key, self.text(meta, "wp:meta_value"))
        return found


def post_type(item, fields):
    return fields.text(item, "wp:post_type") or "post"


def attachment(item, fields):
    meta = fields.meta(item)
    order = fields.text(item, "wp:menu_order")
    return Attachment(
        post_id=fields.text(item, "wp:post_id"),
        url=fields.text(item, "wp:attachment_url") or fields.text(item, "guid"),
        parent=fields.text(item, "wp:post_parent"),
        order=int(order) if order.lstrip("-").isdigit() else 0,
        caption=fields.text(item, f"{fields.excerpt}encoded"),
        alt=squeeze(meta.get("_wp_attachment_image_alt", "")),
    )


def entry(item, fields):
    """The Entry of a post, a page or an item of another post type."""
    kind = post_type(item, fields)
    post_id = fields.text(item, "wp:post_id")
    login = fields.text(item, f"{{{DC_NS}}}creator")
    field_lines = {
        name: fields.lines[child]
        for name, tag in _FIELDS.items()
        if (child := item.find(tag.replace("wp:", fields.wp))) is not None
    }
    return Entry(
        kind=kind if kind in ("post", "page") else "page",
        title=plain_title(fields.text(item, "title")),
        date=_parse_date(fields.text(item, "wp:post_date")),
        slug=fields.text(item, "wp:post_name"),
        html=fields.text(item, f"{{{CONTENT_NS}}}encoded"),
        source=fields.path,
        line=fields.lines.get(item),
        post_id=post_id,
        status=fields.text(item, "wp:status") or "publish",
        author=fields.authors.get(login) or login,
        categories=_terms(item, ("category", None)),
        tags=_terms(item, _TAG_DOMAINS),
        excerpt=fields.text(item, f"{fields.excerpt}encoded"),
        old_urls=_old_urls(fields.text(item, "link"), post_id, kind),
        field_lines=field_lines,
        footnotes=_footnotes(fields.meta(item).get("footnotes", "")),
        post_type="" if kind in ("post", "page") else kind,
    )


def skip_reason(item, entry, fields):
    """Why a published-looking entry is not imported, or None."""
    reason = SKIPPED_STATUSES.get(entry.status)
    if reason is None and fields.text(item, "wp:post_password"):
        reason = "dilindungi kata sandi"
    if reason is None and entry.post_type and not entry.html.strip():
        reason = "tanpa isi"
    return reason


def _terms(item, domains):
    names = []
    for category in item.findall("category"):
        name = squeeze(html.unescape(category.text or ""))
        if category.get("domain") in domains and name and name not in names:
            names.append(name)
    return tuple(names)


def _parse_date(text):
    """A naive local datetime from `2015-09-30 10:00:00`, or None."""
    try:
        return datetime.datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None  # empty, or WordPress's 0000-00-00 for unsaved drafts


def _footnotes(value):
    """(id, HTML) pairs from the block editor's `footnotes` metadata."""
    try:
        notes = json.loads(value) if value else []
    except ValueError:
        return ()
    if not isinstance(notes, list):
        return ()
    return tuple(
        (str(note.get("id", "")), str(note.get("content", "")))
        for note in notes
        if isinstance(note, dict)
    )


def _old_urls(link, post_id, kind):
    """The post's old addresses on its own site, path and query only."""
    urls = []
    parts = urlsplit(link)
    if parts.path or parts.query:
        old = parts.path or "/"
        if parts.query:
            old += f"?{parts.query}"
        urls.append(old)
    if post_id.isdigit():
        queries = ["p", "page_id"] if kind == "page" else ["p"]
        urls += [f"/?{q}={post_id}" for q in queries if f"/?{q}={post_id}" not in urls]
    return tuple(urls)
