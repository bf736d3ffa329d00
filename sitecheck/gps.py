"""No image in the output carries EXIF GPS data (where a photo was taken)."""

import os

from PIL import Image, UnidentifiedImageError

from .findings import Finding

GPS_IFD = 0x8825


def has_gps(path):
    """True when the image's EXIF has a non-empty GPS block."""
    with Image.open(path) as image:
        exif = image.getexif()
        return bool(exif.get_ifd(GPS_IFD))


def check_gps(root, files, suffixes):
    findings = []
    for path in sorted(files):
        if not path.lower().endswith(tuple(suffixes)):
            continue
        try:
            found = has_gps(os.path.join(root, path))
        except (OSError, UnidentifiedImageError, SyntaxError, ValueError) as error:
            findings.append(
                Finding(
                    "gps",
                    path,
                    None,
                    f"gambar tidak dapat dibaca ({error}).",
                    "ganti berkas dengan gambar yang utuh.",
                )
            )
            continue
        if found:
            findings.append(
                Finding(
                    "gps",
                    path,
                    None,
                    "gambar memuat data lokasi GPS (EXIF).",
                    "hapus data EXIF-nya sebelum diunggah, mis. simpan ulang "
                    "tanpa metadata, atau biarkan pemroses galeri membuangnya.",
                )
            )
    return findings
