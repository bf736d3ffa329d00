"""Cleaning and conversion rules of the importer, on small HTML snippets.

Pure functions, so these run in-process; the Markdown they produce is
rendered back with the site's Markdown settings where the HTML matters.
"""

from pathlib import Path

import markdown
import pytest
from pelican.settings import DEFAULT_CONFIG

from wpimport import clean, convert, metadata, shortcodes
from wpimport.images import safe_name, upload_path
from wpimport.model import Attachment
from wpimport.write import OutsideContent, resolve
from wpimport.wxr import parse_wxr

EXPORT = Path(__file__).parent / "fixtures" / "wordpress" / "ekspor.xml"


def to_markdown(html, attachments=None):
    soup, _ = clean.prepare(html, attachments)
    return convert.to_markdown(clean.clean(soup))


def render(text):
    """HTML the way Pelican renders article Markdown for this site."""
    config = DEFAULT_CONFIG["MARKDOWN"]
    return markdown.Markdown(
        extensions=list(config["extension_configs"]),
        extension_configs=config["extension_configs"],
    ).convert(text)


@pytest.mark.parametrize(
    "boilerplate",
    [
        "<p>Iklan</p>",
        "<p>Advertisements</p>",
        "<div class='wpcnt'><div class='wpa'><span>Iklan</span></div></div>",
        "<p>Bagikan ini:</p><ul><li><a href='#'>Twitter</a></li>"
        "<li><a href='#'>Facebook</a></li></ul>",
        "<div class='sharedaddy'><h3>Share this:</h3></div>",
        "<p>Suka ini:</p><p>Memuat...</p>",
        "<p><strong>Baca juga:</strong> <a href='/x/'>Kabar lain</a></p>",
        "<h3>Baca Juga</h3><ul><li><a href='/x/'>Kabar lain</a></li></ul>",
        "<p>Tinggalkan Balasan</p><p>Isikan data di bawah atau klik salah satu"
        " ikon untuk log in:</p><p>Connecting to %s</p>",
        "<p>Logo WordPress.com</p><p>You are commenting using your WordPress.com"
        " account. ( Logout / Ubah )</p>",
        "<script>alert(1)</script><iframe src='javascript:x'></iframe>",
    ],
)
def test_boilerplate_is_removed_and_the_story_kept(boilerplate):
    text = to_markdown(f"<p>Awal berita.</p>{boilerplate}<p>Akhir berita.</p>")
    if "Tinggalkan Balasan" in boilerplate:
        # The comment form ends the article: what follows it is the form.
        assert text == "Awal berita.\n"
    else:
        assert text == "Awal berita.\n\nAkhir berita.\n"


def test_words_that_look_like_boilerplate_stay_inside_sentences():
    html = (
        "<p>Kunjungi halaman <a href='https://example.org/'>Facebook</a> kami.</p>"
        "<p>Terkait hal itu, panitia menambah waktu.</p>"
        "<p>Iklan layanan masyarakat dibuat oleh peserta.</p>"
    )
    assert to_markdown(html) == (
        "Kunjungi halaman [Facebook](https://example.org/) kami.\n\n"
        "Terkait hal itu, panitia menambah waktu.\n\n"
        "Iklan layanan masyarakat dibuat oleh peserta.\n"
    )


def test_classic_editor_text_around_block_tags_becomes_paragraphs():
    html = (
        "Teks pembuka\n<ul>\n<li>satu</li>\n<li>dua</li>\n</ul>\nTeks penutup\n"
        "baris kedua\n<blockquote>Kutipan</blockquote>Sesudah kutipan"
    )
    assert to_markdown(html) == (
        "Teks pembuka\n\n-   satu\n-   dua\n\nTeks penutup  \nbaris kedua\n\n"
        "> Kutipan\n\nSesudah kutipan\n"
    )


def test_caption_shortcode_gives_one_figure_with_one_caption():
    html = (
        '[caption id="attachment_5" align="alignnone" width="300"]'
        '<a href="https://x.files.wordpress.com/2016/01/a.jpg">'
        '<img src="https://x.files.wordpress.com/2016/01/a-300x200.jpg" '
        'alt="Foto bersama" title="Foto bersama" /></a> Foto bersama[/caption]'
        "\n\nFoto bersama\n\nTeks berita."
    )
    text = to_markdown(html)
    assert text.count("Foto bersama") == 1
    assert text == (
        "<figure>\n"
        '<img src="https://x.files.wordpress.com/2016/01/a-300x200.jpg">\n'
        "<figcaption>Foto bersama</figcaption>\n"
        "</figure>\n\n"
        "Teks berita.\n"
    )
    html_out = render(text)
    assert html_out.count("<figure>") == 1
    assert "alt=" not in html_out  # the caption stands for it


def test_gutenberg_gallery_and_gallery_shortcode_become_figures():
    gutenberg = (
        "<!-- wp:gallery -->"
        '<figure class="wp-block-gallery"><ul class="blocks-gallery-grid">'
        '<li><figure><img src="/wp-content/uploads/2016/01/a.jpg" alt="Satu"/>'
        "<figcaption>Satu</figcaption></figure></li>"
        '<li><figure><img src="/wp-content/uploads/2016/01/b.jpg" alt="Meja juri"/>'
        "<figcaption>Dua</figcaption></figure></li></ul></figure>"
        "<!-- /wp:gallery -->"
    )
    text = to_markdown(gutenberg)
    assert text.count("<figure>") == 2
    assert "<figcaption>Satu</figcaption>" in text
    assert 'alt="Meja juri"' in text
    assert "wp-block-gallery" not in text

    attachments = {"7": Attachment("7", "https://x.files.wordpress.com/2016/01/c.jpg")}
    expanded = shortcodes.expand('[gallery ids="7,8"][contact-form]', attachments)
    assert expanded.dropped == ["contact-form"]
    assert expanded.missing == ["8"]
    assert expanded.html.count("<figure>") == 1
    assert "c.jpg" in expanded.html


