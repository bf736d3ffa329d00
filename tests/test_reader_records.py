"""Reader records in the built demo: feeds, structured data, share images
and the sitemap, checked against the YAML data and the built pages."""

import datetime
import json
import re
from pathlib import Path

import feedparser
import pytest
from demo_pages import (
    ADDRESS,
    article_paths,
    fragment_exists,
    ld_records,
    local,
    meta,
    year_data,
)
from PIL import Image

from conftest import soup
from pembaca.jsonld import script_json
from pembaca.shareimages import Card, CardCache

# Feeds --------------------------------------------------------------------


def test_every_feed_parses_cleanly_with_absolute_links(demo_site):
    feeds = sorted((demo_site / "feeds").rglob("*.atom.xml"))
    names = {str(path.relative_to(demo_site / "feeds")) for path in feeds}
    kbk_ids = {team["id"] for data in year_data().values() for team in data["teams"]}
    assert {f"gelar/{year}.atom.xml" for year in year_data()} <= names
    assert {f"kbk/{kbk}.atom.xml" for kbk in kbk_ids} <= names
    assert {"semua.atom.xml", "kategori/berita.atom.xml"} <= names
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.feed.language == "id", path
        for entry in parsed.entries:
            assert entry.link.startswith(ADDRESS + "/"), (path, entry.link)
            assert local(demo_site, entry.link).exists(), entry.link
            assert fragment_exists(demo_site, entry.link), entry.link
            assert entry.id.startswith("tag:127.0.0.1,"), entry.id


def test_kbk_feed_follows_exactly_the_news_on_the_kbk_page(demo_site):
    page = soup(demo_site, "kbk/formasi/")
    listed = {
        a["href"] for a in page.select("section[aria-labelledby=berita-kbk] h3 a")
    }
    link = page.find("link", type="application/atom+xml", href=re.compile("kbk"))
    parsed = feedparser.parse(local(demo_site, link["href"]).read_bytes())
    assert {entry.link[len(ADDRESS) :] for entry in parsed.entries} == listed
    assert len(listed) >= 2


def test_edition_feed_lists_the_editions_news(demo_site):
    parsed = feedparser.parse((demo_site / "feeds/gelar/2015.atom.xml").read_bytes())
    assert [e.link for e in parsed.entries] == [
        f"{ADDRESS}/berita/2015/gelar-budaya-kerja-2015/"
    ]


# Structured data -----------------------------------------------------------


def test_news_articles_carry_complete_newsarticle_records(demo_site):
    paths = article_paths(demo_site)
    assert len(paths) >= 6
    for path in paths:
        page = soup(demo_site, path)
        records = [r for r in ld_records(page) if r["@type"] == "NewsArticle"]
        assert len(records) == 1, path
        record = records[0]
        assert record["@context"] == "https://schema.org"
        assert record["headline"] == page.h1.get_text(strip=True)
        assert record["url"] == ADDRESS + path == meta(page, "og:url")
        assert datetime.datetime.fromisoformat(record["datePublished"])
        assert record["author"][0]["name"]
        assert record["publisher"]["name"]
        assert record["inLanguage"] == "id"
        for image in record["image"]:
            assert local(demo_site, image).exists(), image


@pytest.mark.parametrize("year", sorted(year_data()))
def test_edition_has_an_event_with_competitors_and_a_dataset(demo_site, year):
    data = year_data()[year]
    records = {r["@type"]: r for r in ld_records(soup(demo_site, f"gelar/{year}/"))}
    event = records["Event"]
    assert event["name"] == data["event"]["title"]
    assert event["startDate"] == data["event"]["date"].isoformat()
    assert event["location"]["name"] == data["event"]["venue"]
    assert event["location"]["address"]
    assert event["organizer"]["name"] == "Pemerintah Kabupaten Magetan"
    assert [c["name"] for c in event["competitor"]] == [
        t["name"] for t in data["teams"]
    ]
    for competitor, team in zip(event["competitor"], data["teams"], strict=True):
        assert competitor["parentOrganization"]["name"] == team["institution"]
        assert local(demo_site, competitor["url"]).exists()

    dataset = records["Dataset"]
    assert dataset["name"] and len(dataset["description"]) >= 50
    formats = {d["encodingFormat"]: d["contentUrl"] for d in dataset["distribution"]}
    assert set(formats) == {"text/csv", "application/json"}
    for url in formats.values():
        assert local(demo_site, url).is_file(), url
    downloaded = json.loads(local(demo_site, formats["application/json"]).read_text())
    assert downloaded["year"] == year


