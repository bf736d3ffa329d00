"""Every SITECHECK_* setting with its default, in one place.

Read from the Pelican settings file that built the site (pelicanconf.py
or publishconf.py); set one there only to change it.
"""

from sitekit import settings as settings_kit
from sitekit.settings import SettingsSpec

DEFAULTS = {
    # The largest HTML page allowed, in bytes (pagination keeps lists small).
    "SITECHECK_PAGE_MAX_BYTES": 200_000,
    # Run the Nu HTML checker (needs Java); the other checks always run.
    "SITECHECK_HTML_VALIDATOR": True,
    # Files counted as images in the summary, by file name ending. Every
    # published file is inspected for GPS, EXIF and XMP by its content.
    "SITECHECK_IMAGE_SUFFIXES": (".jpg", ".jpeg", ".png", ".webp"),
}


SPEC = SettingsSpec(
    owner="pemeriksa situs",
    where="sitecheck/settings.py",
    prefixes=("SITECHECK_",),
    defaults=DEFAULTS,
)


def options(settings):
    """DEFAULTS overridden by any SITECHECK_* key in `settings`; raises
    ContentError for an unknown key (usually a typo)."""
    return settings_kit.options(settings, SPEC)
