"""WordPress shortcodes in post HTML, turned into plain HTML.

`[caption]` becomes a <figure> with a <figcaption>; `[gallery ids=…]`
becomes one figure per attachment; `[embed]` and video shortcodes become
a link to the video. Only WordPress's own shortcode names are touched, so
text in square brackets, such as `[1]` or `[foto]`, stays as it is.
"""

import html
import re

_ATTRS = re.compile(r'(\w+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\'|(\S+))')
_CAPTION = re.compile(
    r"\[(?:wp_)?caption\b([^\]]*)\](.*?)\[/(?:wp_)?caption\]", re.DOTALL | re.I
)
_GALLERY = re.compile(r"\[gallery\b([^\]]*)\]", re.I)
_EMBED = re.compile(r"\[embed\b[^\]]*\](.*?)\[/embed\]", re.DOTALL | re.I)
_URL_SHORTCODE = re.compile(
    r"\[(?:youtube|vimeo|dailymotion|soundcloud|video|audio)\b\s*"
    r"(?:(?:src|url)\s*=\s*)?[\"']?(https?://[^\s\]\"']+)[\"']?[^\]]*\]"
    r"(?:\s*\[/(?:video|audio)\])?",
    re.I,
)
# Shortcodes of plugins and widgets that have no place in an article.
_DROPPED = re.compile(
    r"\[/?(?:contact-form|contact-field|polldaddy|slideshow|googlemaps|archives"
    r"|sharedaddy|jetpack_subscription_form|blog_subscription_form|ad|adsense"
    r"|playlist|tweet|instagram|scribd)\b[^\]]*\]",
    re.I,
)
_IMG = re.compile(r"<img\b[^>]*>", re.I)


def _attrs(text):
    return {
        name.lower(): next(v for v in values if v is not None) or ""
        for name, *values in _ATTRS.findall(text)
    }


def _figure(img_html, caption_html):
    return f"<figure>{img_html}<figcaption>{caption_html.strip()}</figcaption></figure>"


def _caption(match):
    attrs, body = _attrs(match.group(1)), match.group(2)
    image = _IMG.search(body)
    if image is None:
        return body
    # The caption is the text after the image (and after its link, if any),
    # or the old-style caption="…" attribute.
    rest = body[image.end() :]
    rest = re.sub(r"^\s*</a>", "", rest, flags=re.I)
    caption = rest.strip() or html.escape(attrs.get("caption", ""))
    linked = body[: image.start()].strip()
    before = linked if linked and not linked.lower().startswith("<a") else ""
    return before + _figure(image.group(0), caption)


def expand(text, attachments):
    """(HTML, names of dropped shortcodes) for post HTML `text`.

    `attachments` maps attachment ids to their file URLs, for galleries.
    """
    dropped = sorted(
        {m.group(0).strip("[]/").split()[0].lower() for m in _DROPPED.finditer(text)}
    )
    text = _CAPTION.sub(_caption, text)
    text = _GALLERY.sub(lambda m: _gallery(m, attachments), text)
    text = _EMBED.sub(lambda m: _link(m.group(1).strip()), text)
    text = _URL_SHORTCODE.sub(lambda m: _link(m.group(1)), text)
    text = _DROPPED.sub("", text)
    return text, dropped


def _gallery(match, attachments):
    ids = [part.strip() for part in _attrs(match.group(1)).get("ids", "").split(",")]
    images = [
        f'<figure><img src="{html.escape(attachments[i])}" alt=""></figure>'
        for i in ids
        if attachments.get(i)
    ]
    return "\n\n".join(images)


def _link(url):
    url = html.escape(url)
    return f'<p><a href="{url}">{url}</a></p>'
