"""Real builds of albums: pages, srcset, cache hits, removed and bad photos."""

import re
import shutil
from pathlib import Path

import pytest
from PIL import Image

from bench.photos import make_photo
from conftest import IGNORE, copy_project, digest, invoke, soup

pytestmark = pytest.mark.slow

ALBUM = "content/galeri/uji-coba"
PHOTOS = {  # name -> (displayed size, EXIF orientation)
    "Pembukaan Acara.jpg": ((2000, 1500), 1),
    "tegak.jpg": ((900, 1200), 6),
    "Penilaian Juri Ñ.jpg": ((1200, 800), 1),
}
ALBUM_YAML = """\
title: Album Uji Coba
date: 2015-09-30
gelar: 2015
credit: Humas Pemkab Magetan
photos:
  - file: tegak.jpg
    caption: Foto tegak
    alt: Foto tegak untuk uji
    kbk: [formasi]
"""


def processed(result):
    """(made, from cache) as the build reports them."""
    match = re.search(
        r"Galeri: (\d+) foto diolah, (\d+) diambil dari cache", result.stdout
    )
    assert match, result.stdout + result.stderr
    return int(match[1]), int(match[2])


def add_album(project):
    album = Path(project) / ALBUM
    album.mkdir(parents=True)
    for seed, (name, (size, orientation)) in enumerate(PHOTOS.items()):
        make_photo(album / name, seed=seed, size=size, orientation=orientation)
    (album / "album.yaml").write_text(ALBUM_YAML, encoding="utf-8")
    return album


def build(project):
    result = invoke(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def album_project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("galeri") / "project")
    add_album(project)
    first = build(project)
    return project, first


@pytest.fixture
def album_copy(album_project, tmp_path):
    project, _first = album_project
    dest = tmp_path / "project"
    shutil.copytree(project, dest, ignore=IGNORE, symlinks=True)
    return dest


def test_album_page_lists_photos_in_order_with_srcset_and_sizes(album_project):
    project, _ = album_project
    page = soup(project / "output", "galeri/uji-coba/")
    assert page.h1.get_text(strip=True) == "Album Uji Coba"
    links = page.select("ul.galeri-grid a.galeri-foto")
    # Listed photos first, then the rest in file-name order.
    assert [a["href"].rsplit("/", 1)[1] for a in links] == [
        "tegak-900.jpg",
        "pembukaan-acara-1600.jpg",
        "penilaian-juri-n-1200.jpg",
    ]
    first = links[1].picture
    source = first.find("source")
    assert source["type"] == "image/webp"
    assert source["srcset"] == (
        "/galeri/uji-coba/foto/pembukaan-acara-480.webp 480w, "
        "/galeri/uji-coba/foto/pembukaan-acara-960.webp 960w, "
        "/galeri/uji-coba/foto/pembukaan-acara-1600.webp 1600w"
    )
    img = first.img
    assert img["srcset"] == source["srcset"].replace(".webp", ".jpg")
    assert img["sizes"] == source["sizes"] and img["sizes"]
    assert (img["width"], img["height"]) == ("960", "720")
    for link in links:
        for candidate in link.picture.img["srcset"].split(", "):
            url, width = candidate.split(" ")
            with Image.open(project / "output" / url.lstrip("/")) as image:
                assert f"{image.width}w" == width
        assert (project / "output" / link["href"].lstrip("/")).is_file()
    # Captions and credits are shown; alt text always present.
    assert "Foto: Humas Pemkab Magetan" in page.select_one(".galeri-grid").get_text()
    assert all(img.get("alt") for img in page.select(".galeri-grid img"))


def test_photos_below_the_fold_load_lazily(album_project):
    project, _ = album_project
    page = soup(project / "output", "galeri/gelar-2016/")  # five demo photos
    lazy = [img.get("loading") for img in page.select(".galeri-grid img")]
    # A phone shows one photo on its first screen (GALERI_EAGER_PHOTOS = 1),
    # and that one is fetched first: the page's largest picture in view.
    assert lazy == [None, "lazy", "lazy", "lazy", "lazy"]
    first = [img.get("fetchpriority") for img in page.select(".galeri-grid img")]
    assert first == ["high", None, None, None, None]
    kbk_page = soup(project / "output", "kbk/formasi/")  # photos low on the page
    images = kbk_page.select(".galeri-grid img")
    assert [img.get("loading") for img in images] == ["lazy", "lazy"]
    assert not any(img.get("fetchpriority") for img in images)


