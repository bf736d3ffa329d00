"""Find KBK names in an article's HTML and link the first mention of each.

The raw HTML is searched with one regular expression first; only articles
that can contain a mention are parsed with BeautifulSoup, so articles
without one cost next to nothing.
"""

import re

from bs4 import BeautifulSoup, NavigableString

# Text inside these never counts as a mention.
IGNORED = {"code", "pre", "kbd", "samp", "script", "style", "textarea"}
# Text inside these counts as a mention but is never turned into a link.
UNLINKABLE = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "button", "label"}


def mention_index(kbks):
    """A pattern matching every name and alias, and term -> KBK id."""
    owners = {}
    for kbk in kbks:
        for term in kbk.terms:
            owners.setdefault(term, kbk.id)
    if not owners:
        return None, owners
    alternatives = "|".join(
        re.escape(term) for term in sorted(owners, key=len, reverse=True)
    )
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), owners


def _inside(node, names):
    return any(parent.name in names for parent in node.parents)


def link_mentions(html, pattern, owners, url_for, badge=lambda _id: ""):
    """Return (html, mentioned KBK ids). `url_for(id)` gives a link target;
    `badge(id)` the text of a sample badge after the link ("" for none)."""
    if pattern is None or not pattern.search(html):
        return html, []
    soup = BeautifulSoup(html, "html.parser")
    mentioned, linked = [], set()
    for text in list(soup.find_all(string=True)):
        if type(text) is not NavigableString:
            continue  # comments, CDATA and doctype are subclasses: skip them
        if _inside(text, IGNORED):
            continue
        matches = list(pattern.finditer(text))
        for match in matches:
            kbk_id = owners[match.group(0)]
            if kbk_id not in mentioned:
                mentioned.append(kbk_id)
        if _inside(text, UNLINKABLE):
            continue
        _link_first(soup, text, matches, owners, linked, (url_for, badge))
    if not linked:
        return html, mentioned
    return str(soup), mentioned


def _link_first(soup, text, matches, owners, linked, link_parts):
    """Replace `text` with pieces where first mentions become links, each
    followed by its sample badge, if any."""
    url_for, badge = link_parts
    pieces, start = [], 0
    for match in matches:
        kbk_id = owners[match.group(0)]
        if kbk_id in linked:
            continue
        linked.add(kbk_id)
        pieces.append(str(text)[start : match.start()])
        anchor = soup.new_tag("a", href=url_for(kbk_id))
        anchor["class"] = "kbk-link"
        anchor.string = match.group(0)
        pieces.append(anchor)
        label = badge(kbk_id)
        if label:
            mark = soup.new_tag("span")
            mark["class"] = "badge badge-sample"
            mark.string = label
            pieces += [" ", mark]
        start = match.end()
    if not pieces:
        return
    pieces.append(str(text)[start:])
    for piece in pieces:
        if isinstance(piece, str):
            piece = NavigableString(piece)
        text.insert_before(piece)
    text.extract()
