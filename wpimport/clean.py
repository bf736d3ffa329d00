"""Remove WordPress boilerplate and give every photo one caption.

Works on a BeautifulSoup tree of one article's body. What goes: comment
forms and the WordPress.com log-in texts, advertisements and "Iklan"
markers, share and like buttons, "Baca juga" related-link blocks, scripts
and embeds. Photos become `<figure><img><figcaption>` with the caption
once: an alt or title text equal to the caption, and a paragraph repeating
it, are dropped.
"""

import re

from bs4 import BeautifulSoup, Comment, NavigableString

from . import shortcodes

BLOCKS = {
    "p", "div", "section", "aside", "header", "footer", "nav", "article",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
    "table", "figure", "form", "dl", "pre", "hr",
}  # fmt: skip

# Elements never kept, with everything inside them.
_DROP_TAGS = [
    "script", "style", "noscript", "form", "input", "button", "select",
    "textarea", "label", "svg", "link", "meta", "object", "embed", "template",
]  # fmt: skip

# Classes and ids of WordPress and WordPress.com widgets around an article.
# Plain sets, not CSS selectors: matching them is most of the cleaning time.
_DROP_CLASSES = {
    "comments-area", "comment-respond", "comment-form", "comments-title",
    "comment-list", "sharedaddy", "sd-sharing-enabled", "sd-block", "sharing",
    "share-buttons", "addtoany_share_save_container", "a2a_kit",
    "jp-relatedposts", "related-posts", "yarpp-related", "wpcnt", "wpa",
    "adsbygoogle", "advertisement", "ad-container", "post-navigation",
    "nav-links", "wp-block-jetpack-subscriptions",
    "jetpack-likes-widget-wrapper", "sd-like", "likes-widget-placeholder",
    "screen-reader-text",
}  # fmt: skip
_DROP_IDS = {"comments", "respond", "jp-post-flair", "jp-relatedposts"}


def _is_widget(element):
    if _DROP_CLASSES.intersection(element.get("class") or ()):
        return True
    ident = element.get("id") or ""
    return ident in _DROP_IDS or ident.startswith("div-gpt-ad")


# Whole texts that are boilerplate, compared case-insensitively after
# squeezing spaces. Each removes the element that holds exactly that text.
_BOILERPLATE = re.compile(
    r"^(?:"
    r"iklan|advertisements?|laporkan iklan ini|report this ad|privasi"
    r"|bagikan ini:?|share this:?|bagikan:?|suka ini:?|like this:?|sukai"
    r"|memuat\W*|loading\W*|be the first to like this\.?"
    r"|jadilah yang pertama menyukai ini\.?"
    r"|isikan data di bawah atau klik salah satu ikon untuk log in:?"
    r"|logo wordpress\.com|gambar twitter|foto facebook|foto google\+?"
    r"|you are commenting using your [\w.+ ]+ account\..*"
    r"|anda berkomentar menggunakan akun [\w.+ ]+ anda\..*"
    r"|connecting to %s|menghubungkan ke %s|batal|cancel"
    r"|beri tahu saya .*|beritahu saya .*|notify me of .*"
    r"|klik untuk .*(?:membuka di jendela yang baru|opens in new window)\)?"
    r"|click to .*\(opens in new window\)"
    r"|(?:twitter|facebook|whatsapp|telegram|linkedin|pinterest|tumblr"
    r"|reddit|pocket|surel|email|e-mail|cetak|print|lainnya|more)"
    r")$",
    re.I,
)

# The comment form starts here: this block and all after it are dropped.
_END = re.compile(
    r"^(?:tinggalkan balasan|tinggalkan komentar|leave a reply"
    r"|leave a comment|balas|\d+ (?:tanggapan|komentar|responses?|comments?)"
    r"(?: untuk .*| to .*)?)$",
    re.I,
)

# "Baca juga" related-link blocks.
_RELATED = re.compile(
    r"^(?:baca juga|baca pula|simak juga|lihat juga|artikel terkait|berita terkait)"
    r"\b|^(?:terkait|related|related posts|pos terkait):?$",
    re.I,
)


