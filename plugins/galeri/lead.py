"""Pictures for lists: an article's lead image and an album's cover, small.

Lists (the home page, news lists, related news, search results) show a
small copy of each article's lead image: the file named in its `Image:`
metadata, else its first photo, else the cover of its album (`Galeri:`);
and of each album's cover. Each is a separate `Photo` of the same file,
resized to GALERI_THUMB_WIDTHS through the same pipeline, so a list never
loads a full-size photo. An article without any picture gets none, and
its list item no empty box.
"""

import os
from dataclasses import dataclass, field

from sitekit.problems import Problem, display_path
from sitekit.text import file_metadata_line

from . import inline
from .model import Photo

SUFFIX = "-kecil"  # output stem of a small copy, beside the full ones


@dataclass
class Leads:
    """What `find` returns: every thumbnail to make, and the problems."""

    thumbs: list = field(default_factory=list)
    problems: list = field(default_factory=list)


def image_metadata(document):
    """The `Image:` of a document, stripped, or ""."""
    return str(document.metadata.get("image") or "").strip()


def thumbnail(photo, widths):
    """A small copy of `photo`: the same file, other widths, its own names."""
    return Photo(
        source_path=photo.source_path,
        file=photo.file,
        slug=photo.slug,
        alt="",  # beside its title's link: decorative
        output_stem=photo.output_stem + SUFFIX,
        widths=tuple(widths),
    )


def _named(document, content_root, known, stem_for):
    """The Photo an `Image:` names (an album or inline photo when it is the
    same file), or a Problem when it names no picture in the content folder."""
    src = image_metadata(document)
    path = inline.resolve(src, os.path.dirname(document.source_path), content_root)
    if path is None:
        return Problem(
            display_path(document.source_path),
            file_metadata_line(document.source_path, "image"),
            "Image",
            f"gambar `{src}` tidak ditemukan di folder content.",
            "tulis jalur foto JPEG, PNG atau WebP di folder content, mis. "
            "`Image: {static}/images/foto.jpg`, atau hapus baris ini.",
        )
    for photo in known:
        if photo.source_path == path:
            return photo
    relative = os.path.relpath(path, content_root)
    return Photo(
        source_path=path, file=relative, slug="", alt="", output_stem=stem_for(relative)
    )


def find(documents, content_root, inline_photos, album_photos, widths, stem_for):
    """Set `lead_thumb` (None for now) and plan a thumbnail for each
    document's `Image:` or first inline photo. `inline_photos` is
    {id(document): {src: Photo}}; `stem_for(relative path)` is where the
    copies of a photo outside albums go. Album covers come later
    (`from_albums`), once albums are attached."""
    leads = Leads()
    for document in documents:
        document.lead_thumb = None
        photos = inline_photos.get(id(document), {})
        chosen = None
        if image_metadata(document):
            known = [*photos.values(), *album_photos]
            chosen = _named(document, content_root, known, stem_for)
            if isinstance(chosen, Problem):
                leads.problems.append(chosen)
                continue
        elif photos:
            chosen = next(iter(photos.values()))
        if chosen is not None:
            document.lead_thumb = thumbnail(chosen, widths)
            leads.thumbs.append(document.lead_thumb)
    return leads


def from_albums(albums, documents, widths):
    """Thumbnails of album covers: each album's `thumb`, and the lead of a
    document without a picture of its own but with an album (`Galeri:`)."""
    thumbs = []
    for album in albums:
        album.thumb = thumbnail(album.cover, widths) if album.cover else None
        if album.thumb:
            thumbs.append(album.thumb)
    for document in documents:
        album = getattr(document, "album", None)
        if document.lead_thumb is None and album is not None and album.thumb:
            document.lead_thumb = album.thumb
    return thumbs


def unreadable(documents, reasons):
    """A Problem for each document whose lead image could not be resized;
    `reasons` are (path, message) pairs from the photo work."""
    reasons = dict(reasons)
    return [
        Problem(
            display_path(doc.source_path),
            file_metadata_line(doc.source_path, "image"),
            "Image",
            f"gambar `{image_metadata(doc)}` tidak bisa ditampilkan: "
            + reasons.get(doc.lead_thumb.source_path, "berkas tidak terbaca."),
            "ganti berkasnya dengan foto JPEG, PNG atau WebP yang utuh, atau "
            "hapus baris ini.",
        )
        for doc in documents
        if doc.lead_thumb is not None and not doc.lead_thumb.renditions
    ]
