"""Every built page is valid for the current Nu HTML checker, and its
headings form an outline: one <h1>, no level skipped, none misnested.

Two sites are judged: the demo, and the demo grown to show every page
type (paginated lists, drafts, a hidden article, an edition without
results, an empty album, headings written carelessly in an article and a
page). Planted problems show that both judges can fail.
"""

import re
import shutil
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, invoke
from pembaca.outline import nest_headings, nested_levels
from sitecheck.findings import summary
from sitecheck.outline import check_outline
from sitecheck.site import read_site

# One error of `vnu --format gnu`: "file:PATH":FIRST.COL-LAST.COL: error: ...
GNU_ERROR = re.compile(
    r'^"file:(?P<path>[^"]+)":(?:\d+\.\d+-)?(?P<line>\d+)\.\d+: error:'
)

# A page of each template the full site renders: path -> template.
EVERY_PAGE_TYPE = {
    "index.html": "index",
    "halaman/2/index.html": "index",
    "berita/2017/judul-berantakan/index.html": "article",
    "berita/2017/catatan-internal/index.html": "article",
    "draf/rapat-persiapan-2018/index.html": "article",
    "tentang/index.html": "page",
    "kontak/index.html": "page",
    "draf/halaman/rencana-halaman/index.html": "page",
    "kategori/index.html": "categories",
    "kategori/berita/index.html": "category",
    "kategori/berita/halaman/2/index.html": "category",
    "tag/index.html": "tags",
    "tag/budaya-kerja/index.html": "tag",
    "tag/budaya-kerja/halaman/2/index.html": "tag",
    "arsip/index.html": "archives",
    "berita/2017/index.html": "period_archives",
    "gelar/index.html": "gelar_index",
    "gelar/2017/index.html": "gelar",
    "gelar/2018/index.html": "gelar",
    "kbk/index.html": "kbk_index",
    "kbk/lentera/index.html": "kbk",
    "kbk/formasi/index.html": "kbk",
    "instansi/index.html": "instansi_index",
    "instansi/smpn-9-magetan/index.html": "instansi",
    "instansi/badan-kepegawaian-daerah/index.html": "instansi",
    "gelar/2017/sematkan/index.html": "sematkan_gelar",
    "gelar/2018/sematkan/index.html": "sematkan_gelar",
    "kbk/lentera/sematkan/index.html": "sematkan_kbk",
    "kbk/formasi/sematkan/index.html": "sematkan_kbk",
    "galeri/index.html": "galeri_index",
    "galeri/gelar-2017/index.html": "galeri",
    "galeri/kosong/index.html": "galeri",
    "cari/index.html": "cari",
    "404.html": "404",
    "2015/09/30/gelar-budaya-kerja-2015/index.html": "redirect",
}
# Templates no page uses: author pages are off (AUTHOR_SAVE_AS = "").
NOT_RENDERED = {"author"}

EXTRA_CONTENT = {
    # Headings as an editor might write them: a second h1, skipped levels.
    "berita/2017/judul-berantakan.md": """\
        Title: Catatan Panitia tentang Penilaian
        Date: 2017-10-06 09:00
        Slug: judul-berantakan
        Category: Berita
        Tags: budaya kerja
        KBK: formasi

        # Bagian pertama

        KBK Formasi menyiapkan bahan presentasi.

        ### Rincian yang melompat

        Isi rincian.

        ##### Lebih dalam lagi

        Isi yang lebih dalam.

        <h4>Judul HTML mentah</h4>

        ## Penutup

        Selesai.
        """,
    "berita/2017/rapat-persiapan.md": """\
        Title: Rapat Persiapan 2018
        Date: 2017-12-01 09:00
        Category: Berita
        Slug: rapat-persiapan-2018
        Status: draft

        ### Agenda

        Belum terbit.
        """,
    "berita/2017/tersembunyi.md": """\
        Title: Catatan Internal Panitia
        Date: 2017-12-02 09:00
        Category: Berita
        Slug: catatan-internal
        Status: hidden

        Hanya lewat tautan langsung.
        """,
    "pages/kontak.md": """\
        Title: Kontak
        Slug: kontak

        ### Alamat

        Jl. Contoh 1, Magetan.

        #### Telepon

        (0351) 000000.
        """,
    "pages/rencana.md": """\
        Title: Rencana Halaman
        Slug: rencana-halaman
        Status: draft

        # Judul kedua

        Belum terbit.
        """,
    # An edition whose results are not announced, with a KBK new to it.
    "data/2018.yaml": """\
        year: 2018
        event:
          title: Gelar Budaya Kerja Pemerintah Kabupaten Magetan 2018
          date: 2018-10-03
          venue: Gedung PPI Magetan
        teams:
          - id: lentera
            name: KBK Lentera
            institution: SMPN 9 Magetan
        """,
    "galeri/kosong/album.yaml": """\
        title: Album Tanpa Foto
        date: 2018-10-03
        gelar: 2018
        """,
}


