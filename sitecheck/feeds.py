"""Every feed in the site parses: feedparser reports no error (bozo)."""

import feedparser

from .findings import Finding

FEED_ROOTS = (b"<feed", b"<rss", b"<rdf:RDF")


def is_feed(path, head):
    return path.endswith(".xml") and any(root in head for root in FEED_ROOTS)


def parse_feed(data):
    return feedparser.parse(data)


def check_feed(path, parsed):
    if not parsed.bozo:
        return []
    reason = getattr(parsed, "bozo_exception", "") or "tidak dapat dibaca"
    return [
        Finding(
            "feeds",
            path,
            getattr(reason, "getLineNumber", lambda: None)(),
            f"umpan tidak valid ({reason}).",
            "periksa templat umpan atau judul/ringkasan artikel yang memuat "
            "karakter aneh.",
        )
    ]


def entry_links(parsed):
    """The link of every entry in a parsed feed."""
    return [entry.get("link", "") for entry in parsed.entries]
