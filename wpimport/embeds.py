"""Embedded videos, maps and posts as privacy-friendly links.

WordPress shows a YouTube video, a map or a tweet by loading the other
site's player in an iframe, which tells that site about every reader. The
archive never does: each embed becomes a link with what it is and its
title ("Tonton video di YouTube: Pembukaan Gelar"), and, where the old post
had a poster image, that image. Nothing embedded ever vanishes.
"""

import html
import posixpath
import re
from urllib.parse import parse_qs, unquote, urlsplit

# (host pattern, provider shown to readers, what it holds)
_PROVIDERS = [
    (r"(?:www\.|m\.)?youtube(?:-nocookie)?\.com|youtu\.be", "YouTube", "video"),
    (r"(?:www\.|player\.)?vimeo\.com", "Vimeo", "video"),
    (r"(?:www\.)?dailymotion\.com|dai\.ly", "Dailymotion", "video"),
    (r"(?:www\.)?tiktok\.com", "TikTok", "video"),
    (r"(?:www\.)?ted\.com|embed\.ted\.com", "TED", "video"),
    (r"(?:www\.)?videopress\.com|video\.wordpress\.com", "VideoPress", "video"),
    (r"(?:www\.)?wordpress\.tv", "WordPress.tv", "video"),
    (
        r"(?:www\.|maps\.)?google\.[a-z.]+|goo\.gl|maps\.app\.goo\.gl",
        "Google Maps",
        "map",
    ),
    (r"(?:www\.)?openstreetmap\.org", "OpenStreetMap", "map"),
    (r"(?:w\.)?soundcloud\.com", "SoundCloud", "audio"),
    (r"(?:open\.)?spotify\.com", "Spotify", "audio"),
    (r"(?:www\.)?mixcloud\.com", "Mixcloud", "audio"),
    (r"(?:www\.|mobile\.)?(?:twitter|x)\.com", "X (Twitter)", "post"),
    (r"(?:www\.)?instagram\.com", "Instagram", "post"),
    (r"(?:www\.|m\.)?facebook\.com|fb\.watch", "Facebook", "post"),
    (r"(?:www\.)?reddit\.com", "Reddit", "post"),
    (r"(?:www\.)?tumblr\.com|[\w-]+\.tumblr\.com", "Tumblr", "post"),
    (r"(?:www\.)?slideshare\.net", "SlideShare", "document"),
    (r"(?:www\.)?scribd\.com", "Scribd", "document"),
    (r"(?:www\.)?issuu\.com", "Issuu", "document"),
    (r"(?:www\.)?flickr\.com|flic\.kr", "Flickr", "photo"),
    (r"(?:www\.)?imgur\.com", "Imgur", "photo"),
]
_COMPILED = [
    (re.compile(rf"^(?:{host})$", re.I), name, kind) for host, name, kind in _PROVIDERS
]
_VERBS = {
    "video": "Tonton video",
    "audio": "Dengarkan audio",
    "map": "Lihat peta",
    "post": "Lihat kiriman",
    "document": "Lihat dokumen",
    "photo": "Lihat foto",
}
_FILES = {
    "video": (".mp4", ".m4v", ".webm", ".ogv", ".mov", ".avi", ".wmv", ".flv"),
    "audio": (".mp3", ".m4a", ".ogg", ".oga", ".wav", ".flac", ".wma"),
    "document": (".pdf",),
}
_YOUTUBE_ID = re.compile(r"^/(?:embed|v|shorts|live)/([\w-]{6,})")
_VIMEO_ID = re.compile(r"^/(?:video/)?(\d+)")
# Titles that players give themselves, which say nothing about the video.
_GENERIC = re.compile(
    r"^(?:(?:youtube|vimeo|dailymotion)\s+)?(?:video\s+)?player$"
    r"|^embed(?:ded content)?$",
    re.I,
)
URL = re.compile(r"^(?:https?:)?//[^\s<>\"']+$", re.I)


def provider(url):
    """(name, kind) of the site an embed URL belongs to, or None."""
    host = urlsplit(absolute(url)).hostname or ""
    for pattern, name, kind in _COMPILED:
        if pattern.match(host):
            return name, kind
    return None


def absolute(url):
    """`//host/x` as `https://host/x`; other URLs unchanged."""
    url = html.unescape(url.strip())
    return "https:" + url if url.startswith("//") else url


def canonical(url):
    """The page of an embedded thing, not its player: what a link opens."""
    url = absolute(url)
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if "youtube" in host:
        found = _YOUTUBE_ID.match(parts.path)
        if found:
            return f"https://www.youtube.com/watch?v={found.group(1)}"
        if host.endswith("youtube-nocookie.com"):
            return url.replace("youtube-nocookie.com", "youtube.com", 1)
    if host == "player.vimeo.com":
        found = _VIMEO_ID.match(parts.path)
        if found:
            return f"https://vimeo.com/{found.group(1)}"
    if host.endswith("google.com") and parts.path.startswith("/maps/embed"):
        query = parse_qs(parts.query).get("q")
        if query:
            return f"https://www.google.com/maps?q={query[0]}"
    return url


def file_kind(url):
    """ "video", "audio" or "document" for a link to such a file, else None."""
    name = posixpath.basename(urlsplit(url).path).lower()
    for kind, extensions in _FILES.items():
        if name.endswith(extensions):
            return kind
    return None


def label(url, title=""):
    """The link text of an embed: what it is, where, and its title."""
    known = provider(url)
    if known:
        name, kind = known
        text = f"{_VERBS[kind]} di {name}"
    elif kind := file_kind(url):
        name = unquote(posixpath.basename(urlsplit(url).path))
        text = f"{_VERBS[kind]}: {name}"
    else:
        host = urlsplit(absolute(url)).hostname or url
        text = f"Buka sematan dari {host}"
    title = " ".join(title.split())
    return f"{text}: {title}" if title and not _GENERIC.match(title) else text


def link_html(url, title="", poster=""):
    """The HTML that stands for one embed: a paragraph with its link."""
    target = html.escape(canonical(url))
    text = html.escape(label(url, title), quote=False)
    if poster:
        return (
            f'<figure><a href="{target}"><img src="{html.escape(absolute(poster))}"'
            f' alt="{text}"></a><figcaption><a href="{target}">{text}</a>'
            "</figcaption></figure>"
        )
    return f'<p><a href="{target}">{text}</a></p>'


def is_known_embed(url):
    """Whether a URL alone on a line is a WordPress auto-embed here."""
    return bool(URL.match(url.strip())) and provider(url) is not None
