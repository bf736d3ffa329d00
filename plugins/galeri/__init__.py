"""Photo galleries: albums, responsive private images, a lightbox.

`register()` only connects signals; the work lives in the modules:
albums (album.yaml), imaging (pure Pillow work), cache and pipeline
(de-duplicated jobs in a process pool), inline (images inside articles)
and generator (pages and output files).
"""

from pelican import signals

from sitekit.filekind import image_format, read_head

from .generator import GaleriGenerator
from .settings import PHOTO_EXTENSIONS, apply_defaults


def _initialized(pelican):
    apply_defaults(pelican.settings)


def _get_generators(pelican):
    return GaleriGenerator


def _is_image(path):
    """A photo by its name, or any raster image by its first bytes: a JPEG
    renamed `.jfif`, `.tif` or `.heic` still carries its GPS position."""
    if path.lower().endswith(PHOTO_EXTENSIONS):
        return True
    try:
        return image_format(read_head(path)) is not None
    except OSError:
        return False  # not readable: sitekit/contentcheck.py reports it


def _keep_originals_private(generator):
    """Originals carry EXIF and GPS: never copy an image as a static file.

    Images inside articles are published through their resized copies
    (inline.py); any other image stays out of the site.
    """
    kept = []
    for static in generator.staticfiles:
        if _is_image(static.source_path):
            generator.context["static_content"].pop(
                static.get_relative_source_path(), None
            )
        else:
            kept.append(static)
    generator.staticfiles = kept
    generator.context["staticfiles"] = kept


def register():
    signals.initialized.connect(_initialized)
    signals.get_generators.connect(_get_generators)
    signals.static_generator_finalized.connect(_keep_originals_private)