def test_kbk_page_has_an_organization_record(demo_site):
    record = ld_records(soup(demo_site, "kbk/cheerful/"))[0]
    assert record["@type"] == "Organization"
    assert record["name"] == "KBK Cheerful"
    assert record["url"] == f"{ADDRESS}/kbk/cheerful/"
    assert record["parentOrganization"]["name"] == "SMPN 2 Magetan"
    years = sorted(int(e["startDate"][:4]) for e in record["subjectOf"])
    expected = sorted(
        year
        for year, data in year_data().items()
        if any(t["id"] == "cheerful" for t in data["teams"])
    )
    assert years == expected


def test_json_ld_text_cannot_close_its_script_element():
    text = script_json({"headline": "</script><!-- & <b>"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(str(text)) == {"headline": "</script><!-- & <b>"}


# Share images ---------------------------------------------------------------


def test_articles_editions_and_kbks_have_1200x630_share_images(demo_site):
    pages = article_paths(demo_site)
    pages += [f"/gelar/{year}/" for year in year_data()]
    pages += ["/kbk/formasi/", "/kbk/cheerful/", "/"]
    for path in pages:
        page = soup(demo_site, path)
        image = meta(page, "og:image")
        assert meta(page, "twitter:image") == image
        assert meta(page, "twitter:card") == "summary_large_image"
        assert meta(page, "og:title")
        with Image.open(local(demo_site, image)) as opened:
            assert opened.size == (1200, 630), path


def test_share_images_are_drawn_once_and_redrawn_when_the_title_changes(tmp_path):
    cache = CardCache(str(tmp_path / "bagikan"))
    card = Card(
        "a/bagikan.jpg",
        "Judul Pertama",
        "Berita · 1 Oktober 2015",
        "Arsip",
        (1200, 630),
    )
    first = cache.get(card)
    assert cache.get(card) == first
    assert cache.drawn == 1
    changed = Card("a/bagikan.jpg", "Judul Kedua", card.label, "Arsip", (1200, 630))
    assert cache.get(changed) != first
    assert cache.drawn == 2

    again = CardCache(str(tmp_path / "bagikan"))  # the next build
    again.get(changed)
    again.prune()
    assert again.drawn == 0
    assert not Path(first).exists(), "a card no page uses is pruned"


# Sitemap ---------------------------------------------------------------------


def test_sitemap_parses_and_lists_every_indexable_page(demo_site):
    from lxml import etree

    tree = etree.parse(str(demo_site / "sitemap.xml"))  # raises if malformed
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = [loc.text for loc in tree.getroot().findall("s:url/s:loc", namespace)]
    assert len(listed) == len(set(listed))
    pages = set()
    for path in Path(demo_site).rglob("*.html"):
        robots = soup(demo_site, str(path.relative_to(demo_site))).find(
            "meta", attrs={"name": "robots"}
        )
        if robots and "noindex" in robots["content"]:
            continue
        address = "/" + str(path.relative_to(demo_site))
        pages.add(address.removesuffix("index.html"))
    assert set(listed) == pages
    assert {"/cari/", "/galeri/gelar-2016/", "/kbk/formasi/", "/gelar/2017/"} <= pages
    assert "/404.html" not in listed
    assert set(article_paths(demo_site)) <= set(listed)
