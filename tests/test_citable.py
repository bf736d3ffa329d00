"""What a journalist cites: result rows with their own address, citations,
dates, the licence, institution pages and embeds, in the built demo.

Expectations come from the YAML data read with plain PyYAML.
"""

import datetime
import io
import re

import bibtexparser
import pytest
import rispy
from demo_pages import ADDRESS, institution_id, ld_records, local, year_data

from conftest import soup

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.id"
MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


def tanggal(day):
    """A date as the site writes it: 4 Oktober 2017."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def updated(year):
    data = year_data()[year]
    dates = [data["event"]["date"], *(c["date"] for c in data.get("corrections") or [])]
    return max([*dates, data["updated"]] if "updated" in data else dates)


def kbk_years():
    found = {}
    for year, data in year_data().items():
        for team in data["teams"]:
            found.setdefault(team["id"], []).append(year)
    return found


# Row anchors ------------------------------------------------------------------


@pytest.mark.parametrize("year", sorted(year_data()))
def test_every_team_of_an_edition_has_one_anchor_from_its_id(demo_site, year):
    page = soup(demo_site, f"gelar/{year}/")
    ids = [tag["id"] for tag in page.find_all(id=True)]
    assert len(ids) == len(set(ids)), "ids are unique on the page"
    data = year_data()[year]
    rows = page.select("table.results tbody tr") or page.select(".team-list li")
    assert [row["id"] for row in rows if row.get("id")] == [
        row.get("id") for row in rows
    ], "every row or list item has an id"
    assert {row["id"] for row in rows} == {f"kbk-{t['id']}" for t in data["teams"]}
    for row in rows:
        # The row is the KBK's own: it links to the KBK's page.
        assert row.find("a", href=f"/kbk/{row['id'].removeprefix('kbk-')}/")
        link = row.select_one("a.row-link")
        if data.get("results"):
            assert link["href"] == f"#{row['id']}" and link.get_text() == "#"


@pytest.mark.parametrize("kbk_id", sorted(kbk_years()))
def test_kbk_history_links_each_year_to_its_row(demo_site, kbk_id):
    page = soup(demo_site, f"kbk/{kbk_id}/")
    links = [row.th.a["href"] for row in page.select("table.history tbody tr")]
    assert links == [
        f"/gelar/{year}/#kbk-{kbk_id}" for year in sorted(kbk_years()[kbk_id])[::-1]
    ]
    for href in links:
        path, fragment = href.split("#")
        target = soup(demo_site, path).find(id=fragment)
        assert target is not None and target.name in ("tr", "li"), href


# Citations ----------------------------------------------------------------------


CITED = {
    "gelar/2016/": ("Gelar Budaya Kerja Pemerintah Kabupaten Magetan 2016", 2016),
    "kbk/formasi/": ("KBK Formasi", None),
    "instansi/badan-kepegawaian-daerah/": ("Badan Kepegawaian Daerah", None),
    "berita/2015/gelar-budaya-kerja-2015/": (None, None),
}


@pytest.mark.parametrize("path", CITED)
def test_citation_names_the_address_both_dates_and_a_blank_for_the_day(demo_site, path):
    page = soup(demo_site, path)
    text = " ".join(page.select_one("#teks-kutipan").get_text().split())
    canonical = page.find("link", rel="canonical")["href"]
    assert f"{ADDRESS}{canonical}" in text
    assert text.startswith("Humas Pemkab Magetan (")
    dates = [time["datetime"] for time in page.select("#teks-kutipan time")]
    assert len(dates) == 2 and dates[0] <= dates[1]
    for day in dates:
        assert tanggal(datetime.date.fromisoformat(day[:10])) in text
    if path.startswith("gelar/"):
        year = CITED[path][1]
        assert dates == [
            year_data()[year]["event"]["date"].isoformat(),
            updated(year).isoformat(),
        ]
    # Without a script the reader sees where to write the day of access.
    assert text.endswith("Diakses [tanggal Anda membacanya].")
    button = page.select_one("button[data-copy=teks-kutipan]")
    assert button.has_attr("hidden"), "no copy button that cannot work"


@pytest.mark.parametrize("path", CITED)
def test_bibtex_and_ris_parse_with_the_same_facts(demo_site, path):
    page = soup(demo_site, path)
    links = {a.get_text(): a["href"] for a in page.select(".citation-actions a")}
    url = ADDRESS + page.find("link", rel="canonical")["href"]
    title = CITED[path][0] or page.h1.get_text(strip=True)

    bib_text = local(demo_site, ADDRESS + links["BibTeX"]).read_text(encoding="utf-8")
    library = bibtexparser.parse_string(bib_text)
    assert library.failed_blocks == []
    (entry,) = library.entries
    assert entry["url"] == url
    assert entry["title"].strip("{}") == title
    assert entry["author"] == "{Humas Pemkab Magetan}"
    assert "Diperbarui" in entry["note"]

    ris_text = local(demo_site, ADDRESS + links["RIS"]).read_text(encoding="utf-8")
    (record,) = rispy.load(io.StringIO(ris_text))
    assert record["urls"] == [url]
    assert record["title"] == title
    assert record["year"] == entry["year"]
    is_sample = page.select_one(".sample-notice") is not None
    only_sample = is_sample and path.startswith("gelar/")
    assert ("Data contoh" in record["notes"][0]) == only_sample


def test_a_sample_citation_says_so_in_its_title(demo_site):
    text = soup(demo_site, "gelar/2017/").select_one("#teks-kutipan").get_text()
    assert "Magetan 2017 [data contoh]." in text
    text = soup(demo_site, "gelar/2015/").select_one("#teks-kutipan").get_text()
    assert "contoh" not in text


# Last updated, corrections and the licence -------------------------------------


@pytest.mark.parametrize("year", sorted(year_data()))
def test_edition_shows_its_last_update_and_corrections(demo_site, year):
    page = soup(demo_site, f"gelar/{year}/")
    facts = dict(
        zip(
            [dt.get_text(strip=True) for dt in page.select(".facts dt")],
            page.select(".facts dd"),
            strict=True,
        )
    )
    assert facts["Terakhir diperbarui"].time["datetime"] == updated(year).isoformat()
    corrections = year_data()[year].get("corrections") or []
    listed = page.select(".corrections li")
    assert [li["id"] for li in listed] == [
        f"ralat-{n}" for n in range(1, len(corrections) + 1)
    ]
    dataset = next(r for r in ld_records(page) if r["@type"] == "Dataset")
    assert dataset["dateModified"] == updated(year).isoformat()
    assert dataset["license"] == LICENCE_URL


def test_every_page_names_the_licence_in_its_footer(demo_site):
    for path in ("", "gelar/2015/", "kbk/", "instansi/", "tentang/"):
        footer = soup(demo_site, path).select_one(".site-footer")
        link = footer.find("a", rel="license")
        assert link["href"] == LICENCE_URL and link.get_text() == "CC BY 4.0"


def test_kbk_and_archive_datasets_describe_their_downloads(demo_site):
    kbk = next(
        r
        for r in ld_records(soup(demo_site, "kbk/formasi/"))
        if r["@type"] == "Dataset"
    )
    assert {d["contentUrl"] for d in kbk["distribution"]} == {
        f"{ADDRESS}/kbk/formasi/riwayat.csv",
        f"{ADDRESS}/kbk/formasi/riwayat.json",
    }
    everything = ld_records(soup(demo_site, "gelar/"))[0]
    assert everything["@type"] == "Dataset" and everything["license"] == LICENCE_URL
    for download in everything["distribution"]:
        assert local(demo_site, download["contentUrl"]).is_file()
    assert "2016, 2017" in everything["description"], "sample years are named"


# Institutions -------------------------------------------------------------------


def institutions():
    found = {}
    for year, data in year_data().items():
        for team in data["teams"]:
            found.setdefault(institution_id(team), set()).add((year, team["id"]))
    return found


def test_institution_index_lists_every_institution(demo_site):
    page = soup(demo_site, "instansi/")
    links = [row.th.a["href"] for row in page.select("tbody tr")]
    assert sorted(links) == sorted(f"/instansi/{i}/" for i in institutions())


@pytest.mark.parametrize("slug", sorted(institutions()))
def test_institution_page_lists_its_kbk_year_by_year(demo_site, slug):
    page = soup(demo_site, f"instansi/{slug}/")
    rows = page.select("table.history tbody tr")
    shown = {
        (int(row.th.a.get_text()), row.th.a["href"].split("#kbk-")[1]) for row in rows
    }
    assert shown == institutions()[slug]
    assert page.find(attrs={"data-pagefind-filter": "jenis:instansi"})


def test_a_renamed_institution_keeps_one_page_under_its_real_name(demo_site):
    page = soup(demo_site, "instansi/badan-kepegawaian-daerah/")
    # The newest real year names it; the sample year's name is marked.
    assert page.h1.get_text(strip=True) == "Badan Kepegawaian Daerah"
    other = page.select_one(".other-names")
    assert "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (2017)" in (
        other.get_text(" ", strip=True)
    )
    assert other.select_one(".badge-sample")
    assert not (demo_site / "instansi/badan-kepegawaian-dan-pengembangan").exists()


def test_edition_and_kbk_pages_link_institutions(demo_site):
    edition = soup(demo_site, "gelar/2017/")
    hrefs = {a["href"] for a in edition.select("table.results td a")}
    assert "/instansi/badan-kepegawaian-daerah/" in hrefs
    kbk = soup(demo_site, "kbk/formasi/")
    assert kbk.select_one("p.institution a")["href"] == (
        "/instansi/badan-kepegawaian-daerah/"
    )
    sitemap = (demo_site / "sitemap.xml").read_text()
    assert "/instansi/badan-kepegawaian-daerah/</loc>" in sitemap


# Embeds -------------------------------------------------------------------------


EMBEDS = ["gelar/2015/", "gelar/2017/", "kbk/formasi/", "kbk/sarangan-berseri/"]


@pytest.mark.parametrize("path", EMBEDS)
def test_embed_is_small_self_contained_unindexed_and_links_back(demo_site, path):
    page = soup(demo_site, path)
    snippet = page.select_one("textarea.snippet").get_text()
    src = re.search(r'<iframe src="([^"]+)"', snippet)[1]
    assert re.search(r'title="[^"]+"', snippet)
    embed_file = local(demo_site, src)
    assert embed_file.is_file(), "the snippet's address is a real page"
    assert src == f"{ADDRESS}/{path}sematkan/"
    assert embed_file.stat().st_size < 15 * 1024
    embed = soup(demo_site, f"{path}sematkan/")
    assert embed.find("script") is None
    assert embed.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert embed.find("nav") is None and embed.find("header") is None
    assert not embed.find_all("link", rel="stylesheet"), "its own CSS only"
    back = {a["href"] for a in embed.find_all("a")}
    assert f"{ADDRESS}/{path}" in back
    is_sample = page.select_one(".sample-notice") is not None
    only_sample = path in ("gelar/2017/", "kbk/sarangan-berseri/")
    assert (embed.select_one(".sample") is not None) == only_sample
    if is_sample and not only_sample:
        assert embed.select("tbody .badge-sample"), "sample years are marked"
