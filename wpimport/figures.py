"""Photos as `<figure><img><figcaption>`: one caption each, links kept.

WordPress writes photos in many ways: `[caption]` (already a figure, see
shortcodes.py), `div.wp-caption` on saved pages, galleries of `dl`,
`figure` or Jetpack tiles, and image blocks. Each becomes one figure with
one image, its caption (with its links and emphasis), and the link around
the photo unless that link only opens the same photo full size.

The only text ever removed is a caption printed a second time right next
to its own photo, as scraped pages do.
"""

import posixpath
from urllib.parse import parse_qs, urlsplit

from .model import IMAGE_EXTENSIONS
from .text import squeeze, visible_text

_CAPTION_CLASSES = (
    "wp-caption-text",
    "gallery-caption",
    "wp-element-caption",
    "tiled-gallery-caption",
    "blocks-gallery-item__caption",
)
_GALLERY_CAPTIONS = ("blocks-gallery-caption", "wp-element-caption")
_ITEM_CLASSES = ("wp-caption", "gallery-item", "tiled-gallery-item")


def caption_of(container):
    """(caption element, its visible text) of a figure, or (None, "")."""
    caption = container.find("figcaption") or container.find(class_=_CAPTION_CLASSES)
    if caption is None:
        return None, ""
    return caption, visible_text(caption)


def same_text(a, b):
    return squeeze(a).casefold().rstrip(".") == squeeze(b).casefold().rstrip(".")


def opens_the_photo(href):
    """Whether a link around a photo only opens that photo (or its page
    in WordPress's media library), which the archive has no need for."""
    parts = urlsplit(href)
    name = posixpath.basename(parts.path).lower()
    if name.endswith(IMAGE_EXTENSIONS):
        return True
    return "attachment_id" in parse_qs(parts.query) or "/attachment/" in parts.path


def normalize(soup):
    """Every photo in `soup` as one clean figure, or a clean inline image."""
    for box in soup.find_all(["div", "dl"], class_=_ITEM_CLASSES):
        box.name = "figure"
        box.attrs = {}
    for gallery in soup.find_all(["figure", "div", "ul"], class_=_is_gallery):
        _lift_gallery(soup, gallery)
    for figure in soup.find_all("figure"):
        if figure.find("img") is not None:
            _rebuild(soup, figure)
    for image in soup.find_all("img"):
        if image.find_parent("figure") is None:
            _inline_image(image)


def _is_gallery(classes):
    return classes in ("wp-block-gallery", "gallery", "tiled-gallery")


def _lift_gallery(soup, gallery):
    if gallery.decomposed:
        return
    for item in gallery.find_all("figure"):
        if item.find_parent("figure") in (gallery, None) or item.parent is gallery:
            gallery.insert_before(item.extract())
    own = gallery.find(["figcaption", "p"], class_=_GALLERY_CAPTIONS, recursive=False)
    if own is not None and visible_text(own):
        paragraph = soup.new_tag("p")
        for child in list(own.contents):
            paragraph.append(child.extract())
        gallery.insert_before(paragraph)
    gallery.decompose()


def _rebuild(soup, figure):
    caption, text = caption_of(figure)
    outer = _link_around(figure)
    parts = []
    for image in figure.find_all("img"):
        link = image.find_parent("a")
        inside = link is not None and figure in link.parents
        href = link.get("href", "") if inside else outer
        parts.append((image, "" if opens_the_photo(href) else href))
    new_caption = None
    if caption is not None and text:
        new_caption = soup.new_tag("figcaption")
        for child in list(caption.contents):
            new_caption.append(child.extract())
    figure.clear()
    figure.attrs = {}
    holder = figure
    for index, (image, href) in enumerate(parts):
        if index:  # one photo per figure; the caption goes with the last
            holder.insert_after(following := soup.new_tag("figure"))
            holder = following
        with_caption = new_caption is not None and index == len(parts) - 1
        holder.append(_photo(soup, image, href, text if with_caption else ""))
        if with_caption:
            holder.append(new_caption)
    _unwrap_single_figure(figure)


def _photo(soup, image, href, caption):
    new_image = soup.new_tag("img", src=image.get("src", ""))
    alt = squeeze(image.get("alt", "") or "")
    # When the caption says it already, the alt is left out: HTML lets a
    # figure's caption stand for it, and both would be heard twice.
    if not caption or (alt and not same_text(alt, caption)):
        new_image["alt"] = alt
    if not href:
        return new_image
    link = soup.new_tag("a", href=href)
    link.append(new_image)
    return link


def _link_around(figure):
    """The href of a link that holds nothing but `figure`, or ""."""
    holder = figure.parent
    if holder is None or holder.name != "a":
        return ""
    if squeeze(holder.get_text(" ")) != squeeze(figure.get_text(" ")):
        return ""
    return holder.get("href", "")


def _inline_image(image):
    image.attrs = {
        "src": image.get("src", ""),
        "alt": squeeze(image.get("alt", "") or ""),
    }
    parent = image.parent
    alone = parent.name == "a" and len(parent.find_all(True)) == 1
    # A link around a photo that only opens the same photo, full size.
    if (
        alone
        and not squeeze(parent.get_text())
        and opens_the_photo(parent.get("href", ""))
    ):
        parent.unwrap()


def _unwrap_single_figure(figure):
    """A figure inside a paragraph or link is lifted out of it."""
    while figure.parent is not None and figure.parent.name in ("p", "a", "span"):
        holder = figure.parent
        if squeeze(holder.get_text(" ")) != squeeze(figure.get_text(" ")):
            break
        holder.replace_with(figure.extract())


def drop_repeated_captions(soup, removed):
    """A paragraph right before or after a figure that says its caption."""
    for figure in soup.find_all("figure"):
        text = caption_of(figure)[1]
        if not text:
            continue
        for sibling in (
            figure.find_previous_sibling(True),
            figure.find_next_sibling(True),
        ):
            if (
                sibling is not None
                and sibling.name == "p"
                and sibling.find("img") is None
                and same_text(visible_text(sibling), text)
            ):
                removed.append(visible_text(sibling))
                sibling.decompose()
