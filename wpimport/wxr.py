"""Read a WordPress export (WXR) into entries, safely.

defusedxml refuses entity declarations, so an entity-expansion bomb or an
external entity never gets expanded. The text must be UTF-8, as WordPress
always writes it. Every element remembers its line for error messages.
"""

import re
from collections import Counter
from urllib.parse import urlsplit
from xml.etree.ElementTree import TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser, ParseError

from sitekit import text
from sitekit.problems import ContentError

from . import items
from .model import Export, ImportFailed, failure

_UTF8_HINT = (
    "simpan ulang berkas dengan pengodean UTF-8 (ekspor WordPress "
    "selalu UTF-8; berkas ini mungkin sudah diubah oleh program lain)."
)

_WP_NS = re.compile(r"^https?://wordpress\.org/export/\d+\.\d+/?$")
_EXCERPT_NS = re.compile(r"^https?://wordpress\.org/export/\d+\.\d+/excerpt/?$")

_EXPORT_HINT = (
    "ekspor ulang dari dasbor WordPress: Alat → Ekspor (Tools → Export), "
    "pilih `Semua konten`, lalu impor berkas .xml yang diunduh apa adanya."
)


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
    fields = items.Fields(
        wp=wp,
        excerpt="{" + namespaces.get("excerpt", "") + "}",
        authors={},
        path=path,
        lines=lines,
    )
    for author in channel.findall(f"{wp}author"):
        login = fields.text(author, "wp:author_login")
        fields.authors[login] = fields.text(author, "wp:author_display_name")
    entries, skipped, attachments, blocks = [], [], {}, {}
    not_content = Counter()
    for item in channel.findall("item"):
        kind = items.post_type(item, fields)
        if kind == "attachment":
            found = items.attachment(item, fields)
            attachments.setdefault(found.post_id, found)
            continue
        if kind == "wp_block":
            post_id = fields.text(item, "wp:post_id")
            blocks.setdefault(
                post_id, fields.text(item, f"{{{items.CONTENT_NS}}}encoded")
            )
        if kind in items.NOT_CONTENT:
            not_content[(kind, items.NOT_CONTENT[kind])] += 1
            continue
        entry = items.entry(item, fields)
        reason = items.skip_reason(item, entry, fields)
        if reason:
            skipped.append((entry, reason))
        else:
            entries.append(entry)
    addresses = [
        fields.text(channel, name)
        for name in ("link", "wp:base_site_url", "wp:base_blog_url")
    ]
    addresses += [fields.text(item, "link") for item in channel.findall("item")]
    hosts = tuple(sorted({urlsplit(a).netloc for a in addresses} - {""}))
    return Export(
        path,
        tuple(entries),
        tuple(skipped),
        attachments,
        hosts,
        blocks,
        dict(not_content),
    )


def _describe_root(tag):
    if tag == "rss":
        return "umpan RSS biasa, bukan berkas ekspor lengkap"
    if tag == "{http://www.w3.org/2005/Atom}feed":
        return "umpan Atom (mis. dari Blogger)"
    return f"dokumen XML lain (elemen akar <{tag.rsplit('}', 1)[-1]}>)"
