"""Read a WordPress export (WXR) into entries, safely.

defusedxml refuses entity declarations, so an entity-expansion bomb or an
external entity never gets expanded. The text must be UTF-8, as WordPress
always writes it. Every element remembers its line for error messages.
"""

import datetime
import html
import re
from urllib.parse import urlsplit
from xml.etree.ElementTree import TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser, ParseError

from sitekit import text
from sitekit.problems import ContentError

from .model import Entry, Export, ImportFailed, failure

_UTF8_HINT = (
    "simpan ulang berkas dengan pengodean UTF-8 (ekspor WordPress "
    "selalu UTF-8; berkas ini mungkin sudah diubah oleh program lain)."
)

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
_WP_NS = re.compile(r"^http://wordpress\.org/export/\d+\.\d+/$")
_EXCERPT_NS = re.compile(r"^http://wordpress\.org/export/\d+\.\d+/excerpt/$")

_EXPORT_HINT = (
    "ekspor ulang dari dasbor WordPress: Alat → Ekspor (Tools → Export), "
    "pilih `Semua konten`, lalu impor berkas .xml yang diunduh apa adanya."
)

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


# Fields that problems point at: name in messages -> tag in the item.
_FIELDS = {
    "title": "title",
    "wp:post_date": "wp:post_date",
    "wp:post_name": "wp:post_name",
}


class _LineBuilder(TreeBuilder):
    """A TreeBuilder that records the line where each element starts."""

    def __init__(self):
        super().__init__()
        self.lines = {}
        self.parser = None

    def start(self, tag, attrs):
        element = super().start(tag, attrs)
        self.lines[element] = self.parser.parser.CurrentLineNumber
        return element


def decode_utf8(data, path):
    """`data` as text, or ImportFailed naming the first bad line."""
    try:
        return text.decode_utf8(data, path, _UTF8_HINT)
    except ContentError as error:
        raise ImportFailed(error.problems) from None


def _parse_xml(data, path):
    builder = _LineBuilder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=False)
    builder.parser = parser
    try:
        parser.feed(data)
        root = parser.close()
    except DefusedXmlException:
        raise failure(
            path,
            "berkas memuat deklarasi entitas XML (<!ENTITY …>). Ekspor WordPress "
            "tidak pernah memuatnya, dan entitas dapat dipakai untuk "
            "melumpuhkan komputer (bom entitas); berkas tidak dibaca.",
            _EXPORT_HINT,
        ) from None
    except ParseError as error:
        line, column = error.position
        raise failure(
            path,
            f"XML rusak di kolom {column + 1} ({_expat_reason(error)}).",
            "berkas mungkin terpotong saat diunduh atau diubah dengan tangan; "
            + _EXPORT_HINT,
            line=line,
        ) from None
    return root, builder.lines


def _expat_reason(error):
    return str(error).split(":", 1)[0]


def _namespaces(root):
    """The WXR namespaces used in the file, found from its tags."""
    found = {}
    for element in root.iter():
        if not isinstance(element.tag, str) or not element.tag.startswith("{"):
            continue
        namespace = element.tag[1:].split("}", 1)[0]
        if _WP_NS.match(namespace):
            found.setdefault("wp", namespace)
        elif _EXCERPT_NS.match(namespace):
            found.setdefault("excerpt", namespace)
    return found


_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']""")


def _check_encoding(data, path):
    """UTF-8 bytes, and no declaration claiming another encoding."""
    decode_utf8(data, path)
    declared = _DECLARED.match(data)
    name = declared.group(1).decode("ascii").lower() if declared else "utf-8"
    if name.replace("_", "-") not in ("utf-8", "utf8"):
        raise failure(
            path,
            f"berkas menyatakan pengodean `{name}`, bukan UTF-8.",
            "ekspor WordPress selalu UTF-8; ekspor ulang, atau simpan ulang "
            "berkas sebagai UTF-8 dan ubah deklarasinya menjadi "
            '`encoding="UTF-8"`.',
            line=1,
        )


