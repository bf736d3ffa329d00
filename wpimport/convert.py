"""Cleaned article HTML to Markdown that Pelican's Markdown reads back.

markdownify does the conversion; this subclass adjusts what Python-Markdown
needs: nested lists indented by four spaces, `|` escaped in table cells,
code blocks it can read inside lists, and HTML where Markdown has no
words: photos with a caption or a link (<figure>), tables with a footer,
a caption or merged cells, <details>, strikethrough, superscript and
subscript, citations. Footnotes become Markdown footnotes (`[^1]`).
"""

import html
import re

from bs4 import BeautifulSoup, NavigableString
from markdownify import ATX, MarkdownConverter, chomp

from . import rawhtml

_LIST_INDENT = 4
_ENTITY = re.compile(r"&(?=#?\w+;)")
_INLINE = re.compile(r"([\\`*_\[\]])")
# At the start of a line: headings, quotes, bullets.
_BLOCK_START = re.compile(r"(?m)^(\s*)([#>+-])(?=\s|$)")
_NUMBERED = re.compile(r"(?m)^(\s*\d{1,9})([.)])(?=\s|$)")
# Inline tags Markdown has no syntax for, written as HTML.
_AS_HTML = {"sup", "sub", "del", "s", "strike", "ins", "mark", "kbd", "cite", "u"}
_CELL_BLOCKS = ["p", "ul", "ol", "table", "pre", "blockquote", "figure", "div", "br"]
_LANGUAGE = re.compile(r"\b(?:language|lang)-([\w+#-]+)")


class _Converter(MarkdownConverter):
    def __init__(self, footnotes=()):
        super().__init__(
            heading_style=ATX,
            bullets="-",
            table_infer_header=True,
            escape_asterisks=False,
            escape_underscores=False,
            escape_misc=False,
        )
        self.footnotes = dict(footnotes)
        self.numbers = {}  # footnote id -> its number, in reading order

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
        link = image.parent if image.parent.name == "a" else None
        if caption is None and link is None:
            return "\n\n" + self.convert_img(image, "", set()) + "\n\n"
        src = html.escape(image.get("src", ""))
        alt = image.get("alt")
        alt = f' alt="{html.escape(alt)}"' if alt else ""
        photo = f'<img src="{src}"{alt}>'
        if link is not None:
            photo = f'<a href="{html.escape(link.get("href", ""))}">{photo}</a>'
        said = ""
        if caption is not None:
            said = f"\n<figcaption>{rawhtml.inline(caption).strip()}</figcaption>"
        return f"\n\n<figure>\n{photo}{said}\n</figure>\n\n"

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

    def convert_list(self, el, text, parent_tags):
        text = super().convert_list(el, text, parent_tags)
        previous = el.find_previous_sibling(True)
        if (
            "li" not in parent_tags
            and previous is not None
            and previous.name in ("ul", "ol")
        ):
            # Two lists in a row stay two lists: Markdown would join them.
            return "\n\n<!-- -->\n" + text
        return text

    convert_ul = convert_list
    convert_ol = convert_list

    def convert_td(self, el, text, parent_tags):
        return super().convert_td(el, text.replace("|", r"\|"), parent_tags)

    def convert_th(self, el, text, parent_tags):
        return super().convert_th(el, text.replace("|", r"\|"), parent_tags)

    def convert_table(self, el, text, parent_tags):
        if _is_simple(el):
            return super().convert_table(el, text, parent_tags)
        return "\n\n" + rawhtml.table(el) + "\n\n"

    def convert_pre(self, el, text, parent_tags):
        code = _pre_text(el)
        if not code.strip():
            return ""
        found = _LANGUAGE.search(" ".join(_classes(el) + _classes(el.find("code"))))
        is_code = el.find("code") is not None or "wp-block-code" in _classes(el)
        language = found.group(1) if found else ("" if is_code else "text")
        if parent_tags & {"li", "blockquote", "td", "th"}:
            # Python-Markdown reads fences only at the top: indent instead.
            lines = ([f":::{language}"] if language else []) + code.split("\n")
            return "\n\n" + "\n".join("    " + line for line in lines) + "\n\n"
        fence = "`" * max([3] + [len(run) + 1 for run in re.findall(r"`+", code)])
        return f"\n\n{fence}{language}\n{code}\n{fence}\n\n"

    def convert_details(self, el, text, parent_tags):
        summary = el.find("summary")
        said = rawhtml.inline(summary).strip() if summary is not None else ""
        head = f"<summary>{said}</summary>\n" if said else ""
        return f'\n\n<details markdown="1">\n{head}\n{text.strip()}\n\n</details>\n\n'

    def convert_summary(self, el, text, parent_tags):
        return ""  # written by convert_details

    def convert_sup(self, el, text, parent_tags):
        ident = el.get("data-footnote")
        if ident is not None and ident in self.footnotes:
            number = self.numbers.setdefault(ident, len(self.numbers) + 1)
            return f"[^{number}]"
        return self._as_html(el, text, parent_tags)

    def _as_html(self, el, text, parent_tags):
        if "_noformat" in parent_tags:
            return text
        prefix, suffix, text = chomp(text)
        if not text:
            return ""
        name = {"s": "del", "strike": "del"}.get(el.name, el.name)
        return f"{prefix}<{name}>{text}</{name}>{suffix}"

    convert_sub = convert_del = convert_s = convert_strike = _as_html
    convert_ins = convert_mark = convert_kbd = convert_cite = convert_u = _as_html

    def notes(self):
        """The footnote definitions, in the order of their numbers."""
        lines = []
        for ident, number in self.numbers.items():
            soup = BeautifulSoup(self.footnotes[ident], "html.parser")
            text = _Converter().convert_soup(soup).strip()
            text = re.sub(r"\s*\n\s*", " ", text)
            lines.append(f"[^{number}]: {text}")
        return "\n\n".join(lines)


def _classes(el):
    return list(el.get("class") or []) if el is not None else []


def _pre_text(el):
    """The text of a <pre>, with <br> as line breaks and no markup."""
    parts = []
    for node in el.descendants:
        if isinstance(node, NavigableString):
            parts.append(str(node))
        elif node.name == "br":
            parts.append("\n")
    text = "".join(parts).replace("\r\n", "\n")
    text = text[1:] if text.startswith("\n") else text
    return text.rstrip("\n").expandtabs(4)


def _is_simple(table):
    """Whether a Markdown table can hold this table without losing any of it."""
    if table.find(["tfoot", "caption"]) or table.find(attrs={"rowspan": True}):
        return False
    if any(cell.get("colspan", "1") != "1" for cell in table.find_all(["td", "th"])):
        return False
    head = table.find("thead")
    if head is not None and len(head.find_all("tr")) > 1:
        return False
    return not any(cell.find(_CELL_BLOCKS) for cell in table.find_all(["td", "th"]))


def to_markdown(soup, footnotes=()):
    """Markdown text of a cleaned soup, ending with one newline.

    `footnotes` are the post's (id, HTML) footnotes, for the markers
    blocks.py left in the text.
    """
    converter = _Converter(footnotes)
    text = converter.convert_soup(soup)
    notes = converter.notes()
    if notes:
        text += "\n\n" + notes
    lines = [
        line.rstrip() if not line.endswith("  ") else line for line in text.split("\n")
    ]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return text.strip("\n") + "\n"


def escape_text(text):
    """Plain text as Markdown that shows exactly that text."""
    return _Converter().escape(text, set())
