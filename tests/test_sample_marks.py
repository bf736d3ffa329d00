"""Sample data is marked wherever it shows: a walker over the built demo.

Which pages are sample data is worked out here from the sources alone
(the year files, the articles' `Sample:` line, album.yaml), never from the
built pages: an edition with `sample: true`, a KBK or an institution that
appears only in such years, a sample article or album. Then every link to
one of those pages, on every page, must carry the "contoh" badge, and so
must every result row of a sample year; a page of real data that links
to nothing sample carries none.
"""

import csv
import io
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup
from demo_pages import institution_id, year_data
from PIL import Image

from conftest import ROOT, soup

BADGE = "badge-sample"
# The element a badge may share with its link when it does not follow it
# directly: the line, row or item the link stands in.
CONTAINERS = ("li", "tr", "p", "h1", "h2", "h3", "h4", "dd", "caption", "figcaption")


def sample_years():
    return {year for year, data in year_data().items() if data.get("sample")}


def _only_in_sample(key):
    """Ids (by `key(team)`) that appear in sample years and no other."""
    years = {}
    for year, data in year_data().items():
        for team in data["teams"]:
            years.setdefault(key(team), set()).add(year)
    return {item for item, found in years.items() if found <= sample_years()}


def _sample_articles(site):
    """Built addresses of the articles whose source says `Sample: true`."""
    titles = set()
    for path in (ROOT / "content/berita").rglob("*.md"):
        head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        if re.search(r"^Sample:\s*(true|ya|yes|1)\s*$", head, re.I | re.M):
            titles.add(re.search(r"^Title:\s*(.+)$", head, re.M)[1].strip())
    found = set()
    for page in Path(site).glob("berita/*/*/index.html"):
        h1 = soup(site, str(page.relative_to(site))).h1.get_text(strip=True)
        if h1 in titles:
            found.add("/" + str(page.parent.relative_to(site)) + "/")
    assert len(found) == len(titles) >= 5
    return found


def sample_pages(site):
    """Site addresses of every page of sample data, from the sources."""
    pages = set()
    for year in sample_years():
        pages |= {f"/gelar/{year}/", f"/gelar/{year}/sematkan/"}
    for kbk in _only_in_sample(lambda team: team["id"]):
        pages |= {f"/kbk/{kbk}/", f"/kbk/{kbk}/sematkan/"}
    pages |= {f"/instansi/{i}/" for i in _only_in_sample(institution_id)}
    for album in (ROOT / "content/galeri").glob("*/album.yaml"):
        if yaml.safe_load(album.read_text(encoding="utf-8")).get("sample"):
            pages.add(f"/galeri/{album.parent.name}/")
    return pages | _sample_articles(site)


