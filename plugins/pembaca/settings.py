"""Every setting of the pembaca (reader) plugin, with its default, in one place."""

from sitekit import settings as settings_kit
from sitekit.settings import SHARED, SettingsSpec

DEFAULTS = {
    # The search page (Pagefind's index is written by sitebuild/search.py).
    "PEMBACA_SEARCH_URL": "cari/",
    "PEMBACA_SEARCH_SAVE_AS": "cari/index.html",
    # Where Pagefind's files are served from, relative to SITEURL.
    "PEMBACA_SEARCH_BUNDLE_URL": "pagefind/",
    # Pagefind holds a whole index in memory (about 700 MB for 5,000
    # articles), so a larger site is indexed in parts of at most this many
    # pages, in folders beside the first (pagefind-2/, …); the search page
    # merges them. Each part adds a few small downloads to a search.
    "PEMBACA_SEARCH_PAGES_PER_BUNDLE": 1500,
    # The "page not found" page; web servers look for 404.html at the root.
    "PEMBACA_404_SAVE_AS": "404.html",
    # Share images: one JPEG next to each article, edition and KBK page
    # (e.g. gelar/2015/bagikan.jpg) and one for the whole site at the root.
    "PEMBACA_SHARE_IMAGE_NAME": "bagikan.jpg",
    "PEMBACA_SHARE_IMAGE_SIZE": (1200, 630),
    "PEMBACA_SHARE_IMAGE_QUALITY": 85,
    # Cache of drawn share images; empty means CACHE_PATH/bagikan.
    "PEMBACA_SHARE_CACHE_PATH": "",
    # Text on the share images (Indonesian: they are seen by readers).
    "PEMBACA_SHARE_LABELS": {
        "article": "Berita",
        "edition": "Gelar Budaya Kerja {year}",
        "kbk": "Kelompok Budaya Kerja · ikut {years}",
        "institution": "Instansi · KBK-nya ikut {years}",
        "site": "Berita dan hasil Gelar Budaya Kerja",
    },
    # The site's icons (favicon.ico, apple-touch-icon.png, icon-192/512.png,
    # site.webmanifest): a square logo (PNG, JPEG or WebP, at least 512 px),
    # relative to PATH; empty draws a plain mark of PEMBACA_ICON_LETTERS (or
    # the initials of SITENAME) on PEMBACA_THEME_COLOR, also as favicon.svg.
    "PEMBACA_ICON": "",
    "PEMBACA_ICON_LETTERS": "",
    "PEMBACA_THEME_COLOR": "#083f61",
    # Citations for reference managers (BibTeX and RIS), one of each
    # beside every article, edition, KBK and institution page.
    "PEMBACA_CITATION_BIBTEX_NAME": "kutipan.bib",
    "PEMBACA_CITATION_RIS_NAME": "kutipan.ris",
    # The note those files add when the page shows sample data.
    "PEMBACA_CITATION_SAMPLE_NOTE": "Data contoh yang dikarang untuk demo, "
    "bukan data resmi.",
    # How many related articles an article page shows.
    "PEMBACA_RELATED_COUNT": 3,
    # Who holds the event, for the Event and Dataset structured data; the
    # address is left out while empty.
    "PEMBACA_ORGANIZER": "Pemerintah Kabupaten Magetan",
    "PEMBACA_ORGANIZER_URL": "",
    # Twitter/X account of the office for `twitter:site`, e.g. "@humasmagetan".
    "PEMBACA_TWITTER_SITE": "",
}


SPEC = SettingsSpec(
    owner="plugin pembaca",
    where="plugins/pembaca/settings.py",
    prefixes=("PEMBACA_",),
    defaults=DEFAULTS,
)


def apply_defaults(settings):
    """Add missing defaults to `settings`; refuse unknown PEMBACA_ keys."""
    settings_kit.apply_defaults(settings, SPEC, SHARED)
