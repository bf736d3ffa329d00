"""`check` finds each planted problem in a built site, and passes a good one."""

import shutil
import sys

import pytest
from PIL import ExifTags, Image

from conftest import ROOT, invoke, run
from sitecheck.findings import summary
from sitecheck.run import check_site

SETTINGS = {"SITEURL": "", "PATH": str(ROOT / "content")}
PAGE = "gelar/2015/index.html"


@pytest.fixture
def site(demo_site, tmp_path):
    """A copy of the demo site that one test may spoil."""
    return shutil.copytree(demo_site, tmp_path / "site")


def plant(site, path, html):
    """Put `html` at the end of the page's <main>; return its line number."""
    file = site / path
    text = file.read_text(encoding="utf-8")
    head, tail = text.split("</main>", 1)
    file.write_text(f"{head}\n{html}\n</main>{tail}", encoding="utf-8")
    return head.count("\n") + 2


def findings(site, check, html=False, **settings):
    result = check_site(site, {**SETTINGS, **settings}, html=html)
    return [f for f in result.findings if f.check == check], result


def save_photo(path, gps):
    exif = Image.Exif()
    if gps:
        exif[ExifTags.IFD.GPSInfo] = {
            ExifTags.GPS.GPSLatitudeRef: "S",
            ExifTags.GPS.GPSLatitude: (7.0, 39.0, 0.0),
        }
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (16, 16), "green").save(path, exif=exif)


def test_the_demo_site_passes_every_check(site):
    result = check_site(site, SETTINGS, html=False)
    assert result.findings == [], summary(result.findings, result.counted, ())
    assert result.skipped == ("html",)


def test_a_broken_link_is_named_with_its_page_and_line(site):
    line = plant(site, PAGE, '<p><a href="/berita/2015/tidak-ada/">x</a></p>')
    found, _ = findings(site, "links")
    assert [(f.path, f.line) for f in found] == [(PAGE, line)]
    assert "`/berita/2015/tidak-ada/`" in found[0].message


def test_a_missing_fragment_is_found(site):
    plant(
        site,
        PAGE,
        '<p><a href="/kbk/cheerful/#tidak-ada">x</a><a href="#isi">y</a></p>',
    )
    found, _ = findings(site, "links")
    assert len(found) == 1
    assert "id `tidak-ada`" in found[0].message


def test_missing_images_in_src_and_srcset_are_found(site):
    save_photo(site / "images/ada.jpg", gps=False)
    plant(
        site,
        PAGE,
        '<img src="../../images/hilang.jpg" alt="a">'
        '<img src="/images/ada.jpg" alt="b"'
        ' srcset="/images/ada.jpg 1x, /images/besar.jpg 2x">',
    )
    found, _ = findings(site, "links")
    assert sorted(f.message.split("`")[3] for f in found) == [
        "../../images/hilang.jpg",
        "/images/besar.jpg",
    ]


def test_absolute_links_to_the_public_address_are_checked_too(site):
    plant(
        site,
        PAGE,
        '<a href="https://arsip.contoh.go.id/hilang/">x</a>'
        '<a href="https://lain.go.id/hilang/">y</a>',
    )
    found, _ = findings(site, "links", SITEURL="https://arsip.contoh.go.id")
    messages = " ".join(f.message for f in found)
    assert "https://arsip.contoh.go.id/hilang/" in messages
    assert "lain.go.id" not in messages


@pytest.mark.parametrize("suffix", ["jpg", "png", "webp"])
def test_gps_data_in_an_image_is_found(site, suffix):
    save_photo(site / f"images/lokasi.{suffix}", gps=True)
    save_photo(site / f"images/bersih.{suffix}", gps=False)
    found, _ = findings(site, "gps")
    assert [f.path for f in found] == [f"images/lokasi.{suffix}"]
    assert "GPS" in found[0].message


@pytest.mark.nu
def test_invalid_html_is_found_by_the_nu_checker(site):
    line = plant(site, PAGE, '<p id="isi">Dua id yang sama.</p>')
    found, result = findings(site, "html", html=True)
    assert [(f.path, f.line) for f in found] == [(PAGE, line)], summary(
        result.findings, result.counted, ()
    )
    assert "Duplicate ID" in found[0].message


def test_a_leaked_draft_page_is_found(site):
    page = site / "draf/rapat/index.html"
    page.parent.mkdir(parents=True)
    text = (site / "berita/2015/gelar-budaya-kerja-2015/index.html").read_text()
    page.write_text(text.replace("<body>", '<body data-status="draft">'))
    found, _ = findings(site, "leaks")
    assert [f.path for f in found] == ["draf/rapat/index.html"]


def test_a_draft_title_shown_on_a_public_page_is_found(site, tmp_path):
    content = shutil.copytree(ROOT / "content", tmp_path / "content")
    (content / "berita/2017/rahasia.md").write_text(
        "Title: Rencana Rahasia Gelar 2018\nDate: 2017-12-01\nStatus: draft\n\nIsi.\n"
    )
    plant(site, "index.html", "<p>Segera: Rencana Rahasia Gelar 2018</p>")
    found, _ = findings(site, "leaks", PATH=str(content))
    assert [f.path for f in found] == ["index.html"]


