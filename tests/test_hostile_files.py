"""Hostile files: nothing from outside content/, no photo with its GPS,
nothing that runs code, whatever the file is called.

Issue 14, defect 2 (a JPEG with GPS saved as `.jfif`, `.jpe`, `.tif` or
`.heic`, or a real TIFF, copied byte for byte; `check` looking only at
`.jpg/.jpeg/.png/.webp`), defect 3 (symlinks publishing files from
outside content/, through every entry point) and the weak spot of an
`.svg` with `onload` or an `.html` file copied verbatim.
"""

import os

import pytest
from PIL import Image

from bench.photos import camera_exif, make_photo
from conftest import digest
from hostile_kit import (
    append_line,
    assert_cli_refuses,
    assert_not_published,
    assert_refused,
    built,
)
from sitecheck.gps import check_gps
from sitecheck.run import check_site

REPORT = "content/berita/2015/gelar-budaya-kerja-2015.md"
IMAGES = "content/images"
ALBUM = "content/galeri/gelar-2016"


@pytest.fixture
def photo_with_gps(tmp_path):
    return make_photo(tmp_path / "lokasi.jpg", size=(640, 480))


@pytest.fixture
def tiff_with_gps(tmp_path):
    path = tmp_path / "lokasi.tif"
    Image.new("RGB", (320, 240), "red").save(path, exif=camera_exif().tobytes())
    return path


@pytest.fixture
def secret(tmp_path):
    """A file outside the project that must never be published."""
    path = tmp_path / "rahasia" / "sandi.txt"
    path.parent.mkdir()
    path.write_text("kata sandi server: rahasia-sekali\n", encoding="utf-8")
    return path


def metadata_findings(site):
    files = {
        os.path.relpath(os.path.join(folder, name), site).replace(os.sep, "/")
        for folder, _dirs, names in os.walk(site)
        for name in names
    }
    return check_gps(str(site), files)


# -- defect 2: photos with GPS under another name ---------------------------

RENAMED = ["jfif", "jpe", "tif", "heic", "JPG.bak"]


def test_renamed_photos_with_gps_are_never_copied_as_they_are(
    project, photo_with_gps, tiff_with_gps
):
    planted = []
    for extension in RENAMED:
        target = project / IMAGES / f"lokasi.{extension}"
        target.write_bytes(photo_with_gps.read_bytes())
        planted.append(target)
    real_tiff = project / IMAGES / "asli.tiff"
    real_tiff.write_bytes(tiff_with_gps.read_bytes())
    built(project)
    output = project / "output"
    assert_not_published(output, *planted, real_tiff)
    assert metadata_findings(output) == []


def test_a_renamed_photo_in_an_article_goes_through_the_pipeline(
    project, photo_with_gps
):
    (project / IMAGES / "lokasi.jfif").write_bytes(photo_with_gps.read_bytes())
    append_line(project, REPORT, "![Lokasi acara]({static}/images/lokasi.jfif)")
    built(project)
    output = project / "output"
    page = (output / "berita/2015/gelar-budaya-kerja-2015/index.html").read_text()
    assert "gambar/images/lokasi-640.webp" in page
    assert "{static}" not in page and "lokasi.jfif" not in page
    assert_not_published(output, photo_with_gps)
    assert metadata_findings(output) == []


def test_a_real_tiff_in_an_article_is_refused_with_its_line(project, tiff_with_gps):
    (project / IMAGES / "peta.tif").write_bytes(tiff_with_gps.read_bytes())
    line = append_line(project, REPORT, "![Peta]({static}/images/peta.tif)")
    assert_refused(project, REPORT, line, "format TIFF tidak didukung")


@pytest.mark.parametrize("name", ["foto.jfif", "foto.tif", "foto.heic", "foto.bin"])
def test_check_finds_gps_in_any_published_file_by_its_content(
    tmp_path, photo_with_gps, name
):
    site = tmp_path / "situs"
    site.mkdir()
    (site / name).write_bytes(photo_with_gps.read_bytes())
    clean = site / "bersih.jfif"
    Image.new("RGB", (8, 8), "blue").save(clean, "JPEG")
    found = metadata_findings(site)
    assert [(f.path, "GPS" in f.message) for f in found] == [(name, True)]


