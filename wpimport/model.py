"""What the importer reads and what it decides to write."""

import datetime
import posixpath
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from sitekit.problems import Problem


class ImportFailed(Exception):
    """The import cannot go on; nothing was written."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def failure(path, message, hint, line=None, field_name=None):
    """An ImportFailed with one problem."""
    return ImportFailed([Problem(path, line, field_name, message, hint)])


@dataclass(frozen=True)
class Entry:
    """One post or page as WordPress had it."""

    kind: str  # "post" or "page"
    title: str
    date: datetime.datetime | None
    slug: str
    html: str
    source: str  # the file it came from, as shown to editors
    line: int | None = None
    post_id: str = ""
    status: str = "publish"
    author: str = ""
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    excerpt: str = ""
    # Site-relative old addresses, e.g. "/2015/09/30/slug/" and "/?p=12".
    old_urls: tuple[str, ...] = ()
    # Line of each field in the source, e.g. {"wp:post_date": 12}.
    field_lines: dict = field(default_factory=dict, compare=False)
    # The block editor's footnotes: (id, HTML of the note), in its order.
    footnotes: tuple[tuple[str, str], ...] = ()
    # WordPress's post type when it is neither "post" nor "page".
    post_type: str = ""

    @property
    def label(self):
        """How the report names the entry: its title, else its id."""
        return f"`{self.title}`" if self.title else f"pos {self.post_id or '?'}"

    def line_of(self, name):
        return self.field_lines.get(name, self.line)


IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".bmp")


@dataclass(frozen=True)
class Attachment:
    """A file in WordPress's media library, as galleries show it."""

    post_id: str
    url: str
    parent: str = ""  # the post it was uploaded to
    order: int = 0  # its menu order in that post's galleries
    caption: str = ""  # HTML
    alt: str = ""

    @property
    def is_image(self):
        name = posixpath.basename(urlsplit(self.url).path).lower()
        return name.endswith(IMAGE_EXTENSIONS)


@dataclass(frozen=True)
class Export:
    """A parsed WXR file: its entries, media and what was left aside."""

    source: str
    entries: tuple[Entry, ...]
    skipped: tuple[tuple[Entry, str], ...]  # (entry, reason in Indonesian)
    attachments: dict = field(default_factory=dict)  # post id -> Attachment
    hosts: tuple[str, ...] = ()  # the old site's host names
    # Reusable blocks: post id -> their HTML, put where posts use them.
    blocks: dict = field(default_factory=dict)
    # Items that are not content (menus, revisions, templates):
    # (post type, reason in Indonesian) -> how many.
    not_content: dict = field(default_factory=dict)
