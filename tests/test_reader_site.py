"""Reader features in the built demo: charts, archive by month,
previous/next and related news, pagination, 404 and search marks.

Expected values come from the YAML data files and the built pages, read
independently of the plugin code.
"""

import re
import sys
from pathlib import Path

import pytest
from demo_pages import article_paths, year_data

from conftest import ROOT, run, soup

# Charts ---------------------------------------------------------------------


def _desc(page, chart_id):
    svg = page.find("svg", id=chart_id)
    assert svg is not None and svg["role"] == "img"
    assert svg["aria-labelledby"] == f"{chart_id}-title {chart_id}-desc"
    return svg.find("desc").get_text()


def test_rank_charts_say_in_words_every_rank_in_the_data(demo_site):
    data = year_data()
    kbk_ids = {team["id"] for d in data.values() for team in d["teams"]}
    charted = 0
    for kbk in sorted(kbk_ids):
        expected = {}
        for year, d in data.items():
            if any(t["id"] == kbk for t in d["teams"]):
                ranks = {r["team"]: r["rank"] for r in d.get("results") or ()}
                expected[year] = (ranks.get(kbk), len(d["teams"]))
        page = soup(demo_site, f"kbk/{kbk}/")
        if not any(rank for rank, _total in expected.values()):
            assert page.find("svg", id="grafik-peringkat") is None
            continue
        charted += 1
        said = {}
        for part in _desc(page, "grafik-peringkat").rstrip(".").split("; "):
            ranked = re.fullmatch(r"(\d{4}): peringkat (\d+) dari (\d+) KBK", part)
            if ranked:
                said[int(ranked[1])] = (int(ranked[2]), int(ranked[3]))
            else:
                year = re.fullmatch(r"(\d{4}): tanpa peringkat", part)
                assert year, part
                said[int(year[1])] = (None, expected[int(year[1])][1])
        assert said == expected, kbk
    assert charted >= 5


@pytest.mark.parametrize("year", [2016, 2017])
def test_score_chart_matches_the_results_and_draws_bars_to_scale(demo_site, year):
    d = year_data()[year]
    names = {t["id"]: t["name"] for t in d["teams"]}
    expected = sorted(
        (names[r["team"]], r["rank"], float(r["score"]))
        for r in d["results"]
        if "score" in r
    )
    page = soup(demo_site, f"gelar/{year}/")
    said = []
    for part in _desc(page, "grafik-nilai").rstrip(".").split("; "):
        match = re.fullmatch(r"(.+): ([\d.,]+) \(peringkat (\d+)\)", part)
        assert match, part
        said.append((match[1], int(match[3]), float(match[2].replace(",", "."))))
    assert sorted(said) == expected
    bars = page.find("svg", id="grafik-nilai").find_all("rect", class_="chart-bar")
    ratios = {
        round(float(b["width"].removesuffix("%")) / s, 2)
        for b, (_n, _r, s) in zip(bars, said, strict=True)
    }
    assert len(ratios) == 1, "bar lengths are proportional to the scores"


# Navigation -----------------------------------------------------------------


def test_archive_index_counts_each_year_and_month(demo_site):
    page = soup(demo_site, "arsip/")
    by_year = {}
    for path in article_paths(demo_site):
        year = path.split("/")[2]
        by_year[year] = by_year.get(year, 0) + 1
    for year, count in by_year.items():
        heading = page.find("h2", id=f"tahun-{year}")
        assert heading.a["href"] == f"/berita/{year}/"
        assert f"{count} artikel" in heading.get_text()
    assert "Oktober 2017" in page.get_text()
    assert page.find("ul", class_="archive-list") is None  # no article lists here


def test_year_pages_group_news_by_month_with_true_counts(demo_site):
    total = 0
    for year in {path.split("/")[2] for path in article_paths(demo_site)}:
        page = soup(demo_site, f"berita/{year}/")
        for heading in page.select("h2.archive-month"):
            count = int(re.search(r"\d+", heading.find(class_="count").get_text())[0])
            items = page.find("ul", attrs={"aria-labelledby": heading["id"]})
            items = items.find_all("li")
            assert count == len(items), heading.get_text()
            months = {li.time["datetime"][:7] for li in items}
            assert months == {f"{year}-{heading['id'].split('-')[-1]:0>2}"}
            total += count
    assert total == len(article_paths(demo_site))


