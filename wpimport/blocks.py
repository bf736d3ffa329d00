"""Block-editor constructs and embeds, as plain HTML that keeps their text.

- Reusable blocks (`<!-- wp:block {"ref":12} /-->`) are put in place.
- Embeds (iframes, `<video>`, `<audio>`, Flash `<object>`, embed blocks,
  a URL alone in a paragraph) become links (embeds.py), never nothing.
- A cover block's background photo becomes a figure before its text.
- Verse becomes paragraphs with line breaks, not code.
- A table block's caption becomes the table's <caption>.
- A quote's citation stays a <cite>.
- A file block's two links get a space between them.
- Footnote markers (`<sup data-fn>`) are marked for convert.py.

Dynamic blocks, whose HTML WordPress makes on display (latest posts, a
search box), have nothing in the export; their names are reported.
"""

import html
import json
import re

from bs4 import BeautifulSoup, NavigableString

from . import embeds
from .text import visible_text

_REUSABLE = re.compile(r"<!--\s*wp:block\s+(\{.*?\})\s*/-->", re.DOTALL)
_SELF_CLOSING = re.compile(r"<!--\s*wp:([a-z0-9/-]+)(?:\s+\{.*?\})?\s*/-->", re.DOTALL)
_NOT_DYNAMIC = {"block", "footnotes", "nextpage", "more", "spacer", "separator"}
_BACKGROUND = re.compile(
    r"background(?:-image)?\s*:[^;]*url\(\s*['\"]?([^'\")]+)", re.I
)
_INLINE_PARENTS = {
    "p", "li", "td", "th", "dd", "dt", "figcaption", "h2", "h3", "h4", "h5",
    "h6", "span", "a", "em", "strong", "b", "i", "summary", "caption",
}  # fmt: skip


def expand_reusable(text, blocks, depth=0):
    """Post HTML with each reusable block replaced by its content."""
    if depth > 5 or "wp:block" not in text:
        return text

    def content(match):
        try:
            ref = str(json.loads(match.group(1)).get("ref", ""))
        except (ValueError, AttributeError):
            return match.group(0)
        if ref not in blocks:
            return match.group(0)
        return expand_reusable(blocks[ref], blocks, depth + 1)

    return _REUSABLE.sub(content, text)


def missing_reusable(text):
    """Ids of reusable blocks still not expanded in `text`."""
    found = []
    for match in _REUSABLE.finditer(text):
        try:
            found.append(str(json.loads(match.group(1)).get("ref", "?")))
        except (ValueError, AttributeError):
            found.append("?")
    return found


def dynamic_blocks(text):
    """Names of dynamic blocks in post HTML, e.g. ["latest-posts"]."""
    names = []
    for match in _SELF_CLOSING.finditer(text):
        name = match.group(1).removeprefix("core/")
        if name not in _NOT_DYNAMIC and name not in names:
            names.append(name)
    return names


def embeds_to_links(soup):
    """Every embed in `soup` replaced by a link to what it showed."""
    for figure in soup.find_all("figure", class_=_is_embed_block):
        _embed_block(soup, figure)
    for media in soup.find_all(["iframe", "video", "audio", "object", "embed"]):
        if media.decomposed or media.find_parent(["object", "video", "audio"]):
            continue
        url = _media_url(media)
        if not url:
            media.decompose()
            continue
        poster = media.get("poster", "")
        title = media.get("title", "") or media.get("aria-label", "")
        _put_link(soup, media, url, title, poster)
    for paragraph in soup.find_all("p"):
        _lone_url(soup, paragraph)


def _is_embed_block(classes):
    return bool(classes) and (
        classes.startswith("wp-block-embed")
        or classes in ("wp-block-video", "wp-block-audio")
    )


def _embed_block(soup, figure):
    caption = figure.find("figcaption")
    title = visible_text(caption) if caption else ""
    media = figure.find(["iframe", "video", "audio", "a", "source"])
    wrapper = figure.find(class_="wp-block-embed__wrapper")
    url = ""
    if wrapper is not None and embeds.URL.match(visible_text(wrapper)):
        url = visible_text(wrapper)
    elif media is not None:
        url = _media_url(media)
    if not url:
        return
    poster = media.get("poster", "") if media is not None else ""
    link = _fragment(embeds.link_html(url, title, poster))
    figure.replace_with(link)


