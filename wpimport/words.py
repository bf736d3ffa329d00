"""The word measure: how many of a post's words its imported file keeps.

The words of a post's source are its visible text, with shortcode tags and
block comments left out (and its footnotes, which WordPress shows at the
end). The words of the import are those of its Markdown rendered to HTML
the way the site renders it. Both are counted with their repeats, so a
paragraph that was there twice and is now there once is a loss.

Words the cleaning removed on purpose (an ad, a share button, a caption
printed twice) are told apart from the others, which are losses nobody
meant.
"""

import re
from collections import Counter
from dataclasses import dataclass

import markdown
from bs4 import BeautifulSoup

from .shortcodes import ALL_TAGS
from .text import html_text, visible_text

_URLS = re.compile(r"(?:\b[a-z][a-z0-9+.-]*:)?//\S+|\bwww\.\S+", re.I)
_WORD = re.compile(r"\w+")


def words(text):
    """The words of plain text, case folded, each with how often it occurs.

    Addresses are not words: an embedded video's URL becomes a link.
    """
    return Counter(_WORD.findall(_URLS.sub(" ", text).casefold()))


def source_words(post_html, footnotes=()):
    """The words a reader saw of a post on the old site."""
    soup = BeautifulSoup(ALL_TAGS.sub(" ", post_html), "html.parser")
    notes = [html_text(note) for _, note in footnotes]
    return words(" ".join([visible_text(soup), *notes]))


def render(text, settings):
    """Markdown `text` as HTML, with the site's MARKDOWN settings."""
    config = dict(settings)
    extensions = [*config.pop("extensions", []), *config.get("extension_configs", {})]
    return markdown.Markdown(extensions=extensions, **config).convert(text)


def markdown_words(text, settings):
    """The words a reader sees of an imported Markdown body."""
    return words(html_text(render(text, settings)))


@dataclass(frozen=True)
class Kept:
    """What one post kept of its words."""

    total: int  # words in the source, repeats counted
    lost: Counter  # lost without anyone meaning to
    removed: Counter  # removed on purpose: ads, buttons, repeated captions

    @property
    def kept(self):
        return self.total - sum(self.lost.values()) - sum(self.removed.values())

    @property
    def share(self):
        """Kept words as a fraction of the source's, 1.0 for an empty post."""
        return self.kept / self.total if self.total else 1.0


def measure(source, imported, removed_texts=()):
    """A Kept from the source's and the import's word counts.

    `removed_texts` are the texts the cleaning removed on purpose.
    """
    lost = source - imported
    meant = lost & words(" ".join(removed_texts))
    return Kept(sum(source.values()), lost - meant, meant)


def listing(counts, limit=40):
    """`kata, lain ×2, …` for the report: the most frequent first."""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    shown = [f"{word} ×{n}" if n > 1 else word for word, n in ranked[:limit]]
    if len(ranked) > limit:
        shown.append(f"… dan {len(ranked) - limit} kata lain")
    return ", ".join(shown)
