"""The reader's side in a real Chromium: search, keyboard, axe, small
screens, dark mode, print and the weight of an article page.

Served from the site built by `invoke build`, which runs Pagefind.
"""

import json
import re

import pytest
from playwright.sync_api import expect

from conftest import serious_violations, serving, soup

# One page of each type.
PAGE_TYPES = {
    "home": "/",
    "article": "/berita/2015/gelar-budaya-kerja-2015/",
    "archive": "/arsip/",
    "category": "/kategori/berita/",
    "tag": "/tag/budaya-kerja/",
    "edition": "/gelar/2017/",
    "kbk": "/kbk/formasi/",
    "album": "/galeri/gelar-2016/",
    "gallery": "/galeri/",
    "search": "/cari/",
    "404": "/404.html",
    "page": "/tentang/",
    "institution": "/instansi/badan-kepegawaian-daerah/",
    "embed": "/gelar/2017/sematkan/",
}
# An article without photos, for the page-weight budget.
LIGHT_ARTICLE = "/berita/2015/gelar-budaya-kerja-2015/"
BUDGET = 60 * 1024


@pytest.fixture(scope="module")
def built_site(built_project):
    return built_project / "output"


@pytest.fixture(scope="module")
def built_url(built_site):
    with serving(built_site) as url:
        yield url


def results(page):
    """Every result link, once the search has answered: past the first page
    of results, "Hasil lainnya" until none is left."""
    expect(page.locator("#status-cari")).to_contain_text(re.compile(r"\d+ hasil"))
    more = page.locator("#lagi-cari")
    while more.is_visible():
        shown = page.locator("#hasil-cari li").count()
        more.click()
        page.wait_for_function(
            "n => document.querySelectorAll('#hasil-cari li').length > n", arg=shown
        )
    return page.locator("#hasil-cari li h2 a").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)"
    )


def search(page, built_url, query=""):
    page.goto(f"{built_url}/cari/{query}")
    return results(page)


def page_text(built_site, path):
    return soup(built_site, path).find("article").get_text(" ")


def test_every_page_type_exists_in_the_build(built_site):
    # The Nu checker (test_html_validity) runs over every page of the demo,
    # so each of these types is validated there.
    for path in PAGE_TYPES.values():
        file = built_site / path.lstrip("/")
        assert (file / "index.html" if path.endswith("/") else file).is_file()


@pytest.mark.browser
def test_laksana_finds_an_article_that_says_pelaksanaan(page, built_url, built_site):
    found = search(page, built_url, "?q=laksana")
    articles = [path for path in found if path.startswith("/berita/")]
    assert articles, found
    stemmed = [
        path
        for path in articles
        if "pelaksanaan" in page_text(built_site, path).lower()
        and not re.search(r"\blaksana\b", page_text(built_site, path), re.I)
    ]
    assert stemmed, "only Indonesian stemming links laksana to pelaksanaan"


