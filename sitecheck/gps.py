"""No published file carries where or with what a photo was taken.

Every file of the site is judged by its content, not its name: a JPEG
renamed `.jfif` or `.tif` still carries its GPS position. Images Pillow
can open are read for EXIF GPS data, other EXIF data (camera, time; the
credit that GALERI_CREDIT_IN_FILE writes is allowed) and XMP; any other
file (a HEIC photo, a PDF holding a photo) is searched for the markers
that start an EXIF or XMP block.
"""

import os

from PIL import Image, UnidentifiedImageError

from sitekit.filekind import image_format

from .findings import Finding

GPS_IFD = 0x8825
# EXIF tags a published image may keep: the credit (GALERI_CREDIT_IN_FILE).
ALLOWED_TAGS = {0x8298}  # Copyright
EXIF_MARKER = b"Exif\x00\x00"
XMP_MARKERS = (b"<x:xmpmeta", b"http://ns.adobe.com/xap/1.0/")
# Text the site is made of: it holds no binary metadata block.
TEXT_SUFFIXES = (".html", ".css", ".js", ".json", ".xml", ".txt", ".csv", ".map")

_HINT = (
    "hapus metadatanya sebelum diunggah, mis. simpan ulang tanpa metadata, "
    "atau taruh foto di content/images/ atau album agar diproses galeri."
)


def metadata_in_image(path):
    """What metadata Pillow finds in the image at `path`: a list of
    "GPS", "EXIF" and "XMP"."""
    found = []
    with Image.open(path) as image:
        exif = image.getexif()
        if exif.get_ifd(GPS_IFD):
            found.append("GPS")
        if set(exif) - ALLOWED_TAGS - {GPS_IFD}:
            found.append("EXIF")
        if image.info.get("xmp") or image.info.get("XML:com.adobe.xmp"):
            found.append("XMP")
    return found


def metadata_in_bytes(data):
    """The metadata blocks whose markers appear in `data`."""
    found = ["EXIF"] if EXIF_MARKER in data else []
    if any(marker in data for marker in XMP_MARKERS):
        found.append("XMP")
    return found


def inspect(path):
    """(metadata found, readable) for one published file."""
    with open(path, "rb") as handle:
        data = handle.read()
    if image_format(data[:64]) is not None:
        xmp = [kind for kind in metadata_in_bytes(data) if kind == "XMP"]
        try:
            return metadata_in_image(path) + xmp, True
        except (OSError, UnidentifiedImageError, SyntaxError, ValueError):
            return metadata_in_bytes(data), False  # e.g. HEIC: not for Pillow
    if path.lower().endswith(TEXT_SUFFIXES):
        return [], True
    return metadata_in_bytes(data), True


def check_gps(root, files):
    findings = []
    for path in sorted(files):
        found, readable = inspect(os.path.join(root, path))
        found = list(dict.fromkeys(found))
        if "GPS" in found:
            findings.append(
                Finding(
                    "gps", path, None, "gambar memuat data lokasi GPS (EXIF).", _HINT
                )
            )
        elif found:
            findings.append(
                Finding(
                    "gps",
                    path,
                    None,
                    f"berkas memuat metadata {' dan '.join(found)} (mis. kamera, "
                    "waktu atau lokasi pemotretan).",
                    _HINT,
                )
            )
        elif not readable:
            findings.append(
                Finding(
                    "gps",
                    path,
                    None,
                    "gambar tidak dapat dibaca.",
                    "ganti berkas dengan gambar yang utuh.",
                )
            )
    return findings
