"""Issue 15 in the built demo's HTML: the header on every page, the
publisher's identity, share links, pictures in lists, search marks and
authors. What only a browser can judge (sizes, stacking, the menu) is in
test_phones_browser.py.
"""

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from demo_pages import ADDRESS, ld_records, meta, year_data
from PIL import Image

from conftest import soup

SITENAME = "Arsip Gelar Budaya Kerja Kabupaten Magetan"
# (section, its own page, a page below it) as the header's menu names them.
SECTIONS = [
    ("Berita", "/arsip/", "/berita/2015/gelar-budaya-kerja-2015/"),
    ("Berita", "/arsip/", "/kategori/berita/"),
    ("Berita", "/arsip/", "/tag/budaya-kerja/"),
    ("Berita", "/arsip/", "/berita/2017/"),
    ("Gelar", "/gelar/", "/gelar/2015/"),
    ("KBK", "/kbk/", "/kbk/cheerful/"),
    ("Instansi", "/instansi/", "/instansi/smpn-2-magetan/"),
    ("Galeri", "/galeri/", "/galeri/gelar-2016/"),
]
SHARED = [
    "/berita/2017/hasil-gelar-budaya-kerja-2017/",
    "/berita/2015/gelar-budaya-kerja-2015/",
    "/gelar/2017/",
    "/gelar/2015/",
    "/kbk/cheerful/",
    "/galeri/gelar-2017/",
]


