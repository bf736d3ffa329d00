"""Every SITECHECK_* setting with its default, in one place.

Read from the Pelican settings file that built the site (pelicanconf.py
or publishconf.py); set one there only to change it.
"""

DEFAULTS = {
    # The largest HTML page allowed, in bytes (pagination keeps lists small).
    "SITECHECK_PAGE_MAX_BYTES": 200_000,
    # Run the Nu HTML checker (needs Java); the other checks always run.
    "SITECHECK_HTML_VALIDATOR": True,
    # Image files inspected for EXIF GPS data, by file name ending.
    "SITECHECK_IMAGE_SUFFIXES": (".jpg", ".jpeg", ".png", ".webp"),
}


class UnknownSetting(ValueError):
    """A SITECHECK_* key that is not in DEFAULTS (usually a typo)."""


def options(settings):
    """DEFAULTS overridden by any SITECHECK_* key in `settings`."""
    unknown = [k for k in settings if k.startswith("SITECHECK_") and k not in DEFAULTS]
    if unknown:
        raise UnknownSetting(
            "Pengaturan tidak dikenal: "
            + ", ".join(unknown)
            + ". Pengaturan yang dikenal ada di sitecheck/settings.py."
        )
    return {key: settings.get(key, value) for key, value in DEFAULTS.items()}