def squeeze(text):
    return " ".join(text.replace("\xa0", " ").split())


def prepare(text, attachments=None):
    """(soup, dropped shortcode names) for one post's body HTML."""
    text, dropped = shortcodes.expand(text, attachments or {})
    if "<!-- wp:" not in text:
        text = autop(text)
    return BeautifulSoup(text, "html.parser"), dropped


_BLOCK_START = re.compile(
    r"^\s*<(?:/?(?:" + "|".join(sorted(BLOCKS)) + r")\b|!--)", re.I
)


_BLOCK_NAMES = "|".join(sorted(BLOCKS - {"hr"}))
_OPENING = re.compile(r"(<(?:" + _BLOCK_NAMES + r"|hr)\b[^>]*>)", re.I)
_CLOSING = re.compile(r"(</(?:" + _BLOCK_NAMES + r")>|<hr\b[^>]*>)", re.I)


def autop(text):
    """Paragraphs for classic-editor HTML, where a blank line ends one.

    As WordPress does on display: block tags stand apart from the text
    around them, then every run of text between blank lines is a <p>,
    with single line breaks kept as <br>.
    """
    text = _CLOSING.sub(r"\1\n\n", _OPENING.sub(r"\n\n\1", text))
    chunks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    out = []
    for chunk in chunks:
        if not chunk.strip():
            continue
        if _BLOCK_START.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.strip().replace("\n", "<br>\n") + "</p>")
    return "\n\n".join(out)


def clean(soup):
    """Remove boilerplate from `soup` in place; return it."""
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for element in soup.find_all(_DROP_TAGS):
        element.decompose()
    for element in soup.find_all(_is_widget):
        if not element.decomposed:
            element.decompose()
    _cut_at_comment_form(soup)
    _drop_related(soup)
    # Whole blocks only: "Facebook" inside a sentence is not a button.
    for element in soup.find_all(BLOCKS):
        if element.decomposed or element.find("img"):
            continue
        if _BOILERPLATE.match(squeeze(element.get_text(" "))):
            element.decompose()
    _embeds_to_links(soup)
    _drop_unsafe_links(soup)
    _normalize_images(soup)
    for heading in soup.find_all("h1"):
        heading.name = "h2"  # the article's title is the page's h1
    _drop_repeats(soup)
    _drop_empty(soup)
    return soup


def _cut_at_comment_form(soup):
    for element in soup.find_all(BLOCKS):
        if _END.match(squeeze(element.get_text(" "))):
            node = element
            while node is not None and node.name not in ("body", "[document]"):
                for sibling in list(node.next_siblings):
                    sibling.extract()
                node = node.parent
            element.decompose()
            return


def _drop_related(soup):
    for element in soup.find_all(["p", "div", "h2", "h3", "h4", "h5", "h6", "aside"]):
        if element.decomposed:
            continue
        text = squeeze(element.get_text(" "))
        if not _RELATED.match(text):
            continue
        following = element.find_next_sibling(True)
        if following is not None and following.name in ("ul", "ol"):
            following.decompose()  # "Baca juga:" followed by a list of links
        if len(text) <= 300:  # a link line, not a story that starts so
            element.decompose()


def _embeds_to_links(soup):
    for frame in soup.find_all(["iframe", "video", "audio"]):
        src = frame.get("src") or ""
        source = frame.find("source", src=True)
        src = src or (source["src"] if source else "")
        if src.startswith(("http://", "https://")):
            link = soup.new_tag("a", href=src)
            link.string = src
            paragraph = soup.new_tag("p")
            paragraph.append(link)
            frame.replace_with(paragraph)
        else:
            frame.decompose()


_SAFE_SCHEMES = ("http", "https", "mailto", "tel", "")


