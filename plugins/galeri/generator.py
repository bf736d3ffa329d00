"""The Pelican generator: albums, their photos, and images inside articles.

Context phase: read and validate every album, find the photos placed in
articles and pages, make every missing resized copy in one pool, then
attach albums to editions, KBKs and articles.
Output phase: render the album pages and place the resized copies from
the cache into the output folder.
"""

import datetime
import itertools
import logging
import os
from dataclasses import replace
from functools import partial

from pelican.generators import Generator
from pelican.utils import sanitised_join, slugify

from sitekit.files import link_or_copy
from sitekit.hooks import NOTICE
from sitekit.outputs import Output, write_plan
from sitekit.pelican_compat import content_html, set_content_html
from sitekit.problems import ContentError, Problem, display_path, raise_if_any
from sitekit.rendering import index_output, page_output
from sitekit.settings import cache_path
from sitekit.text import file_line_with, file_metadata_line

from . import inline, lead
from .albums import find_albums, parse_album
from .cache import PhotoCache
from .model import Photo
from .renditions import make_renditions

logger = logging.getLogger(__name__)


class GaleriGenerator(Generator):
    def generate_context(self):
        settings = self.settings
        self.unreadable = []
        self.albums = self._read_albums()
        self.inline_photos = self._find_inline_photos()
        leads = lead.find(
            list(self._documents()),
            self.path,
            {id(doc): found for doc, found in self.inline_photos},
            [photo for album in self.albums for photo in album.photos],
            settings["GALERI_THUMB_WIDTHS"],
            lambda relative: self._stem_for(relative)[1],
        )
        raise_if_any(leads.problems)
        photos = [p for a in self.albums for p in a.photos] + [
            photo for _doc, found in self.inline_photos for photo in found.values()
        ]
        self._make_renditions(photos)
        self._drop_unreadable()
        self._attach()
        self.thumbs = leads.thumbs + lead.from_albums(
            self.albums, list(self._documents()), settings["GALERI_THUMB_WIDTHS"]
        )
        self._make_thumbs()
        self._rewrite_inline()
        self.context["galeri_albums"] = self.albums
        if self.unreadable and settings["GALERI_STRICT"]:
            raise ContentError(
                Problem(display_path(path), None, None, message, _STRICT_HINT)
                for path, message in self.unreadable
            )
        for path, message in self.unreadable:
            logger.warning("%s: %s", display_path(path), message, extra=NOTICE)

    def editor_notes(self):
        """Lines for the editor after a build: the photo work, what was left out."""
        notes = [
            f"Galeri: {self.stats['decoded']} foto diolah, "
            f"{self.stats['cached']} diambil dari cache."
        ]
        if self.thumb_stats["decoded"]:
            notes.append(
                f"Gambar kecil untuk daftar: {self.thumb_stats['decoded']} dibuat, "
                f"{self.thumb_stats['cached']} diambil dari cache."
            )
        if self.unreadable:
            notes.append(
                f"Peringatan: {len(self.unreadable)} berkas di galeri dilewati "
                "dan tidak tampil di situs:"
            )
            notes += [f"  - {display_path(p)}: {m}" for p, m in self.unreadable]
        return notes

    # Reading -------------------------------------------------------------

    def _slugify(self, text):
        return slugify(text, regex_subs=self.settings["SLUG_REGEX_SUBSTITUTIONS"])

    def _read_albums(self):
        settings = self.settings
        archive = self.context.get("gelar_archive")
        context = {
            "slugify": self._slugify,
            "display": display_path,
            "kbk_ids": set(archive.kbks) | set(archive.former) if archive else set(),
            "years": {e.year for e in archive.editions} if archive else set(),
        }
        root = os.path.join(self.path, settings["GALERI_PATH"])
        found, problems = find_albums(root, self._slugify, display_path, self.path)
        albums = []
        for folder, data, photo_names, others in found:
            for name in others:
                self.unreadable.append(
                    (
                        os.path.join(folder, name),
                        f"berkas {os.path.splitext(name)[1] or 'tanpa akhiran'} "
                        "bukan foto JPEG, PNG atau WebP, jadi tidak ditampilkan; "
                        "simpan ulang dalam salah satu format itu, atau pindahkan "
                        "berkas ini dari folder album.",
                    )
                )
            try:
                albums.append(parse_album(folder, data, photo_names, context))
            except ContentError as error:
                problems.extend(error.problems)
        raise_if_any(problems)
        for album in albums:
            album.url = settings["GALERI_URL"].format(slug=album.slug)
            album.save_as = settings["GALERI_SAVE_AS"].format(slug=album.slug)
            folder = settings["GALERI_IMAGES_PATH"].format(slug=album.slug)
            for photo in album.photos:
                photo.output_stem = f"{folder}/{photo.slug}"
        # Newest first; albums without a date last, then by title.
        albums.sort(key=lambda a: a.title.casefold())
        albums.sort(key=lambda a: a.date or datetime.date.min, reverse=True)
        return albums

    def _documents(self):
        """Articles and pages, published or not, whose HTML we may change."""
        for key in _DOCUMENT_LISTS:
            yield from self.context.get(key, ())

    def _find_inline_photos(self):
        """[(document, {src: Photo})] for local photos inside content HTML."""
        found = []
        seen = set()
        for document in self._documents():
            if id(document) in seen:
                continue
            seen.add(id(document))
            sources = inline.local_image_sources(
                content_html(document), os.path.dirname(document.source_path), self.path
            )
            photos = {}
            for src, path in sources.items():
                relative = os.path.relpath(path, self.path)
                slug, stem = self._stem_for(relative)
                photo = Photo(source_path=path, file=relative, slug=slug, alt="")
                photo.output_stem = stem
                photos[src] = photo
            if photos:
                found.append((document, photos))
        return found

    def _stem_for(self, relative):
        """(slug, output stem) of a photo outside albums, by its path in the
        content folder: images/juara.jpg -> gambar/images/juara."""
        stem = os.path.splitext(relative)[0].replace(os.sep, "/")
        directory, name = os.path.split(stem)
        slug = self._slugify(name) or "gambar"
        parts = [self.settings["GALERI_INLINE_PATH"]]
        parts += [self._slugify(p) for p in directory.split("/") if p]
        return slug, "/".join([*parts, slug])

    # Image work ----------------------------------------------------------

    def _make_renditions(self, photos):
        settings = self.settings
        self.cache = PhotoCache(cache_path(settings, "GALERI_CACHE_PATH", "galeri"))
        outcome = make_renditions(photos, settings, self.cache)
        self.stats, self.used_keys = outcome.stats, outcome.used_keys
        self.unreadable += outcome.unreadable
        logger.info(
            "Galeri: %d foto diolah, %d diambil dari cache.",
            self.stats["decoded"],
            self.stats["cached"],
        )

    def _make_thumbs(self):
        """Small copies for lists; a lead image that cannot be read is a
        problem naming the article (an album cover was read already)."""
        outcome = make_renditions(self.thumbs, self.settings, self.cache)
        self.thumb_stats = outcome.stats
        self.used_keys |= outcome.used_keys
        problems = lead.unreadable(list(self._documents()), outcome.unreadable)
        raise_if_any(problems)
        for album in self.albums:
            if album.thumb is not None and not album.thumb.renditions:
                album.thumb = None

    def _drop_unreadable(self):
        """Leave unreadable photos out of their albums. An image shown in an
        article cannot be left out (its link would lead nowhere), so it is
        a problem naming the article's line."""
        for album in self.albums:
            album.photos = [p for p in album.photos if p.renditions]
        reasons = dict(self.unreadable)
        problems = [
            Problem(
                display_path(doc.source_path),
                file_line_with(doc.source_path, src),
                None,
                f"gambar `{src}` tidak bisa ditampilkan: "
                + reasons.get(photo.source_path, "berkas tidak terbaca."),
                "ganti berkasnya dengan foto JPEG, PNG atau WebP yang utuh, atau "
                "hapus gambar itu dari teks.",
            )
            for doc, found in self.inline_photos
            for src, photo in found.items()
            if not photo.renditions
        ]
        raise_if_any(problems)

    # Linking -------------------------------------------------------------

    def _attach(self):
        archive = self.context.get("gelar_archive")
        by_slug = {album.slug: album for album in self.albums}
        if archive:
            for album in self.albums:
                if album.gelar_year is not None:
                    album.edition = archive.edition(album.gelar_year)
                    album.edition.albums.append(album)
                for photo in album.photos:
                    ids = dict.fromkeys(archive.current_id(i) for i in photo.kbk_ids)
                    photo.kbks = [archive.kbks[i] for i in ids]
                    for kbk in photo.kbks:
                        kbk.photos.append(photo)
        problems = []
        for document in self._documents():
            name = document.metadata.get("galeri")
            document.album = None
            if not name:
                continue
            album = by_slug.get(self._slugify(str(name)))
            if album is None:
                problems.append(_unknown_album(document, name, by_slug))
            else:
                document.album = album
        raise_if_any(problems)

    def _rewrite_inline(self):
        for document, photos in self.inline_photos:
            self._rewrite_document(document, photos)

    def _rewrite_document(self, document, photos):
        template = self.env.get_template("partials/picture.html")
        sizes = self.settings["GALERI_INLINE_SIZES"]
        count = itertools.count()

        def markup_for(img):
            photo = photos.get(img.get("src", ""))
            if photo is None:
                return None
            photo.alt = img.get("alt", "")
            eager = next(count) == 0  # the first image is likely in view
            return template.render(
                photo=photo, sizes=sizes, lazy=not eager, extra_class="isi-foto"
            ).strip()

        set_content_html(
            document, inline.replace_images(content_html(document), markup_for)
        )

    def refresh_document(self, document, previous):
        """Place photos and the album in one re-read article as
        generate_context did (the warm preview's fast path, see
        sitebuild/preview.py). False when the article now needs photo
        work or another album: only a full build does that."""
        photos = next((p for d, p in self.inline_photos if d is previous), {})
        sources = inline.local_image_sources(
            content_html(document), os.path.dirname(document.source_path), self.path
        )
        name = document.metadata.get("galeri")
        if set(sources) != set(photos) or name != previous.metadata.get("galeri"):
            return False
        if lead.image_metadata(document) != lead.image_metadata(previous):
            return False
        document.album = previous.album
        document.lead_thumb = previous.lead_thumb
        if photos:
            self._rewrite_document(document, photos)
        return True

    # Output --------------------------------------------------------------

    def output_plan(self):
        """Every file this generator writes (sitekit.outputs.Output)."""

        page = partial(page_output, self)

        plan = [
            index_output(
                self,
                "GALERI",
                "daftar album (plugin galeri)",
                "galeri_index",
                albums=self.albums,
            )
        ]
        plan += [
            replace(
                page(
                    album.save_as,
                    f"album {album.source_path}",
                    "galeri",
                    album.url,
                    album=album,
                    page_name=f"galeri-{album.slug}",
                ),
                path=album.source_path,
            )
            for album in self.albums
        ]
        placed = {}  # one photo placed twice in an article yields the same files
        for photo in self._all_photos():
            for rendition in self._renditions_of(photo):
                placed.setdefault(
                    (rendition.save_as, f"foto {display_path(photo.source_path)}"),
                    rendition,
                )
        for (save_as, source), rendition in placed.items():
            place = partial(self._place, rendition)
            plan.append(Output(save_as, source, place, source.removeprefix("foto ")))
        return plan

    def _all_photos(self):
        for album in self.albums:
            yield from album.photos
        for _doc, photos in self.inline_photos:
            yield from photos.values()
        yield from self.thumbs

    @staticmethod
    def _renditions_of(photo):
        yield from photo.renditions
        if photo.original:
            yield photo.original

    def _place(self, rendition, _writer):
        """Hard-link the cached file into the output; copy across devices."""
        target = sanitised_join(self.output_path, rendition.save_as)
        link_or_copy(rendition.cache_file, target)

    def generate_output(self, writer):
        write_plan(self.output_plan(), writer)
        self.cache.prune(self.used_keys)
        self.cache.save_index()


# Context lists of content whose HTML may hold images.
_DOCUMENT_LISTS = (
    "articles",
    "drafts",
    "hidden_articles",
    "pages",
    "hidden_pages",
    "draft_pages",
)

_STRICT_HINT = (
    "perbaiki atau hapus berkas ini, atau matikan GALERI_STRICT agar foto "
    "yang tidak terbaca dilewati saja."
)


def _unknown_album(document, name, by_slug):
    path = display_path(document.source_path)
    line = file_metadata_line(document.source_path, "galeri")
    known = ", ".join(f"`{slug}`" for slug in sorted(by_slug)) or "belum ada"
    return Problem(
        path,
        line,
        "Galeri",
        f"album `{name}` tidak ada di content/galeri/.",
        f"tulis nama folder album yang ada ({known}), atau hapus baris ini.",
    )