def html_pages(site):
    for path in sorted(Path(site).rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        address = "/" + relative.removesuffix("index.html")
        yield address, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_address(address, href):
    """The site address a link points to, without its #fragment; None when
    it leaves the site or points at a file that is not a page."""
    parts = urlsplit(urljoin("http://situs" + address, href))
    if parts.netloc not in ("situs", "127.0.0.1:8000"):
        return None
    return parts.path if parts.path.endswith("/") else None


def _badge_beside(link):
    if link.find(class_=BADGE):
        return True
    sibling = link.next_sibling
    while sibling is not None and isinstance(sibling, str) and not sibling.strip():
        sibling = sibling.next_sibling
    return getattr(sibling, "get", lambda _k: None)("class") and BADGE in sibling.get(
        "class"
    )


def unmarked_links(address, page, samples):
    """Links on `page` to sample pages without a badge next to them."""
    found = []
    for link in page.find_all("a", href=True):
        target = page_address(address, link["href"])
        if target is None or target not in samples or target == address:
            continue
        if _badge_beside(link):
            continue
        container = link.find_parent(CONTAINERS)
        if container is not None:
            linked = [
                a
                for a in container.find_all("a", href=True)
                if page_address(address, a["href"]) in samples
            ]
            if len(container.find_all(class_=BADGE)) >= len(linked):
                continue
        found.append((address, link["href"], link.get_text(" ", strip=True)))
    return found


def unmarked_result_rows(address, page, samples):
    """Rows showing a result of a sample year without the badge."""
    years = sample_years()
    sample_results = address in samples and address.startswith("/gelar/")
    found = []
    for row in page.select("tbody tr") + page.select(".podium li"):
        links = [page_address(address, a["href"]) for a in row.find_all("a", href=True)]
        from_sample_year = sample_results or any(
            link in {f"/gelar/{year}/" for year in years} for link in links
        )
        header = row.find("th")
        if header is not None and address.endswith("/sematkan/"):
            from_sample_year |= header.get_text(strip=True)[:4] in map(str, years)
        if address == "/" and row.find_parent(class_="podium"):
            from_sample_year = max(year_data()) in years
        if from_sample_year and not row.find(class_=BADGE):
            found.append((address, row.get_text(" ", strip=True)[:80]))
    return found


def test_every_link_to_sample_data_and_every_sample_result_is_marked(demo_site):
    samples = sample_pages(demo_site)
    assert {
        "/gelar/2016/",
        "/kbk/sarangan-berseri/",
        "/instansi/kecamatan-plaosan/",
    } <= (samples)
    links, rows, checked = [], [], 0
    for address, page in html_pages(demo_site):
        links += unmarked_links(address, page, samples)
        rows += unmarked_result_rows(address, page, samples)
        checked += 1
    assert checked > 60
    assert links == [], "\n".join(map(str, links))
    assert rows == [], "\n".join(map(str, rows))


def test_the_walker_sees_a_link_or_row_without_its_badge(demo_site):
    samples = sample_pages(demo_site)
    page = soup(demo_site, "kbk/formasi/")
    for badge in page.select(f"tbody .{BADGE}"):
        badge.decompose()
    assert unmarked_links("/kbk/formasi/", page, samples)
    assert unmarked_result_rows("/kbk/formasi/", page, samples)


def test_a_real_page_linking_to_nothing_sample_carries_no_badge(demo_site):
    page = soup(demo_site, "gelar/2015/")
    assert page.select(f".{BADGE}") == []
    assert page.select_one(".sample-notice") is None


def test_sample_search_results_are_marked(demo_site):
    samples = sample_pages(demo_site)
    for address, page in html_pages(demo_site):
        body = page.find(attrs={"data-pagefind-body": True})
        if body is None:
            continue
        marked = body.find(attrs={"data-pagefind-meta": "sample:1"}) is not None
        assert marked == (address in samples), address


def test_feed_entries_of_sample_pages_say_so(demo_site):
    samples = sample_pages(demo_site)
    seen = 0
    for path in sorted((demo_site / "feeds").rglob("*.atom.xml")):
        for entry in feedparser.parse(path.read_bytes()).entries:
            target = page_address("/", entry.link.split("#", 1)[0])
            assert entry.title.startswith("[contoh] ") == (target in samples), (
                path,
                entry.title,
            )
            seen += target in samples
    assert seen >= 5


def test_corrections_are_entries_of_the_edition_feed(demo_site):
    for year, data in year_data().items():
        entries = feedparser.parse(
            (demo_site / f"feeds/gelar/{year}.atom.xml").read_bytes()
        ).entries
        corrections = [e for e in entries if "#ralat-" in e.link]
        assert [e.summary for e in corrections] == [
            c["note"] for c in data.get("corrections") or []
        ]
        for entry in corrections:
            assert entry.published.startswith(
                next(
                    c["date"].isoformat()
                    for c in data["corrections"]
                    if c["note"] == entry.summary
                )
            )


@pytest.mark.parametrize("year", sorted(year_data()))
def test_share_image_of_a_sample_edition_carries_the_badge(demo_site, year):
    with Image.open(demo_site / f"gelar/{year}/bagikan.jpg") as image:
        # The badge sits in the top right corner, on the site's dark blue.
        red, green, _blue = image.convert("RGB").getpixel((1080, 80))
    is_light = red > 200 and green > 200
    assert is_light == (year in sample_years())


def test_every_csv_row_of_a_sample_year_says_so(demo_site):
    years = {str(year) for year in sample_years()}
    checked = 0
    for path in sorted(demo_site.rglob("*.csv")):
        text = path.read_text(encoding="utf-8-sig")
        for row in csv.DictReader(io.StringIO(text, newline="")):
            if "year" not in row:
                break
            assert row["sample"] == ("true" if row["year"] in years else "false")
            checked += 1
    assert checked > 50
