"""From photos to their resized copies: the cache first, one pool for the rest.

Every photo gets a key (content hash plus the options that change its
bytes). Keys found in the cache cost one stat each; the others are
de-duplicated and made together in `pipeline.run_jobs`.
"""

import os
from dataclasses import dataclass

from sitekit.settings import processes

from . import imaging
from .model import Rendition
from .pipeline import ORIGINAL, Job, run_jobs


@dataclass
class Outcome:
    stats: dict  # {"decoded": n, "cached": n}
    used_keys: set
    unreadable: list  # (path, message)


def options_for(photo, settings):
    return imaging.Options(
        widths=tuple(photo.widths or settings["GALERI_WIDTHS"]),
        formats=tuple(settings["GALERI_FORMATS"]),
        jpeg_quality=settings["GALERI_JPEG_QUALITY"],
        webp_quality=settings["GALERI_WEBP_QUALITY"],
        webp_method=settings["GALERI_WEBP_METHOD"],
        copyright=photo.credit if settings["GALERI_CREDIT_IN_FILE"] else "",
        original=settings["GALERI_PUBLISH_ORIGINALS"],
        max_pixels=settings["GALERI_MAX_PIXELS"],
    )


def make_renditions(photos, settings, cache):
    """Fill in each photo's renditions; unreadable photos get None."""
    keyed, jobs, metas, unreadable = [], {}, {}, []
    for photo in photos:
        try:
            digest = cache.fingerprint(photo.source_path)
        except OSError as error:
            reason = error.strerror or error
            unreadable.append(
                (photo.source_path, f"berkas tidak dapat dibuka ({reason}).")
            )
            photo.renditions = None
            continue
        options = options_for(photo, settings)
        key = cache.key(digest, options)
        keyed.append((photo, key))
        if key in metas or key in jobs:
            continue
        meta = cache.load(key)
        if meta is None:
            jobs[key] = Job(key, photo.source_path, cache.folder(key), options)
        else:
            metas[key] = meta
    metas.update(run_jobs(jobs.values(), processes(settings)))
    order = {fmt: i for i, fmt in enumerate(settings["GALERI_FORMATS"])}
    for photo, key in keyed:
        meta = metas[key]
        if "error" in meta:
            unreadable.append((photo.source_path, meta["error"]))
            photo.renditions = None
        else:
            _apply(photo, cache.folder(key), meta, settings["SITEURL"], order)
    stats = {"decoded": len(jobs), "cached": len(metas) - len(jobs)}
    return Outcome(stats, {key for _photo, key in keyed}, unreadable)


def _apply(photo, folder, meta, site_url, order):
    renditions = []
    for width, height, fmt, name in meta["outputs"]:
        stem, extension = name.rsplit(".", 1)
        save_as = f"{photo.output_stem}-{stem}.{extension}"
        rendition = Rendition(
            width,
            height,
            fmt,
            f"{site_url}/{save_as}",
            save_as,
            os.path.join(folder, name),
        )
        if stem == ORIGINAL:
            photo.original = rendition
        else:
            renditions.append(rendition)
    # Best format first, then by width: the order <source> elements need.
    renditions.sort(key=lambda r: (order[r.format], r.width))
    photo.renditions = renditions