def pages(site):
    """Every HTML page of a site as its address."""
    for path in sorted(Path(site).rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        yield "/" + relative.removesuffix("index.html")


def is_full_page(page):
    """A page of the site with its header (not a redirect or an embed)."""
    return page.find("header", class_="site-header") is not None


def menu_marks(page):
    return {
        a.get_text(strip=True): a.get("aria-current")
        for a in page.select(".site-nav a")
    }


@pytest.mark.parametrize("name, index, below", SECTIONS)
def test_the_menu_marks_its_section_on_every_page_below_it(
    demo_site, name, index, below
):
    marks = menu_marks(soup(demo_site, index))
    assert marks[name] == "page"
    marks = menu_marks(soup(demo_site, below))
    assert marks[name] == "true", below
    assert [key for key, value in marks.items() if value] == [name], below


def test_home_and_search_pages_mark_no_section(demo_site):
    for path in ("/", "/cari/", "/404.html"):
        assert not any(menu_marks(soup(demo_site, path)).values()), path


def test_every_page_has_a_search_box_that_asks_the_search_page(demo_site):
    checked = 0
    for path in pages(demo_site):
        page = soup(demo_site, path)
        if not is_full_page(page) or path == "/cari/":
            continue
        form = page.select_one(".site-header form[role=search]")
        assert form is not None, path
        assert (form["action"], form["method"]) == ("/cari/", "get"), path
        field = form.find("input", attrs={"name": "q"})
        assert field["type"] == "search"
        assert form.find("label", attrs={"for": field["id"]}), "labelled"
        checked += 1
    assert checked > 50
    # The search page has its own box only: one form, one `q`.
    search = soup(demo_site, "/cari/")
    assert len(search.select("input[name=q]")) == 1


def test_the_home_page_names_the_site_once(demo_site):
    page = soup(demo_site, "/")
    assert page.body.get_text(" ").count(SITENAME) == 1
    assert SITENAME in page.select_one(".site-header").get_text(" ")
    assert page.h1.get_text(strip=True) != SITENAME


def test_the_footer_names_the_publisher_and_leaves_out_empty_contacts(demo_site):
    footer = soup(demo_site, "/gelar/2015/").select_one(".site-footer")
    text = footer.get_text(" ", strip=True)
    assert "Pemerintah Kabupaten Magetan" in text
    assert "Dikelola oleh Humas Pemkab Magetan" in text
    assert footer.find("a", rel="license")["href"].startswith("https://creativecommons")
    # The demo's settings give no address, phone, e-mail or social account.
    assert footer.find("address") is None
    assert footer.select(".footer-social") == []


def test_news_and_data_name_the_publisher_with_its_logo(demo_site):
    site = Path(demo_site)
    (record,) = ld_records(soup(site, "/berita/2015/gelar-budaya-kerja-2015/"))
    publisher = record["publisher"]
    assert publisher["name"] == "Humas Pemkab Magetan"
    assert publisher["parentOrganization"]["name"] == "Pemerintah Kabupaten Magetan"
    logo = publisher["logo"]
    assert logo["url"] == f"{ADDRESS}/icon-512.png"
    with Image.open(site / "icon-512.png") as image:
        assert image.size == (logo["width"], logo["height"]) == (512, 512)
    # The office wrote it: the author is the publisher itself.
    assert record["author"] == [publisher]
    dataset = ld_records(soup(site, "/gelar/2017/"))[1]
    assert dataset["publisher"] == publisher
    (home,) = ld_records(soup(site, "/"))
    website = home["@graph"][0]
    assert website["publisher"] == publisher
    target = website["potentialAction"]["target"]["urlTemplate"]
    assert target == f"{ADDRESS}/cari/?q={{kata}}"


def share_targets(page):
    """{service: (address shared, text shared)} of a page's share links."""
    found = {}
    for link in page.select(".share-links a"):
        query = parse_qs(urlsplit(link["href"]).query)
        service = link["data-service"]
        if service == "whatsapp":
            text, address = query["text"][0].rsplit(" ", 1)
        elif service == "facebook":
            text, address = None, query["u"][0]
        elif service == "email":
            text, address = query["body"][0].split("\n")
            assert query["subject"] == [text]
        else:  # x, telegram
            text, address = query["text"][0], query["url"][0]
        found[service] = (address, text)
    return found


@pytest.mark.parametrize("path", SHARED)
def test_share_links_carry_the_canonical_address_and_the_title(demo_site, path):
    page = soup(demo_site, path)
    canonical = ADDRESS + page.find("link", rel="canonical")["href"]
    # The page's title as it shares it anyway, marked when it is sample data.
    title = meta(page, "og:title")
    if page.find(attrs={"data-pagefind-meta": "sample:1"}):
        title += " (contoh)"
    targets = share_targets(page)
    assert set(targets) == {"whatsapp", "facebook", "x", "telegram", "email"}
    for service, (address, text) in targets.items():
        assert address == canonical, service
        assert text in (None, title), (service, text)
    hrefs = [a["href"] for a in page.select(".share-links a")]
    assert all(" " not in href and "\n" not in href for href in hrefs), "encoded"
    # The copy and share-sheet buttons wait for the script.
    for button in page.select(".share-links button"):
        assert button.find_parent("li").has_attr("hidden")


def test_no_page_loads_a_script_from_elsewhere(demo_site):
    for path in pages(demo_site):
        for script in soup(demo_site, path).find_all("script", src=True):
            assert script["src"].startswith("/theme/js/"), (path, script["src"])


def picture_of(item):
    return item.select_one("picture.thumb")


def test_lists_show_lead_images_small_and_never_an_empty_box(demo_site):
    items = soup(demo_site, "/").select(".article-list li")
    with_picture = {
        item.a["href"]: picture_of(item) for item in items if picture_of(item)
    }
    # Its own photo, `Image:` and its album's cover; 2015 has no picture.
    assert set(with_picture) == {
        "/berita/2016/juara-gelar-budaya-kerja-2016/",
        "/berita/2017/pengumuman-gelar-budaya-kerja-2017/",
        "/berita/2017/hasil-gelar-budaya-kerja-2017/",
    }
    for href, picture in with_picture.items():
        img = picture.img
        assert img["alt"] == "" and int(img["width"]) <= 480, href
        assert int(img["height"]) > 0
        for width in (160, 320, 480):
            assert f"-kecil-{width}.webp {width}w" in picture.source["srcset"]
    lazy = [picture.img.get("loading") for picture in with_picture.values()]
    assert "lazy" in lazy
    without = [item for item in items if not picture_of(item)]
    assert without and all(item.find("img") is None for item in without)
    related = soup(demo_site, "/berita/2017/profil-kbk-formasi/").select(
        ".related-list li"
    )
    assert any(picture_of(item) for item in related)


def test_search_sees_only_a_pages_own_words(demo_site):
    page = soup(demo_site, "/kbk/kanesma/")
    body = page.select_one("[data-pagefind-body]")
    news = page.select_one("#berita-kbk").find_parent("section")
    assert news.has_attr("data-pagefind-ignore")
    edition = soup(demo_site, "/gelar/2016/").select_one("#berita-gelar")
    assert edition.find_parent("section").has_attr("data-pagefind-ignore")
    when = body.select_one("[data-pagefind-meta^='when']")
    assert when["data-when"] == ", ".join(
        str(year)
        for year, data in sorted(year_data().items())
        if any(team["id"] == "kanesma" for team in data["teams"])
    )
    article = soup(demo_site, "/berita/2017/hasil-gelar-budaya-kerja-2017/")
    thumb = article.select_one("[data-pagefind-meta^='thumb']")
    assert thumb["data-src"].endswith("presentasi-kecil-320.jpg")
    assert thumb["data-width"] == "320"


def test_authors_are_text_with_no_author_pages(demo_site):
    """One office writes everything (docs/panduan-editor.md): no author
    pages, so no link to one."""
    page = soup(demo_site, "/berita/2015/gelar-budaya-kerja-2015/")
    meta = page.select_one(".article header .meta")
    assert "Humas Pemkab Magetan" in meta.get_text()
    assert all("Humas" not in a.get_text() for a in meta.find_all("a"))
    assert not (Path(demo_site) / "author").exists()
    assert not (Path(demo_site) / "penulis").exists()


def test_the_publishers_contact_settings_are_checked():
    from sitekit.identity import problems, tel_href
    from sitekit.settings import setting_problem

    good = {
        "PUBLISHER_EMAIL": "humas@contoh.go.id",
        "PUBLISHER_PHONE": "(0351) 123456",
        "PUBLISHER_URL": "https://contoh.go.id/",
        "PUBLISHER_SOCIAL": [("Instagram", "https://www.instagram.com/akun")],
        "PUBLISHER_ADDRESS": "Jl. Contoh 1, Magetan",
    }
    assert list(problems(good, setting_problem)) == []
    bad = {
        "PUBLISHER_EMAIL": "humas di contoh.go.id",
        "PUBLISHER_PHONE": "telepon kantor",
        "PUBLISHER_URL": "contoh.go.id",
        "PUBLISHER_SOCIAL": [("Instagram",)],
        "PUBLISHER_ADDRESS": ["Jl. Contoh 1"],
    }
    found = {p.field: p.message for p in problems(bad, setting_problem)}
    assert set(found) == set(bad)
    assert "bukan alamat e-mail" in found["PUBLISHER_EMAIL"]
    assert tel_href("(0351) 123-456") == "tel:0351123456"


def test_tables_in_article_text_name_each_cell_by_its_column():
    from pembaca.tables import stack_tables

    html = (
        "<p>x</p><table><thead><tr><th>No</th><th colspan=2>Nama</th>"
        "<th>Nilai</th></tr></thead><tbody><tr><td>1</td><td>KBK A</td>"
        "<td>SMPN 1</td><td>84,0</td></tr><tr><td colspan=3>Jumlah</td>"
        "<td>84,0</td></tr></tbody></table>"
    )
    table = BeautifulSoup(stack_tables(html), "html.parser").table
    assert table["class"] == ["stack"]
    labels = [[td.get("data-label") for td in tr("td")] for tr in table.tbody("tr")]
    assert labels == [["No", "Nama", "Nama", "Nilai"], ["No", "Nilai"]]
    # No header row: left as written; no table: the same text back.
    bare = "<table><tr><td>a</td></tr></table>"
    assert stack_tables(bare) == bare
    assert stack_tables("<p>teks</p>") == "<p>teks</p>"