def test_previous_and_next_follow_the_dates(demo_site):
    dated = sorted(
        (soup(demo_site, p).find("article").time["datetime"], p)
        for p in article_paths(demo_site)
    )
    order = [path for _date, path in dated]
    for index, path in enumerate(order):
        page = soup(demo_site, path)
        nav = page.find("nav", class_="prev-next")
        older = nav.find("a", rel="prev")
        newer = nav.find("a", rel="next")
        assert (older["href"] if older else None) == (
            order[index - 1] if index else None
        )
        assert (newer["href"] if newer else None) == (
            order[index + 1] if index + 1 < len(order) else None
        )


def _subjects(page):
    """(KBK links, edition link, tag links) in an article's footer."""
    footer = page.find("footer", class_="article-links")
    hrefs = [a["href"] for a in footer.find_all("a")]
    return (
        {h for h in hrefs if h.startswith("/kbk/")},
        {h for h in hrefs if h.startswith("/gelar/")},
        {h for h in hrefs if h.startswith("/tag/")},
    )


def test_related_news_are_the_ones_sharing_most_kbk_edition_and_tags(demo_site):
    pages = {path: soup(demo_site, path) for path in article_paths(demo_site)}
    for path, page in pages.items():
        kbks, edition, tags = _subjects(page)
        scored = []
        for other, other_page in pages.items():
            o_kbks, o_edition, o_tags = _subjects(other_page)
            score = 3 * len(kbks & o_kbks) + 2 * len(edition & o_edition)
            score += len(tags & o_tags)
            if other != path and score:
                date = other_page.find("article").time["datetime"]
                scored.append((score, date, other))
        expected = [other for *_key, other in sorted(scored, reverse=True)[:3]]
        related = [a["href"] for a in page.select(".related-list a")]
        assert related == expected, path
        assert related, "every demo article shares something with another"


