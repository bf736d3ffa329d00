"""Every setting of the gelar plugin, with its default, in one place.

The defaults are applied to Pelican's settings once, on `initialized`, so
that templates can read them like Pelican's own `*_URL` settings. A URL
pattern with an empty SAVE_AS turns that output off.
"""

from sitekit import settings as settings_kit
from sitekit.settings import SHARED, SettingsSpec

DEFAULTS = {
    # Folder of the yearly data files, relative to PATH (the content folder).
    "GELAR_DATA_PATH": "data",
    "GELAR_INDEX_URL": "gelar/",
    "GELAR_INDEX_SAVE_AS": "gelar/index.html",
    "GELAR_URL": "gelar/{year}/",
    "GELAR_SAVE_AS": "gelar/{year}/index.html",
    "GELAR_CSV_SAVE_AS": "gelar/{year}/hasil.csv",
    "GELAR_JSON_SAVE_AS": "gelar/{year}/hasil.json",
    # A small page of an edition's results for other sites to frame
    # (<iframe>): no menus, no script, `noindex`.
    "GELAR_EMBED_URL": "gelar/{year}/sematkan/",
    "GELAR_EMBED_SAVE_AS": "gelar/{year}/sematkan/index.html",
    # Every year at once, and the open data package that describes every
    # CSV and JSON download (Frictionless Data Package, with the tables of
    # editions, KBKs and institutions its keys refer to). The package's
    # own tables must sit in its folder: see docs/data.md.
    "GELAR_ALL_CSV_SAVE_AS": "data/hasil-semua.csv",
    "GELAR_ALL_JSON_SAVE_AS": "data/hasil-semua.json",
    "GELAR_DATAPACKAGE_SAVE_AS": "data/datapackage.json",
    "GELAR_EDITIONS_CSV_SAVE_AS": "data/gelar.csv",
    "GELAR_KBKS_CSV_SAVE_AS": "data/kbk.csv",
    "GELAR_INSTITUTIONS_CSV_SAVE_AS": "data/instansi.csv",
    "GELAR_RESULTS_SCHEMA_SAVE_AS": "data/hasil.schema.json",
    # The title of a correction in the edition's Atom feed.
    "GELAR_CORRECTION_TITLE": "Ralat: {title}",
    "KBK_INDEX_URL": "kbk/",
    "KBK_INDEX_SAVE_AS": "kbk/index.html",
    "KBK_URL": "kbk/{id}/",
    "KBK_SAVE_AS": "kbk/{id}/index.html",
    # A KBK's history across the years, as CSV and JSON.
    "KBK_CSV_SAVE_AS": "kbk/{id}/riwayat.csv",
    "KBK_JSON_SAVE_AS": "kbk/{id}/riwayat.json",
    "KBK_EMBED_URL": "kbk/{id}/sematkan/",
    "KBK_EMBED_SAVE_AS": "kbk/{id}/sematkan/index.html",
    # One page per school or office, with every KBK it sent.
    "INSTANSI_INDEX_URL": "instansi/",
    "INSTANSI_INDEX_SAVE_AS": "instansi/index.html",
    "INSTANSI_URL": "instansi/{id}/",
    "INSTANSI_SAVE_AS": "instansi/{id}/index.html",
    # Atom feeds of the news about one edition and about one KBK, so a
    # journalist can follow a single team; an empty value turns them off.
    "GELAR_FEED_ATOM": "feeds/gelar/{year}.atom.xml",
    "KBK_FEED_ATOM": "feeds/kbk/{id}.atom.xml",
    # Old addresses that redirect (relative to PATH), and the nginx map of
    # them written into the output (docs/operasi.md, "nginx").
    "GELAR_REDIRECTS_FILE": "redirects.yaml",
    "GELAR_REDIRECTS_MAP_SAVE_AS": "redirects.map",
    # Old dynamic addresses such as `/?p=123`, for nginx's $request_uri.
    "GELAR_REDIRECTS_QUERY_MAP_SAVE_AS": "redirects-query.map",
    # Every indexable page (no `noindex`) of the output, and robots.txt.
    "GELAR_SITEMAP_SAVE_AS": "sitemap.xml",
    "GELAR_ROBOTS_SAVE_AS": "robots.txt",
    # Link the first mention of each KBK in an article to the KBK's page.
    "GELAR_LINK_MENTIONS": True,
}

SPEC = SettingsSpec(
    owner="plugin gelar",
    where="plugins/gelar/settings.py",
    prefixes=("GELAR_", "KBK_", "INSTANSI_"),
    defaults=DEFAULTS,
)


def apply_defaults(settings):
    """Add missing defaults to `settings`; refuse unknown GELAR_/KBK_/INSTANSI_
    keys and the shared ones (licence, publisher, sample label)."""
    settings_kit.apply_defaults(settings, SPEC, SHARED)
