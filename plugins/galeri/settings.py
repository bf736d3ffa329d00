"""Every setting of the galeri plugin, with its default, in one place."""

from sitekit import settings as settings_kit
from sitekit.settings import SHARED, SettingsSpec, setting_problem

DEFAULTS = {
    # Folder of the albums, relative to PATH: one sub-folder per album.
    "GALERI_PATH": "galeri",
    "GALERI_INDEX_URL": "galeri/",
    "GALERI_INDEX_SAVE_AS": "galeri/index.html",
    "GALERI_URL": "galeri/{slug}/",
    "GALERI_SAVE_AS": "galeri/{slug}/index.html",
    # Where an album's resized photos go; {slug} is the album's.
    "GALERI_IMAGES_PATH": "galeri/{slug}/foto",
    # Where resized copies of images placed inside articles and pages go.
    "GALERI_INLINE_PATH": "gambar",
    # Output widths in pixels; a photo is never enlarged.
    "GALERI_WIDTHS": (480, 960, 1600),
    # Formats offered to browsers, best first; the last is the fallback.
    "GALERI_FORMATS": ("webp", "jpeg"),
    "GALERI_JPEG_QUALITY": 82,
    "GALERI_WEBP_QUALITY": 78,
    # libwebp effort, 0 to 6: above 2 costs twice the time for ~2% bytes.
    "GALERI_WEBP_METHOD": 2,
    # Widths of the small copies of lead images and album covers in lists
    # and search results (plugins/galeri/lead.py), and their `sizes`.
    "GALERI_THUMB_WIDTHS": (160, 320, 480),
    "GALERI_THUMB_SIZES": "(max-width: 30em) 5.5rem, 7.5rem",
    # The `sizes` attribute of photos in a grid.
    "GALERI_GRID_SIZES": "(min-width: 62em) 18rem, (min-width: 36em) 45vw, 92vw",
    # The `sizes` attribute of images inside an article's text.
    "GALERI_INLINE_SIZES": "(min-width: 48em) 44rem, 94vw",
    # Photos in a grid shown before `loading="lazy"` starts: a phone's first
    # screen shows one, and more eager photos would slow it down. The first
    # of a page's grid is also fetched first (`fetchpriority="high"`).
    "GALERI_EAGER_PHOTOS": 1,
    # Publish a full-size copy, with metadata removed, and link to it.
    "GALERI_PUBLISH_ORIGINALS": False,
    # Write the photo's credit into its files as an EXIF Copyright tag;
    # by default the files carry no EXIF at all.
    "GALERI_CREDIT_IN_FILE": False,
    # Pillow's decompression-bomb limit, in pixels.
    "GALERI_MAX_PIXELS": 89_478_485,
    # Unreadable photos are left out and listed; True fails the build.
    "GALERI_STRICT": False,
    # Cache of resized photos; empty means CACHE_PATH/galeri.
    "GALERI_CACHE_PATH": "",
}

PHOTO_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp")


FORMATS = ("webp", "jpeg")


def apply_defaults(settings):
    """Add missing defaults to `settings`; refuse unknown or bad GALERI_ keys."""
    settings_kit.apply_defaults(settings, SPEC, SHARED)


def _value_problems(settings):
    problem = setting_problem
    for key, example in (
        ("GALERI_WIDTHS", "(480, 960, 1600)"),
        ("GALERI_THUMB_WIDTHS", "(160, 320, 480)"),
    ):
        widths = settings[key]
        if not widths or not all(
            isinstance(w, int) and not isinstance(w, bool) and w > 0 for w in widths
        ):
            yield problem(
                key,
                f"harus berupa daftar lebar dalam piksel, bukan `{widths!r}`.",
                f"tulis mis. `{key} = {example}`.",
            )
    formats = settings["GALERI_FORMATS"]
    if not formats or any(f not in FORMATS for f in formats):
        yield problem(
            "GALERI_FORMATS",
            f"format yang dikenal hanya {', '.join(FORMATS)}, bukan `{formats!r}`.",
            'tulis mis. `GALERI_FORMATS = ("webp", "jpeg")`; yang terakhir dipakai '
            "oleh peramban lama.",
        )
    for key in ("GALERI_JPEG_QUALITY", "GALERI_WEBP_QUALITY"):
        value = settings[key]
        if not (isinstance(value, int) and 1 <= value <= 100):
            yield problem(
                key, f"harus angka 1 sampai 100, bukan `{value!r}`.", "mis. 80."
            )


SPEC = SettingsSpec(
    owner="plugin galeri",
    where="plugins/galeri/settings.py",
    prefixes=("GALERI_",),
    defaults=DEFAULTS,
    check=_value_problems,
)
