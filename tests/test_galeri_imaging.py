"""The image functions on their own: orientation, metadata, sizes, bad files."""

import io

import pytest
from PIL import Image

from bench.photos import GPS_IFD, header_only_png, make_photo
from galeri import imaging
from galeri.cache import PhotoCache
from galeri.pipeline import Job, run_jobs

OPTIONS = imaging.Options(widths=(200, 400, 800))


def render_file(path, options=OPTIONS):
    header = imaging.read_header(path, options.max_pixels)
    return header, imaging.render(path, header, options)


def opened(output):
    return Image.open(io.BytesIO(output.data))


def test_plan_sizes_never_upscales_and_keeps_the_aspect_ratio():
    assert imaging.plan_sizes(4000, 3000, (480, 960, 1600)) == [
        (1600, 1200),
        (960, 720),
        (480, 360),
    ]
    # Narrower than the largest width: its own width once, never enlarged.
    assert imaging.plan_sizes(700, 1000, (480, 960, 1600)) == [
        (700, 1000),
        (480, 686),
    ]
    assert imaging.plan_sizes(100, 50, (480, 960)) == [(100, 50)]


def test_portrait_photo_with_orientation_6_comes_out_portrait(tmp_path):
    path = make_photo(tmp_path / "tegak.jpg", size=(900, 1200), orientation=6)
    with Image.open(path) as stored:
        assert stored.size == (1200, 900)  # stored sideways, as cameras do
    header, outputs = render_file(path)
    assert (header.width, header.height) == (900, 1200)
    for output in outputs:
        image = opened(output)
        assert image.width < image.height
        assert image.size == (output.width, output.height)
    assert {o.width for o in outputs} == {200, 400, 800}


def test_no_output_carries_exif_gps_xmp_or_icc(tmp_path):
    path = make_photo(tmp_path / "kamera.jpg", size=(1000, 750))
    with Image.open(path) as original:
        original.load()
        assert original.getexif().get_ifd(GPS_IFD)  # the input does have GPS
    _header, outputs = render_file(path)
    assert {o.format for o in outputs} == {"jpeg", "webp"}
    for output in outputs:
        image = opened(output)
        assert not image.getexif()
        for key in ("exif", "xmp", "icc_profile", "XML:com.adobe.xmp"):
            assert key not in image.info, (output.width, output.format, key)
        assert b"Exif" not in output.data
        assert b"Kamera Contoh" not in output.data


def test_credit_can_be_written_as_the_only_exif_tag(tmp_path):
    path = make_photo(tmp_path / "kamera.jpg", size=(600, 450))
    options = imaging.Options(widths=(300,), copyright="Humas Pemkab Magetan")
    _header, outputs = render_file(path, options)
    for output in outputs:
        exif = opened(output).getexif()
        assert dict(exif) == {0x8298: "Humas Pemkab Magetan"}
        assert not exif.get_ifd(GPS_IFD)


def test_cmyk_jpeg_becomes_an_rgb_jpeg(tmp_path):
    path = tmp_path / "cmyk.jpg"
    Image.new("CMYK", (500, 400), (0, 255, 255, 0)).save(path, "JPEG")
    _header, outputs = render_file(path)
    jpeg = next(o for o in outputs if o.format == "jpeg")
    image = opened(jpeg)
    assert image.mode == "RGB"
    red, green, blue = image.getpixel((10, 10))
    assert red > 200 and green < 60 and blue < 60


def test_16_bit_png_is_scaled_not_clipped(tmp_path):
    path = tmp_path / "enam-belas.png"
    Image.new("I;16", (500, 400), 32768).save(path)
    _header, outputs = render_file(path)
    for output in outputs:
        value = opened(output).convert("L").getpixel((10, 10))
        assert 120 <= value <= 136, (output.format, value)


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_transparency_turns_white_in_jpeg_and_stays_in_webp(tmp_path, fmt):
    path = tmp_path / f"transparan.{fmt.lower()}"
    image = Image.new("RGBA", (500, 400), (0, 0, 0, 0))
    image.paste((200, 0, 0, 255), (0, 0, 250, 400))
    image.save(path, fmt)
    _header, outputs = render_file(path)
    jpeg = opened(next(o for o in outputs if o.format == "jpeg"))
    assert jpeg.mode == "RGB"
    assert min(jpeg.getpixel((450, 200))) > 245  # transparent became white
    assert jpeg.getpixel((50, 200))[0] > 180
    webp = opened(next(o for o in outputs if o.format == "webp"))
    assert webp.mode == "RGBA"
    assert webp.getpixel((450, 200))[3] == 0


