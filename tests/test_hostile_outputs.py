"""Hostile addresses: one registry of every output, no hijacked file.

Issue 14, defect 4 (a redirect over the nginx map, the theme's CSS, the
sitemap, robots.txt or the search bundle; an article saved as
sitemap.xml), part of defect 5 (a page slug equal to a KBK feed or a year
archive, an unknown `Template:`) and the weak spots of slugs with `?`,
`#`, `%` or spaces, Pelican's message about a path outside the output,
a hidden article's own tags and a missing `Category:`.
"""

import pytest

from conftest import invoke, soup
from hostile_kit import assert_cli_refuses, assert_refused, built, line_of
from sitecheck.run import check_site

REDIRECTS = "content/redirects.yaml"
REPORT = "content/berita/2015/gelar-budaya-kerja-2015.md"
TARGET = "/berita/2015/gelar-budaya-kerja-2015/"


def add_redirect(project, old, new=TARGET):
    with open(project / REDIRECTS, "a", encoding="utf-8") as handle:
        handle.write(f'  - from: "{old}"\n    to: "{new}"\n')
    return line_of(project, REDIRECTS, f'from: "{old}"')


def write_page(project, name, metadata):
    path = f"content/pages/{name}.md"
    (project / path).write_text(
        f"Title: Halaman {name}\n{metadata}\n\nIsi halaman.\n", encoding="utf-8"
    )
    return path


# -- defect 4: redirects over the site's own files -------------------------

OWN_FILES = {
    "/redirects.map": "peta nginx `GELAR_REDIRECTS_MAP_SAVE_AS`",
    "/redirects-query.map": "peta nginx `GELAR_REDIRECTS_QUERY_MAP_SAVE_AS`",
    "/sitemap.xml": "sitemap (plugin gelar)",
    "/robots.txt": "robots.txt (plugin gelar)",
    "/feeds/semua.atom.xml": "umpan `FEED_ALL_ATOM`",
    "/feeds/kategori/berita.atom.xml": "umpan kategori `Berita`",
    "/gelar/2015/hasil.csv": "data content/data/2015.yaml",
}


@pytest.mark.parametrize("address", OWN_FILES)
def test_a_redirect_over_a_generated_file_names_both_sources(project, address):
    line = add_redirect(project, address)
    assert_refused(
        project, REDIRECTS, line, "adalah halaman yang ada di situs", OWN_FILES[address]
    )


RESERVED = {
    "/theme/css/main.css": "/theme/",
    "/theme/": "/theme/",
    "/theme/css/main.css?v=2": "/theme/",
    "/pagefind/pagefind.js": "/pagefind/",
    "/pagefind/pagefind-entry.json?x=1": "/pagefind/",
}


@pytest.mark.parametrize("address", RESERVED)
def test_a_redirect_in_the_theme_or_search_folders_is_refused(project, address):
    line = add_redirect(project, address)
    owner = "berkas tema" if RESERVED[address] == "/theme/" else "indeks pencarian"
    assert_refused(project, REDIRECTS, line, f"folder `{RESERVED[address]}`", owner)


def test_a_query_redirect_on_a_site_file_is_refused(project):
    line = add_redirect(project, "/sitemap.xml?lama=1")
    assert_refused(project, REDIRECTS, line, "sitemap (plugin gelar)")


def test_redirect_from_metadata_cannot_take_the_theme_either(project):
    text = (project / REPORT).read_text(encoding="utf-8")
    text = text.replace("Title:", "Redirect-from: /theme/js/cari.js\nTitle:", 1)
    (project / REPORT).write_text(text, encoding="utf-8")
    assert_refused(project, REPORT, 1, "kolom `Redirect-from`", "folder `/theme/`")


@pytest.mark.slow
def test_the_nginx_map_stays_a_map_when_a_redirect_aims_at_it(project):
    before = (project / "output/redirects.map").read_text(encoding="utf-8")
    line = add_redirect(project, "/redirects.map")
    assert_cli_refuses(project, REDIRECTS, line, "peta nginx")
    assert (project / "output/redirects.map").read_text(encoding="utf-8") == before


# -- defect 4: content over generated files ----------------------------------

