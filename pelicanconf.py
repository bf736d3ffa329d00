"""Site settings for local builds and previews.

The plugin settings (GELAR_*, KBK_*, I18N_*) have their defaults in
plugins/gelar/settings.py and plugins/babel_i18n/__init__.py; set one here
only to change it.
"""

import os
import sys

# sitekit/ beside this file, also for the plain `pelican` command.
sys.path.append(os.path.dirname(os.path.abspath(__file__)))
from sitekit.templatecache import OptionsBytecodeCache

AUTHOR = "Humas Pemkab Magetan"
SITENAME = "Arsip Gelar Budaya Kerja Kabupaten Magetan"
SITESUBTITLE = "Berita dan hasil Gelar Budaya Kerja Pemerintah Kabupaten Magetan"
SITEURL = ""

PATH = "content"
ARTICLE_PATHS = ["berita"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]

TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
DEFAULT_DATE = None
# An article without `Category:` is news: never its folder's name ("2016").
DEFAULT_CATEGORY = "Berita"
USE_FOLDER_AS_CATEGORY = False

THEME = "theme"
THEME_STATIC_DIR = "theme"

PLUGIN_PATHS = ["plugins"]
# Listed explicitly: with PLUGINS unset Pelican loads every installed plugin.
PLUGINS = ["babel_i18n", "gelar", "galeri", "pembaca", "parallel"]

# Resized photos are kept here between builds (see plugins/galeri/cache.py).
CACHE_PATH = "cache"
# Converted Markdown too, by each file's bytes (plugins/parallel/mdcache.py).
PARALLEL_MARKDOWN_CACHE = True

JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    # Text from YAML and metadata is always escaped; article HTML is
    # marked safe explicitly in the templates.
    "autoescape": True,
    # Compiled templates are kept (in the system's temporary folder, keyed
    # by each template's text, these options and the Jinja version): every
    # generator compiles its own copy.
    "bytecode_cache": OptionsBytecodeCache(),
}

# One language only: equal slugs are a collision, not a translation.
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None

# Clean URLs that end in "/".
ARTICLE_URL = "berita/{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "berita/{date:%Y}/{slug}/index.html"
# Drafts are written only by `invoke build --drafts` (a local preview, marked
# "DRAF"), which derives their SAVE_AS from these URLs; never when publishing.
DRAFT_URL = "draf/{slug}/"
DRAFT_SAVE_AS = ""
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
DRAFT_PAGE_URL = "draf/halaman/{slug}/"
DRAFT_PAGE_SAVE_AS = ""
CATEGORY_URL = "kategori/{slug}/"
CATEGORY_SAVE_AS = "kategori/{slug}/index.html"
CATEGORIES_URL = "kategori/"
CATEGORIES_SAVE_AS = "kategori/index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
TAGS_URL = "tag/"
TAGS_SAVE_AS = "tag/index.html"
ARCHIVES_URL = "arsip/"
ARCHIVES_SAVE_AS = "arsip/index.html"
YEAR_ARCHIVE_URL = "berita/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "berita/{date:%Y}/index.html"
# One office writes everything: no per-author pages.
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "categories", "tags", "archives"]


def newest_first(article):
    """Newest first, and articles of the same minute by file: Pelican reads
    files in set order, which changes from run to run, so without a tie
    break two builds of the same content could list them differently."""
    return (-article.date.timestamp(), article.source_path)


ARTICLE_ORDER_BY = newest_first

DEFAULT_PAGINATION = 10
# A year's news page lists this many articles per page, so no archive page
# outgrows SITECHECK_PAGE_MAX_BYTES however large the archive gets.
PAGINATED_TEMPLATES = {
    "index": None,
    "tag": None,
    "category": None,
    "author": None,
    "period_archives": 150,
}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/halaman/{number}/", "{base_name}/halaman/{number}/index.html"),
)

# Atom feeds: all news and each category here; each edition and KBK in
# plugins/gelar/settings.py. Feeds and share tags need absolute addresses:
# locally they point at `invoke serve`; publishconf.py uses SITEURL.
FEED_DOMAIN = "http://127.0.0.1:8000"
FEED_ALL_ATOM = "feeds/semua.atom.xml"
CATEGORY_FEED_ATOM = "feeds/kategori/{slug}.atom.xml"
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# An article dated in the future stays a draft until its date has come
# (rebuild on that day to publish it). Set True to publish it at once.
WITH_FUTURE_DATES = False

DELETE_OUTPUT_DIRECTORY = False
RELATIVE_URLS = False
SLUGIFY_SOURCE = "title"

# Pelican's Markdown settings, plus sane lists (an ordered list keeps its
# first number, as in imported WordPress posts) and footnote links titled
# in Indonesian.
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.codehilite": {"css_class": "highlight"},
        "markdown.extensions.extra": {
            "footnotes": {
                "BACKLINK_TITLE": "Kembali ke catatan %d di teks",
            },
        },
        "markdown.extensions.meta": {},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}

# Articles are Markdown; the reStructuredText reader stays off (it also
# warns that docutils has no Indonesian localization).
READERS = {"rst": None}

# The site icon: no logo yet (PEMBACA_ICON), so a plain mark with the
# event's initials on the header colour (plugins/pembaca/icons.py).
PEMBACA_ICON_LETTERS = "GBK"
