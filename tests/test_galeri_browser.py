"""The gallery in a real Chromium: lightbox, keyboard, swipe, no-JS, axe."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ALBUM = "/galeri/gelar-2016/"
PHONE = {"width": 360, "height": 740}


def open_photo(page, site_url, number):
    page.goto(site_url + ALBUM)
    links = page.locator("a.galeri-foto")
    expect(links).to_have_count(5)
    links.nth(number).click()
    dialog = page.locator("dialog.lightbox")
    expect(dialog).to_be_visible()
    return dialog, links


def shown_src(dialog):
    return dialog.locator("img.lightbox-img").evaluate("img => img.currentSrc")


def test_lightbox_opens_moves_with_arrows_and_returns_focus_on_escape(page, site_url):
    dialog, links = open_photo(page, site_url, 1)
    expect(dialog.locator(".lightbox-count")).to_have_text("Foto 2 dari 5")
    expect(dialog.locator(".lightbox-caption")).to_contain_text(
        "Presentasi KBK Cheerful (contoh)"
    )
    expect(dialog.locator(".lightbox-caption")).to_contain_text(
        "Foto: Humas Pemkab Magetan (contoh)"
    )
    page.wait_for_function(
        "() => document.querySelector('img.lightbox-img').complete"
        " && document.querySelector('img.lightbox-img').naturalWidth > 0"
    )
    assert "presentasi-kbk" in shown_src(dialog)
    # Focus is inside the dialog, on its close button.
    assert page.evaluate("document.activeElement.className") == "lightbox-close"

    page.keyboard.press("ArrowRight")
    expect(dialog.locator(".lightbox-count")).to_have_text("Foto 3 dari 5")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(dialog.locator(".lightbox-count")).to_have_text("Foto 1 dari 5")
    page.keyboard.press("ArrowLeft")  # wraps around to the last photo
    expect(dialog.locator(".lightbox-count")).to_have_text("Foto 5 dari 5")

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    # Focus returns to the photo that was shown last.
    expect(links.nth(4)).to_be_focused()


def test_focus_stays_inside_the_open_lightbox(page, site_url):
    dialog, _links = open_photo(page, site_url, 0)
    for _ in range(8):
        page.keyboard.press("Tab")
        inside = page.evaluate(
            "document.querySelector('dialog.lightbox')"
            ".contains(document.activeElement)"
            " || document.activeElement === document.body"
        )
        assert inside
    # The buttons work by keyboard too.
    dialog.locator(".lightbox-next").focus()
    page.keyboard.press("Enter")
    expect(dialog.locator(".lightbox-count")).to_have_text("Foto 2 dari 5")


def swipe(page, start, end, y):
    """A real one-finger touch swipe, sent through the DevTools protocol."""
    cdp = page.context.new_cdp_session(page)
    steps = [start + (end - start) * i / 6 for i in range(7)]
    cdp.send(
        "Input.dispatchTouchEvent",
        {"type": "touchStart", "touchPoints": [{"x": steps[0], "y": y}]},
    )
    for x in steps[1:]:
        cdp.send(
            "Input.dispatchTouchEvent",
            {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]},
        )
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def test_swipe_moves_between_photos(browser, site_url):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    dialog, _links = open_photo(page, site_url, 0)
    box = dialog.locator(".lightbox-figure").bounding_box()
    y = box["y"] + box["height"] / 2
    swipe(page, box["width"] * 0.8, box["width"] * 0.2, y)  # finger moves left
    expect(dialog.locator(".lightbox-count")).to_have_text("Foto 2 dari 5")
    swipe(page, box["width"] * 0.2, box["width"] * 0.8, y)
    expect(dialog.locator(".lightbox-count")).to_have_text("Foto 1 dari 5")
    expect(dialog).to_be_visible()
    context.close()


def test_without_javascript_a_photo_links_to_its_large_copy(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + ALBUM)
    expect(page.locator("dialog.lightbox")).to_be_hidden()
    page.locator("a.galeri-foto").first.click()
    page.wait_for_url("**/galeri/gelar-2016/foto/pembukaan-1600.jpg")
    size = page.evaluate(
        "[document.images[0].naturalWidth, document.images[0].naturalHeight]"
    )
    assert size == [1600, 1067]
    context.close()


@pytest.mark.parametrize(
    "path",
    [ALBUM, "/galeri/", "/berita/2017/hasil-gelar-budaya-kerja-2017/", "/kbk/formasi/"],
)
def test_axe_finds_no_serious_violation_on_gallery_pages(page, site_url, path):
    page.goto(site_url + path)
    results = Axe().run(page)
    serious = [
        (v["id"], [n["target"] for n in v["nodes"]])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], serious


def test_axe_finds_no_serious_violation_in_the_open_lightbox(page, site_url):
    open_photo(page, site_url, 2)
    results = Axe().run(page)
    serious = [
        v["id"]
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], serious