def test_a_hidden_page_in_the_sitemap_is_found(site):
    path = site / "berita/2016/juara-gelar-budaya-kerja-2016/index.html"
    text = path.read_text().replace("<body>", '<body data-status="hidden">')
    path.write_text(text)  # hidden, but still listed in sitemap.xml
    found, _ = findings(site, "leaks")
    assert [f.path for f in found] == [
        "berita/2016/juara-gelar-budaya-kerja-2016/index.html"
    ]


def test_a_sitemap_that_differs_from_the_pages_is_found(site):
    sitemap = site / "sitemap.xml"
    text = sitemap.read_text().replace(
        "<loc>/gelar/2015/</loc>", "<loc>/gelar/2014/</loc>"
    )
    sitemap.write_text(text)
    found, _ = findings(site, "sitemap")
    messages = [f.message for f in found]
    assert len(found) == 2
    assert "`/gelar/2014/`, tetapi halaman itu tidak ada" in messages[0]
    assert "`/gelar/2015/` ada di situs tetapi tidak tercantum" in messages[1]


def test_a_broken_feed_is_found(site):
    (site / "feeds").mkdir(exist_ok=True)  # the demo has feeds of its own
    (site / "feeds/semua.atom.xml").write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</feed>'
    )
    found, _ = findings(site, "feeds")
    assert [f.path for f in found] == ["feeds/semua.atom.xml"]


def test_pages_over_the_size_budget_are_found(site):
    plant(site, PAGE, "<p>" + "Data hasil. " * 2000 + "</p>")
    found, _ = findings(site, "sizes", SITECHECK_PAGE_MAX_BYTES=12_000)
    sizes = {f.path for f in found}
    assert PAGE in sizes
    assert all((site / path).stat().st_size > 12_000 for path in sizes)
    assert len(sizes) < len(list(site.rglob("*.html")))


@pytest.mark.slow
def test_invoke_check_prints_one_indonesian_summary_and_fails(project):
    clean = invoke(project, "check", "--no-html")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Pemeriksaan situs: tidak ada masalah." in clean.stdout

    assert invoke(project, "new-article", "Rapat Persiapan Gelar 2018").returncode == 0
    assert invoke(project, "build", "--drafts").returncode == 0
    result = invoke(project, "check", "--no-html")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert output.count("Pemeriksaan situs:") == 1
    assert "HTML (Nu HTML checker): dilewati" in output
    assert "Draf, konten tersembunyi dan teks contoh: 1 masalah" in output
    assert "halaman draf ada di situs" in output
    assert "Traceback" not in output


@pytest.mark.parametrize("missing", ["checker", "java"])
def test_a_missing_nu_checker_or_java_is_explained_in_indonesian(
    project, tmp_path, missing
):
    env = {}
    if missing == "checker":
        (project / "node_modules").unlink(missing_ok=True)  # link to the checker
        expected = "berkas node_modules/vnu-jar/build/dist/vnu.jar belum ada."
    else:
        env["PATH"] = str(tmp_path)  # an empty folder: no `java` on the PATH
        expected = "Java belum terpasang."
    result = run([sys.executable, "-m", "invoke", "check"], project, env)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "HTML (Nu HTML checker): 1 masalah" in output
    assert f"Nu HTML checker tidak bisa dijalankan: {expected}" in output
    assert "jalankan `bash .ci/install-system-deps` dari folder proyek" in output
    assert "Traceback" not in output


def test_a_misspelt_check_setting_is_refused(project):
    conf = project / "pelicanconf.py"
    conf.write_text(conf.read_text() + "\nSITECHECK_PAGE_MAX_BYTE = 1\n")
    result = invoke(project, "check", "--no-html")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "SITECHECK_PAGE_MAX_BYTE" in output and "sitecheck/settings.py" in output
    assert "Traceback" not in output


@pytest.mark.slow
def test_a_hidden_article_is_built_but_not_listed(project):
    (project / "content/berita/2017/tersembunyi.md").write_text(
        "Title: Catatan Internal Panitia Gelar\nDate: 2017-12-01\nCategory: Berita\n"
        "Slug: catatan-internal\nStatus: hidden\n\nHanya lewat tautan langsung.\n",
        encoding="utf-8",
    )
    assert invoke(project, "build").returncode == 0
    output = project / "output"
    page = output / "berita/2017/catatan-internal/index.html"
    assert 'data-status="hidden"' in page.read_text(encoding="utf-8")
    assert "catatan-internal" not in (output / "sitemap.xml").read_text()
    assert "Catatan Internal" not in (output / "index.html").read_text()
    result = invoke(project, "check", "--no-html")
    assert result.returncode == 0, result.stdout + result.stderr
