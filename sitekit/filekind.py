"""What a file is, by its content: an image, active content, or neither.

A photo renamed `.jfif`, `.jpe`, `.tif` or `.heic` is still a photo with
its GPS position, and an `.svg` may carry a script. So the build (which
files may be copied as they are) and `invoke check` (which published
files carry metadata) decide by the first bytes, never by the name.
Pure functions over bytes; `read_head` is the only reader of the disk.
"""

import gzip
import re

HEAD_BYTES = 64

# ISO base media files (HEIF, AVIF, camera raw CR3...) by their brand.
_IMAGE_BRANDS = {
    b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs",
    b"mif1", b"msf1", b"avif", b"avis", b"crx ", b"jxl ",
}  # fmt: skip

# (prefix, offset, format) of raster image formats, including those Pillow
# cannot open: they may carry metadata all the same.
_SIGNATURES = (
    (b"\xff\xd8\xff", 0, "JPEG"),
    (b"\x89PNG\r\n\x1a\n", 0, "PNG"),
    (b"GIF87a", 0, "GIF"),
    (b"GIF89a", 0, "GIF"),
    (b"II*\x00", 0, "TIFF"),
    (b"MM\x00*", 0, "TIFF"),
    (b"II+\x00", 0, "TIFF"),  # BigTIFF
    (b"MM\x00+", 0, "TIFF"),
    (b"IIRO", 0, "ORF"),
    (b"IIU\x00", 0, "RW2"),
    (b"FUJIFILMCCD-RAW", 0, "RAF"),
    (b"BM", 0, "BMP"),
    (b"\x00\x00\x01\x00", 0, "ICO"),
    (b"8BPS", 0, "PSD"),
    (b"\xff\x0a", 0, "JPEG XL"),
    (b"\x00\x00\x00\x0cJXL \r\n\x87\n", 0, "JPEG XL"),
    (b"\x00\x00\x00\x0cjP  \r\n\x87\n", 0, "JPEG 2000"),
    (b"\xff\x4f\xff\x51", 0, "JPEG 2000"),
)


def read_head(path, size=HEAD_BYTES):
    with open(path, "rb") as handle:
        return handle.read(size)


def image_format(head):
    """The raster image format the first bytes announce, or None."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[4:8] == b"ftyp" and head[8:12] in _IMAGE_BRANDS:
        return head[8:12].decode("ascii").strip().upper()
    for prefix, offset, name in _SIGNATURES:
        if head[offset : offset + len(prefix)] == prefix:
            return name
    return None


# Files a browser runs when opened from the site's own address.
ACTIVE_EXTENSIONS = (
    ".html", ".htm", ".xhtml", ".xht", ".shtml", ".mht", ".mhtml", ".hta",
    ".js", ".mjs", ".swf", ".xsl", ".xslt",
)  # fmt: skip
_LEAD = rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
_HTML_START = re.compile(_LEAD + rb"<(?:!doctype\s+html|html|script)\b", re.I | re.S)
_XML_START = re.compile(_LEAD + rb"<(?:\?xml|!doctype\s+svg|svg)\b", re.I | re.S)
# What makes an SVG (or any XML a browser renders) run code: scripts,
# event handlers, javascript: links, embedded HTML.
_ACTIVE_MARKUP = re.compile(
    rb"<script\b|<foreignObject\b|<iframe\b|<embed\b|<object\b|<handler\b"
    rb"|\son[a-z]+\s*=|(?:href|src|action|formaction|values|to|from)\s*=\s*"
    rb"[\"']?\s*(?:javascript|vbscript|data\s*:\s*text/html)",
    re.IGNORECASE,
)


def active_content(name, data):
    """Why a static file would run code in a reader's browser, or None.

    `name` is its file name and `data` its bytes (a gzipped SVG is
    unpacked first)."""
    lower = name.lower()
    if lower.endswith(ACTIVE_EXTENSIONS):
        return "halaman web atau skrip"
    if lower.endswith(".svgz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            return "SVG terkompresi yang tidak bisa dibaca"
    head = data[:1024]
    if _HTML_START.match(head):
        return "halaman web (isinya HTML)"
    markup = lower.endswith((".svg", ".svgz", ".xml")) or _XML_START.match(head)
    if markup and _ACTIVE_MARKUP.search(data):
        return "gambar atau berkas XML berisi skrip atau penangan kejadian (`on…=`)"
    return None
