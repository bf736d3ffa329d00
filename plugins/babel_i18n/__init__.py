"""Theme translations and locale-aware dates and numbers, through Babel.

Templates mark every UI string with `_()`; the catalog in
THEME/translations/<lang>/LC_MESSAGES/messages.po is compiled in memory,
so no binary .mo file needs to be built or committed. The `tanggal` and
`angka` filters come from sitekit/formatting.py.
"""

import functools
import io
import os

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from pelican import signals

from sitekit.formatting import make_filters
from sitekit.settings import SettingsSpec, apply_defaults

DEFAULTS = {
    # Babel locale for the interface, dates and numbers; None: DEFAULT_LANG.
    "I18N_LOCALE": None,
    # Folder of the gettext catalogs; None: THEME/translations.
    "I18N_TRANSLATIONS_PATH": None,
}

SPEC = SettingsSpec(
    owner="plugin babel_i18n",
    where="plugins/babel_i18n/__init__.py",
    prefixes=("I18N_",),
    defaults=DEFAULTS,
)


@functools.lru_cache(maxsize=8)
def load_translations(folder, locale, mtime):
    """Compile `folder/<locale>/LC_MESSAGES/messages.po` in memory."""
    del mtime  # part of the cache key only: an edited catalog is re-read
    path = os.path.join(folder, locale, "LC_MESSAGES", "messages.po")
    if not os.path.exists(path):
        return NullTranslations()
    with open(path, "rb") as handle:
        catalog = read_po(handle, locale=locale)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


def _initialized(pelican):
    apply_defaults(pelican.settings, SPEC)


def _generator_init(generator):
    settings = generator.settings
    locale = settings["I18N_LOCALE"] or settings["DEFAULT_LANG"]
    folder = settings["I18N_TRANSLATIONS_PATH"] or os.path.join(
        settings["THEME"], "translations"
    )
    po_path = os.path.join(folder, locale, "LC_MESSAGES", "messages.po")
    mtime = os.path.getmtime(po_path) if os.path.exists(po_path) else 0
    env = generator.env
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(
        load_translations(folder, locale, mtime), newstyle=True
    )
    env.filters.update(make_filters(locale))
    env.globals["LOCALE"] = locale


def register():
    signals.initialized.connect(_initialized)
    signals.generator_init.connect(_generator_init)
