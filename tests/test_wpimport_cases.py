"""Each numbered case of issue 17 on a fixture export written for it.

tests/fixtures/wordpress/kasus.xml has one post (or more) per case: the
`https` namespace, a post without a title, two posts with one slug, odd
old addresses, embeds of every kind, a gallery without ids, a cover block
with repeated text, footnotes, linked photos, a table with a footer and a
caption, preformatted text and verse, strikethrough and superscript, a
list that starts at 3, titles with markup, and other post types. It is
imported once into a copy of the project, which is then built.
"""

import re

import pytest
import yaml
from PIL import Image
from wordpress_fixtures import FIXTURES

from conftest import copy_project, digest, invoke, soup
from sitekit.redirects import is_old_address, is_site_path, save_as_for
from wpimport.wxr import parse_wxr

CASES = FIXTURES / "kasus.xml"
COVERS = ["panggung.jpg", "spanduk.jpg"]
GALLERY = ["juri-keliling.jpg", "gang-bersih.jpg", "piala.jpg"]


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    base = tmp_path_factory.mktemp("kasus")
    project = copy_project(base / "project")
    uploads = base / "uploads"
    (uploads / "2016/10").mkdir(parents=True)
    for index, name in enumerate(COVERS + GALLERY):
        Image.new("RGB", (12, 8), (index * 30, 90, 40)).save(uploads / "2016/10" / name)
    result = invoke(project, "import-wordpress", str(CASES), "--uploads", str(uploads))
    assert result.returncode == 0, result.stdout + result.stderr
    return {"project": project, "report": result.stdout}


