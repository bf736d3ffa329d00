"""A Pelican site with every feature the parallel plugin must leave alone.

Pelican's own theme and no plugin but the one under test: translations,
`{attach}` links to PDFs and text files in published, hidden and draft
articles and pages and in translations, `{static}` and `{filename}` links,
footnotes, pagination, every direct template, period archives, and feeds
(`feeds=False` turns every feed off). Enough articles and pages for the
workers to start (plugins/parallel: 40 files or pages).
"""

from pathlib import Path

ARTICLES = 48
PAGES = 44

SETTINGS = """\
AUTHOR = "Humas"
SITENAME = "Situs Fitur"
SITEURL = ""
PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["articles", "pages", "files"]
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "en"
DEFAULT_PAGINATION = 4
ARTICLE_URL = "{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{slug}/index.html"
ARTICLE_LANG_URL = "{date:%Y}/{slug}-{lang}/"
ARTICLE_LANG_SAVE_AS = "{date:%Y}/{slug}-{lang}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = "drafts/{slug}/index.html"
DRAFT_PAGE_URL = "drafts/pages/{slug}/"
DRAFT_PAGE_SAVE_AS = "drafts/pages/{slug}/index.html"
YEAR_ARCHIVE_SAVE_AS = "{date:%Y}/index.html"
MONTH_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/index.html"
DIRECT_TEMPLATES = ["index", "tags", "categories", "authors", "archives"]
MARKDOWN = {
    "extensions": ["markdown.extensions.footnotes", "markdown.extensions.extra"],
    "output_format": "html5",
}
"""

FEEDS = """\
FEED_DOMAIN = "https://example.org"
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
TAG_FEED_ATOM = "feeds/tag-{slug}.atom.xml"
TRANSLATION_FEED_ATOM = "feeds/all-{lang}.atom.xml"
AUTHOR_FEED_ATOM = "feeds/author-{slug}.atom.xml"
"""

NO_FEEDS = """\
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
"""


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _article(number):
    """(file name, text) of article `number`; every kind in turn."""
    kind = ("published", "published", "published", "hidden", "draft")[number % 5]
    status = "" if kind == "published" else f"Status: {kind}\n"
    month = number % 12 + 1
    links = (
        f"Unduh [laporan {number}]({{attach}}lampiran/laporan-{number}.pdf) "
        f"dan [catatan]({{attach}}catatan-{number}.txt).\n\n"
        f"Lihat juga [berita sebelumnya]({{filename}}a{max(number - 1, 0):03d}.md) "
        "dan [logo]({static}/files/logo.txt).\n"
    )
    date = f"20{20 + number % 4}-{month:02d}-0{number % 9 + 1} 10:{number % 60:02d}"
    text = (
        f"Title: Berita {number}\nDate: {date}\n"
        f"Category: {('Kabar', 'Hasil', 'Profil')[number % 3]}\n"
        f"Tags: tag{number % 4}, umum\nSlug: berita-{number}\n{status}\n"
        f"Isi berita {number} dengan catatan kaki.[^1] {links}\n"
        f"[^1]: Catatan kaki berita {number}.\n"
    )
    return f"a{number:03d}.md", text


def _translation(number):
    text = (
        f"Title: News {number}\nDate: 2021-01-0{number % 9 + 1} 09:00\n"
        f"Slug: berita-{number}\nLang: id\nCategory: Kabar\n\n"
        f"Terjemahan dengan [lampiran]({{attach}}terjemahan-{number}.pdf).\n"
    )
    return f"a{number:03d}-id.md", text


def _page(number):
    kind = ("published", "published", "hidden", "draft")[number % 4]
    status = "" if kind == "published" else f"Status: {kind}\n"
    text = (
        f"Title: Halaman {number}\nSlug: halaman-{number}\n{status}\n"
        f"Dokumen [SK {number}]({{attach}}sk-{number}.pdf), "
        f"[arsip]({{attach}}../files/arsip-{number}.txt).\n"
    )
    return f"p{number:03d}.md", text


def make_site(folder, feeds=True):
    """Write the site into `folder`; returns the settings file's path."""
    folder = Path(folder)
    content = folder / "content"
    for number in range(ARTICLES):
        name, text = _article(number)
        _write(content / "articles" / name, text)
        report = content / "articles" / "lampiran" / f"laporan-{number}.pdf"
        _write(report, f"%PDF {number}\n")
        _write(content / "articles" / f"catatan-{number}.txt", f"catatan {number}\n")
    for number in range(0, ARTICLES, 6):
        name, text = _translation(number)
        _write(content / "articles" / name, text)
        _write(content / "articles" / f"terjemahan-{number}.pdf", f"%PDF id {number}\n")
    for number in range(PAGES):
        name, text = _page(number)
        _write(content / "pages" / name, text)
        _write(content / "pages" / f"sk-{number}.pdf", f"%PDF sk {number}\n")
        _write(content / "files" / f"arsip-{number}.txt", f"arsip {number}\n")
    _write(content / "files" / "logo.txt", "logo\n")
    settings = folder / "pelicanconf.py"
    _write(settings, SETTINGS + (FEEDS if feeds else NO_FEEDS))
    return settings
