"""What a reader sees on each kind of page of the demo site.

The demo is built once with the plain `pelican content -s pelicanconf.py`
command, so these tests also show that the plugins load without invoke.
Expectations come from the YAML files, read here with plain PyYAML.
"""

import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, soup

DATA = {
    int(path.stem): yaml.safe_load(path.read_text(encoding="utf-8"))
    for path in sorted((ROOT / "content" / "data").glob("*.yaml"))
}


def text_of(node):
    return " ".join(node.get_text(" ", strip=True).split())


def test_every_page_is_indonesian_and_has_a_clean_url(demo_site):
    pages = sorted(Path(demo_site).rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        # 404.html is the one name web servers look for at the site's root.
        if page.relative_to(demo_site) != Path("404.html"):
            assert page.name == "index.html", f"{page} is not a clean URL"
        html = soup(demo_site, str(page.relative_to(demo_site)))
        assert html.html["lang"] == "id"


def test_2015_edition_shows_the_facts_and_all_eight_kbk(demo_site):
    page = soup(demo_site, "gelar/2015/")
    main = text_of(page.main)
    assert page.h1.get_text(strip=True) == DATA[2015]["event"]["title"]
    assert "30 September 2015" in main
    assert "Gedung PPI Kabupaten Magetan" in main
    assert "Mei Sugiartini" in main
    assert "Ir. Putro Triono" in main and "Nur Avida" in main
    teams = page.select(".team-list li")
    assert len(teams) == 8
    shown = {
        li.a.get_text(strip=True): li.select_one(".institution").get_text(strip=True)
        for li in teams
    }
    assert shown == {t["name"]: t["institution"] for t in DATA[2015]["teams"]}
    assert shown["KBK Cheerful"] == "SMPN 2 Magetan"
    assert shown["KBK Formasi"] == "Badan Kepegawaian Daerah"
    # The seed gives no results, so the page says so instead of a table:
    # the archive does not have them (not "not announced yet", for 2015).
    assert DATA[2015]["results_status"] == "not_recorded"
    assert "Hasil gelar ini tidak tercatat dalam arsip." in main
    assert "belum diumumkan" not in main
    assert page.select("table.results") == []
    assert page.select_one(".sample-notice") is None


def test_edition_with_results_shows_the_ranked_table(demo_site):
    year = max(DATA)
    page = soup(demo_site, f"gelar/{year}/")
    rows = page.select("table.results tbody tr")
    expected = sorted(DATA[year]["results"], key=lambda r: r["rank"])
    assert [int(r.td.get_text(strip=True)) for r in rows] == [
        r["rank"] for r in expected
    ]
    names = {t["id"]: t["name"] for t in DATA[year]["teams"]}
    assert {r.th.a.get_text(strip=True) for r in rows} == set(names.values())
    # A sample year marks every row; the name cell holds nothing else.
    badge = "contoh" if DATA[year].get("sample") else ""
    assert {r.th.get_text(strip=True) for r in rows} == {
        name + badge for name in names.values()
    }
    # Shared ranks (ties) appear as they are in the data.
    ranks = [r["rank"] for r in expected]
    assert len(ranks) != len(set(ranks)), "demo data should show a tie"
    # Scores use the Indonesian decimal comma, every one with the decimals
    # the edition writes (84.0 stays "84,0" next to "89,6").
    scores = [r.select("td")[2].get_text(strip=True) for r in rows]
    assert scores[0] == f"{expected[0]['score']:.1f}".replace(".", ",")
    assert "84,0" in scores and all(re.fullmatch(r"\d+,\d", s) for s in scores)


def test_sample_editions_say_so_visibly(demo_site):
    for year, data in DATA.items():
        page = soup(demo_site, f"gelar/{year}/")
        notice = page.select_one(".sample-notice")
        if data.get("sample"):
            assert notice is not None and "Data contoh" in notice.get_text()
        else:
            assert notice is None
    listing = soup(demo_site, "gelar/")
    badges = [
        card.h2.a.get_text(strip=True)
        for card in listing.select(".edition-list li")
        if card.select_one(".badge-sample")
    ]
    assert badges == [
        DATA[y]["event"]["title"]
        for y in sorted(DATA, reverse=True)
        if DATA[y].get("sample")
    ]


def test_edition_index_lists_every_year_newest_first(demo_site):
    page = soup(demo_site, "gelar/")
    links = [a["href"] for a in page.select(".edition-list h2 a")]
    assert links == [f"/gelar/{year}/" for year in sorted(DATA, reverse=True)]


def all_team_ids():
    return sorted({t["id"] for data in DATA.values() for t in data["teams"]})


@pytest.mark.parametrize("kbk_id", all_team_ids())
def test_every_kbk_has_a_page_with_its_history(demo_site, kbk_id):
    page = soup(demo_site, f"kbk/{kbk_id}/")
    years = [
        y
        for y in sorted(DATA, reverse=True)
        if any(t["id"] == kbk_id for t in DATA[y]["teams"])
    ]
    rows = page.select("table.history tbody tr")
    assert [int(r.th.a.get_text(strip=True)) for r in rows] == years
    for row, year in zip(rows, years, strict=True):
        team = next(t for t in DATA[year]["teams"] if t["id"] == kbk_id)
        cells = [td.get_text(strip=True) for td in row.select("td")]
        assert cells[0] == team["name"]
        assert cells[1] == team["institution"]
        result = next(
            (r for r in DATA[year].get("results") or [] if r["team"] == kbk_id), None
        )
        if result:
            assert cells[2] == str(result["rank"])
        elif DATA[year].get("results_status") == "not_recorded":
            assert cells[2] == "tidak tercatat dalam arsip"
        else:
            assert cells[2] == "belum diumumkan"
    latest = next(t for t in DATA[years[0]]["teams"] if t["id"] == kbk_id)
    assert page.h1.get_text(strip=True) == latest["name"]


def test_kbk_index_is_a_to_z_with_best_results(demo_site):
    page = soup(demo_site, "kbk/")
    rows = page.select("table.kbk-index tbody tr")
    names = [r.th.a.get_text(strip=True) for r in rows]
    assert len(names) == len(all_team_ids())
    assert names == sorted(names, key=lambda n: n.removeprefix("KBK ").casefold())
    formasi = next(r for r in rows if r.th.a["href"] == "/kbk/formasi/")
    cells = [" ".join(td.get_text().split()) for td in formasi.select("td")]
    years = [
        y for y in sorted(DATA) if any(t["id"] == "formasi" for t in DATA[y]["teams"])
    ]
    # Each year links to the KBK's row on its edition page; sample years
    # carry the badge.
    assert cells[1] == ", ".join(
        f"{y} contoh" if DATA[y].get("sample") else str(y) for y in years
    )
    assert [a["href"] for a in formasi.select("td a") if a.text.isdigit()] == [
        f"/gelar/{y}/#kbk-formasi" for y in years
    ]
    best = min(
        (r["rank"], y)
        for y in DATA
        for r in DATA[y].get("results") or []
        if r["team"] == "formasi"
    )
    assert cells[2].startswith(f"Peringkat {best[0]}")
    # The best result of a sample year is marked as such.
    marked = " contoh" if DATA[best[1]].get("sample") else ""
    assert cells[2].endswith(f"({best[1]}){marked}")


def test_article_lives_at_berita_year_slug_and_links_its_edition(demo_site):
    page = soup(demo_site, "berita/2015/gelar-budaya-kerja-2015/")
    assert "Delapan KBK" in page.h1.get_text()
    assert page.select_one("time").get_text(strip=True) == "1 Oktober 2015"
    links = {a["href"] for a in page.select(".article-links a")}
    assert "/gelar/2015/" in links
    assert "/kbk/cheerful/" in links and "/kbk/formasi/" in links
    # The real report is not marked as a sample.
    assert page.select_one(".sample-notice") is None


def test_edition_and_kbk_pages_list_their_articles(demo_site):
    url = "/berita/2015/gelar-budaya-kerja-2015/"
    edition = soup(demo_site, "gelar/2015/")
    assert url in [a["href"] for a in edition.select(".article-list a")]
    kbk = soup(demo_site, "kbk/sembada/")
    assert url in [a["href"] for a in kbk.select(".article-list a")]


def test_first_mention_of_each_kbk_is_linked_in_the_article(demo_site):
    page = soup(demo_site, "berita/2015/gelar-budaya-kerja-2015/")
    links = page.select(".content a.kbk-link")
    targets = [a["href"] for a in links]
    assert len(targets) == len(set(targets)), "only the first mention is linked"
    assert set(targets) == {f"/kbk/{t['id']}/" for t in DATA[2015]["teams"]}


def test_sample_articles_are_marked(demo_site):
    page = soup(demo_site, "berita/2016/juara-gelar-budaya-kerja-2016/")
    assert "Data contoh" in page.select_one(".sample-notice").get_text()
    marked = [
        li.a["href"]
        for year in ("2015", "2016")
        for li in soup(demo_site, f"berita/{year}/").select(".archive-list li")
        if li.select(".badge")
    ]
    assert "/berita/2016/juara-gelar-budaya-kerja-2016/" in marked
    assert "/berita/2015/gelar-budaya-kerja-2015/" not in marked


def test_home_page_shows_latest_edition_and_news(demo_site):
    page = soup(demo_site, "")
    latest = max(DATA)
    card = page.select_one(".latest-edition")
    assert card.h2.a["href"] == f"/gelar/{latest}/"
    assert len(page.select(".article-list li")) >= 3
    shortcuts = [a["href"] for a in page.select(".year-shortcuts a")]
    assert shortcuts == [f"/gelar/{y}/" for y in sorted(DATA, reverse=True)]


def test_category_tag_and_year_archive_pages_exist(demo_site):
    assert soup(demo_site, "kategori/berita/").h1
    assert soup(demo_site, "tag/budaya-kerja/").h1
    year = soup(demo_site, "berita/2016/")
    hrefs = [a["href"] for a in year.select(".archive-list a")]
    assert hrefs and all(h.startswith("/berita/2016/") for h in hrefs)
