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


def test_wide_results_table_scrolls_inside_its_own_box(page, site_url):
    page.set_viewport_size(PHONE)
    page.goto(site_url + "/gelar/2017/")
    region = page.locator(".table-wrap").first
    sizes = region.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert sizes[0] > sizes[1], "the table should be wider than the phone"
    # Keyboard users can reach the scrolling box and scroll it.
    region.focus()
    page.keyboard.press("ArrowRight")
    # Chromium animates keyboard scrolling, so wait for it rather than read at once;
    # a box that cannot scroll times out and fails.
    page.wait_for_function(
        "el => el.scrollLeft > 0", arg=region.element_handle(), timeout=5000
    )


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