SAVED_OVER = {
    "sitemap.xml": "sitemap (plugin gelar)",
    "robots.txt": "robots.txt (plugin gelar)",
    "redirects.map": "peta nginx",
    "feeds/kategori/berita.atom.xml": "umpan kategori `Berita`",
    "gelar/2015/hasil.json": "data content/data/2015.yaml",
    "gelar/2015/bagikan.jpg": "gambar bagikan",
    "theme/css/main.css": "berkas tema",
    "pagefind/pagefind.js": "indeks pencarian",
}


@pytest.mark.parametrize("save_as", SAVED_OVER)
def test_a_page_saved_over_a_generated_file_names_both(project, save_as):
    path = write_page(project, "timpa", f"Save_as: {save_as}")
    assert_refused(project, path, 2, SAVED_OVER[save_as])


def test_a_page_slug_equal_to_a_kbk_feed_names_the_feed_and_the_page(project):
    path = write_page(project, "umpan", "Slug: feeds/kbk/cheerful.atom.xml")
    assert_refused(
        project,
        path,
        2,
        "berada di dalam `feeds/kbk/cheerful.atom.xml`",
        "umpan KBK `cheerful` content/data/",
    )


def test_a_page_slug_equal_to_a_year_archive_names_the_archive(project):
    path = write_page(project, "arsip", "Slug: berita/2015")
    assert_refused(project, path, 2, "arsip tahun 2015")


@pytest.mark.slow
def test_a_page_over_a_kbk_feed_fails_the_real_commands(project):
    path = write_page(project, "umpan", "Slug: feeds/kbk/cheerful.atom.xml")
    assert_cli_refuses(project, path, 2, "umpan KBK `cheerful`")


# -- defect 5 and weak spots: addresses and templates ------------------------


def test_an_unknown_template_is_refused_with_its_line(project):
    path = write_page(project, "templat", "Template: tidakada")
    assert_refused(project, path, 2, "kolom `Template`", "`tidakada` tidak ada di tema")


@pytest.mark.parametrize(
    ("slug", "shown"),
    [
        ("tanya?jawab", "`?`"),
        ("a#b", "`#`"),
        ("seratus%", "`%`"),
        ("dua kata", "spasi"),
    ],
)
def test_a_slug_that_is_no_address_is_refused_with_its_line(project, slug, shown):
    path = write_page(project, "alamat", f"Slug: {slug}")
    assert_refused(project, path, 2, "kolom `Slug`", f"memuat {shown}")


def test_a_save_as_outside_the_output_is_retold_with_its_line(project):
    path = write_page(project, "keluar", "Save_as: ../../keluar.html")
    assert_refused(project, path, 2, "kolom `Save_as`", "di luar folder output")


# -- weak spots: taxonomy ------------------------------------------------------


def test_a_hidden_article_does_not_link_to_tag_pages_that_are_never_written(project):
    (project / "content/berita/2016/rahasia.md").write_text(
        "Title: Rahasia\nDate: 2016-05-05 10:00\nCategory: Khusus\n"
        "Tags: sangat-khusus, budaya kerja\nStatus: hidden\n\nIsi.\n",
        encoding="utf-8",
    )
    built(project)
    page = soup(project / "output", "berita/2016/rahasia/")
    links = [a["href"] for a in page.select("article a")]
    assert "/tag/budaya-kerja/" in links
    assert not any("khusus" in href for href in links), links
    settings = {"PATH": str(project / "content")}
    found = check_site(project / "output", settings, html=False).findings
    assert found == [], found


def test_an_article_without_category_is_news_not_its_folder(project):
    (project / "content/berita/2016/tanpa-kategori.md").write_text(
        "Title: Tanpa Kategori\nDate: 2016-05-05 10:00\n\nIsi.\n", encoding="utf-8"
    )
    built(project)
    output = project / "output"
    assert not (output / "kategori/2016").exists()
    page = soup(output, "berita/2016/tanpa-kategori/")
    assert page.select_one('article .meta a[href="/kategori/berita/"]')


def test_the_demo_still_passes_validate(project):
    result = invoke(project, "validate")
    assert result.returncode == 0, result.stdout + result.stderr
