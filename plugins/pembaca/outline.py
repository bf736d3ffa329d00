"""Headings in the text of an article or a page, nested under the page's own.

The template gives the page its one `<h1>` (the title); the text below it
comes from an editor or from an import, and may start at any level or skip
one (`# Bagian`, then `### Rincian`). Screen-reader users move through a
page by its headings, and a skipped level reads as a missing section, so
`nest_headings` renumbers the headings of the text: the first is `top`
(h2 under the title) and each one is at most one level deeper than the
heading it belongs to, keeping the text's own order of sections. Text whose
headings already nest that way is returned unchanged.
"""

import re
from html.parser import HTMLParser

HEADING = re.compile(r"h[1-6]")
DEEPEST = 6


def nested_levels(levels, top=2):
    """The new level of each heading of `levels` (1-6, in document order).

    A heading belongs to the nearest heading before it with a smaller
    original level; it goes one level below that heading's new level,
    or to `top` when it belongs to none.
    """
    open_sections = []  # (original level, new level), outermost first
    nested = []
    for level in levels:
        while open_sections and open_sections[-1][0] >= level:
            open_sections.pop()
        new = open_sections[-1][1] + 1 if open_sections else top
        new = min(new, DEEPEST)
        open_sections.append((level, new))
        nested.append(new)
    return nested


class _HeadingTags(HTMLParser):
    """Where each heading's start and end tag begins, as (offset, level)."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        starts = [0]
        starts += [match.end() for match in re.finditer("\n", text)]
        self.line_starts = starts
        self.tags = []  # (offset, level, is_end)

    def _offset(self):
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if HEADING.fullmatch(tag):
            self.tags.append((self._offset(), int(tag[1]), False))

    def handle_endtag(self, tag):
        if HEADING.fullmatch(tag):
            self.tags.append((self._offset(), int(tag[1]), True))


def nest_headings(html, top=2):
    """`html` with its headings renumbered to nest under a heading of
    level `top - 1` without skipping a level (see the module docstring)."""
    html = str(html)
    if "<h" not in html and "<H" not in html:
        return html
    parser = _HeadingTags(html)
    parser.feed(html)
    parser.close()
    starts = [level for _offset, level, is_end in parser.tags if not is_end]
    new_levels = iter(nested_levels(starts, top))
    edits, open_headings = [], []
    for offset, level, is_end in parser.tags:
        if not is_end:
            new = next(new_levels)
            open_headings.append(new)
        elif open_headings:
            new = open_headings.pop()
        else:
            continue  # a stray end tag: left for the HTML checker to report
        if new != level:
            # The tag starts with "<h" or "</h"; its digit follows.
            digit = offset + (3 if is_end else 2)
            edits.append((digit, str(new)))
    if not edits:
        return html
    pieces, last = [], 0
    for digit, new in edits:
        pieces += [html[last:digit], new]
        last = digit + 1
    pieces.append(html[last:])
    return "".join(pieces)
