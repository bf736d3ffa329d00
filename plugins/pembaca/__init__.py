"""Reader features: search page, 404, share images, structured data, links.

`register()` only connects signals; the work lives in the modules:
related (previous/next and related articles), drawing (pure Pillow share
cards), shareimages (their cache), jsonld (schema.org records), feeds
(absolute links in every feed), samples (sample data marked in feeds),
citation (BibTeX and RIS), outline (headings of article text nested under
the page title) and generator (pages, images and citation files). Search
indexing itself runs after the build, in sitebuild/search.py.
"""

from pelican import signals

from sitekit.identity import tel_href
from sitekit.settings import publisher, site_address

from . import icons, jsonld
from .feeds import absolutize, date_empty_feed
from .generator import PembacaGenerator
from .outline import nest_headings
from .samples import mark_feed
from .settings import apply_defaults
from .tables import stack_tables


def _initialized(pelican):
    apply_defaults(pelican.settings)


def _get_generators(pelican):
    return PembacaGenerator


def _generator_init(generator):
    settings = generator.settings
    address = site_address(settings)
    facts = jsonld.Publisher(
        name=publisher(settings),
        organisation=settings["PEMBACA_ORGANIZER"],
        organisation_url=settings["PEMBACA_ORGANIZER_URL"],
        url=settings["PUBLISHER_URL"] or f"{address}/",
        logo=f"{address}/{icons.LOGO}",
        logo_size=icons.RASTER[icons.LOGO],
        address=settings["PUBLISHER_ADDRESS"],
        phone=settings["PUBLISHER_PHONE"],
        email=settings["PUBLISHER_EMAIL"],
        social=tuple(tuple(item) for item in settings["PUBLISHER_SOCIAL"]),
    )
    site = jsonld.Site(
        address=site_address(settings),
        name=settings["SITENAME"],
        author=settings["AUTHOR"],
        organizer=settings["PEMBACA_ORGANIZER"],
        organizer_url=settings["PEMBACA_ORGANIZER_URL"],
        language=settings["DEFAULT_LANG"],
        licence_url=settings["LICENSE_URL"],
        publisher=jsonld.publisher(facts),
    )

    def script(record):
        return jsonld.script_json(record)

    generator.env.globals["SITE_ADDRESS"] = site.address
    generator.env.globals["ld_beranda"] = lambda: script(
        jsonld.home_records(site, settings["PEMBACA_SEARCH_URL"])
    )
    generator.env.filters.update(
        nest_headings=nest_headings,
        stack_tables=stack_tables,
        tel_href=tel_href,
        ld_berita=lambda article: script(jsonld.news_article(article, site)),
        ld_gelar=lambda edition: script(jsonld.event(edition, site)),
        ld_kbk=lambda kbk: script(jsonld.organization(kbk, site)),
        ld_dataset=lambda edition, description: script(
            jsonld.dataset(edition, site, description)
        ),
        ld_dataset_kbk=lambda kbk, description: script(
            jsonld.kbk_dataset(kbk, site, description)
        ),
        ld_dataset_semua=lambda editions, description, url, downloads: script(
            jsonld.archive_dataset(editions, site, description, url, downloads)
        ),
    )


def _feed_generated(context, feed):
    address = site_address(context)
    absolutize(feed, address, context["DEFAULT_LANG"])
    date_empty_feed(feed, context.get("articles", ()))
    mark_feed(feed, context.get("sample_pages", ()), address, context["SAMPLE_LABEL"])


def register():
    signals.initialized.connect(_initialized)
    signals.get_generators.connect(_get_generators)
    signals.generator_init.connect(_generator_init)
    signals.feed_generated.connect(_feed_generated)