def test_animated_images_are_refused_with_a_reason(tmp_path):
    frames = [Image.new("RGB", (60, 40), colour) for colour in ("red", "blue")]
    path = tmp_path / "gerak.webp"
    frames[0].save(path, save_all=True, append_images=frames[1:])
    with pytest.raises(imaging.UnreadablePhoto, match="animasi"):
        imaging.read_header(path, OPTIONS.max_pixels)
    gif = tmp_path / "gerak.gif"
    frames[0].save(gif, save_all=True, append_images=frames[1:])
    with pytest.raises(imaging.UnreadablePhoto, match="GIF tidak didukung"):
        imaging.read_header(gif, OPTIONS.max_pixels)


def _bad_file(folder, name):
    """A broken copy of a good photo: empty, text, or cut off."""
    data = make_photo(folder / "utuh.jpg", size=(800, 600)).read_bytes()
    contents = {
        "kosong.jpg": b"",
        "teks.jpg": b"ini bukan gambar",
        "terpotong.jpg": data[: len(data) // 3],
    }
    path = folder / name
    path.write_bytes(contents[name])
    return path


FIX = "; ekspor atau salin ulang foto dari sumbernya."


@pytest.mark.parametrize(
    ("name", "header_is_readable", "cause"),
    [
        ("kosong.jpg", False, "berkas kosong (0 bita)"),
        (
            "teks.jpg",
            False,
            "isinya bukan gambar yang dikenali, mungkin berkas lain yang diberi "
            "akhiran foto",
        ),
        # The header is intact; the pixels run out while decoding.
        ("terpotong.jpg", True, "berkas terpotong atau rusak"),
    ],
)
def test_each_broken_file_raises_unreadable_photo_naming_its_own_cause(
    tmp_path, name, header_is_readable, cause
):
    path = _bad_file(tmp_path, name)
    if header_is_readable:
        imaging.read_header(path, OPTIONS.max_pixels)
    with pytest.raises(imaging.UnreadablePhoto) as refused:
        render_file(path)
    assert str(refused.value) == cause + FIX


def test_decompression_bomb_is_refused_before_decoding(tmp_path):
    path = tmp_path / "bom.png"
    path.write_bytes(header_only_png(100_000, 100_000))  # 10 gigapixels
    assert path.stat().st_size < 100
    with pytest.raises(imaging.UnreadablePhoto, match="bom dekompresi"):
        imaging.read_header(path, imaging.Options().max_pixels)
    # Pillow's warning zone (over the limit, under twice it) is refused too.
    path.write_bytes(header_only_png(12_000, 10_000))
    with pytest.raises(imaging.UnreadablePhoto, match="terlalu besar"):
        imaging.read_header(path, imaging.Options().max_pixels)


def test_pool_makes_each_photo_once_and_the_cache_skips_it_next_time(tmp_path):
    folder = tmp_path / "foto"
    folder.mkdir()
    paths = [make_photo(folder / f"{i}.jpg", seed=i, size=(600, 450)) for i in range(3)]
    cache = PhotoCache(str(tmp_path / "cache"))

    def jobs():
        found = []
        for path in [*paths, paths[0]]:  # the same photo twice: one job
            key = cache.key(cache.fingerprint(str(path)), OPTIONS)
            if cache.load(key) is None:
                found.append(Job(key, str(path), cache.folder(key), OPTIONS))
        return found

    first = jobs()
    assert len({job.key for job in first}) == 3
    metas = run_jobs(first, workers=2)
    assert len(metas) == 3
    assert all("outputs" in meta for meta in metas.values())
    assert jobs() == []  # everything is in the cache now
    paths[1].write_bytes(
        make_photo(tmp_path / "baru.jpg", seed=9, size=(600, 450)).read_bytes()
    )
    assert [job.source for job in jobs()] == [str(paths[1])]


def test_full_size_original_is_a_metadata_free_upright_copy(tmp_path):
    path = make_photo(tmp_path / "asli.jpg", size=(900, 1200), orientation=6)
    options = imaging.Options(widths=(300,), original=True)
    _header, outputs = render_file(path, options)
    originals = [o for o in outputs if o.original]
    assert len(originals) == 1
    image = opened(originals[0])
    assert image.size == (900, 1200)
    assert not image.getexif()
    assert b"Kamera Contoh" not in originals[0].data