@pytest.fixture(scope="module")
def every_page_type(tmp_path_factory):
    """The demo plus EXTRA_CONTENT, two articles per list page, with drafts,
    built by `invoke build --drafts`: a page of every type."""
    project = copy_project(tmp_path_factory.mktemp("semua-jenis") / "project")
    for path, text in EXTRA_CONTENT.items():
        file = project / "content" / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(textwrap.dedent(text), encoding="utf-8")
    conf = project / "pelicanconf.py"
    conf.write_text(conf.read_text() + "\nDEFAULT_PAGINATION = 2\n")
    result = invoke(project, "build", "--drafts")
    assert result.returncode == 0, result.stdout + result.stderr
    site = (project / "output").resolve()
    missing = [path for path in EVERY_PAGE_TYPE if not (site / path).is_file()]
    assert not missing, missing
    return site


def outline_report(site):
    findings = check_outline(read_site(site).pages)
    return findings, summary(findings, str(site))


def plant(site, path, before, html):
    """Insert `html` just before the first `before` in the page at `path`."""
    file = site / path
    text = file.read_text(encoding="utf-8")
    assert before in text, (path, before)
    file.write_text(text.replace(before, html + before, 1), encoding="utf-8")
    return text[: text.index(before)].count("\n") + 1


@pytest.fixture
def planted(demo_site, tmp_path):
    """Two real demo pages, one with a skipped heading level (an <h4>
    straight after the title's <h1>) and one with a heading inside another
    heading; returns the folder and {path: line of the planted heading}."""
    skip = "berita/2015/gelar-budaya-kerja-2015/index.html"
    misnest = "gelar/2015/index.html"
    for path in (skip, misnest):
        (tmp_path / path).parent.mkdir(parents=True)
        shutil.copy(demo_site / path, tmp_path / path)
    lines = {
        skip: plant(tmp_path, skip, '<div class="content">', "<h4>Rincian</h4>\n"),
        misnest: plant(
            tmp_path, misnest, "</article>", "<h2>Catatan <h3>tambahan</h3></h2>\n"
        ),
    }
    return tmp_path, lines


# The outline: pure Python, no Java.


def test_every_page_of_the_demo_has_a_sound_outline(demo_site):
    findings, report = outline_report(demo_site)
    assert findings == [], report


def test_the_outline_check_catches_a_planted_skip_and_misnesting(planted):
    folder, lines = planted
    findings, report = outline_report(folder)
    found = {(f.path, f.line): f.message for f in findings}
    assert set(found) == set(lines.items()), report
    skip, misnest = lines.items()
    assert "<h4> “Rincian” melompati tingkat" in found[skip]
    assert "sebelumnya <h1>" in found[skip]
    assert "<h3> “tambahan” ada di dalam judul <h2>" in found[misnest]


