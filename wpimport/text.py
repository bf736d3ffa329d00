"""Plain text out of HTML: squeezed spaces, titles, what a reader sees.

`visible_text` is what a browser shows of an HTML fragment: the text of
its elements, with a space between blocks and at line breaks, and none
between inline elements (`Mark<sup>up</sup>` is one word). The summary,
the titles and the word measure (words.py) all read text this way.
"""

import html
import re

from bs4 import BeautifulSoup, NavigableString
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

# Elements that start a new line when shown, so their text never runs
# into the text beside them.
BREAKS = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd",
    "details", "div", "dl", "dt", "figcaption", "figure", "footer", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
    "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul",
}  # fmt: skip
# Elements whose text a reader never sees.
HIDDEN = {"script", "style", "template", "noscript", "head", "title", "iframe"}
# Inline elements that WordPress shows apart, as buttons.
_APART = {"wp-block-file__button", "wp-block-button__link"}
_NOT_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction)

# Inline tags a WordPress title may carry; anything else that looks like a
# tag (`<html>` written as an entity) is text of the title.
_TITLE_TAGS = re.compile(
    r"</?(?:a|abbr|b|big|br|cite|code|del|em|font|i|ins|kbd|mark|q|s|small"
    r"|span|strike|strong|sub|sup|u)\b[^<>]*>",
    re.IGNORECASE,
)


def squeeze(text):
    """`text` with every run of spaces (and no-break spaces) made one space."""
    return " ".join(text.replace("\xa0", " ").split())


def _pieces(node):
    stack = [iter(node.contents)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        if isinstance(child, NavigableString):
            if not isinstance(child, _NOT_TEXT):
                yield str(child)
        elif child.name in HIDDEN:
            continue
        elif child.name in BREAKS or _APART.intersection(child.get("class") or ()):
            yield " "
            stack.append(iter([*child.contents, NavigableString(" ")]))
        else:
            stack.append(iter(child.contents))


def visible_text(node):
    """What a reader sees of a BeautifulSoup node, spaces squeezed."""
    if isinstance(node, NavigableString):
        return squeeze(str(node))
    return squeeze("".join(_pieces(node)))


def html_text(fragment):
    """What a reader sees of an HTML string."""
    return visible_text(BeautifulSoup(fragment, "html.parser"))


def plain_title(title):
    """A WordPress title as plain text: its markup gone, entities decoded.

    `Title <em>With</em> Mark<sup>up</sup>` gives `Title With Markup`;
    `some &lt;html&gt; entities` keeps its `<html>`.
    """
    untagged = _TITLE_TAGS.sub(_tag_gap, title)
    return squeeze(html.unescape(untagged))


def _tag_gap(match):
    return " " if match.group(0)[1:3].lower() == "br" else ""
