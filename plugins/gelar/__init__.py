"""Gelar Budaya Kerja archive: yearly KBK data, edition and KBK pages.

`register()` only connects signals; the work lives in the modules:
schema (validation of a year file), model, archive (KBK histories),
articles (metadata links), mentions (auto-linking), downloads (CSV/JSON),
charts (SVG), generator (pages and feeds), redirects and redirect_pages
(old addresses that keep working) and sitemap (sitemap.xml and
robots.txt). Shared machinery (YAML with lines, problems, the output plan
and its collision check) is in sitekit/.
"""

from jinja2 import pass_environment
from pelican import signals

from sitekit.collisions import check_unique_outputs
from sitekit.contentcheck import check_content
from sitekit.problems import raise_if_any
from sitekit.sources import link_problems

from .charts import rank_chart, score_chart
from .generator import GelarGenerator
from .redirect_pages import RedirectGenerator, resolve_redirects
from .settings import apply_defaults
from .sitemap import write_sitemap


def _initialized(pelican):
    apply_defaults(pelican.settings)
    # Before Pelican walks content/ (following links, into /etc if asked).
    raise_if_any(link_problems(pelican.settings["PATH"]))


def _get_generators(pelican):
    # In this order: redirects read the archive that GelarGenerator loads.
    return (GelarGenerator, RedirectGenerator)


def _all_generators_finalized(generators):
    # What Pelican read (symlinks, active files, links, templates), then
    # collisions between real pages, then redirects against them, then
    # the whole plan again with the redirect pages in it.
    check_content(generators)
    check_unique_outputs(generators)
    resolve_redirects(generators)
    check_unique_outputs(generators)


@pass_environment
def _score_chart(env, edition, title, row_text):
    """The scores chart, with numbers formatted like the rest of the page
    (every score with the edition's decimals)."""
    angka = env.filters["angka"]
    decimals = edition.score_decimals
    return score_chart(edition, title, row_text, lambda n: angka(n, decimals))


def _generator_init(generator):
    generator.env.filters.update(grafik_peringkat=rank_chart, grafik_nilai=_score_chart)


def register():
    signals.initialized.connect(_initialized)
    signals.generator_init.connect(_generator_init)
    signals.get_generators.connect(_get_generators)
    signals.all_generators_finalized.connect(_all_generators_finalized)
    signals.finalized.connect(write_sitemap)
