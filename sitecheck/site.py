"""Read a built site once: its files, and what each HTML page holds.

`parse_page` is pure (text in, Page out); `read_site` is the only reader
of the disk. Checks get these values and never open files themselves,
except gps.py, which reads every file for image metadata.
"""

import os
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from sitekit.redirects import page_path

# Attributes that point at another file or page.
URL_ATTRIBUTES = {"href", "src", "poster", "data"}
SRCSET = "srcset"
REFRESH = re.compile(r"^\s*\d+\s*;\s*url\s*=\s*(.+?)\s*$", re.IGNORECASE)
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


@dataclass
class Heading:
    level: int  # 1 for <h1> ... 6 for <h6>
    line: int
    text: str = ""
    inside: int | None = None  # the level of a heading it sits inside


@dataclass
class Page:
    path: str  # relative to the site folder, with "/"
    address: str  # "/gelar/2015/" for gelar/2015/index.html
    ids: set = field(default_factory=set)
    refs: list = field(default_factory=list)  # (attribute, value, line)
    noindex: bool = False
    status: str | None = None  # data-status on <body>: draft, hidden
    title: str = ""
    text: str = ""
    headings: list = field(default_factory=list)  # Heading, in page order
    # What runs code: <script> elements as (line, src, type, text), event
    # handler attributes as (line, name), and every attribute value (for
    # `javascript:` links) as (line, name, value).
    scripts: list = field(default_factory=list)
    handlers: list = field(default_factory=list)
    values: list = field(default_factory=list)


def srcset_urls(value):
    """The URLs of a srcset: `a.jpg 1x, b.jpg 2x` -> [a.jpg, b.jpg]."""
    urls = []
    for candidate in value.split(","):
        parts = candidate.strip().split()
        if parts:
            urls.append(parts[0])
    return urls


class _PageParser(HTMLParser):
    def __init__(self, page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.in_title = False
        self.skip = 0  # inside <script> or <style>
        self.text = []
        self.open_headings = []  # Heading, innermost last

    def handle_starttag(self, tag, attrs):
        page = self.page
        line = self.getpos()[0]
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                page.handlers.append((line, name))
            if value is None:
                continue
            page.values.append((line, name, value))
            if name == "id" or (name == "name" and tag == "a"):
                page.ids.add(value)
            elif name in URL_ATTRIBUTES:
                page.refs.append((name, value, line))
            elif name == SRCSET:
                page.refs += [(name, url, line) for url in srcset_urls(value)]
        if tag == "meta":
            if (values.get("name") or "").lower() == "robots":
                page.noindex = "noindex" in (values.get("content") or "").lower()
            if (values.get("http-equiv") or "").lower() == "refresh":
                match = REFRESH.match(values.get("content") or "")
                if match:
                    page.refs.append(("http-equiv=refresh", match.group(1), line))
        elif tag == "body":
            page.status = values.get("data-status")
        elif tag == "title":
            self.in_title = True
        elif tag in ("script", "style"):
            self.skip += 1
        elif tag in HEADINGS:
            outer = self.open_headings[-1].level if self.open_headings else None
            heading = Heading(HEADINGS[tag], line, inside=outer)
            page.headings.append(heading)
            self.open_headings.append(heading)
        if tag == "script":
            page.scripts.append([line, values.get("src"), values.get("type"), ""])

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        elif tag in ("script", "style") and self.skip:
            self.skip -= 1
        elif tag in HEADINGS and self.open_headings:
            self.open_headings.pop()

    def handle_data(self, data):
        if self.skip and self.page.scripts and self.lasttag == "script":
            self.page.scripts[-1][3] += data
        if self.in_title:
            self.page.title += data
        elif not self.skip:
            self.text.append(data)
            for heading in self.open_headings:
                heading.text += data


def parse_page(path, text):
    page = Page(path=path, address=page_path(path))
    parser = _PageParser(page)
    parser.feed(text)
    parser.close()
    page.text = " ".join(" ".join(parser.text).split())
    page.title = page.title.strip()
    for heading in page.headings:
        heading.text = " ".join(heading.text.split())
    return page


@dataclass
class Site:
    root: str
    files: dict  # relative path -> size in bytes
    pages: dict  # relative path -> Page, for every .html file

    def read_bytes(self, path):
        with open(os.path.join(self.root, path), "rb") as handle:
            return handle.read()


def read_site(root):
    """Every file under `root` (following the output symlink) and its pages."""
    files, pages = {}, {}
    for folder, _dirs, names in os.walk(root):
        for name in names:
            full = os.path.join(folder, name)
            relative = os.path.relpath(full, root).replace(os.sep, "/")
            files[relative] = os.path.getsize(full)
            if name.endswith(".html"):
                with open(full, encoding="utf-8", errors="replace") as handle:
                    pages[relative] = parse_page(relative, handle.read())
    return Site(root=root, files=files, pages=pages)
