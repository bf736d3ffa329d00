"""Pure Pillow work: read a photo's header, plan its sizes, render them.

Nothing here knows about Pelican, albums or caches. `render()` returns
encoded bytes; the caller decides where they go. Every output is encoded
from a fresh image with no `info`, so EXIF (GPS above all), XMP, IPTC,
comments and ICC profiles never reach a published file.
"""

import io
import os
import warnings
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from .settings import DEFAULTS

# EXIF orientations that swap width and height.
_SWAPS_AXES = {5, 6, 7, 8}
_ORIENTATION_TAG = 0x0112
_COPYRIGHT_TAG = 0x8298
_SRGB = ImageCms.createProfile("sRGB")


class UnreadablePhoto(Exception):
    """The file cannot be published as a photo; the message is Indonesian."""


@dataclass(frozen=True)
class Header:
    """What the file's header says, in display orientation."""

    format: str
    width: int
    height: int
    orientation: int


@dataclass(frozen=True)
class Options:
    """Everything that changes the output bytes; part of the cache key.

    The defaults are the plugin's settings (settings.py), for callers such
    as the benchmark that have no Pelican settings at hand.
    """

    widths: tuple = DEFAULTS["GALERI_WIDTHS"]
    formats: tuple = DEFAULTS["GALERI_FORMATS"]
    jpeg_quality: int = DEFAULTS["GALERI_JPEG_QUALITY"]
    webp_quality: int = DEFAULTS["GALERI_WEBP_QUALITY"]
    webp_method: int = DEFAULTS["GALERI_WEBP_METHOD"]
    copyright: str = ""  # written as the only EXIF tag when not empty
    original: bool = False  # also make a full-size copy, metadata removed
    max_pixels: int = DEFAULTS["GALERI_MAX_PIXELS"]


