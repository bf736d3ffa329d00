"""Clean HTML for what Markdown cannot say: captions, complex tables.

A figure's caption with a link, or a table with a footer, is written into
the Markdown file as HTML. Only plain tags and the attributes that carry
meaning (a link's address, a cell's span) are written; every text is
escaped, so nothing from the old site runs or styles the new one.
"""

import html
import re

from bs4 import NavigableString
from bs4.element import Comment

# Tag -> the tag written (b becomes strong), and the attributes it keeps.
INLINE = {
    "a": ("a", ("href", "title")),
    "abbr": ("abbr", ("title",)),
    "b": ("strong", ()),
    "br": ("br", ()),
    "cite": ("cite", ()),
    "code": ("code", ()),
    "del": ("del", ()),
    "em": ("em", ()),
    "i": ("em", ()),
    "img": ("img", ("src", "alt")),
    "ins": ("ins", ()),
    "kbd": ("kbd", ()),
    "mark": ("mark", ()),
    "q": ("q", ()),
    "s": ("del", ()),
    "small": ("small", ()),
    "strike": ("del", ()),
    "strong": ("strong", ()),
    "sub": ("sub", ()),
    "sup": ("sup", ()),
    "u": ("u", ()),
}
TABLE = {
    "table": ("table", ()),
    "caption": ("caption", ()),
    "colgroup": ("colgroup", ("span",)),
    "col": ("col", ("span",)),
    "thead": ("thead", ()),
    "tbody": ("tbody", ()),
    "tfoot": ("tfoot", ()),
    "tr": ("tr", ()),
    "th": ("th", ("colspan", "rowspan", "scope")),
    "td": ("td", ("colspan", "rowspan")),
    "p": ("p", ()),
    "ul": ("ul", ()),
    "ol": ("ol", ("start",)),
    "li": ("li", ()),
}
_BREAKS = re.compile(r"\s*\n\s*")
_VOID = {"br", "img", "col"}
# Rows of a table each on a line of their own, so the file stays readable.
_STRUCTURE = {"table", "thead", "tbody", "tfoot", "tr", "colgroup"}
_LINE_AFTER = {"caption", "thead", "tbody", "tfoot", "tr", "colgroup", "table"}


def inline(node):
    """The inline HTML of a node's children: text and simple markup."""
    return "".join(_render(child, INLINE) for child in node.children)


def table(node):
    """A whole table as clean HTML, one row a line."""
    return _render(node, {**INLINE, **TABLE}).strip()


def _render(node, allowed):
    if isinstance(node, Comment):
        return ""
    if isinstance(node, NavigableString):
        if not str(node).strip() and node.parent.name in _STRUCTURE:
            return ""  # the layout between rows, not text
        text = _BREAKS.sub(" ", str(node).replace("\xa0", " "))
        return html.escape(text, quote=False)
    inner = "".join(_render(child, allowed) for child in node.children)
    if node.name not in allowed:
        return inner  # a span or a font tag: its text only
    name, keep = allowed[node.name]
    attrs = "".join(
        f' {key}="{html.escape(str(node[key]))}"' for key in keep if node.get(key)
    )
    if name in _VOID:
        return f"<{name}{attrs}>"
    newline = "\n" if name in _LINE_AFTER else ""
    opening = f"<{name}{attrs}>" + ("\n" if name in _STRUCTURE - {"tr"} else "")
    return f"{opening}{inner}</{name}>{newline}"
