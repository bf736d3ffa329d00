"""Synthetic photos for the benchmark, the tests and the demo albums.

Each is drawn from a seed, so the same call always gives the same bytes,
and carries the metadata a phone camera writes (make, model, time, GPS)
so that the pipeline's stripping can be checked. They show shapes and a
"FOTO CONTOH" label: nothing here pretends to be a real event.
"""

import random
import struct
import zlib

from PIL import Image, ImageDraw, ImageFont

GPS_IFD = 0x8825
ORIENTATION = 0x0112
# Alun-alun Magetan, roughly: a plausible place to leak.
GPS = {1: "S", 2: (7.0, 39.0, 0.0), 3: "E", 4: (111.0, 20.0, 0.0)}


def camera_exif(orientation=1, gps=True):
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "Kamera Contoh"  # Make
    exif[0x0110] = "Model 1"  # Model
    exif[0x0132] = "2016:10:05 09:00:00"  # DateTime
    if gps:
        exif.get_ifd(GPS_IFD).update(GPS)
    return exif


def draw_photo(seed, size=(4000, 3000), label="FOTO CONTOH"):
    """An RGB image with photo-like detail, so JPEG work costs what it would."""
    rng = random.Random(seed)
    width, height = size
    noise = Image.effect_noise((max(1, width // 4), max(1, height // 4)), 48)
    tint = Image.new("RGB", noise.size, tuple(rng.randrange(60, 200) for _ in "rgb"))
    image = Image.blend(noise.convert("RGB"), tint, 0.6).resize(size, Image.BICUBIC)
    draw = ImageDraw.Draw(image)
    for _ in range(30):
        x, y = rng.randrange(width), rng.randrange(height)
        w, h = (
            rng.randrange(width // 20, width // 4),
            rng.randrange(height // 20, height // 4),
        )
        colour = tuple(rng.randrange(256) for _ in "rgb")
        draw.ellipse((x, y, x + w, y + h), fill=colour)
    font = ImageFont.load_default(size=max(12, height // 12))
    draw.text(
        (width // 20, height // 20),
        label,
        fill="white",
        font=font,
        stroke_width=max(1, height // 300),
        stroke_fill="black",
    )
    return image


def make_photo(
    path,
    seed=0,
    size=(4000, 3000),
    label="FOTO CONTOH",
    orientation=1,
    gps=True,
    quality=88,
):
    """Write a camera-like JPEG with EXIF (and GPS unless told otherwise).

    `size` is the size as displayed, after the orientation is applied.
    """
    image = draw_photo(seed, size, label)
    if orientation == 6:
        # Stored sideways, as a camera held upright writes it: the viewer
        # must turn it 90° clockwise to show `size` the right way up.
        image = image.transpose(Image.Transpose.ROTATE_90)
    exif = camera_exif(orientation, gps)
    image.save(path, "JPEG", quality=quality, exif=exif.tobytes())
    return path


def header_only_png(width, height):
    """A tiny PNG whose header claims `width` × `height` pixels."""

    def chunk(kind, body):
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")