def read_header(path, max_pixels):
    """Open lazily and check the file without decoding its pixels."""
    try:
        with _bomb_guard(max_pixels), Image.open(path) as image:
            return _header_of(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise UnreadablePhoto(_too_large(max_pixels)) from None
    except (OSError, ValueError, SyntaxError) as error:
        raise UnreadablePhoto(_unreadable(error, path)) from None


def _header_of(image):
    if image.format not in ("JPEG", "PNG", "WEBP", "MPO"):
        raise UnreadablePhoto(
            f"format {image.format} tidak didukung; simpan ulang sebagai JPEG, "
            "PNG atau WebP."
        )
    if getattr(image, "n_frames", 1) > 1 and image.format != "MPO":
        raise UnreadablePhoto(
            "gambar animasi tidak didukung; simpan satu bingkai sebagai JPEG atau PNG."
        )
    orientation = image.getexif().get(_ORIENTATION_TAG, 1)
    if orientation not in range(1, 9):
        orientation = 1
    width, height = image.size
    if orientation in _SWAPS_AXES:
        width, height = height, width
    return Header(image.format, width, height, orientation)


def plan_sizes(width, height, widths):
    """Output (width, height) pairs, largest first, never upscaled.

    A photo narrower than a planned width gets its own width instead, once.
    """
    sizes = []
    for target in sorted(set(widths), reverse=True):
        w = min(target, width)
        if sizes and sizes[-1][0] == w:
            continue
        sizes.append((w, max(1, round(height * w / width))))
    return sizes


@dataclass(frozen=True)
class Output:
    width: int
    height: int
    format: str
    data: bytes
    original: bool = False


def render(path, header, options):
    """Encode every planned size and format, plus a full-size JPEG copy
    when `options.original` is set: a list of Output, largest first.

    JPEG is decoded at the smallest DCT scale that still covers the
    largest output (draft mode), and each size is made from the next
    larger one, which is where naive pipelines spend most of their time.
    """
    sizes = plan_sizes(header.width, header.height, options.widths)
    _check_dimensions(header, sizes, options)
    try:
        with _bomb_guard(options.max_pixels), Image.open(path) as image:
            largest = sizes[0]
            if header.orientation in _SWAPS_AXES:
                largest = largest[::-1]
            if image.format == "JPEG" and not options.original:
                image.draft(image.mode if image.mode == "L" else "RGB", largest)
            image.load()
            # In place: without it Pillow returns a full copy even when
            # the photo is already upright.
            ImageOps.exif_transpose(image, in_place=True)
            image = _normalised(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise UnreadablePhoto(_too_large(options.max_pixels)) from None
    except (OSError, ValueError, SyntaxError) as error:
        raise UnreadablePhoto(_unreadable(error, path)) from None

    exif = _credit_exif(options.copyright)
    outputs = []
    try:
        if options.original:
            data = _encode(image, "jpeg", options, exif, quality=92)
            outputs.append(Output(image.width, image.height, "jpeg", data, True))
        base = image
        for size in sizes:
            base, resized = _downscale(base, size)
            for fmt in options.formats:
                data = _encode(resized, fmt, options, exif)
                outputs.append(Output(size[0], size[1], fmt, data))
    except (OSError, ValueError) as error:  # an encoder's own limit
        raise UnreadablePhoto(
            f"foto tidak bisa disimpan ulang ({error}); simpan ulang sebagai "
            "JPEG dengan ukuran biasa."
        ) from None
    return outputs


# The largest side each encoder can write, in pixels.
MAX_SIDE = {"webp": 16383, "jpeg": 65500}


def _check_dimensions(header, sizes, options):
    """Refuse a photo whose outputs no encoder can write: a 10×30000 strip
    keeps its 30000 px height at every width."""
    formats = list(options.formats) + (["jpeg"] if options.original else [])
    limit = min(MAX_SIDE[fmt] for fmt in formats)
    largest = max(max(size) for size in sizes)
    if options.original:
        largest = max(largest, header.width, header.height)
    if largest > limit:
        raise UnreadablePhoto(
            f"foto terlalu panjang atau terlalu tinggi ({header.width} × "
            f"{header.height} piksel): sisi terpanjang yang bisa diterbitkan "
            f"{limit} piksel; potong atau perkecil fotonya."
        )


def _downscale(base, size):
    """(new base, image at `size`): box-reduce by a whole factor, then filter.

    `reduce()` averages whole blocks of pixels, which is cheap and free of
    aliasing; what is left is a scale below 2, where a bicubic filter looks
    as good as Lanczos at two thirds of the cost. The reduced image is the
    base for the next, smaller size.
    """
    factor = min(base.width // size[0], base.height // size[1])
    if factor >= 2:
        base = base.reduce(factor)
    if base.size == size:
        return base, base
    return base, base.resize(size, Image.Resampling.BICUBIC)


def _normalised(image):
    """An sRGB image in L, RGB or RGBA mode, with no metadata attached."""
    icc = image.info.get("icc_profile")
    mode = image.mode
    if mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        # 16-bit greyscale: scale to 8 bits instead of clipping at 255.
        image = image.convert("I").point(lambda value: value * (1 / 256))
        image = image.convert("L")
    elif mode in ("F", "1", "L"):
        image = image.convert("L")
    elif mode in ("RGBA", "LA", "PA", "La", "RGBa") or (
        mode == "P" and "transparency" in image.info
    ):
        image = image.convert("RGBA")
    elif mode != "RGB":
        image = image.convert("RGB")  # CMYK, YCbCr, P, LAB, ...
    if icc and image.mode in ("RGB", "RGBA"):
        image = _to_srgb(image, icc)
    image.info = {}  # ours alone by now: forget EXIF, XMP, ICC and comments
    return image


def _to_srgb(image, icc):
    """Convert colours to sRGB, since the profile itself is not kept."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if "srgb" in ImageCms.getProfileDescription(source).lower():
            return image
        return ImageCms.profileToProfile(image, source, _SRGB, outputMode=image.mode)
    except (ImageCms.PyCMSError, OSError):
        return image  # a broken profile: keep the pixels as they are


def _credit_exif(copyright):
    if not copyright:
        return b""
    exif = Image.Exif()
    exif[_COPYRIGHT_TAG] = copyright
    return exif.tobytes()


def _encode(image, fmt, options, exif, quality=None):
    buffer = io.BytesIO()
    if fmt == "jpeg":
        if image.mode == "RGBA":
            image = _on_white(image)
        image.save(
            buffer,
            "JPEG",
            quality=quality or options.jpeg_quality,
            exif=exif,
        )
    elif fmt == "webp":
        if image.mode == "L":
            image = image.convert("RGB")
        image.save(
            buffer,
            "WEBP",
            quality=options.webp_quality,
            method=options.webp_method,
            exif=exif,
        )
    else:
        raise ValueError(f"unknown output format {fmt!r}")
    return buffer.getvalue()


def _on_white(image):
    """Flatten transparency onto white: JPEG has no alpha channel."""
    background = Image.new("RGB", image.size, (255, 255, 255))
    background.paste(image, mask=image.getchannel("A"))
    return background


class _bomb_guard:
    """Apply the pixel limit, and treat Pillow's warning zone as an error."""

    def __init__(self, max_pixels):
        self.max_pixels = max_pixels

    def __enter__(self):
        self.saved = Image.MAX_IMAGE_PIXELS
        Image.MAX_IMAGE_PIXELS = self.max_pixels
        self.warnings = warnings.catch_warnings()
        self.warnings.__enter__()
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        return self

    def __exit__(self, *exc):
        self.warnings.__exit__(*exc)
        Image.MAX_IMAGE_PIXELS = self.saved
        return False


def _too_large(max_pixels):
    return (
        f"gambar terlalu besar (lebih dari {max_pixels:,} piksel) dan ditolak "
        "sebagai bom dekompresi; perkecil ukurannya sebelum diunggah."
    ).replace(",", ".")


def _unreadable(error, path):
    """Why a file could not be read, without Pillow's jargon or full path."""
    fix = "ekspor atau salin ulang foto dari sumbernya."
    if os.path.getsize(path) == 0:
        return f"berkas kosong (0 bita); {fix}"
    if isinstance(error, UnidentifiedImageError):
        return (
            "isinya bukan gambar yang dikenali, mungkin berkas lain yang diberi "
            f"akhiran foto; {fix}"
        )
    if "truncated" in str(error) or "broken data stream" in str(error):
        return f"berkas terpotong atau rusak; {fix}"
    return f"berkas rusak ({type(error).__name__}); {fix}"
