"""Photos of imported articles: found under the uploads folder, copied
beside the article, or listed as missing.

Looking for photos under the uploads folder is the only disk access, and
it only reads; nothing outside that folder is ever read.
"""

import os
import re
from collections import Counter
from urllib.parse import unquote, urlsplit

from sitekit.problems import Problem

_SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_PHOTON = re.compile(r"^i\d\.wp\.com$")


def upload_path(src):
    """The path of an image URL inside the uploads folder, or None.

    `https://x.files.wordpress.com/2015/10/a.jpg?w=300` and
    `/wp-content/uploads/2015/10/a.jpg` both give `2015/10/a.jpg`; a
    relative URL stays relative (to the folder of a saved page).
    """
    parts = urlsplit(src)
    path = unquote(parts.path)
    if _PHOTON.match(parts.netloc):
        # Jetpack's image CDN: https://i0.wp.com/<host>/<path of the file>
        return upload_path("https://" + path.lstrip("/"))
    if "/wp-content/uploads/" in path:
        path = path.split("/wp-content/uploads/", 1)[1]
    elif parts.netloc.endswith(".files.wordpress.com"):
        path = path.lstrip("/")
    elif not (parts.scheme or parts.netloc or path.startswith("/")):
        path = path.removeprefix("./")  # beside a saved page: Judul_files/a.jpg
    else:
        return None
    pieces = path.split("/")
    if any(piece in ("", ".", "..") or "\\" in piece for piece in pieces):
        return None  # nothing outside the uploads folder is ever read
    return "/".join(pieces)


def find_upload(uploads, src):
    """The file under `uploads` that an image URL names, or None.

    A resized copy (`a-300x200.jpg`) falls back to the original (`a.jpg`).
    """
    relative = upload_path(src)
    if uploads is None or relative is None:
        return None
    root = os.path.realpath(uploads)
    for candidate in (relative, _SIZE_SUFFIX.sub("", relative)):
        found = os.path.realpath(os.path.join(root, *candidate.split("/")))
        if found.startswith(root + os.sep) and os.path.isfile(found):
            return found
    return None


def safe_name(filename):
    name = _SAFE_NAME.sub("-", filename).strip("-.")
    return name or "gambar"


def place_images(plan, soup, entry, path, shown, folder, uploads):
    """Point found photos at copies in `folder`; list the others as missing."""
    used = Counter()
    chosen = {}  # source file -> its name in the folder
    for image in soup.find_all("img"):
        if image.get("alt") == "":
            image["alt"] = f"Foto: {entry.title}"
            plan.notes.append(
                Problem(
                    shown,
                    None,
                    None,
                    f"foto {image.get('src', '')} tidak punya teks alternatif; "
                    f"diberi teks `{image['alt']}`.",
                    "ganti dengan kalimat singkat tentang isi foto.",
                )
            )
        src = image.get("src", "")
        found = find_upload(uploads, src)
        if found is None:
            plan.missing.append((path, src))
            continue
        if found not in chosen:
            name = safe_name(os.path.basename(found))
            used[name] += 1
            if used[name] > 1:
                stem, dot, ext = name.rpartition(".")
                name = f"{stem}-{used[name]}.{ext}" if dot else f"{name}-{used[name]}"
            chosen[found] = name
        destination = f"{folder}/{chosen[found]}"
        plan.copies[destination] = found
        image["src"] = "{static}/" + destination
