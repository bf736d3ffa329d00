"""Images placed inside articles and pages: find them, then swap in <picture>.

Pelican leaves `{static}` and `{attach}` links in the HTML until it writes
a page, so at context time the source files can still be found from the
`src`. Only local photos are touched; remote images and anything that
cannot be found are left as the author wrote them.
"""

import os
import re

from bs4 import BeautifulSoup

from sitekit.filekind import image_format, read_head

from .settings import PHOTO_EXTENSIONS

_LINK_PREFIX = re.compile(r"^(?:\{(?:static|attach|filename)\}|\|(?:static|attach)\|)")
_REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def local_image_sources(html, source_dir, content_root):
    """{src: absolute path} of the local photos an HTML fragment shows."""
    if "<img" not in html:
        return {}
    found = {}
    for img in BeautifulSoup(html, "html.parser").find_all("img"):
        src = img.get("src", "")
        path = resolve(src, source_dir, content_root)
        if path:
            found[src] = path
    return found


def resolve(src, source_dir, content_root):
    """The image file `src` points at inside `content_root`, or None.

    An image is known by its content, not its name: a JPEG saved as
    `.jfif` or `.tif` goes through the same metadata-free pipeline (or is
    refused there), since it is never copied as it is (galeri/__init__.py).
    """
    if not src or _REMOTE.match(src):
        return None
    target = _LINK_PREFIX.sub("", src).split("#")[0].split("?")[0]
    base = content_root if target.startswith("/") else source_dir
    path = os.path.realpath(os.path.join(base, target.lstrip("/")))
    root = os.path.realpath(content_root)
    if os.path.commonpath([path, root]) != root or not os.path.isfile(path):
        return None
    if target.lower().endswith(PHOTO_EXTENSIONS):
        return path
    try:
        return path if image_format(read_head(path)) else None
    except OSError:
        return None


def replace_images(html, markup_for):
    """Replace each <img> whose src `markup_for(img)` knows with its markup.

    `markup_for` returns an HTML string, or None to keep the image as is.
    """
    if "<img" not in html:
        return html
    tree = BeautifulSoup(html, "html.parser")
    changed = False
    for img in tree.find_all("img"):
        markup = markup_for(img)
        if markup is None:
            continue
        img.replace_with(BeautifulSoup(markup, "html.parser"))
        changed = True
    return str(tree) if changed else html