def test_check_finds_exif_in_a_heic_it_cannot_open(tmp_path):
    site = tmp_path / "situs"
    site.mkdir()
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 40
    (site / "foto.heic").write_bytes(heic + b"Exif\x00\x00MM\x00*" + b"\x00" * 64)
    [finding] = metadata_findings(site)
    assert finding.path == "foto.heic" and "metadata EXIF" in finding.message


def test_check_finds_camera_exif_and_xmp_without_gps(tmp_path):
    site = tmp_path / "situs"
    site.mkdir()
    Image.new("RGB", (8, 8)).save(
        site / "kamera.png", exif=camera_exif(gps=False).tobytes()
    )
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta>'
    Image.new("RGB", (8, 8)).save(site / "xmp.jpg", "JPEG", xmp=xmp)
    found = {f.path: f.message for f in metadata_findings(site)}
    assert "metadata EXIF" in found["kamera.png"]
    assert "XMP" in found["xmp.jpg"]


# -- defect 3: symlinks out of content/ --------------------------------------


def _link(project, relative, target):
    path = project / relative
    if path.exists() or path.is_symlink():
        if path.is_dir() and not path.is_symlink():
            for child in sorted(path.rglob("*"), reverse=True):
                child.unlink() if not child.is_dir() else child.rmdir()
            path.rmdir()
        else:
            path.unlink()
    os.symlink(target, path)
    return relative


ENTRY_POINTS = {
    "static_file": lambda s: (f"{IMAGES}/sandi.txt", s),
    "static_folder": lambda s: (f"{IMAGES}/rahasia", s.parent),
    "album_folder": lambda s: ("content/galeri/rahasia", s.parent),
    "album_photo": lambda s: (f"{ALBUM}/zz-sandi.jpg", s),
    "album_yaml": lambda s: (f"{ALBUM}/album.yaml", s),
    "page": lambda s: ("content/pages/sandi.md", s),
    "article": lambda s: ("content/berita/2017/sandi.md", s),
    "data_file": lambda s: ("content/data/2018.yaml", s),
    "redirects_file": lambda s: ("content/redirects.yaml", s),
}


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_a_symlink_out_of_content_is_refused_at_every_entry_point(
    project, secret, entry
):
    relative, target = ENTRY_POINTS[entry](secret)
    _link(project, relative, target)
    assert_refused(project, relative, None, str(target), "di luar folder content/")
    assert_not_published(project / "output", secret)


def test_a_static_link_that_climbs_out_of_content_is_refused(project):
    line = append_line(project, REPORT, "[konfigurasi]({static}/../pelicanconf.py)")
    assert_refused(project, REPORT, line, "menunjuk ke luar folder content/")


def test_a_symlink_to_its_own_folder_is_refused_not_walked_forever(project):
    _link(project, f"{IMAGES}/putar", "..")
    assert_refused(project, f"{IMAGES}/putar", None, "berputar")


def test_links_inside_content_still_work(project):
    os.symlink("juara-2016-contoh.jpg", project / IMAGES / "juara.jpg")
    built(project)


@pytest.mark.slow
def test_a_symlink_to_a_secret_fails_the_real_build_and_publishes_nothing(
    project, secret
):
    _link(project, f"{IMAGES}/sandi.txt", secret)
    assert_cli_refuses(project, f"{IMAGES}/sandi.txt", None, str(secret))
    assert_not_published(project / "output", secret)


# -- weak spot: active content in static files -------------------------------

ACTIVE = {
    "logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    "peta.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "tautan.svg": (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        'xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<a xlink:href="javascript:alert(1)"><rect/></a></svg>'
    ),
    "halaman.html": "<html><script>alert(1)</script></html>",
    "skrip.js": "alert(1)",
    "teks.txt": "<!DOCTYPE html><html><body onload=alert(1)>",
}


@pytest.mark.parametrize("name", ACTIVE)
def test_a_static_file_that_would_run_code_is_refused(project, name):
    (project / IMAGES / name).write_text(ACTIVE[name], encoding="utf-8")
    assert_refused(project, f"{IMAGES}/{name}", None, "menjalankan kode")


def test_a_plain_svg_is_still_published(project):
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>'
    (project / IMAGES / "bulat.svg").write_text(svg, encoding="utf-8")
    built(project)
    assert (project / "output/images/bulat.svg").read_text() == svg
    settings = {"PATH": str(project / "content")}
    assert check_site(project / "output", settings, html=False).findings == []
    assert digest(project / "output")