def test_portrait_photo_is_published_portrait(album_project):
    project, _ = album_project
    for width in (480, 900):
        with Image.open(
            project / f"output/galeri/uji-coba/foto/tegak-{width}.jpg"
        ) as im:
            assert im.height > im.width
            assert im.width == width


def test_no_published_file_carries_exif_or_gps_and_originals_stay_private(
    album_project,
):
    project, _ = album_project
    output = project / "output"
    images = [p for p in output.rglob("*") if p.suffix in (".jpg", ".webp", ".png")]
    assert len(images) > 20
    for path in images:
        with Image.open(path) as image:
            assert not image.getexif(), path
            assert "exif" not in image.info and "xmp" not in image.info, path
    names = {p.name for p in images}
    assert not names & set(PHOTOS), "an original was published"
    assert not (output / "images/juara-2016-contoh.jpg").exists()


def test_edition_kbk_and_article_pages_show_their_photos(album_project):
    project, _ = album_project
    edition = soup(project / "output", "gelar/2015/")
    assert "Album Uji Coba" in edition.select_one(".album-list").get_text()
    kbk = soup(project / "output", "kbk/formasi/")
    alts = [img["alt"] for img in kbk.select(".galeri-grid img")]
    assert "Foto tegak untuk uji" in alts
    article = soup(project / "output", "berita/2017/hasil-gelar-budaya-kerja-2017/")
    assert len(article.select(".article-album .galeri-grid li")) == 4  # whole album
    inline = soup(project / "output", "berita/2016/juara-gelar-budaya-kerja-2016/")
    picture = inline.select_one(".content picture.isi-foto")
    assert picture.img["src"] == "/gambar/images/juara-2016-contoh-960.jpg"
    assert picture.img["width"] == "960" and picture.img["height"] == "640"
    index = soup(project / "output", "galeri/")
    titles = [h.get_text(" ", strip=True) for h in index.select(".album-card h2")]
    assert titles[-1] == "Album Uji Coba"  # 2015: the oldest comes last
    assert "contoh" in titles[0]  # sample albums are marked


def test_second_build_decodes_nothing_and_one_change_remakes_one(album_copy):
    project = album_copy
    # Touched, so that the build runs (an unchanged project is not rebuilt).
    (project / ALBUM / "album.yaml").touch()
    assert processed(build(project)) == (0, 13)
    before = digest(project / "output")
    make_photo(project / ALBUM / "tegak.jpg", seed=99, size=(900, 1200), orientation=6)
    assert processed(build(project)) == (1, 12)
    after = digest(project / "output")
    changed = {path for path in after if before.get(path) != after[path]}
    # The new photo comes first, so it is also the album's new cover: its
    # small copies for lists (GALERI_THUMB_WIDTHS) are new too.
    card = soup(project / "output", "galeri/").find("a", href="/galeri/uji-coba/")
    assert "/tegak-" in card.find_parent("li").img["src"]
    assert {p for p in changed if "/foto/" in p} == {
        f"galeri/uji-coba/foto/tegak-{w}.{ext}"
        for w in (480, 900)
        for ext in ("jpg", "webp")
    } | {
        f"galeri/uji-coba/foto/tegak-kecil-{w}.{ext}"
        for w in (160, 320, 480)
        for ext in ("jpg", "webp")
    }


def test_removed_photo_disappears_from_the_output(album_copy):
    project = album_copy
    (project / ALBUM / "Penilaian Juri Ñ.jpg").unlink()
    assert processed(build(project)) == (0, 12)
    output = project / "output"
    assert not list(output.glob("galeri/uji-coba/foto/penilaian-juri-n-*"))
    page = soup(output, "galeri/uji-coba/")
    assert len(page.select(".galeri-grid li")) == 2


def test_the_first_build_made_every_photo(album_project):
    _project, first = album_project
    # 3 album photos, 9 demo sample photos and 1 inline demo image.
    assert processed(first) == (13, 0)