@pytest.fixture(scope="module")
def site(imported):
    result = invoke(imported["project"], "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return imported["project"] / "output"


def read(imported, relative):
    path = imported["project"] / "content" / relative
    return path.read_text(encoding="utf-8")


def body(site, url):
    return soup(site, url).find("div", class_="content")


def test_1_an_export_with_the_https_namespace_is_imported(imported):
    assert "Diimpor: 10 berita, 1 halaman." in imported["report"]


@pytest.mark.parametrize(
    "namespace",
    [
        "http://wordpress.org/export/1.0/",
        "http://wordpress.org/export/1.1/",
        "http://wordpress.org/export/1.2/",
        "https://wordpress.org/export/1.2/",
    ],
)
def test_1_every_wxr_version_and_namespace_spelling_is_read(namespace):
    data = CASES.read_bytes().replace(
        b"https://wordpress.org/export/1.2/", namespace.encode()
    )
    assert data.count(namespace.encode()) == 2  # wp: and excerpt:
    export = parse_wxr(data, "kasus.xml")
    assert len(export.entries) == 12
    assert export.attachments["302"].caption == "Juri mencatat nilai di depan pos ronda"


def test_2_a_post_without_title_is_skipped_and_the_rest_imported(imported):
    report = imported["report"]
    assert "berita pos 201 (tidak punya judul)" in report
    assert "kasus.xml:23: kolom `title`: pos 201 tidak punya judul. Pos ini " in report
    content = imported["project"] / "content"
    assert not (content / "berita/2016/tanpa-judul.md").exists()


def test_2_a_shared_slug_takes_the_posts_own_permalink(imported):
    first = read(imported, "berita/2016/kerja-bakti.md")
    second = read(imported, "berita/2016/kerja-bakti-lanjutan.md")
    assert "Title: Kerja Bakti Pertama\n" in first
    assert "Title: Kerja Bakti Kedua\n" in second
    assert "Slug: kerja-bakti-lanjutan\n" in second
    assert "diimpor dengan slug `kerja-bakti-lanjutan`" in imported["report"]
    entries = yaml.safe_load(read(imported, "redirects.yaml"))["redirects"]
    assert {
        "from": "/2016/10/09/kerja-bakti-lanjutan/",
        "to": "/berita/2016/kerja-bakti-lanjutan/",
    } in entries
    assert {"from": "/?p=203", "to": "/berita/2016/kerja-bakti-lanjutan/"} in entries


def test_2_strict_keeps_all_or_nothing(tmp_path):
    project = copy_project(tmp_path / "project")
    before = digest(project / "content")
    result = invoke(project, "import-wordpress", str(CASES), "--strict")
    assert result.returncode != 0
    assert "Ditemukan 2 masalah" in result.stderr
    assert "pos 201 tidak punya judul" in result.stderr
    assert "slug `kerja-bakti` dari `Kerja Bakti Kedua`" in result.stderr
    assert digest(project / "content") == before


def test_3_old_addresses_are_normalised_and_pass_the_build_rules(imported):
    entries = yaml.safe_load(read(imported, "redirects.yaml"))["redirects"]
    assert {
        "from": "/arsip/2016/10/café-warga%20baru/",
        "to": "/berita/2016/cafe-warga/",
    } in entries
    for entry in entries:
        assert is_old_address(entry["from"]), entry
        assert is_site_path(entry["to"]), entry


@pytest.mark.slow
def test_3_the_imported_site_builds_with_its_redirects(site):
    page = site / save_as_for("/arsip/2016/10/café-warga%20baru/")
    assert "/berita/2016/cafe-warga/" in page.read_text(encoding="utf-8")


def test_4_embeds_become_links_never_nothing(imported):
    text = read(imported, "berita/2016/video-kegiatan.md")
    assert (
        "Rekaman lomba ada di bawah ini. [Tonton video di YouTube: Lomba Tujuh "
        "Belasan](https://www.youtube.com/watch?v=AbCdEf12345) Selamat menonton."
    ) in text
    assert "[Tonton video di Vimeo](https://vimeo.com/765432)" in text
    assert "(https://www.youtube.com/watch?v=ZyXwVu98765)" in text
    assert "(https://www.youtube.com/watch?v=QwErTy11111)" in text
    assert "[Lihat peta di Google Maps](https://www.google.com/maps/embed" in text
    assert "Tonton video: pawai.mp4" in text
    assert "iframe" not in text and "[embed" not in text and "[youtube" not in text
    blocks = read(imported, "berita/2016/siaran-ulang.md")
    assert (
        "[Tonton video di YouTube: Rekaman lengkap musyawarah]"
        "(https://www.youtube.com/watch?v=MuSyAwArAh1)"
    ) in blocks
    assert "[Lihat peta di OpenStreetMap](https://www.openstreetmap.org/" in blocks


@pytest.mark.slow
def test_4_embedded_video_is_a_link_in_the_built_page(site):
    content = body(site, "berita/2016/video-kegiatan/")
    assert content.find("iframe") is None
    first = content.find("p")
    assert first.get_text(" ", strip=True).startswith("Rekaman lomba ada di bawah ini.")
    assert first.a["href"] == "https://www.youtube.com/watch?v=AbCdEf12345"


def test_5_a_gallery_without_ids_shows_the_posts_photos_in_order(imported):
    text = read(imported, "berita/2016/galeri-lomba.md")
    folder = "{static}/images/berita/2016/galeri-lomba/"
    photos = re.findall(r'<img src="([^"]+)"', text)
    assert photos == [folder + name for name in GALLERY]
    assert "<figcaption>Juri mencatat nilai di depan pos ronda</figcaption>" in text
    assert 'alt="Gang sempit berhias pot bunga"' in text
    assert "<figcaption>Gang RT 03 yang menang lomba</figcaption>" in text
    assert (
        '<figcaption>Piala bergilir untuk <a href="https://kabarcontoh.example/rt-03/">'
        "RT 03</a></figcaption>"
    ) in text


def test_6_only_a_caption_beside_its_own_photo_is_removed(imported):
    text = read(imported, "berita/2016/hari-jadi.md")
    assert text.count("Selengkapnya:") == 2
    assert text.count("Terima kasih kepada semua warga.") == 2
    for item in ["Pentas tari anak", "Lomba masak", "Jalan sehat", "Doa bersama"]:
        assert f"-   {item}\n" in text
    assert text.count("Penonton memenuhi lapangan") == 1
    report = imported["report"]
    assert "keterangan ganda: lapangan, memenuhi, penonton" in report


def test_7_footnotes_become_markdown_footnotes(imported):
    text = read(imported, "berita/2016/rapat-anggaran.md")
    assert "termasuk dana kebersihan[^1]." in text
    assert text.rstrip().endswith(
        "[^1]: Termasuk upah petugas sampah, lihat "
        "[jadwal](https://kabarcontoh.example/sampah/)."
    )
    assert "Summary: Rapat membahas anggaran tahunan, termasuk dana kebersihan.\n" in (
        text
    )


@pytest.mark.slow
def test_7_footnote_links_lead_somewhere_in_the_built_page(site):
    content = body(site, "berita/2016/rapat-anggaran/")
    reference = content.find("a", class_="footnote-ref")
    note = content.find(id=reference["href"].lstrip("#"))
    assert "Termasuk upah petugas sampah" in note.get_text()
    back = note.find("a", class_="footnote-backref")
    assert content.find(id=back["href"].lstrip("#")) is not None


def test_8_cover_images_are_imported_like_other_photos(imported):
    text = read(imported, "berita/2016/hari-jadi.md")
    content = imported["project"] / "content"
    for name in COVERS:
        copy = f"images/berita/2016/hari-jadi/{name}"
        assert "{static}/" + copy in text
        assert (content / copy).is_file()
    assert "![Panggung hari jadi kelurahan]" in text
    story = text.split("\n\n", 1)[1]
    assert story.index("panggung.jpg") < story.index("Hari jadi dirayakan")
    assert "Spanduk ucapan selamat" in text


def test_9_links_around_photos_and_in_captions_are_kept(imported):
    text = read(imported, "berita/2016/rapat-anggaran.md")
    assert (
        '<a href="https://kabarcontoh.example/dokumen-rapat/"><img src="'
        "https://kabarcontoh.example/wp-content/uploads/2016/10/rapat.jpg"
        '" alt="Peserta rapat di aula"></a>'
    ) in text
    assert (
        "<figcaption>Notulen lengkap ada di "
        '<a href="https://kabarcontoh.example/notulen/">halaman notulen</a>'
        "</figcaption>"
    ) in text


@pytest.mark.slow
def test_10_a_table_keeps_its_header_footer_and_caption(site):
    table = body(site, "berita/2016/rapat-anggaran/").find("table")
    assert table.caption.get_text() == "Rincian anggaran sementara"
    assert [th.get_text() for th in table.thead.find_all("th")] == ["Pos", "Jumlah"]
    assert [td.get_text() for td in table.tfoot.find_all("td")] == ["Total", "20 juta"]
    assert len(table.tbody.find_all("tr")) == 2
    assert "---" not in table.get_text()


@pytest.mark.slow
def test_11_preformatted_keeps_its_lines_and_verse_is_a_poem(site):
    content = body(site, "berita/2016/rapat-anggaran/")
    pre = content.find("pre")
    assert pre.get_text() == "Jadwal piket:\nSenin   RT 01\nSelasa  RT 02\n"
    assert pre.find("span", class_=re.compile("^(?!w$)")) is None  # no colours
    verse = content.find(lambda tag: tag.name == "p" and "Bersih jalanku" in tag.text)
    assert verse.find("br") is not None
    assert verse.find_parent("pre") is None
    assert "Rapi kampungku" in verse.get_text()


@pytest.mark.slow
def test_12_strikethrough_superscript_and_subscript_survive(site):
    content = body(site, "berita/2016/rapat-anggaran/")
    assert content.find("del").get_text() == "15 juta"
    assert [sup.get_text() for sup in content.find_all("sup")][:2] == ["1", "2"]
    assert content.find("sub").get_text() == "2"
    assert "~~" not in content.get_text()


@pytest.mark.slow
def test_13_a_list_keeps_its_start_and_two_lists_stay_two(site):
    content = body(site, "berita/2016/rapat-anggaran/")
    ordered = content.find("ol", start=True)
    assert ordered["start"] == "3"
    assert [li.get_text() for li in ordered.find_all("li")] == [
        "Usulan ketiga",
        "Usulan keempat",
    ]
    lists = [ul.get_text(strip=True) for ul in content.find_all("ul")]
    assert lists == ["Catatan pertama", "Catatan kedua"]


def test_14_titles_are_plain_text(imported):
    assert "Title: Warga Guyub di Hari Bersih\n" in read(
        imported, "berita/2016/warga-guyub.md"
    )
    assert "Title: Belajar tag <html> di Karang Taruna\n" in read(
        imported, "berita/2016/belajar-html.md"
    )


@pytest.mark.slow
def test_14_a_title_keeps_every_word_in_the_built_page(site):
    page = soup(site, "berita/2016/belajar-html/")
    assert page.h1.get_text() == "Belajar tag <html> di Karang Taruna"
    assert page.title.get_text().startswith("Belajar tag <html> di Karang Taruna ·")
    share = page.find("meta", property="og:title")
    assert share["content"] == "Belajar tag <html> di Karang Taruna"


def test_15_summaries_are_spaced_right(imported):
    text = read(imported, "berita/2016/belajar-html.md")
    assert (
        "Summary: Pemuda belajar membuat halaman web, mulai dari modul dasar, "
        "lalu latihan bersama.\n"
    ) in text


def test_16_quotes_details_files_categories_and_links(imported):
    text = read(imported, "berita/2016/rapat-anggaran.md")
    assert "> Kelurahan bersih dimulai dari rumah.\n>\n> <cite>Lurah Contoh</cite>" in (
        text
    )
    assert '<details markdown="1">\n<summary>Dasar hukum</summary>\n' in text
    assert "[Notulen rapat](" in text and ".pdf) [Unduh](" in text
    assert "Category: Pemerintahan\n" in text  # a category without `domain`
    # The old permalink had another date than the post: still the new file.
    assert "[kafe warga]({filename}/berita/2016/cafe-warga.md)" in text
    assert "blok dinamis `latest-posts`" in imported["report"]


def test_16_other_post_types_are_listed(imported):
    report = imported["report"]
    assert "content/pages/posyandu.md (baru; jenis `agenda`)" in report
    assert "`agenda` `Agenda Kosong` (tanpa isi)" in report
    assert "1 × `nav_menu_item`: butir menu situs" in report
    page = read(imported, "pages/posyandu.md")
    assert "Posyandu buka setiap Selasa pagi di balai RW." in page


def test_no_post_loses_a_word_without_the_report_saying_so(imported):
    report = imported["report"]
    assert "Berkas yang kehilangan kata tanpa disengaja: 0;" in report
    assert "hilang:" not in report
    shares = re.findall(r"\): \d+ dari \d+ kata \((\d+),(\d)%\)", report)
    assert shares and all(float(f"{a}.{b}") >= 90 for a, b in shares)


@pytest.mark.slow
@pytest.mark.nu
def test_the_imported_cases_are_valid_html(site, nu_checker):
    result = nu_checker(site / "berita/2016")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert output.strip() == "", output  # errors only: any line is an error
