"""`invoke import-wordpress` and `invoke import-html` on a copy of the project.

The fixture export (tests/fixtures/wordpress/ekspor.xml) is shaped like a
WordPress.com export: two published posts (classic editor with [caption],
Gutenberg with image blocks), an older post, a draft, a private post, a
page, an attachment and a menu item, with ads, share buttons, "Baca juga"
blocks and the comment form pasted in. Its text is invented.
"""

import pytest
import yaml
from PIL import Image
from wordpress_fixtures import BOILERPLATE, DEMO_REDIRECTS, EXPORT

from conftest import ROOT, copy_project, digest, invoke, soup


def make_uploads(folder):
    """A copy of wp-content/uploads with the photos the export names.

    rapat-panitia.jpg is there only full size; the post uses the resized
    rapat-panitia-1024x683.jpg. hilang.jpg is missing on purpose.
    """
    photos = {
        "2015/10/pembukaan-gelar.jpg": (200, 90, 40),
        "2015/09/rapat-panitia.jpg": (40, 90, 200),
        "2015/09/denah-ruang.png": (90, 200, 40),
    }
    for relative, colour in photos.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (12, 8), colour).save(path)
    return folder


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """A project copy after one import, and what a second import did."""
    base = tmp_path_factory.mktemp("impor")
    project = copy_project(base / "project")
    uploads = make_uploads(base / "uploads")
    before = digest(project / "content")
    first = invoke(project, "import-wordpress", str(EXPORT), "--uploads", str(uploads))
    assert first.returncode == 0, first.stdout + first.stderr
    after_first = digest(project / "content")
    times = {p: p.stat().st_mtime_ns for p in (project / "content").rglob("*")}
    second = invoke(project, "import-wordpress", str(EXPORT), "--uploads", str(uploads))
    assert second.returncode == 0, second.stdout + second.stderr
    return {
        "project": project,
        "uploads": uploads,
        "before": before,
        "first": first.stdout,
        "after_first": after_first,
        "second": second.stdout,
        "after_second": digest(project / "content"),
        "times": times,
    }


def read(imported, relative):
    return (imported["project"] / "content" / relative).read_text(encoding="utf-8")


def test_classic_post_becomes_clean_markdown(imported):
    assert read(imported, "berita/2015/gelar-dibuka.md") == (
        "Title: Gelar Budaya Kerja 2015 Resmi Dibuka\n"
        "Date: 2015-10-01 09:00\n"
        "Category: Berita\n"
        "Tags: Kegiatan, budaya kerja, reformasi birokrasi\n"
        "Slug: gelar-dibuka\n"
        "Author: Redaksi Warta\n"
        "Summary: Acara tahunan ini dibuka pagi hari di aula kantor bupati. "
        "Setiap kelompok mendapat waktu lima belas menit untuk memaparkan hasil "
        "kerjanya, lalu menjawab pertanyaan dewan juri.\n"
        "Gelar: 2015\n"
        "\n"
        "<figure>\n"
        '<img src="{static}/images/berita/2015/gelar-dibuka/pembukaan-gelar.jpg">\n'
        "<figcaption>Peserta berfoto bersama panitia</figcaption>\n"
        "</figure>\n"
        "\n"
        "Acara tahunan ini dibuka pagi hari di aula kantor bupati. Setiap "
        "kelompok mendapat waktu **lima belas menit** untuk memaparkan hasil "
        "kerjanya, lalu menjawab pertanyaan dewan juri.\n"
        "\n"
        "### Susunan acara\n"
        "\n"
        "-   Pembukaan dan sambutan\n"
        "-   Paparan kelompok\n"
        "    -   kelompok sekolah\n"
        "    -   kelompok perangkat daerah\n"
        "-   Penilaian juri\n"
        "\n"
        "| Sesi | Waktu |\n"
        "| --- | --- |\n"
        "| Pagi | 08.00–12.00 |\n"
        "| Siang \\| lanjutan | 13.00–15.00 |\n"
        "\n"
        "> Kerja yang rapi dimulai dari kebiasaan kecil.\n"
        "\n"
        "Laporan sebelumnya dapat dibaca di [berita persiapan]"
        "({filename}/berita/2015/persiapan-gelar.md), dan *semua* peserta "
        "mendapat piagam.\n"
    )


def test_gutenberg_post_keeps_each_caption_once(imported):
    text = read(imported, "berita/2015/persiapan-gelar.md")
    assert "Category: Berita\n" in text  # "Uncategorized" is not a category
    assert "Summary: Panitia bersiap menyambut kelompok peserta.\n" in text
    assert "Gelar: 2015\n" in text
    assert text.count("Rapat panitia di ruang kerja") == 1
    # A different alt text is a description of its own and stays.
    assert (
        '<img src="{static}/images/berita/2015/persiapan-gelar/denah-ruang.png" '
        'alt="Denah ruang paparan">'
    ) in text
    assert "<figcaption>Denah ruang yang dipakai</figcaption>" in text
    assert "## Yang perlu dibawa\n\n1.  Berkas paparan\n2.  Daftar anggota\n" in text