def test_a_second_h1_and_a_page_without_one_are_caught(demo_site, tmp_path):
    two = tmp_path / "dua/index.html"
    two.parent.mkdir()
    text = (demo_site / "tentang/index.html").read_text(encoding="utf-8")
    two.write_text(text.replace("</article>", "<h1>Lagi</h1></article>", 1))
    none = tmp_path / "kosong.html"
    none.write_text(
        '<!DOCTYPE html><html lang="id"><head><title>x</title></head>'
        "<body><main><p>Tanpa judul.</p></main></body></html>"
    )
    findings, report = outline_report(tmp_path)
    messages = {f.path: f.message for f in findings}
    assert set(messages) == {"dua/index.html", "kosong.html"}, report
    assert "<h1> “Lagi” adalah <h1> kedua" in messages["dua/index.html"]
    assert "tidak punya judul <h1>" in messages["kosong.html"]


@pytest.mark.parametrize(
    "levels, nested",
    [
        ([2, 3, 2, 3], [2, 3, 2, 3]),  # already nested: unchanged
        ([1, 3, 5, 4, 2], [2, 3, 4, 4, 3]),  # under the h1 of the text
        ([3, 3, 4], [2, 2, 3]),  # starts too deep
        ([2, 4, 3], [2, 3, 3]),
        ([1, 2, 3, 4, 5, 6], [2, 3, 4, 5, 6, 6]),  # never past h6
    ],
)
def test_headings_of_article_text_nest_under_the_title(levels, nested):
    assert nested_levels(levels) == nested


def test_nesting_renumbers_only_the_heading_tags():
    html = (
        '<h1 id="a">Satu</h1>\n<pre><code>&lt;h1&gt;</code></pre>\n'
        "<H3>Dua &amp; <em>tiga</em></H3><p>x</p><h5>Empat</h5>"
    )
    assert nest_headings(html) == (
        '<h2 id="a">Satu</h2>\n<pre><code>&lt;h1&gt;</code></pre>\n'
        "<H3>Dua &amp; <em>tiga</em></H3><p>x</p><h4>Empat</h4>"
    )
    nested = "<h2>A</h2><p>b</p><h3>C</h3>"
    assert nest_headings(nested) == nested


@pytest.mark.slow
def test_every_page_type_has_a_sound_outline(every_page_type):
    templates = {path.stem for path in (ROOT / "theme/templates").glob("*.html")} - {
        "base"
    }
    # A new template needs a page in EVERY_PAGE_TYPE (and content for it).
    assert templates - NOT_RENDERED == set(EVERY_PAGE_TYPE.values())
    findings, report = outline_report(every_page_type)
    assert findings == [], report
    site = read_site(every_page_type)
    careless = site.pages["berita/2017/judul-berantakan/index.html"]
    levels = [(h.level, h.text) for h in careless.headings]
    assert levels[:6] == [
        (1, "Catatan Panitia tentang Penilaian"),
        (2, "Bagian pertama"),
        (3, "Rincian yang melompat"),
        (4, "Lebih dalam lagi"),
        (4, "Judul HTML mentah"),
        (3, "Penutup"),
    ]


# The current Nu HTML checker (vnu.jar from node_modules/).


@pytest.mark.nu
def test_checker_catches_a_planted_error(nu_checker, tmp_path):
    (tmp_path / "index.html").write_text(
        '<!DOCTYPE html><html lang="id"><head><title>x</title></head>'
        '<body><p id="a"></p><p id="a"><img src="x.png"></p></body></html>'
    )
    result = nu_checker(tmp_path)
    assert result.returncode != 0
    assert "Duplicate ID" in result.stdout + result.stderr


@pytest.mark.nu
def test_the_checker_catches_a_planted_skip_and_misnesting(nu_checker, planted):
    folder, lines = planted
    result = nu_checker(folder)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    reported = {
        (str(Path(match["path"]).relative_to(folder)), int(match["line"]))
        for match in map(GNU_ERROR.match, output.splitlines())
        if match
    }
    assert set(lines.items()) <= reported, output
    assert "“h4” (with computed level 4) follows the heading “h1”" in output
    assert "Heading cannot be a child of another heading" in output


@pytest.mark.nu
def test_every_page_of_the_demo_is_valid(nu_checker, demo_site):
    result = nu_checker(demo_site)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert output.strip() == "", output


@pytest.mark.slow
@pytest.mark.nu
def test_every_page_type_is_valid(nu_checker, every_page_type):
    result = nu_checker(every_page_type)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert output.strip() == "", output
