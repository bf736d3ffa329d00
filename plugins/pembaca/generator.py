"""The Pelican generator of the reader features.

Context phase: link articles to their neighbours and related articles,
plan a share image and a citation for every article, edition, KBK and
institution (and a share image for the site), and publish the search
filters' values and the addresses of the pages of sample data.
Output phase: render the search page and the 404 page through Pelican's
writer, place the share images from their cache and write the citation
files (BibTeX, RIS).
"""

import logging
import math
import os
from functools import partial

from markupsafe import Markup
from pelican.generators import Generator
from pelican.utils import sanitised_join
from PIL import Image

from sitekit.files import link_or_copy, place
from sitekit.formatting import make_filters
from sitekit.outputs import Output, write_plan
from sitekit.problems import ContentError
from sitekit.rendering import page_output
from sitekit.settings import (
    cache_path,
    processes,
    publisher,
    setting_problem,
    site_address,
)

from . import icons
from .citation import Source, bibtex, cite_all, ris
from .related import neighbours, related_all
from .samples import sample_pages
from .shareimages import Card, CardCache

logger = logging.getLogger(__name__)

SEARCH_TYPES = ("berita", "gelar", "kbk", "instansi", "galeri", "halaman")


class PembacaGenerator(Generator):
    def generate_context(self):
        articles = list(self.context.get("articles", ()))
        self._link_articles(articles)
        self.cards = self._plan_cards(articles)
        self.citations = self._cite(articles)
        self.context["sample_pages"] = sample_pages(self.context, articles)
        self.icons = self._make_icons()
        self.context["SITE_ICON_SVG"] = icons.SVG in self.icons
        # The logo in the header and footer: the office's own (PEMBACA_ICON),
        # or the default mark drawn inline (no request of its own).
        self.context["SITE_LOGO"] = icons.HEADER_LOGO
        self.context["SITE_LOGO_SVG"] = (
            Markup(icons.inline_mark(self.icons[icons.SVG].decode("utf-8")))
            if icons.SVG in self.icons
            else ""
        )
        self.context["search_filters"] = self._search_filters(articles)

    def _link_articles(self, articles):
        around = neighbours(articles)
        related = related_all(articles, self.settings["PEMBACA_RELATED_COUNT"])
        for article in articles:
            article.older_article, article.newer_article = around[id(article)]
            article.related_articles = related[id(article)]

    # Share images ---------------------------------------------------------

    def _plan_cards(self, articles):
        """A Card per page that gets a share image; sets `share_image` URLs."""
        settings = self.settings
        name = settings["PEMBACA_SHARE_IMAGE_NAME"]
        labels = settings["PEMBACA_SHARE_LABELS"]
        locale = settings.get("I18N_LOCALE") or settings["DEFAULT_LANG"]
        date = make_filters(locale)["tanggal"]
        site_name = settings["SITENAME"]
        cards = []

        sample_label = settings["SAMPLE_LABEL"]

        def plan(obj, url, title, label, sample=False):
            card = Card(
                save_as=f"{url}{name}",
                title=title,
                label=label,
                site_name=site_name,
                size=tuple(settings["PEMBACA_SHARE_IMAGE_SIZE"]),
                quality=settings["PEMBACA_SHARE_IMAGE_QUALITY"],
                sample_label=sample_label if sample else "",
            )
            if obj is not None:
                obj.share_image = card.save_as
            cards.append(card)

        plan(None, "", settings["SITENAME"], labels["site"])
        self.context["SITE_SHARE_IMAGE"] = name
        for article in articles:
            plan(
                article,
                article.url,
                _plain(article.title),
                f"{labels['article']} · {date(article.date)}",
                getattr(article, "sample", False),
            )
        archive = self.context.get("gelar_archive")
        if archive:
            for edition in archive.editions:
                label = labels["edition"].format(year=edition.year)
                plan(
                    edition,
                    edition.url,
                    edition.event.title,
                    f"{label} · {date(edition.event.date)}",
                    edition.sample,
                )
            for kbk in archive.kbk_list:
                years = ", ".join(str(year) for year in kbk.years)
                title = f"{kbk.name} ({kbk.institution})"
                label = labels["kbk"].format(years=years)
                plan(kbk, kbk.url, title, label, kbk.only_sample)
            for institution in archive.institution_list:
                years = ", ".join(str(year) for year in institution.years)
                label = labels["institution"].format(years=years)
                plan(
                    institution,
                    institution.url,
                    institution.name,
                    label,
                    institution.only_sample,
                )
        return cards

    # Citations -------------------------------------------------------------

    def _cite(self, articles):
        """A Citation (BibTeX and RIS files) for every article, edition, KBK
        and institution; each also gets its `citation` for the templates."""
        settings = self.settings
        source = Source(
            address=site_address(settings),
            site_name=settings["SITENAME"],
            publisher=publisher(settings),
            sample_note=settings["PEMBACA_CITATION_SAMPLE_NOTE"],
            bibtex_name=settings["PEMBACA_CITATION_BIBTEX_NAME"],
            ris_name=settings["PEMBACA_CITATION_RIS_NAME"],
            language=settings["DEFAULT_LANG"],
        )
        return cite_all(source, articles, self.context.get("gelar_archive"), _plain)

    # Icons -----------------------------------------------------------------

    def _make_icons(self):
        """{output name: bytes} of the icons and the manifest; a logo that
        cannot be read stops the build here, before anything is written."""
        settings = self.settings
        letters = settings["PEMBACA_ICON_LETTERS"] or icons.initials(
            settings["SITENAME"]
        )
        color = settings["PEMBACA_THEME_COLOR"]
        logo = _read_logo(self.path, settings["PEMBACA_ICON"])
        files = icons.icon_files(logo, letters, color)
        files[icons.MANIFEST] = icons.manifest(
            settings["SITENAME"],
            letters if logo is None else settings["SITENAME"][:12],
            f"{settings['SITEURL']}/",
            color,
            settings["DEFAULT_LANG"],
        ).encode("utf-8")
        return files

    # Search ----------------------------------------------------------------

    def _search_filters(self, articles):
        """The values each search filter can take, as the pages mark them."""
        archive = self.context.get("gelar_archive")
        albums = self.context.get("galeri_albums", ())
        years = {article.date.year for article in articles}
        years |= {album.date.year for album in albums if album.date}
        kbks = []
        if archive:
            years |= {edition.year for edition in archive.editions}
            kbks = [kbk.name for kbk in archive.kbk_list]
        categories = sorted(
            {str(article.category) for article in articles}, key=str.casefold
        )
        return {
            "jenis": list(SEARCH_TYPES),
            "tahun": [str(year) for year in sorted(years, reverse=True)],
            "kbk": kbks,
            "kategori": categories,
        }

    # Output ----------------------------------------------------------------

    def output_plan(self):
        """Every file this generator writes (sitekit.outputs.Output)."""
        settings = self.settings

        plan = [
            page_output(
                self,
                settings["PEMBACA_SEARCH_SAVE_AS"],
                "halaman cari (plugin pembaca)",
                "cari",
                settings["PEMBACA_SEARCH_URL"],
                page_name="cari",
            ),
            page_output(
                self,
                settings["PEMBACA_404_SAVE_AS"],
                "halaman 404 (plugin pembaca)",
                "404",
                settings["PEMBACA_404_SAVE_AS"],
                page_name="404",
            ),
        ]
        plan += [
            Output(card.save_as, "gambar bagikan (plugin pembaca)", self._placer(card))
            for card in self.cards
        ]
        plan += [
            Output(name, "ikon situs (plugin pembaca)", self._icon_writer(name))
            for name in self.icons
        ]
        for citation in self.citations:
            for save_as, make in (
                (citation.bibtex_url, bibtex),
                (citation.ris_url, ris),
            ):
                write = self._text_writer(save_as, partial(make, citation))
                plan.append(Output(save_as, "kutipan (plugin pembaca)", write))
        return plan + self._search_bundle_plan()

    def _search_bundle_plan(self):
        """The folders Pagefind writes after Pelican (sitebuild/search.py):
        `pagefind/`, and `pagefind-2/`… when the pages are indexed in parts.
        Claimed whole, so no page or redirect lands among its files."""
        settings = self.settings
        bundle = settings["PEMBACA_SEARCH_BUNDLE_URL"].strip("/")
        if not bundle:
            return []
        size = settings["PEMBACA_SEARCH_PAGES_PER_BUNDLE"] or 0
        archive = self.context.get("gelar_archive")
        pages = sum(
            len(self.context.get(key, ()))
            for key in ("articles", "hidden_articles", "pages", "hidden_pages")
        )
        pages += len(self.context.get("galeri_albums", ()))
        pages += len(archive.editions) + len(archive.kbks) if archive else 0
        parts = max(1, math.ceil(pages / size)) if size else 1
        names = [bundle] + [f"{bundle}-{n}" for n in range(2, parts + 1)]
        return [Output(f"{name}/", "indeks pencarian (Pagefind)") for name in names]

    def _text_writer(self, save_as, make):
        def write(_writer):
            self._place(save_as, make())

        return write

    def _icon_writer(self, name):
        def write(_writer):
            self._place(name, self.icons[name])

        return write

    def _place(self, save_as, data):
        path = sanitised_join(self.output_path, save_as)
        place(path, data, self.output_path, self.settings["BUILD_PREVIOUS_OUTPUT"])

    def _placer(self, card):
        def place(_writer):
            target = sanitised_join(self.output_path, card.save_as)
            link_or_copy(self.card_cache.path(card), target)

        return place

    def generate_output(self, writer):
        settings = self.settings
        root = cache_path(settings, "PEMBACA_SHARE_CACHE_PATH", "bagikan")
        # Missing cards are drawn in one pool before the plan places them.
        self.card_cache = CardCache(root)
        self.card_cache.fill(self.cards, processes(settings))
        write_plan(self.output_plan(), writer)
        self.card_cache.prune()
        logger.info(
            "Gambar bagikan: %d digambar, %d dari cache.",
            self.card_cache.drawn,
            len(self.cards) - self.card_cache.drawn,
        )


def _read_logo(content_path, relative):
    """The logo named by PEMBACA_ICON as a Pillow image, None when unset."""
    if not relative:
        return None
    path = os.path.join(content_path, relative)
    try:
        with Image.open(path) as image:
            if min(image.size) < 180:
                raise ValueError(f"hanya {image.size[0]}×{image.size[1]} piksel")
            image.load()
            return image.copy()
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        raise ContentError(
            [
                setting_problem(
                    "PEMBACA_ICON",
                    f"logo `{relative}` tidak bisa dipakai sebagai ikon ({error}).",
                    "pakai gambar persegi PNG, JPEG atau WebP minimal 512×512 piksel "
                    "di folder content, atau kosongkan pengaturan ini untuk tanda "
                    "bawaan.",
                )
            ]
        ) from None


def _plain(html):
    return Markup(html).striptags()