def test_boilerplate_is_gone(imported):
    for relative in (
        "berita/2015/gelar-dibuka.md",
        "berita/2015/persiapan-gelar.md",
    ):
        text = read(imported, relative)
        for phrase in BOILERPLATE:
            assert phrase not in text, (relative, phrase)
    gelar = read(imported, "berita/2015/gelar-dibuka.md")
    assert gelar.count("Peserta berfoto bersama panitia") == 1


def test_gelar_only_for_years_with_data(imported):
    old = read(imported, "berita/2014/kabar-lama.md")
    assert "Gelar Budaya Kerja 2014" in old
    assert "\nGelar:" not in old
    assert old.startswith("Title: Kabar Lama – Tahun Sebelumnya\n")
    assert "\nTags:" not in old


def test_page_goes_to_pages_without_article_fields(imported):
    assert read(imported, "pages/profil-redaksi.md") == (
        "Title: Profil Redaksi\n"
        "Slug: profil-redaksi\n"
        "Summary: Redaksi menulis kabar kegiatan pemerintah daerah.\n"
        "\n"
        "Redaksi menulis kabar kegiatan pemerintah daerah.\n"
    )


def test_drafts_and_private_posts_are_skipped_and_counted(imported):
    content = imported["project"] / "content"
    written = {str(p.relative_to(content)) for p in content.rglob("*.md")}
    new = written - {p for p in imported["before"] if p.endswith(".md")}
    assert new == {
        "berita/2015/gelar-dibuka.md",
        "berita/2015/persiapan-gelar.md",
        "berita/2014/kabar-lama.md",
        "pages/profil-redaksi.md",
    }
    report = imported["first"]
    assert "Diimpor: 3 berita, 1 halaman." in report
    assert "Dilewati: 2 (1 draf, 1 privat)." in report
    assert "berita `Catatan yang belum selesai` (draf)" in report
    assert "berita `Catatan internal panitia` (privat)" in report


def test_photos_are_copied_beside_the_article_and_missing_ones_listed(imported):
    content = imported["project"] / "content"
    uploads = imported["uploads"]
    copies = {
        "images/berita/2015/gelar-dibuka/pembukaan-gelar.jpg":
            "2015/10/pembukaan-gelar.jpg",
        "images/berita/2015/persiapan-gelar/rapat-panitia.jpg":
            "2015/09/rapat-panitia.jpg",
        "images/berita/2015/persiapan-gelar/denah-ruang.png":
            "2015/09/denah-ruang.png",
    }  # fmt: skip
    for copy, original in copies.items():
        assert (content / copy).read_bytes() == (uploads / original).read_bytes()
    images = {str(p.relative_to(content)) for p in (content / "images").rglob("*.*")}
    demo = {
        str(p.relative_to(ROOT / "content"))
        for p in (ROOT / "content/images").rglob("*.*")
    }
    assert images - demo == set(copies)
    report = imported["first"]
    assert "Gambar: 3 ditemukan, 3 baru disalin." in report
    assert "Gambar tidak ditemukan: 1." in report
    assert (
        "content/berita/2015/persiapan-gelar.md: "
        "https://wartacontoh.files.wordpress.com/2015/09/hilang.jpg"
    ) in report


def test_old_addresses_are_recorded_as_redirects(imported):
    text = read(imported, "redirects.yaml")
    assert text.startswith("# Pengalihan alamat lama ke alamat baru.\nredirects:\n")
    entries = yaml.safe_load(text)["redirects"]
    assert entries == [
        *DEMO_REDIRECTS,
        {"from": "/2015/10/01/gelar-dibuka/", "to": "/berita/2015/gelar-dibuka/"},
        {"from": "/?p=10", "to": "/berita/2015/gelar-dibuka/"},
        {"from": "/2015/09/20/persiapan-gelar/", "to": "/berita/2015/persiapan-gelar/"},
        {"from": "/?p=11", "to": "/berita/2015/persiapan-gelar/"},
        {"from": "/2014/10/02/kabar-lama/", "to": "/berita/2014/kabar-lama/"},
        {"from": "/?p=14", "to": "/berita/2014/kabar-lama/"},
        {"from": "/?p=20", "to": "/profil-redaksi/"},
        {"from": "/?page_id=20", "to": "/profil-redaksi/"},
    ]  # fmt: skip
    total = 8 + len(DEMO_REDIRECTS)
    assert f"8 baru, {total} seluruhnya" in imported["first"]