@pytest.fixture(scope="module")
def two_per_page(tmp_path_factory):
    """The demo with two articles per list page, to see pagination at work."""
    output = tmp_path_factory.mktemp("halaman") / "output"
    pelican = [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py"]
    # Every override follows one -e: a second -e would replace the first.
    overrides = ["DEFAULT_PAGINATION=2", f'CACHE_PATH="{output.parent / "cache"}"']
    result = run([*pelican, "-o", str(output), "-e", *overrides], cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.mark.slow
def test_lists_are_paginated_with_links_both_ways(two_per_page):
    seen = []
    path = "kategori/berita/"
    while path:
        page = soup(two_per_page, path)
        seen += [a["href"] for a in page.select(".article-list h2 a")]
        assert len(page.select(".article-list li")) <= 2
        older = page.select_one(".pagination a[rel=next]")
        if older:
            back = soup(two_per_page, older["href"]).select_one(
                ".pagination a[rel=prev]"
            )
            assert back["href"] == "/" + path
        path = older["href"].lstrip("/") if older else None
    category = soup(two_per_page, "kategori/berita/")
    assert "/kategori/berita/halaman/2/" in {
        a["href"] for a in category.select(".pagination a")
    }
    assert len(seen) == len(set(seen)) == 4  # the demo's four "Berita" articles


def test_404_page_helps_the_reader_on(demo_site):
    page = soup(demo_site, "404.html")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    links = {a["href"] for a in page.main.find_all("a")}
    assert {"/", "/cari/", "/arsip/"} <= links
    # Served for any missing address, so every link must be root-relative.
    assert all(h.startswith(("/", "http")) for h in links)


# Search marks ---------------------------------------------------------------


def _filters(page):
    found = {}
    for mark in page.select("[data-pagefind-filter]"):
        key, value = mark["data-pagefind-filter"].split(":", 1)
        found.setdefault(key, set()).add(value)
    return found


def test_searchable_pages_carry_their_filter_values(demo_site):
    article = soup(demo_site, "berita/2015/gelar-budaya-kerja-2015/")
    assert article.find(attrs={"data-pagefind-body": True}).name == "article"
    marks = _filters(article)
    assert marks["jenis"] == {"berita"} and marks["tahun"] == {"2015"}
    assert marks["kategori"] == {"Berita"}
    assert "KBK Formasi" in marks["kbk"]

    edition = _filters(soup(demo_site, "gelar/2017/"))
    assert edition["jenis"] == {"gelar"}
    assert edition["kbk"] == {t["name"] for t in year_data()[2017]["teams"]}
    assert _filters(soup(demo_site, "kbk/formasi/"))["tahun"] == {
        "2015",
        "2016",
        "2017",
    }
    assert _filters(soup(demo_site, "galeri/gelar-2016/"))["jenis"] == {"galeri"}
    # Lists are not indexed: only the pages they link to.
    assert soup(demo_site, "arsip/").find(attrs={"data-pagefind-body": True}) is None


def test_search_page_offers_every_filter_value_and_a_no_script_way_out(demo_site):
    page = soup(demo_site, "cari/")
    years = [o["value"] for o in page.select("#saring-tahun option") if o["value"]]
    assert years == sorted({str(y) for y in year_data()}, reverse=True)
    types = [o["value"] for o in page.select("#saring-jenis option") if o["value"]]
    assert {"berita", "gelar", "kbk", "galeri"} <= set(types)
    noscript = page.find("noscript")
    assert "JavaScript" in noscript.get_text()
    assert noscript.find("a", href="/arsip/")


# Search index ------------------------------------------------------------------


@pytest.mark.slow
def test_unchanged_pages_keep_the_same_search_index(project):
    from conftest import digest, invoke

    bundle = project / "output/pagefind"
    first = digest(bundle)
    assert any(name.startswith("index/") for name in first)
    assert oct(bundle.stat().st_mode & 0o777) == oct(
        (project / "output/kbk").stat().st_mode & 0o777
    ), "the bundle is as readable as the pages"

    # A touched file makes a real build (not a skipped one) of the same pages.
    (project / "content/berita/2015/gelar-budaya-kerja-2015.md").touch()
    result = invoke(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Tidak ada berkas yang berubah" not in result.stdout
    assert digest(bundle) == first, "same pages, same files: nothing to upload"

    article = project / "content/berita/2015/gelar-budaya-kerja-2015.md"
    article.write_text(
        article.read_text(encoding="utf-8") + "\nKata baru: swasembada.\n",
        encoding="utf-8",
    )
    result = invoke(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert digest(bundle) != first


def test_pagefind_is_given_every_page_that_marks_text_to_index(demo_site):
    """The glob that spares Pagefind the listing pages must still cover
    every page a template marks with data-pagefind-body."""
    from pelican import Pelican

    from sitebuild.build import load_settings
    from sitebuild.search import indexed_glob

    # As the build passes them: with the plugins' defaults (GELAR_SAVE_AS…).
    settings = Pelican(load_settings(str(ROOT / "pelicanconf.py"))).settings
    glob = indexed_glob(settings)
    alternatives = glob.strip("{}").split(",")
    pattern = re.compile(
        "|".join(re.escape(a).replace(r"\*", "[^/]*") for a in alternatives)
    )
    marked, given = set(), set()
    for path in Path(demo_site).rglob("*.html"):
        relative = path.relative_to(demo_site).as_posix()
        if pattern.fullmatch(relative):
            given.add(relative)
        if "data-pagefind-body" in path.read_text(encoding="utf-8"):
            marked.add(relative)
    assert {"berita/2015/gelar-budaya-kerja-2015/index.html", "kbk/formasi/index.html",
            "gelar/2017/index.html", "galeri/gelar-2016/index.html",
            "tentang/index.html"} <= marked  # fmt: skip
    assert marked <= given
    lists = ("tag/", "kategori/", "halaman/")  # each tag, category, page 2, 3…
    assert not any(p.startswith(lists) and p.count("/") > 1 for p in given)
