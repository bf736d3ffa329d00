"""Cleaned article HTML to Markdown that Pelican's Markdown reads back.

markdownify does the conversion; this subclass adjusts what Python-Markdown
needs: nested lists indented by four spaces, `|` escaped in table cells,
and photos with a caption kept as one <figure> (Markdown has no caption).
"""

import html
import re

from bs4 import BeautifulSoup
from markdownify import ATX, MarkdownConverter

from .clean import squeeze

_LIST_INDENT = 4
_ENTITY = re.compile(r"&(?=#?\w+;)")
_INLINE = re.compile(r"([\\`*_\[\]])")
# At the start of a line: headings, quotes, bullets.
_BLOCK_START = re.compile(r"(?m)^(\s*)([#>+-])(?=\s|$)")
_NUMBERED = re.compile(r"(?m)^(\s*\d{1,9})([.)])(?=\s|$)")


class _Converter(MarkdownConverter):
    def __init__(self):
        super().__init__(
            heading_style=ATX,
            bullets="-",
            table_infer_header=True,
            escape_asterisks=False,
            escape_underscores=False,
            escape_misc=False,
        )

    def escape(self, text, parent_tags):
        """Escape what Python-Markdown would read as markup, and no more.

        markdownify's own escaping also escapes "2015." in mid-sentence and
        writes `\\<`, which Python-Markdown does not unescape.
        """
        if not text:
            return ""
        text = _ENTITY.sub("&amp;", text).replace("<", "&lt;")
        text = _INLINE.sub(r"\\\1", text)
        text = _BLOCK_START.sub(r"\1\\\2", text)
        return _NUMBERED.sub(r"\1\\\2", text)

    def convert_figure(self, el, text, parent_tags):
        image = el.find("img")
        if image is None:
            return text
        caption = el.find("figcaption")
        if caption is None:
            return "\n\n" + self.convert_img(image, "", set()) + "\n\n"
        src = html.escape(image.get("src", ""))
        alt = image.get("alt")
        alt = f' alt="{html.escape(alt)}"' if alt else ""
        said = html.escape(squeeze(caption.get_text(" ")), quote=False)
        return (
            f'\n\n<figure>\n<img src="{src}"{alt}>\n'
            f"<figcaption>{said}</figcaption>\n</figure>\n\n"
        )

    def convert_img(self, el, text, parent_tags):
        alt = el.get("alt", "").replace("[", r"\[").replace("]", r"\]")
        src = el.get("src", "").replace(" ", "%20").replace(")", "%29")
        return f"![{alt}]({src})"

    def convert_li(self, el, text, parent_tags):
        text = (text or "").strip()
        if not text:
            return "\n"
        parent = el.parent
        if parent is not None and parent.name == "ol":
            start = str(parent.get("start", "1"))
            number = int(start) if start.isdigit() else 1
            bullet = f"{number + len(el.find_previous_siblings('li'))}."
        else:
            bullet = "-"
        indent = " " * _LIST_INDENT
        lines = text.split("\n")
        body = "\n".join(indent + line if line.strip() else "" for line in lines[1:])
        first = bullet.ljust(_LIST_INDENT - 1) + " " + lines[0]
        return first + ("\n" + body if body else "") + "\n"

    def convert_td(self, el, text, parent_tags):
        return super().convert_td(el, text.replace("|", r"\|"), parent_tags)

    def convert_th(self, el, text, parent_tags):
        return super().convert_th(el, text.replace("|", r"\|"), parent_tags)


def to_markdown(soup):
    """Markdown text of a cleaned soup, ending with one newline."""
    text = _Converter().convert_soup(soup)
    lines = [
        line.rstrip() if not line.endswith("  ") else line for line in text.split("\n")
    ]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return text.strip("\n") + "\n"


def escape_text(text):
    """Plain text as Markdown that shows exactly that text."""
    return _Converter().escape(text, set())


def summary(excerpt_html, soup, limit=200):
    """One line for the news list: the excerpt, or the first paragraph.

    Plain text; Pelican reads the Summary field as Markdown, so escape it.
    """
    text = squeeze(BeautifulSoup(excerpt_html, "html.parser").get_text(" "))
    if not text:
        for paragraph in soup.find_all("p"):
            if paragraph.find_parent(["figure", "blockquote", "li", "table"]):
                continue
            if _only_emphasis(paragraph):
                continue  # a caption or a note, not the story
            text = squeeze(paragraph.get_text(" "))
            if text:
                break
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:-–")
    return cut + "…"


def _only_emphasis(paragraph):
    children = [c for c in paragraph.contents if squeeze(str(c))]
    return len(children) == 1 and getattr(children[0], "name", None) in ("em", "i")


_GELAR = re.compile(
    r"gelar\s+budaya\s+kerja\b[^.!?\n]{0,80}?\b((?:19|20)\d\d)\b", re.IGNORECASE
)


def gelar_year(title, text, known_years):
    """The year of a Gelar Budaya Kerja the text names, if it has data.

    The title counts first, then the text in reading order.
    """
    for source in (title, text):
        for match in _GELAR.finditer(source):
            year = int(match.group(1))
            if year in known_years:
                return year
    return None