def test_markdown_keeps_structure_and_escapes_only_markup():
    html = (
        "<h1>Judul dalam isi</h1>"
        "<p>Digelar pada 2015. Nilai 3*4 dan nama_berkas, teks &lt;script&gt; "
        "<a href='javascript:alert(1)'>tautan jahat</a>.</p>"
        "<p>1. bukan daftar</p>"
        "<ol><li>satu<ul><li>dalam</li></ul></li><li>dua</li></ol>"
        "<blockquote><p>kutipan</p></blockquote>"
    )
    text = to_markdown(html)
    assert "## Judul dalam isi" in text  # the page's h1 is the title
    assert "Digelar pada 2015. Nilai" in text  # no "2015\\."
    assert "javascript" not in text
    out = render(text)
    assert "<script>" not in out
    assert "&lt;script&gt;" in out
    assert "3*4 dan nama_berkas" in out
    assert "<p>1. bukan daftar</p>" in out
    assert (
        "<ol>\n<li>satu<ul>\n<li>dalam</li>\n</ul>\n</li>\n<li>dua</li>\n</ol>" in out
    )
    assert "<blockquote>\n<p>kutipan</p>\n</blockquote>" in out


def test_gelar_year_needs_a_data_file():
    years = frozenset({2015, 2016})
    assert metadata.gelar_year("Gelar Budaya Kerja 2016", "", years) == 2016
    assert (
        metadata.gelar_year("Berita", "gelar budaya kerja tahun 2015 usai", years)
        == 2015
    )
    assert metadata.gelar_year("Gelar Budaya Kerja 2014", "", years) is None
    assert metadata.gelar_year("Berita 2015", "Gelar Budaya Kerja. 2015", years) is None


def test_summary_is_short_and_plain():
    soup = clean.clean(clean.prepare("<p>" + "kata " * 80 + "</p>")[0])
    summary = metadata.summary("", soup)
    assert len(summary) <= 201 and summary.endswith("kata…")
    assert metadata.summary("<p>Ringkasan <b>saja</b></p>", soup) == "Ringkasan saja"


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("https://x.files.wordpress.com/2015/10/a.jpg?w=300", "2015/10/a.jpg"),
        ("https://situs.go.id/wp-content/uploads/2015/10/a%20b.jpg", "2015/10/a b.jpg"),
        ("Halaman_files/a.jpg", "Halaman_files/a.jpg"),
        (
            "https://i2.wp.com/x.files.wordpress.com/2015/10/a.jpg?w=640",
            "2015/10/a.jpg",
        ),
        (
            "https://i0.wp.com/situs.go.id/wp-content/uploads/2015/10/a.jpg",
            "2015/10/a.jpg",
        ),
        ("https://x.files.wordpress.com/2015/../../etc/passwd", None),
        ("/wp-content/uploads/../../../etc/passwd", None),
        ("../rahasia.jpg", None),
        ("https://lain.example.org/a.jpg", None),
    ],
)
def test_upload_paths_never_leave_the_uploads_folder(src, expected):
    assert upload_path(src) == expected


def test_written_paths_stay_inside_content(tmp_path):
    assert resolve(tmp_path, "berita/2015/a.md") == str(tmp_path / "berita/2015/a.md")
    for bad in ("../luar.md", "/etc/passwd", "berita/../../luar.md", "berita//a.md"):
        with pytest.raises(OutsideContent):
            resolve(tmp_path, bad)
    assert safe_name("../Foto Rapat (1).JPG") == "Foto-Rapat-1-.JPG"
    assert safe_name("...") == "gambar"


def test_wxr_entries_statuses_and_old_addresses():
    data = EXPORT.read_bytes().replace(
        b"<wp:post_password><![CDATA[]]></wp:post_password>\n"
        b'\t\t<category domain="category" nicename="berita"><![CDATA[Berita]]>'
        b"</category>\n\t</item>",
        b"<wp:post_password><![CDATA[rahasia]]></wp:post_password>\n\t</item>",
    )
    assert data != EXPORT.read_bytes()
    export = parse_wxr(data, "ekspor.xml")
    published = {entry.post_id: entry for entry in export.entries}
    assert sorted(published) == ["10", "11", "20"]
    skipped = {entry.post_id: reason for entry, reason in export.skipped}
    assert skipped == {"12": "draf", "13": "privat", "14": "dilindungi kata sandi"}
    post = published["10"]
    assert post.categories == ("Berita", "Kegiatan")
    assert post.tags == ("budaya kerja", "reformasi birokrasi")
    assert post.author == "Redaksi Warta"
    assert post.old_urls == ("/2015/10/01/gelar-dibuka/", "/?p=10")
    assert published["20"].kind == "page"
    assert {key: a.url for key, a in export.attachments.items()} == {
        "101": "https://wartacontoh.files.wordpress.com/2015/10/pembukaan-gelar.jpg"
    }
    assert export.attachments["101"].parent == "10"
    assert "wartacontoh.wordpress.com" in export.hosts
    title_line = data[: data.index(b"<title>Gelar Budaya Kerja 2015")].count(b"\n") + 1
    assert post.line_of("title") == title_line
