"""Gelar Budaya Kerja archive: yearly KBK data, edition and KBK pages.

`register()` only connects signals; the work lives in the modules:
yamlsource (safe YAML with lines), schema (validation), archive (KBK
histories), articles (metadata links), mentions (auto-linking), downloads
(CSV/JSON), outputs (URL collisions) and generator (pages).
"""

from pelican import signals

from .generator import GelarGenerator, planned_outputs
from .outputs import find_collisions
from .problems import ContentError, Problem
from .settings import apply_defaults


def _initialized(pelican):
    apply_defaults(pelican.settings)


def _get_generators(pelican):
    return GelarGenerator


def _check_outputs(generators):
    collisions = find_collisions(planned_outputs(generators))
    if collisions:
        raise ContentError(
            Problem(
                sources[0],
                None,
                None,
                f"alamat `{path}` juga dihasilkan oleh " + ", ".join(sources[1:]) + ".",
                "dua hal tidak boleh berbagi alamat: ganti `Slug:` atau `Save_as:` "
                "salah satunya, atau id KBK-nya.",
            )
            for path, sources in collisions
        )


def register():
    signals.initialized.connect(_initialized)
    signals.get_generators.connect(_get_generators)
    signals.all_generators_finalized.connect(_check_outputs)
