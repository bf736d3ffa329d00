"""Remove WordPress boilerplate from an article's body, and nothing else.

Works on a BeautifulSoup tree of one article's body. What goes: comment
forms and the WordPress.com log-in texts, advertisements and "Iklan"
markers, share and like buttons, "Baca juga" related-link blocks and
scripts. Everything removed on purpose is written down (its visible text),
so that the word measure (words.py) can tell it from a loss. Embeds,
block-editor constructs (blocks.py) and photos (figures.py) are turned
into plain HTML that convert.py writes as Markdown.
"""

import re

from bs4 import BeautifulSoup, Comment, NavigableString

from . import blocks, figures, shortcodes
from .text import squeeze, visible_text

BLOCKS = {
    "p", "div", "section", "aside", "header", "footer", "nav", "article",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
    "table", "figure", "form", "dl", "pre", "hr", "details", "summary",
    "figcaption", "address", "dd", "dt", "caption", "thead", "tbody", "tfoot",
    "tr", "td", "th", "main",
}  # fmt: skip

# Elements never kept, with everything inside them.
_DROP_TAGS = [
    "script", "style", "noscript", "form", "input", "button", "select",
    "textarea", "label", "svg", "link", "meta", "object", "embed", "template",
    "canvas", "map", "area",
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


def prepare(text, attachments=None, post_id=""):
    """(soup, Expanded) for one post's body HTML: shortcodes expanded, and
    paragraphs made as WordPress makes them for the classic editor."""
    expanded = shortcodes.expand(text, attachments or {}, post_id)
    text = expanded.html
    if "<!-- wp:" not in text:
        text = autop(text)
    return BeautifulSoup(text, "html.parser"), expanded


_BLOCK_START = re.compile(
    r"^\s*<(?:/?(?:" + "|".join(sorted(BLOCKS)) + r")\b|!--)", re.I
)


_BLOCK_NAMES = "|".join(sorted(BLOCKS - {"hr"}))
_OPENING = re.compile(r"(<(?:" + _BLOCK_NAMES + r"|hr)\b[^>]*>)", re.I)
_CLOSING = re.compile(r"(</(?:" + _BLOCK_NAMES + r")>|<hr\b[^>]*>)", re.I)
# Text that autop must leave exactly as it is.
_KEEP = re.compile(r"<(pre|script|style|textarea)\b.*?</\1>", re.DOTALL | re.I)
# A URL alone on its line: WordPress embeds it (or links it) on display.
_URL_LINE = re.compile(r"(?m)^[ \t]*((?:https?:)?//[^\s<>\"']+)[ \t]*$")


def autop(text):
    """Paragraphs for classic-editor HTML, where a blank line ends one.

    As WordPress does on display: block tags stand apart from the text
    around them, then every run of text between blank lines is a <p>,
    with single line breaks kept as <br>. Preformatted text keeps its
    lines, and a URL alone on a line is a paragraph of its own.
    """
    kept = []

    def hold(match):
        kept.append(match.group(0))
        return f"\x00{len(kept) - 1}\x00"

    text = _KEEP.sub(hold, text.replace("\r\n", "\n"))
    text = _URL_LINE.sub(r"\n\n\1\n\n", text)
    text = _CLOSING.sub(r"\1\n\n", _OPENING.sub(r"\n\n\1", text))
    text = re.sub(r"(\x00\d+\x00)", r"\n\n\1\n\n", text)
    chunks = re.split(r"\n\s*\n", text.strip())
    out = []
    for chunk in chunks:
        if not chunk.strip():
            continue
        if _BLOCK_START.match(chunk) or re.fullmatch(r"\x00\d+\x00", chunk.strip()):
            out.append(chunk.strip())
        else:
            out.append("<p>" + chunk.strip().replace("\n", "<br>\n") + "</p>")
    text = "\n\n".join(out)
    return re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], text)


def clean(soup, removed=None):
    """Remove boilerplate from `soup` in place; return it.

    The visible text of everything removed on purpose is appended to the
    list `removed`, when given.
    """
    removed = [] if removed is None else removed
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    blocks.embeds_to_links(soup)
    for element in soup.find_all(_DROP_TAGS):
        if not element.decomposed:
            drop(element, removed)
    for element in soup.find_all(_is_widget):
        if not element.decomposed:
            drop(element, removed)
    _cut_at_comment_form(soup, removed)
    _drop_related(soup, removed)
    # Whole blocks only: "Facebook" inside a sentence is not a button.
    for element in soup.find_all(BLOCKS):
        if element.decomposed or element.find("img"):
            continue
        if _BOILERPLATE.match(visible_text(element)):
            drop(element, removed)
    blocks.rewrite(soup)
    _drop_unsafe_links(soup)
    figures.normalize(soup)
    for heading in soup.find_all("h1"):
        heading.name = "h2"  # the article's title is the page's h1
    figures.drop_repeated_captions(soup, removed)
    _drop_empty(soup)
    return soup


def drop(element, removed):
    """Remove `element`, writing its visible text down in `removed`."""
    text = visible_text(element)
    if text:
        removed.append(text)
    element.decompose()


def _cut_at_comment_form(soup, removed):
    for element in soup.find_all(BLOCKS):
        if _END.match(visible_text(element)):
            node = element
            while node is not None and node.name not in ("body", "[document]"):
                for sibling in list(node.next_siblings):
                    removed.append(visible_text(sibling))
                    sibling.extract()
                node = node.parent
            drop(element, removed)
            return


def _drop_related(soup, removed):
    for element in soup.find_all(["p", "div", "h2", "h3", "h4", "h5", "h6", "aside"]):
        if element.decomposed:
            continue
        text = visible_text(element)
        if not _RELATED.match(text):
            continue
        following = element.find_next_sibling(True)
        if following is not None and following.name in ("ul", "ol"):
            drop(following, removed)  # "Baca juga:" followed by a list of links
        if len(text) <= 300:  # a link line, not a story that starts so
            drop(element, removed)


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
