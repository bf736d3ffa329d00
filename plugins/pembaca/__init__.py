"""Reader features: search page, 404, share images, structured data, links.

`register()` only connects signals; the work lives in the modules:
related (previous/next and related articles), drawing (pure Pillow share
cards), shareimages (their cache), jsonld (schema.org records), feeds
(absolute links in every feed), outline (headings of article text nested
under the page title) and generator (pages and images). Search
indexing itself runs after the build, in sitebuild/search.py.
"""

from pelican import signals

from . import jsonld
from .feeds import absolutize, date_empty_feed
from .generator import PembacaGenerator
from .outline import nest_headings
from .settings import apply_defaults


def _initialized(pelican):
    apply_defaults(pelican.settings)


def _get_generators(pelican):
    return PembacaGenerator


def site_address(settings):
    """The absolute address of the site for sharing: SITEURL when it is
    absolute, else FEED_DOMAIN (the local preview address), else ""."""
    siteurl = settings.get("SITEURL") or ""
    if siteurl.startswith(("http://", "https://")):
        return siteurl.rstrip("/")
    return (settings.get("FEED_DOMAIN") or "").rstrip("/")


def _generator_init(generator):
    settings = generator.settings
    site = jsonld.Site(
        address=site_address(settings),
        name=settings["SITENAME"],
        author=settings["AUTHOR"],
        organizer=settings["PEMBACA_ORGANIZER"],
        organizer_url=settings["PEMBACA_ORGANIZER_URL"],
        language=settings["DEFAULT_LANG"],
    )

    def script(record):
        return jsonld.script_json(record)

    generator.env.globals["SITE_ADDRESS"] = site.address
    generator.env.filters.update(
        nest_headings=nest_headings,
        ld_berita=lambda article: script(jsonld.news_article(article, site)),
        ld_gelar=lambda edition: script(jsonld.event(edition, site)),
        ld_kbk=lambda kbk: script(jsonld.organization(kbk, site)),
        ld_dataset=lambda edition, description: script(
            jsonld.dataset(edition, site, description)
        ),
    )


def _feed_generated(context, feed):
    absolutize(feed, site_address(context), context["DEFAULT_LANG"])
    date_empty_feed(feed, context.get("articles", ()))


def register():
    signals.initialized.connect(_initialized)
    signals.get_generators.connect(_get_generators)
    signals.generator_init.connect(_generator_init)
    signals.feed_generated.connect(_feed_generated)
