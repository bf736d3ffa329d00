"""WordPress shortcodes in post HTML, turned into plain HTML.

`[caption]` becomes a <figure> with a <figcaption> (a link around the
photo stays); `[gallery]` becomes one figure per photo, from its `ids` or
`include`, or else the photos attached to the post, in their menu order,
with their captions and alt texts; `[embed]`, video, audio, map and post
shortcodes become a link to what they showed (embeds.py). Only
WordPress's and Jetpack's own shortcode names are touched, so text in
square brackets, such as `[1]` or `[foto]`, stays as it is.
"""

import html
import re
from dataclasses import dataclass, field

from . import embeds

_ATTRS = re.compile(r'(\w+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\'|(\S+))')
_CAPTION = re.compile(
    r"\[(?:wp_)?caption\b([^\]]*)\](.*?)\[/(?:wp_)?caption\]", re.DOTALL | re.I
)
_GALLERY = re.compile(r"\[(?:gallery|slideshow)\b([^\]]*)\]", re.I)
_EMBED = re.compile(r"\[embed\b[^\]]*\](.*?)\[/embed\]", re.DOTALL | re.I)
# Shortcodes that show one video, sound, map or post, named by a URL or
# an id; `[youtube=URL]` is WordPress.com's spelling.
MEDIA_NAMES = (
    "youtube", "vimeo", "dailymotion", "soundcloud", "video", "audio",
    "googlemaps", "tweet", "twitter", "instagram", "ted", "scribd",
    "slideshare", "spotify", "flickr", "wpvideo", "videopress", "wordpress.tv",
)  # fmt: skip
_MEDIA = re.compile(
    r"\[(" + "|".join(re.escape(n) for n in MEDIA_NAMES) + r")\b(=?[^\]]*)\]"
    r"(?:([^\[]*)\[/\1\])?",
    re.I,
)
_URL_IN = re.compile(r"(?:https?:)?//[^\s\]\"'<>]+", re.I)
# Shortcodes of plugins and widgets that have no place in an article.
DROPPED_NAMES = (
    "contact-form", "contact-field", "polldaddy", "crowdsignal", "archives",
    "sharedaddy", "jetpack_subscription_form", "blog_subscription_form", "ad",
    "adsense", "playlist",
)  # fmt: skip
_DROPPED = re.compile(
    r"\[/?(" + "|".join(re.escape(n) for n in DROPPED_NAMES) + r")\b[^\]]*\]", re.I
)
_IMG = re.compile(r"<img\b[^>]*>", re.I)
_LINKED_IMAGE = re.compile(
    r"^\s*(<a\b[^>]*>)?\s*(<img\b[^>]*>)\s*(</a>)?", re.DOTALL | re.I
)
# Every shortcode tag this module knows, for the word measure.
ALL_TAGS = re.compile(
    r"\[/?(?:wp_caption|caption|gallery|slideshow|embed|"
    + "|".join(re.escape(n) for n in (*MEDIA_NAMES, *DROPPED_NAMES))
    + r")\b[^\]]*\]",
    re.I,
)


@dataclass
class Expanded:
    """Post HTML with its shortcodes expanded, and what could not be."""

    html: str
    dropped: list = field(default_factory=list)  # shortcode names
    missing: list = field(default_factory=list)  # attachment ids not found


def _attrs(text):
    return {
        name.lower(): next(v for v in values if v is not None) or ""
        for name, *values in _ATTRS.findall(text)
    }


def _caption(match):
    attrs, body = _attrs(match.group(1)), match.group(2)
    image = _IMG.search(body)
    if image is None:
        return body
    before = body[: image.start()]
    opening = re.search(r"<a\b[^>]*>\s*$", before, re.I)
    link = opening.group(0).strip() if opening else ""
    before = before[: opening.start()] if opening else before
    rest = body[image.end() :]
    closed = re.match(r"^\s*</a>", rest, re.I)
    rest = rest[closed.end() :] if closed else rest
    # The caption is the text after the photo, or the old-style caption="…".
    caption = rest.strip() or html.escape(attrs.get("caption", ""))
    photo = f"{link}{image.group(0)}</a>" if link else image.group(0)
    return f"{before.strip()}<figure>{photo}<figcaption>{caption}</figcaption></figure>"


def expand(text, attachments, post_id=""):
    """An Expanded for post HTML `text`.

    `attachments` maps attachment ids to Attachments, for galleries;
    `post_id` names the post whose attachments a bare `[gallery]` shows.
    """
    result = Expanded(text)
    result.dropped = sorted({m.group(1).lower() for m in _DROPPED.finditer(text)})
    text = _CAPTION.sub(_caption, text)
    text = _GALLERY.sub(lambda m: _gallery(m, attachments, post_id, result), text)
    text = _EMBED.sub(lambda m: embeds.link_html(m.group(1).strip()), text)
    text = _MEDIA.sub(lambda m: _media(m, result), text)
    result.html = _DROPPED.sub("", text)
    return result


def _gallery(match, attachments, post_id, result):
    attrs = _attrs(match.group(1))
    listed = attrs.get("ids") or attrs.get("include") or ""
    ids = [part.strip() for part in listed.split(",") if part.strip()]
    if not ids:
        excluded = {part.strip() for part in attrs.get("exclude", "").split(",")}
        own = [
            a
            for a in attachments.values()
            if a.parent == post_id and a.is_image and a.post_id not in excluded
        ]
        own.sort(key=lambda a: (a.order, int(a.post_id) if a.post_id.isdigit() else 0))
        ids = [a.post_id for a in own]
    figures = []
    for ident in ids:
        found = attachments.get(ident)
        if found is None or not found.url:
            result.missing.append(ident)
            continue
        image = f'<img src="{html.escape(found.url)}" alt="{html.escape(found.alt)}">'
        caption = f"<figcaption>{found.caption}</figcaption>" if found.caption else ""
        figures.append(f"<figure>{image}{caption}</figure>")
    return "\n\n".join(figures)


def _media(match, result):
    name = match.group(1).lower()
    attrs_text, inner = match.group(2), (match.group(3) or "").strip()
    attrs = _attrs(attrs_text)
    urls = _URL_IN.findall(attrs_text.lstrip("=")) + _URL_IN.findall(inner)
    poster = attrs.get("poster", "")
    urls = [url for url in urls if url != poster]
    url = urls[0] if urls else _url_from_id(name, attrs, attrs_text)
    if not url:
        result.dropped.append(name)
        return ""
    return embeds.link_html(url, attrs.get("title", ""), poster)


def _url_from_id(name, attrs, attrs_text):
    """The page of a video named by its id: `[vimeo 123]`, `[ted id=45]`."""
    ident = attrs.get("id") or attrs_text.strip(" =").split(" ")[0]
    if not re.fullmatch(r"[\w-]+", ident or ""):
        return ""
    pages = {
        "vimeo": "https://vimeo.com/{}",
        "youtube": "https://www.youtube.com/watch?v={}",
        "dailymotion": "https://www.dailymotion.com/video/{}",
        "ted": "https://www.ted.com/talks/{}",
        "scribd": "https://www.scribd.com/doc/{}",
        "tweet": "https://twitter.com/i/status/{}",
        "wpvideo": "https://videopress.com/v/{}",
        "videopress": "https://videopress.com/v/{}",
    }
    return pages[name].format(ident) if name in pages else ""
