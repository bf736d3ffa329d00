"""What a resident sees on a cheap phone, in a real Chromium."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 640}
PAGES = [
    "/",
    "/gelar/",
    "/gelar/2017/",
    "/gelar/2015/",
    "/kbk/",
    "/kbk/formasi/",
    "/berita/2015/gelar-budaya-kerja-2015/",
    "/arsip/",
]


@pytest.mark.parametrize("path", PAGES)
def test_pages_fit_a_320px_screen(page, site_url, path):
    page.set_viewport_size(PHONE)
    page.goto(site_url + path)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
    assert page.locator("h1").first.is_visible()


def test_results_table_fits_a_320px_screen_without_a_scroll_box(page, site_url):
    """Issue 15: the table no longer scrolls inside a box that hides score,
    award and province; each row stacks, every cell on the screen
    (every page type and width: test_phones_browser.py)."""
    page.set_viewport_size(PHONE)
    page.goto(site_url + "/gelar/2017/")
    region = page.locator(".table-wrap").first
    sizes = region.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert sizes[0] <= sizes[1], "nothing scrolls out of sight"
    rights = page.locator(
        "table.results tbody td, table.results tbody th"
    ).evaluate_all("cells => cells.map(c => c.getBoundingClientRect().right)")
    assert max(rights) <= PHONE["width"]
    expect(page.locator("table.results tbody tr").first).to_contain_text("Juara I")


def test_skip_link_is_first_and_moves_focus_to_the_content(page, site_url):
    page.goto(site_url + "/gelar/2015/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Langsung ke isi"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#isi$"))


def test_clicking_a_kbk_in_the_results_opens_its_history(page, site_url):
    page.goto(site_url + "/gelar/2017/")
    page.get_by_role("link", name="KBK Formasi").first.click()
    page.wait_for_url("**/kbk/formasi/")
    assert page.locator("h1").inner_text() == "KBK Formasi"
    years = page.locator("table.history tbody th").all_inner_texts()
    assert [y.split()[0] for y in years] == ["2017", "2016", "2015"]


def test_an_old_address_lands_on_the_new_page(page, site_url):
    page.goto(site_url + "/2015/09/30/gelar-budaya-kerja-2015/")
    page.wait_for_url("**/berita/2015/gelar-budaya-kerja-2015/")
    assert page.locator("link[rel=canonical]").count() == 1
    assert "Gelar Budaya Kerja" in page.locator("h1").inner_text()
    assert "sudah pindah" not in page.content()


def test_a_kbk_history_link_lands_on_its_highlighted_row(page, site_url):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + "/kbk/formasi/")
    page.locator("table.history tbody th a", has_text="2017").click()
    page.wait_for_url("**/gelar/2017/#kbk-formasi")
    row = page.locator("tr#kbk-formasi")
    assert row.evaluate("el => el.matches(':target')")
    expect(row).to_be_in_viewport()
    background = row.evaluate("el => getComputedStyle(el).backgroundColor")
    other = page.locator("tr#kbk-cheerful").evaluate(
        "el => getComputedStyle(el).backgroundColor"
    )
    assert background != other, "the targeted row is lit up"
    assert "KBK Formasi" in row.inner_text()


def test_citation_is_dated_today_and_copied_with_the_row_address(browser, site_url):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    page.goto(site_url + "/gelar/2016/")
    today = page.evaluate(
        "new Date().toLocaleDateString('id', {day: 'numeric', month: 'long',"
        " year: 'numeric'})"
    )
    citation = page.locator("#teks-kutipan")
    expect(citation).to_contain_text(f"Diakses {today}.")
    page.get_by_role("button", name="Salin kutipan").click()
    expect(page.locator(".copy-status")).to_have_text("Kutipan disalin")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith(f"/gelar/2016/. Diakses {today}.")
    assert copied.startswith("Humas Pemkab Magetan (2016).")

    page.get_by_role("link", name="Tautan ke baris KBK Cheerful").click()
    page.wait_for_url("**/gelar/2016/#kbk-cheerful")
    expect(page.locator(".copy-status")).to_have_text("Tautan disalin")
    assert page.evaluate("navigator.clipboard.readText()") == page.url
    context.close()


def test_without_javascript_the_citation_asks_for_the_date(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/kbk/formasi/")
    expect(page.locator("#teks-kutipan")).to_contain_text(
        "Diakses [tanggal Anda membacanya]."
    )
    expect(page.get_by_role("button", name="Salin kutipan")).to_be_hidden()
    expect(page.get_by_role("link", name="BibTeX")).to_be_visible()
    context.close()