def test_a_second_import_changes_nothing(imported):
    assert imported["after_first"] != imported["before"]
    assert imported["after_second"] == imported["after_first"]
    content = imported["project"] / "content"
    for path, mtime in imported["times"].items():
        assert path.stat().st_mtime_ns == mtime, path
    assert "(baru)" not in imported["second"]
    assert "(tidak berubah)" in imported["second"]
    assert "0 baru disalin" in imported["second"]
    total = 8 + len(DEMO_REDIRECTS)
    assert f"0 baru, {total} seluruhnya" in imported["second"]
    assert not list(content.rglob("*.impor-*"))  # no temporary file left
    # Written with the user's usual permissions, like an editor's files.
    article = content / "berita/2015/gelar-dibuka.md"
    tentang = content / "pages/tentang.md"
    assert article.stat().st_mode & 0o777 == tentang.stat().st_mode & 0o777


@pytest.fixture(scope="module")
def imported_site(imported):
    project = imported["project"]
    result = invoke(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "output"


@pytest.mark.slow
def test_imported_content_builds_into_the_site(imported_site):
    page = soup(imported_site, "berita/2015/gelar-dibuka/")
    main = page.main.get_text(" ")
    assert "Peserta berfoto bersama panitia" in main
    assert main.count("Peserta berfoto bersama panitia") == 1
    figure = page.main.find("figure")
    # Imported photos go through the gallery pipeline like any other:
    # resized copies in <picture>, and the original (with its EXIF) stays out.
    src = figure.picture.img["src"]
    assert src.startswith("/gambar/images/berita/2015/gelar-dibuka/pembukaan-gelar-")
    assert (imported_site / src.lstrip("/")).is_file()
    assert not (
        imported_site / "images/berita/2015/gelar-dibuka/pembukaan-gelar.jpg"
    ).exists()
    nested = page.main.select("li > ul > li")
    assert [li.get_text(strip=True) for li in nested] == [
        "kelompok sekolah",
        "kelompok perangkat daerah",
    ]
    cells = [td.get_text() for td in page.main.select("table td")]
    assert "Siang | lanjutan" in cells
    link = page.main.find("a", string="berita persiapan")
    assert link["href"] == "/berita/2015/persiapan-gelar/"
    edition = soup(imported_site, "gelar/2015/").main.get_text(" ")
    assert "Gelar Budaya Kerja 2015 Resmi Dibuka" in edition
    assert soup(imported_site, "profil-redaksi/").h1.get_text(strip=True) == (
        "Profil Redaksi"
    )
    assert not (imported_site / "redirects.yaml").exists()
    assert not list(imported_site.rglob("catatan-*"))


@pytest.mark.slow
@pytest.mark.nu
def test_imported_site_is_valid_html(imported_site, nu_checker):
    result = nu_checker(imported_site)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert output.strip() == "", output  # --errors-only: any line is an error


def test_existing_redirects_are_kept_and_never_listed_twice(tmp_path):
    project = copy_project(tmp_path / "project")
    redirects = project / "content/redirects.yaml"
    redirects.write_text(
        "# Pengalihan alamat lama ke alamat baru.\n"
        "redirects:\n"
        "  - from: /lama/\n"
        "    to: /tentang/\n"
        "  - from: /?p=10\n"
        "    to: /berita/2015/gelar-budaya-kerja-2015/\n",
        encoding="utf-8",
    )
    result = invoke(project, "import-wordpress", str(EXPORT))
    assert result.returncode == 0, result.stdout + result.stderr
    entries = yaml.safe_load(redirects.read_text(encoding="utf-8"))["redirects"]
    sources = [entry["from"] for entry in entries]
    assert sources[:2] == ["/lama/", "/?p=10"]
    assert len(sources) == len(set(sources)) == 9
    assert entries[1]["to"] == "/berita/2015/gelar-budaya-kerja-2015/"
    assert "`/?p=10` sudah dialihkan ke `/berita/2015/gelar-budaya-kerja-2015/`" in (
        result.stdout
    )
    # Without --uploads every photo is listed as missing, none is copied.
    assert "Gambar tidak ditemukan: 4." in result.stdout
    assert not (project / "content/images/berita").exists()


def test_an_edited_article_is_not_overwritten(tmp_path):
    project = copy_project(tmp_path / "project")
    assert invoke(project, "import-wordpress", str(EXPORT)).returncode == 0
    article = project / "content/berita/2015/gelar-dibuka.md"
    edited = article.read_text(encoding="utf-8").replace("aula", "balai")
    article.write_text(edited, encoding="utf-8")
    again = invoke(project, "import-wordpress", str(EXPORT))
    assert again.returncode == 0, again.stdout + again.stderr
    assert article.read_text(encoding="utf-8") == edited
    assert "content/berita/2015/gelar-dibuka.md: berkas ini sudah ada" in again.stdout
