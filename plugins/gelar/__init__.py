"""Gelar Budaya Kerja archive: yearly KBK data, edition and KBK pages.

`register()` only connects signals; the work lives in the modules:
yamlsource (safe YAML with lines), schema (validation), archive (KBK
histories), articles (metadata links), mentions (auto-linking), downloads
(CSV/JSON), outputs (URL collisions), charts (SVG) and generator (pages
and feeds).
"""

from jinja2 import pass_environment
from pelican import signals

from .charts import rank_chart, score_chart
from .generator import GelarGenerator
from .outputs import check_unique_outputs
from .settings import apply_defaults


def _initialized(pelican):
    apply_defaults(pelican.settings)


def _get_generators(pelican):
    return GelarGenerator


@pass_environment
def _score_chart(env, edition, title, row_text):
    """The scores chart, with numbers formatted like the rest of the page."""
    return score_chart(edition, title, row_text, env.filters["angka"])


def _generator_init(generator):
    generator.env.filters.update(grafik_peringkat=rank_chart, grafik_nilai=_score_chart)


def register():
    signals.initialized.connect(_initialized)
    signals.generator_init.connect(_generator_init)
    signals.get_generators.connect(_get_generators)
    signals.all_generators_finalized.connect(check_unique_outputs)