def _media_url(media):
    for name in ("src", "data-src", "data", "href"):
        value = (media.get(name) or "").strip()
        if value and _is_web(value):
            return value
    for inner in media.find_all(["source", "param", "embed"]):
        value = inner.get("src") or ""
        if inner.name == "param":
            value = (
                inner.get("value", "") if inner.get("name") in ("movie", "src") else ""
            )
        if value and _is_web(value):
            return value.strip()
    return ""


def _is_web(url):
    return url.startswith(("http://", "https://", "//"))


def _put_link(soup, media, url, title, poster):
    link = _fragment(embeds.link_html(url, title, poster))
    if media.parent is not None and media.parent.name in _INLINE_PARENTS and not poster:
        link = link.a  # inside running text: the link alone, not a paragraph
    media.replace_with(link)


def _fragment(markup):
    return BeautifulSoup(markup, "html.parser").contents[0]


def _lone_url(soup, paragraph):
    """A paragraph holding only a URL: WordPress's auto-embed."""
    children = [c for c in paragraph.contents if str(c).strip()]
    if len(children) != 1:
        return
    child = children[0]
    if isinstance(child, NavigableString):
        url = str(child).strip()
    elif child.name == "a" and visible_text(child) == child.get("href", "").strip():
        url = child.get("href", "").strip()
    else:
        return
    if embeds.is_known_embed(url):
        paragraph.replace_with(_fragment(embeds.link_html(url)))
    elif embeds.URL.match(url) and isinstance(child, NavigableString):
        link = soup.new_tag("a", href=embeds.absolute(url))
        link.string = url
        child.replace_with(link)


def rewrite(soup):
    """Cover, verse, table, quote, file and footnote blocks, in place."""
    for cover in soup.find_all(class_=("wp-block-cover", "wp-block-cover-image")):
        _cover(soup, cover)
    for verse in soup.find_all("pre", class_="wp-block-verse"):
        _verse(verse)
    for figure in soup.find_all("figure", class_="wp-block-table"):
        _table_caption(soup, figure)
    for quote in soup.find_all("blockquote"):
        _citation(soup, quote)
    for pullquote in soup.find_all("figure", class_="wp-block-pullquote"):
        pullquote.unwrap()
    for block in soup.find_all("div", class_="wp-block-file"):
        _space_links(block)
    for marker in soup.find_all("sup", attrs={"data-fn": True}):
        ident = marker["data-fn"]
        marker.attrs = {"data-footnote": ident}


def _cover(soup, cover):
    if cover.decomposed:
        return
    image = cover.find("img", class_="wp-block-cover__image-background") or cover.find(
        "img", recursive=False
    )
    src = image.get("src", "") if image is not None else ""
    alt = image.get("alt", "") if image is not None else ""
    if image is None:
        found = _BACKGROUND.search(cover.get("style", ""))
        src = html.unescape(found.group(1)) if found else ""
    else:
        image.decompose()
    if src:
        figure = soup.new_tag("figure")
        figure.append(soup.new_tag("img", src=src, alt=alt))
        cover.insert_before(figure)
    for inner in cover.find_all(class_="wp-block-cover__inner-container"):
        inner.unwrap()
    cover.unwrap()


def _verse(verse):
    markup = re.sub(r"<br\s*/?>", "\n", verse.decode_contents(), flags=re.I)
    stanzas = [s for s in re.split(r"\n\s*\n", markup.strip("\n")) if s.strip()]
    paragraphs = "".join(
        "<p>"
        + "<br/>".join(line.rstrip() for line in s.strip("\n").split("\n"))
        + "</p>"
        for s in stanzas
    )
    verse.replace_with(
        BeautifulSoup(f'<div class="puisi">{paragraphs}</div>', "html.parser")
    )


def _table_caption(soup, figure):
    table = figure.find("table")
    caption = figure.find("figcaption")
    if table is None:
        return
    if caption is not None and visible_text(caption) and table.find("caption") is None:
        new = soup.new_tag("caption")
        for child in list(caption.contents):
            new.append(child.extract())
        table.insert(0, new)
    if caption is not None:
        caption.decompose()
    figure.replace_with(table.extract())


def _citation(soup, quote):
    for cite in quote.find_all("cite", recursive=False):
        paragraph = soup.new_tag("p")
        cite.replace_with(paragraph)
        paragraph.append(cite)


def _space_links(block):
    for link in block.find_all("a")[1:]:
        link.insert_before(NavigableString(" "))