@pytest.fixture(scope="module")
def parts_url(tmp_path_factory):
    """The demo indexed in parts of 5 pages, as a large archive would be."""
    from conftest import copy_project, invoke

    project = copy_project(tmp_path_factory.mktemp("bagian") / "project")
    with open(project / "pelicanconf.py", "a", encoding="utf-8") as handle:
        handle.write("\nPEMBACA_SEARCH_PAGES_PER_BUNDLE = 5\n")
    result = invoke(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    with serving(project / "output") as url:
        yield url, project / "output"


@pytest.mark.slow
@pytest.mark.browser
def test_an_index_in_parts_finds_what_one_index_finds(page, built_url, parts_url):
    url, site = parts_url
    parts = sorted(p.name for p in site.iterdir() if p.name.startswith("pagefind"))
    assert len(parts) >= 4, parts
    listed = json.loads((site / "pagefind/bagian.json").read_text(encoding="utf-8"))
    assert sorted(listed) == sorted(f"../{name}/" for name in parts[1:])
    # The search page shows the first 30 results, chosen by rank, which
    # differs a little between one index and parts: each query must find
    # fewer for both lists to be whole ("budaya" alone now finds more).
    for query in ("?q=laksana", "?q=formasi", "?q=budaya&tahun=2017"):
        whole = search(page, built_url, query)
        in_parts = search(page, url, query)
        assert len(whole) < 30, query
        assert sorted(in_parts) == sorted(whole), query
    found = set(search(page, url, "?q=budaya&tahun=2017"))
    # From several parts: the parts hold the pages in path order.
    assert len({path.split("/")[1] for path in found}) >= 4, found


@pytest.mark.browser
def test_filters_narrow_the_results(page, built_url, built_site):
    everything = search(page, built_url, "?q=laksana")
    page.select_option("#saring-tahun", "2015")
    expect(page).to_have_url(re.compile(r"tahun=2015"))
    page.wait_for_function(
        "n => document.querySelectorAll('#hasil-cari li').length < n",
        arg=len(everything),
    )
    in_2015 = results(page)
    assert 0 < len(in_2015) < len(everything)
    for path in in_2015:
        marks = soup(built_site, path).select("[data-pagefind-filter^='tahun:']")
        assert "tahun:2015" in {m["data-pagefind-filter"] for m in marks}, path

    page.select_option("#saring-jenis", "berita")
    page.wait_for_function("document.querySelectorAll('#hasil-cari li').length === 1")
    assert results(page) == ["/berita/2015/gelar-budaya-kerja-2015/"]

    kbk_pages = search(page, built_url, "?jenis=kbk")
    assert kbk_pages and all(p.startswith("/kbk/") for p in kbk_pages)


@pytest.mark.browser
def test_sample_pages_are_marked_in_search_results(page, built_url, built_site):
    found = search(page, built_url, "?jenis=instansi")
    assert len(found) > 5 and all(p.startswith("/instansi/") for p in found)
    marked = page.locator("#hasil-cari li").evaluate_all(
        "items => items.map(li => [new URL(li.querySelector('a').href).pathname,"
        " li.querySelector('.badge-sample')?.textContent || ''])"
    )
    for path, badge in marked:
        sample = soup(built_site, path).find(attrs={"data-pagefind-meta": "sample:1"})
        assert badge == ("contoh" if sample else ""), path
    assert any(badge for _path, badge in marked)
    assert not all(badge for _path, badge in marked)


@pytest.mark.browser
def test_keyboard_alone_reaches_the_search_box_and_a_result(page, built_url):
    page.goto(built_url + "/")

    def tab_to(check, limit=40):
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(check):
                return
        pytest.fail(f"Tab never reached: {check}")

    # The header's search box, on every page, asks the search page.
    tab_to("document.activeElement.id === 'cari-atas'")
    page.keyboard.type("laksana")
    page.keyboard.press("Enter")
    page.wait_for_url("**/cari/?q=laksana")
    results(page)
    assert page.evaluate("document.getElementById('kata').value") == "laksana"
    tab_to("!!document.activeElement.closest('#hasil-cari a')")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused result shows a focus ring"
    target = page.evaluate("document.activeElement.pathname")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + target)


@pytest.mark.browser
def test_without_javascript_search_points_to_the_archive(browser, built_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(built_url + "/cari/")
    notice = page.locator("p.notice")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("JavaScript")
    notice.get_by_role("link").first.click()
    page.wait_for_url("**/arsip/")
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_axe_finds_no_serious_violation(page, built_url, kind):
    page.goto(built_url + PAGE_TYPES[kind] + ("?q=laksana" if kind == "search" else ""))
    if kind == "search":
        results(page)
    assert serious_violations(page) == []


@pytest.mark.browser
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_dark_mode_keeps_aa_contrast(browser, built_url, kind):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(built_url + PAGE_TYPES[kind] + ("?q=laksana" if kind == "search" else ""))
    if kind == "search":
        results(page)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(15, 23, 32)", "the dark theme follows the system"
    options = {"runOnly": {"type": "rule", "values": ["color-contrast"]}}
    assert serious_violations(page, options=options) == []
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_sideways_scroll_at_320px(page, built_url, kind):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(built_url + PAGE_TYPES[kind])
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{kind} scrolls sideways by {overflow}px"


@pytest.mark.browser
def test_article_without_photos_weighs_under_60kb_and_blocks_on_no_script(
    page, built_url
):
    page.goto(built_url + LIGHT_ARTICLE, wait_until="load")
    assert page.locator("article img").count() == 0
    entries = page.evaluate(
        """() => [...performance.getEntriesByType('navigation'),
                 ...performance.getEntriesByType('resource')].map(e => ({
            name: e.name, type: e.initiatorType, bytes: e.transferSize,
            blocking: e.renderBlockingStatus}))"""
    )
    total = sum(entry["bytes"] for entry in entries)
    assert all(entry["bytes"] > 0 for entry in entries), entries  # not cached
    assert total <= BUDGET, f"{total} bytes: {entries}"
    blocking_scripts = [
        e["name"]
        for e in entries
        if e["type"] == "script" and e["blocking"] != "non-blocking"
    ]
    assert blocking_scripts == []
    head_scripts = page.locator(
        "head script[src]:not([defer]):not([async]):not([type=module])"
    )
    assert head_scripts.count() == 0


@pytest.mark.browser
def test_results_print_on_a4_without_navigation_with_the_full_table(page, built_url):
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    page.goto(built_url + "/gelar/2017/")
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".breadcrumbs")).to_be_hidden()
    address = page.locator(".print-url")
    expect(address).to_be_visible()
    expect(address).to_contain_text("/gelar/2017/")
    wrap = page.locator(".table-wrap").first
    sizes = wrap.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert sizes[0] <= sizes[1], "the whole table fits the printed page"
    rows = page.locator("table.results tbody tr").count()
    assert rows == 8
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
