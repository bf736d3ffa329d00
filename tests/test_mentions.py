"""KBK names in article text link to the KBK's page, once, where it fits."""

import pytest

from conftest import invoke, soup
from gelar.mentions import link_mentions, mention_index
from gelar.model import Edition, Event, Kbk, Participation, Team


def kbk(kbk_id, name, *aliases):
    team = Team(id=kbk_id, name=name, institution="X", aliases=aliases)
    edition = Edition(2015, Event("t", None, "v"), (team,), None, False, (), "f")
    return Kbk(id=kbk_id, history=[Participation(edition, team, None)])


INDEX = mention_index(
    [kbk("cheerful", "KBK Cheerful", "Cheerful"), kbk("senyum", "KBK Senyum")]
)


def link(html):
    return link_mentions(html, *INDEX, url_for=lambda i: f"/kbk/{i}/")


def test_first_mention_is_linked_and_later_ones_are_not():
    html, found = link("<p>KBK Cheerful tampil. Cheerful menang lagi.</p>")
    assert html == (
        '<p><a class="kbk-link" href="/kbk/cheerful/">KBK Cheerful</a> tampil. '
        "Cheerful menang lagi.</p>"
    )
    assert found == ["cheerful"]


def test_headings_links_and_code_are_skipped():
    html, found = link(
        "<h2>KBK Cheerful</h2><p><a href='/x'>KBK Senyum</a></p>"
        "<pre><code>KBK Senyum</code></pre><p>Lalu KBK Cheerful dan KBK Senyum.</p>"
    )
    assert "<h2>KBK Cheerful</h2>" in html
    assert '<a href="/x">KBK Senyum</a>' in html
    assert "<code>KBK Senyum</code>" in html
    assert (
        '<p>Lalu <a class="kbk-link" href="/kbk/cheerful/">KBK Cheerful</a> dan '
        '<a class="kbk-link" href="/kbk/senyum/">KBK Senyum</a>.</p>'
    ) in html
    assert found == ["cheerful", "senyum"]


def test_words_inside_other_words_and_other_case_do_not_count():
    original = "<p>Para siswa tersenyum; kbk senyum; Cheerfulness.</p>"
    html, found = link(original)
    assert html is original  # nothing matched: the HTML is not even parsed
    assert found == []


def test_aliases_count_as_mentions():
    html, found = link("<p>Tim Cheerful hadir.</p>")
    assert '<a class="kbk-link" href="/kbk/cheerful/">Cheerful</a>' in html
    assert found == ["cheerful"]


@pytest.mark.slow
def test_article_without_metadata_is_listed_on_the_kbk_page(project):
    (project / "content/berita/2017/sebut.md").write_text(
        "Title: Kunjungan ke SMKN 1 Bendo\nDate: 2017-11-01\nCategory: Berita\n\n"
        "## Tentang KBK Sembada\n\nTim Sembada menerima tamu.\n\n"
        "`KBK Kanesma` hanya contoh kode.\n",
        encoding="utf-8",
    )
    result = invoke(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "output"
    article = soup(site, "berita/2017/kunjungan-ke-smkn-1-bendo/")
    assert [a["href"] for a in article.select(".content a.kbk-link")] == [
        "/kbk/sembada/"
    ]
    url = "/berita/2017/kunjungan-ke-smkn-1-bendo/"
    assert url in [
        a["href"] for a in soup(site, "kbk/sembada/").select(".article-list a")
    ]
    assert url not in [
        a["href"] for a in soup(site, "kbk/kanesma/").select(".article-list a")
    ]