def _drop_unsafe_links(soup):
    """Links and images only to web addresses: no `javascript:` or `data:`."""
    for link in soup.find_all("a"):
        href = link.get("href", "")
        if not href or _scheme(href) not in _SAFE_SCHEMES:
            link.unwrap()
    for image in soup.find_all("img"):
        if _scheme(image.get("src", "")) not in _SAFE_SCHEMES:
            image.decompose()


def _scheme(url):
    head = url.strip().split(":", 1)
    return head[0].lower() if len(head) == 2 and "/" not in head[0] else ""


def _caption_of(container):
    caption = container.find("figcaption") or container.find(
        class_=("wp-caption-text", "gallery-caption", "wp-element-caption")
    )
    if caption is None:
        return None, ""
    return caption, squeeze(caption.get_text(" "))


def _normalize_images(soup):
    # Classic saved pages: <div class="wp-caption"><img><p class=…-text>.
    for box in soup.find_all(["div", "dl"], class_=("wp-caption", "gallery-item")):
        box.name = "figure"
        box.attrs = {}
    for gallery in soup.find_all(["figure", "div"], class_=_is_gallery):
        items = gallery.find_all("figure") or []
        for item in items:
            gallery.insert_before(item.extract())
        gallery.decompose()
    for figure in soup.find_all("figure"):
        image = figure.find("img")
        if image is None:
            continue
        text = _caption_of(figure)[1]
        new_image = soup.new_tag("img", src=image.get("src", ""))
        alt = squeeze(image.get("alt", "") or "")
        # When the caption says it already, the alt is left out: HTML lets a
        # figure's caption stand for it, and both would be heard twice.
        if not text or (alt and not _same(alt, text)):
            new_image["alt"] = alt
        figure.clear()
        figure.attrs = {}
        figure.append(new_image)
        if text:
            figcaption = soup.new_tag("figcaption")
            figcaption.string = text
            figure.append(figcaption)
        _unwrap_single_figure(figure)
    for image in soup.find_all("img"):
        if image.parent.name != "figure":
            image.attrs = {
                "src": image.get("src", ""),
                "alt": squeeze(image.get("alt", "") or ""),
            }
        parent = image.parent
        # A link around a photo points to the same photo, full size.
        alone = parent.name == "a" and len(parent.find_all(True)) == 1
        if alone and not squeeze(parent.get_text()):
            parent.unwrap()


def _is_gallery(classes):
    return classes in ("wp-block-gallery", "gallery")


def _unwrap_single_figure(figure):
    """A figure inside a paragraph or link is lifted out of it."""
    while figure.parent is not None and figure.parent.name in ("p", "a", "span"):
        holder = figure.parent
        if squeeze(holder.get_text(" ")) != squeeze(figure.get_text(" ")):
            break
        holder.replace_with(figure.extract())


def _same(a, b):
    return squeeze(a).casefold().rstrip(".") == squeeze(b).casefold().rstrip(".")


def _drop_repeats(soup):
    """A paragraph that repeats the caption or paragraph just before it."""
    previous = None
    for element in list(soup.find_all(["p", "figure"])):
        if element.decomposed or element.find_parent(["li", "blockquote", "td"]):
            continue
        if element.name == "figure":
            previous = _caption_of(element)[1] or None
            continue
        text = squeeze(element.get_text(" "))
        if text and previous and _same(text, previous) and not element.find("img"):
            element.decompose()
            continue
        previous = text
        # A caption printed before its photo too.
        following = element.find_next_sibling(True)
        before_figure = following is not None and following.name == "figure"
        if before_figure and text and _same(text, _caption_of(following)[1]):
            element.decompose()


def _drop_empty(soup):
    for element in reversed(
        soup.find_all(["p", "div", "span", "section", "li", "ul", "ol"])
    ):
        if element.decomposed:
            continue
        if not squeeze(element.get_text()) and not element.find(["img", "br", "hr"]):
            element.decompose()
    for text in soup.find_all(string=True):
        if isinstance(text, NavigableString) and "\xa0" in text:
            text.replace_with(text.replace("\xa0", " "))