def parse_wxr(data, path):
    """Parse the bytes of a WXR file into an Export, or raise ImportFailed."""
    _check_encoding(data, path)
    root, lines = _parse_xml(data, path)
    channel = root.find("channel") if root.tag == "rss" else None
    namespaces = _namespaces(root)
    if channel is None or "wp" not in namespaces:
        kind = _describe_root(root.tag)
        raise failure(
            path,
            f"berkas ini bukan ekspor WordPress (WXR), melainkan {kind}.",
            _EXPORT_HINT,
            line=lines.get(root),
        )
    wp = "{" + namespaces["wp"] + "}"
    excerpt = "{" + namespaces.get("excerpt", "") + "}"
    authors = {
        _text(author, f"{wp}author_login"): _text(author, f"{wp}author_display_name")
        for author in channel.findall(f"{wp}author")
    }
    entries, skipped, attachments = [], [], {}
    for item in channel.findall("item"):
        kind = _text(item, f"{wp}post_type")
        post_id = _text(item, f"{wp}post_id")
        if kind == "attachment":
            attachments[post_id] = _text(item, f"{wp}attachment_url")
            continue
        if kind not in ("post", "page"):
            continue  # menus, revisions, reusable blocks: not content
        login = _text(item, f"{{{DC_NS}}}creator")
        field_lines = {
            name: lines[child]
            for name, tag in _FIELDS.items()
            if (child := item.find(tag.replace("wp:", wp))) is not None
        }
        entry = Entry(
            kind=kind,
            title=_clean_title(_text(item, "title")),
            date=_parse_date(_text(item, f"{wp}post_date")),
            slug=_text(item, f"{wp}post_name"),
            html=_text(item, f"{{{CONTENT_NS}}}encoded"),
            source=path,
            line=lines.get(item),
            post_id=post_id,
            status=_text(item, f"{wp}status") or "publish",
            author=authors.get(login) or login,
            categories=_terms(item, "category"),
            tags=_terms(item, "post_tag"),
            excerpt=_text(item, f"{excerpt}encoded"),
            old_urls=_old_urls(_text(item, "link"), post_id, kind),
            field_lines=field_lines,
        )
        reason = SKIPPED_STATUSES.get(entry.status)
        if reason is None and _text(item, f"{wp}post_password"):
            reason = "dilindungi kata sandi"
        if reason:
            skipped.append((entry, reason))
        else:
            entries.append(entry)
    addresses = [
        _text(channel, name)
        for name in ("link", f"{wp}base_site_url", f"{wp}base_blog_url")
    ]
    addresses += [_text(item, "link") for item in channel.findall("item")]
    hosts = tuple(sorted({urlsplit(a).netloc for a in addresses} - {""}))
    return Export(path, tuple(entries), tuple(skipped), attachments, hosts)


def _describe_root(tag):
    if tag == "rss":
        return "umpan RSS biasa, bukan berkas ekspor lengkap"
    if tag == "{http://www.w3.org/2005/Atom}feed":
        return "umpan Atom (mis. dari Blogger)"
    return f"dokumen XML lain (elemen akar <{tag.rsplit('}', 1)[-1]}>)"


def _text(element, path):
    found = element.find(path)
    return (found.text or "").strip() if found is not None else ""


def _clean_title(text):
    return " ".join(html.unescape(text).split())


def _terms(item, domain):
    names = []
    for category in item.findall("category"):
        name = " ".join(html.unescape(category.text or "").split())
        if category.get("domain") == domain and name and name not in names:
            names.append(name)
    return tuple(names)


def _parse_date(text):
    """A naive local datetime from `2015-09-30 10:00:00`, or None."""
    try:
        return datetime.datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None  # empty, or WordPress's 0000-00-00 for unsaved drafts


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
