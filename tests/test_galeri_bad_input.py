"""Bad photos are left out and listed once; bad album.yaml stops the build."""

import os

import pytest
from PIL import Image

from bench.photos import header_only_png, make_photo
from conftest import digest, invoke, soup

pytestmark = pytest.mark.slow

ALBUM = "content/galeri/rusak"


def bad_album(project):
    album = project / ALBUM
    album.mkdir(parents=True)
    good = make_photo(album / "Foto Bagus É.jpg", size=(800, 600))
    data = good.read_bytes()
    (album / "kosong.jpg").write_bytes(b"")
    (album / "bukan-gambar.jpg").write_text("<html>bukan foto</html>")
    (album / "terpotong.jpg").write_bytes(data[: len(data) // 3])
    (album / "bom.png").write_bytes(header_only_png(100_000, 100_000))
    frames = [Image.new("RGB", (40, 30), c) for c in ("red", "blue")]
    frames[0].save(album / "gerak.webp", save_all=True, append_images=frames[1:])
    frames[0].save(album / "gerak.gif", save_all=True, append_images=frames[1:])
    return album


BAD = [
    "bom.png",
    "bukan-gambar.jpg",
    "gerak.gif",
    "gerak.webp",
    "kosong.jpg",
    "terpotong.jpg",
]


def test_unreadable_photos_are_left_out_and_listed_once_at_the_end(project):
    bad_album(project)
    result = invoke(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    warning = out.index("Peringatan: 6 berkas di galeri dilewati")
    assert warning > out.index("Galeri:")  # after the summary, at the end
    listed = out[warning:].splitlines()[1:7]
    assert sorted(line.split(": ", 1)[0].strip(" -") for line in listed) == [
        f"{ALBUM}/{name}" for name in BAD
    ]
    for name in BAD:
        assert out.count(f"{ALBUM}/{name}") == 1, name
    assert "bom dekompresi" in out
    assert "animasi" in out
    assert "berkas .gif bukan foto JPEG, PNG atau WebP" in out
    assert "berkas kosong (0 bita)" in out
    assert "bukan gambar yang dikenali" in out
    assert "terpotong" in out
    assert str(project) not in out[warning:].split("Situs selesai")[0]
    assert "Traceback" not in out + result.stderr
    page = soup(project / "output", "galeri/rusak/")
    hrefs = [a["href"] for a in page.select("a.galeri-foto")]
    assert hrefs == ["/galeri/rusak/foto/foto-bagus-e-800.jpg"]  # spaces, É
    assert (project / "output/galeri/rusak/foto/foto-bagus-e-800.jpg").is_file()


def test_strict_setting_makes_unreadable_photos_fatal(project):
    bad_album(project)
    before = digest(project / "output")
    with open(project / "pelicanconf.py", "a", encoding="utf-8") as conf:
        conf.write("\nGALERI_STRICT = True\n")
    result = invoke(project, "build")
    assert result.returncode == 1
    assert "Ditemukan 6 masalah" in result.stderr
    assert f"{ALBUM}/kosong.jpg" in result.stderr
    assert "GALERI_STRICT" in result.stderr
    assert digest(project / "output") == before


def test_bad_album_yaml_names_file_line_and_field_and_keeps_the_old_site(project):
    album = project / ALBUM
    album.mkdir(parents=True)
    make_photo(album / "ada.jpg", size=(400, 300))
    (album / "album.yaml").write_text(
        "title: Album Rusak\n"
        "photos:\n"
        "  - file: hilang.jpg\n"
        "  - file: ../../etc/passwd\n"
        "  - file: ada.jpg\n"
        "    kbk: [formasii]\n"
        "gelar: 1999\n",
        encoding="utf-8",
    )
    before = digest(project / "output")
    result = invoke(project, "build")
    assert result.returncode == 1
    err = result.stderr
    shown = f"{ALBUM}/album.yaml"
    assert f"{shown}:3: kolom `photos[0].file`: foto `hilang.jpg` tidak ada" in err
    assert (
        f"{shown}:4: kolom `photos[1].file`: `../../etc/passwd` menunjuk ke luar" in err
    )
    assert f"{shown}:6: kolom `photos[2].kbk`: KBK `formasii`" in err
    assert "mungkin maksudnya `formasi`?" in err
    assert (
        f"{shown}:7: kolom `gelar`: tidak ada data Gelar Budaya Kerja tahun 1999" in err
    )
    assert "Ditemukan 4 masalah" in err
    assert digest(project / "output") == before
    # Nothing was written next to the output or outside the project.
    leftovers = [n for n in os.listdir(project) if n.startswith(".output")]
    assert leftovers == []


def test_article_naming_a_missing_album_fails_with_its_line(project):
    path = project / "content/berita/2017/hasil-gelar-budaya-kerja-2017.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Galeri: gelar-2017", "Galeri: gelar-2071"))
    result = invoke(project, "build")
    assert result.returncode == 1
    line = text.splitlines().index("Galeri: gelar-2017") + 1
    assert (
        f"content/berita/2017/hasil-gelar-budaya-kerja-2017.md:{line}: "
        "kolom `Galeri`: album `gelar-2071` tidak ada"
    ) in result.stderr


def test_originals_setting_links_a_full_size_copy_without_metadata(project):
    with open(project / "pelicanconf.py", "a", encoding="utf-8") as conf:
        conf.write("\nGALERI_PUBLISH_ORIGINALS = True\n")
    result = invoke(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    page = soup(project / "output", "galeri/gelar-2016/")
    links = page.select("figcaption a.original[download]")
    assert len(links) == 5
    assert links[0]["href"] == "/galeri/gelar-2016/foto/pembukaan-asli.jpg"
    assert "1800 × 1200" in links[0].get_text()
    with Image.open(project / "output/galeri/gelar-2016/foto/pembukaan-asli.jpg") as im:
        assert im.size == (1800, 1200)
        assert not im.getexif()


def test_bad_gallery_settings_are_refused_by_name(project):
    before = digest(project / "output")
    with open(project / "pelicanconf.py", "a", encoding="utf-8") as conf:
        conf.write('\nGALERI_FORMATS = ("avif",)\nGALERI_WIDTHS = (0,)\n')
        conf.write("GALERI_LEBAR = 3\n")
    result = invoke(project, "build")
    assert result.returncode == 1
    err = result.stderr
    assert "Ditemukan 3 masalah" in err
    assert "pelicanconf.py: kolom `GALERI_LEBAR`: pengaturan ini tidak dikenal" in err
    assert "pelicanconf.py: kolom `GALERI_FORMATS`: format yang dikenal" in err
    assert "pelicanconf.py: kolom `GALERI_WIDTHS`: harus berupa daftar lebar" in err
    assert digest(project / "output") == before
