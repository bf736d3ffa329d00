"""Gelar Budaya Kerja archive: yearly KBK data, edition and KBK pages.

`register()` only connects signals; the work lives in the modules:
yamlsource (safe YAML with lines), schema (validation), archive (KBK
histories), articles (metadata links), mentions (auto-linking), downloads
(CSV/JSON), outputs (URL collisions) and generator (pages).
"""

from pelican import signals

from .generator import GelarGenerator
from .outputs import check_unique_outputs
from .settings import apply_defaults


def _initialized(pelican):
    apply_defaults(pelican.settings)


def _get_generators(pelican):
    return GelarGenerator


def register():
    signals.initialized.connect(_initialized)
    signals.get_generators.connect(_get_generators)
    signals.all_generators_finalized.connect(check_unique_outputs)
