"""Every setting of the gelar plugin, with its default, in one place.

The defaults are applied to Pelican's settings once, on `initialized`, so
that templates can read them like Pelican's own `*_URL` settings. A URL
pattern with an empty SAVE_AS turns that output off.
"""

from sitekit import settings as settings_kit
from sitekit.settings import SettingsSpec

DEFAULTS = {
    # Folder of the yearly data files, relative to PATH (the content folder).
    "GELAR_DATA_PATH": "data",
    "GELAR_INDEX_URL": "gelar/",
    "GELAR_INDEX_SAVE_AS": "gelar/index.html",
    "GELAR_URL": "gelar/{year}/",
    "GELAR_SAVE_AS": "gelar/{year}/index.html",
    "GELAR_CSV_SAVE_AS": "gelar/{year}/hasil.csv",
    "GELAR_JSON_SAVE_AS": "gelar/{year}/hasil.json",
    "GELAR_ALL_CSV_SAVE_AS": "data/hasil-semua.csv",
    "KBK_INDEX_URL": "kbk/",
    "KBK_INDEX_SAVE_AS": "kbk/index.html",
    "KBK_URL": "kbk/{id}/",
    "KBK_SAVE_AS": "kbk/{id}/index.html",
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
    prefixes=("GELAR_", "KBK_"),
    defaults=DEFAULTS,
)


def apply_defaults(settings):
    """Add missing defaults to `settings`; refuse unknown GELAR_/KBK_ keys."""
    settings_kit.apply_defaults(settings, SPEC)
