"""One way for every plugin to own settings: defaults, unknown keys, values.

Each package describes its settings once, as a `SettingsSpec`: the
prefixes it owns, a DEFAULTS mapping and an optional check of values. On
`initialized`, `apply_defaults` adds the missing defaults to Pelican's
settings (so templates read them like Pelican's own) and refuses, in one
report, every key with the package's prefix that it does not know (a
typo would otherwise be ignored silently) and every bad value.

Settings shared by several packages live in SHARED here.
"""

import copy
import difflib
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from sitekit import identity
from sitekit.problems import Problem, raise_if_any

SETTINGS_FILE = "pelicanconf.py"


def setting_problem(key, message, hint):
    """A problem with one setting of the settings file."""
    return Problem(SETTINGS_FILE, None, key, message, hint)


@dataclass(frozen=True)
class SettingsSpec:
    owner: str  # named in messages: "plugin gelar"
    where: str  # the file that lists the settings, for the hint
    prefixes: tuple[str, ...]
    defaults: Mapping
    # settings -> problems with values, run once the defaults are in.
    check: Callable[[dict], Iterable[Problem]] = field(default=lambda _s: ())


def _whole_number(settings, key, smallest):
    value = settings[key]
    if isinstance(value, int) and not isinstance(value, bool) and value >= smallest:
        return ()
    return (
        setting_problem(
            key,
            f"harus bilangan bulat {smallest} atau lebih, bukan `{value!r}`.",
            f"tulis mis. `{key} = {max(smallest, 1)}`.",
        ),
    )


SHARED = SettingsSpec(
    owner="semua plugin",
    where="sitekit/settings.py",
    prefixes=("BUILD_", "LICENSE_", "PUBLISHER_", "SAMPLE_"),
    defaults={
        # Processes for every parallel part of a build (reading, rendering,
        # photos, share images); 0 means one per CPU core, 1 runs in-process.
        "BUILD_PROCESSES": 0,
        # A preview for colleagues (`invoke publish --preview`): drafts shown,
        # a "PRATINJAU" banner, noindex on every page, robots.txt disallows all.
        "BUILD_PREVIEW": False,
        # The live build's folder, while a new one is written beside it: a
        # file with the same bytes there is hard-linked, not written again
        # (sitekit.files.place). sitebuild/build.py sets it; None writes all.
        "BUILD_PREVIOUS_OUTPUT": None,
        # Who publishes the site, named in citations, the footer and the
        # publisher's structured data; empty means AUTHOR.
        "PUBLISHER_NAME": "",
        # Its contact details, in the footer and in the publisher's
        # Organization structured data (sitekit/identity.py); each one is
        # left out while empty. Its logo is the site icon (PEMBACA_ICON).
        "PUBLISHER_ADDRESS": "",
        "PUBLISHER_PHONE": "",
        "PUBLISHER_EMAIL": "",
        # The office's own website, beginning with https://.
        "PUBLISHER_URL": "",
        # Its social accounts: (name, address) pairs, in the order shown.
        "PUBLISHER_SOCIAL": (),
        # The licence of the texts and data: the footer, the JSON downloads,
        # the data package and the Dataset structured data. LICENSE_ID is
        # its SPDX identifier (https://spdx.org/licenses/).
        "LICENSE_ID": "CC-BY-4.0",
        "LICENSE_NAME": "CC BY 4.0",
        "LICENSE_TITLE": "Creative Commons Atribusi 4.0 Internasional",
        "LICENSE_URL": "https://creativecommons.org/licenses/by/4.0/deed.id",
        # The word that marks sample data where no template speaks: feed
        # titles, share images, citations and KBK mentions in article text.
        "SAMPLE_LABEL": "contoh",
    },
    check=lambda settings: (
        *_whole_number(settings, "BUILD_PROCESSES", 0),
        *identity.problems(settings, setting_problem),
    ),
)

# Settings that an older version had, and what replaced them.
RENAMED = {
    "GALERI_JOBS": "BUILD_PROCESSES",
    "PEMBACA_SHARE_JOBS": "BUILD_PROCESSES",
    "PARALLEL_PROCESSES": "BUILD_PROCESSES",
}


def key_problems(settings, spec):
    """Problems for every key with the spec's prefixes that it does not know."""
    for key in settings:
        if not key.startswith(spec.prefixes) or key in spec.defaults:
            continue
        if key in RENAMED:
            yield setting_problem(
                key,
                f"pengaturan ini sudah diganti `{RENAMED[key]}`.",
                f"ganti namanya menjadi `{RENAMED[key]}` (lihat sitekit/settings.py).",
            )
            continue
        close = difflib.get_close_matches(key, list(spec.defaults), n=1)
        yield setting_problem(
            key,
            f"pengaturan ini tidak dikenal oleh {spec.owner}.",
            (f"mungkin maksudnya `{close[0]}`? " if close else "")
            + f"periksa ejaannya; pengaturan yang dikenal ada di {spec.where}.",
        )


def apply_defaults(settings, *specs):
    """Add each spec's missing defaults to `settings` (a copy of each, so
    nothing shares a mutable default); raise ContentError listing every
    unknown key and bad value of the specs."""
    problems = []
    for spec in specs:
        problems += key_problems(settings, spec)
        for key, value in spec.defaults.items():
            settings.setdefault(key, copy.deepcopy(value))
        problems += spec.check(settings)
    raise_if_any(problems)


def options(settings, spec):
    """The spec's settings as `settings` sets them, defaults filled in,
    without changing `settings` (for commands that only read them)."""
    owned = {k: v for k, v in settings.items() if k.startswith(spec.prefixes)}
    apply_defaults(owned, spec)
    return owned


def processes(settings):
    """How many processes the build's parallel parts use (BUILD_PROCESSES)."""
    return settings.get("BUILD_PROCESSES") or os.cpu_count() or 1


@dataclass(frozen=True)
class Licence:
    """The licence of the site's texts and data (the LICENSE_* settings)."""

    id: str  # SPDX identifier, e.g. CC-BY-4.0
    name: str
    title: str
    url: str


def licence(settings):
    return Licence(
        settings["LICENSE_ID"],
        settings["LICENSE_NAME"],
        settings["LICENSE_TITLE"],
        settings["LICENSE_URL"],
    )


def publisher(settings):
    """Who publishes the site, for citations: PUBLISHER_NAME, else AUTHOR."""
    return settings.get("PUBLISHER_NAME") or settings.get("AUTHOR") or ""


def site_address(settings):
    """The absolute address of the site for sharing, feeds and citations:
    SITEURL when it is absolute, else FEED_DOMAIN (the local preview
    address), else ""."""
    siteurl = settings.get("SITEURL") or ""
    if siteurl.startswith(("http://", "https://")):
        return siteurl.rstrip("/")
    return (settings.get("FEED_DOMAIN") or "").rstrip("/")


def cache_path(settings, key, name):
    """The cache folder a setting names, or CACHE_PATH/`name` when it is empty."""
    return settings[key] or os.path.join(settings["CACHE_PATH"], name)
