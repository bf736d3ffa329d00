"""The output plan: every file a build writes, where it comes from, and how.

Each of our generators lists its outputs once, as `Output` values in
`output_plan()`; its `generate_output` only runs that plan. The same list
feeds the collision check (sitekit/collisions.py), so an output can never
be written without being checked. Pelican's own outputs (content, direct
templates, taxonomies and their feeds, later pages, period archives, the
theme's files) are added from Pelican's settings and context. All of it
is collected after every generator has read its content and before
anything is written, so a collision fails the build with both sources
named.

An output whose `write` is None is written outside the plan, but listed so
nothing else can claim its address: sitemap.xml and robots.txt (written
on `finalized`, from the pages on disk), the theme's files (copied by
Pelican) and the search bundle (written by Pagefind after Pelican). A
`save_as` ending in `/` claims a whole folder.
"""

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field

from pelican.paginator import Paginator

from sitekit.pelican_compat import static_save_as
from sitekit.problems import display_path


@dataclass(frozen=True)
class Output:
    """One output file: `save_as` (relative to the output folder; empty
    turns it off; ending in `/`, a whole folder), `source` (how editors
    are told where it comes from), `write(writer)`, which writes it (None:
    written outside the plan, see above), and where an editor changes it:
    `path`, and `line`, or `key`, the metadata key whose line it is."""

    save_as: str
    source: str
    write: Callable | None = field(default=None, compare=False, repr=False)
    path: str | None = field(default=None, compare=False)
    line: int | None = field(default=None, compare=False)
    key: str | None = field(default=None, compare=False)

    @property
    def is_folder(self):
        return self.save_as.endswith("/")


def write_plan(plan, writer):
    """Write every output of a plan, in its order."""
    for output in plan:
        if output.save_as and output.write is not None:
            output.write(writer)


def normalise(save_as):
    return posixpath.normpath(save_as.replace("\\", "/")).lstrip("/")


# Metadata that set an article's or page's address, most specific first.
ADDRESS_KEYS = ("save_as", "url", "slug", "title")


def content_outputs(items, kind):
    """Outputs of Pelican content objects (articles, pages...).

    A static file is read where it stands now, without pinning it there:
    an `{attach}` link moves it next to its page when that page renders,
    as in Pelican, so it is planned at its own place.
    """
    planned = []
    for item in items:
        save_as = static_save_as(item)
        if not save_as:
            continue
        metadata = getattr(item, "metadata", {})
        key = next((k for k in ADDRESS_KEYS if k in metadata), None)
        planned.append(
            Output(
                save_as,
                f"{kind} {display_path(item.source_path)}",
                path=item.source_path,
                key=key,
            )
        )
    return planned


def _pages(settings, template, save_as, url, objects, source):
    """Outputs of a listing and, when its template paginates, of each later
    page (`/2/`, `/3/`...) as Pelican's writer will name them."""
    rules = settings.get("PAGINATED_TEMPLATES", {})
    if not save_as or template not in rules:
        return [Output(save_as, source)]
    per_page = rules[template] or settings.get("DEFAULT_PAGINATION")
    paginator = Paginator(save_as, url, list(objects), settings, per_page)
    planned = [Output(save_as, source)]
    for number in range(2, paginator.num_pages + 1):
        page = paginator.page(number)
        planned.append(Output(page.save_as, f"{source}, halaman {number}"))
    return planned


# Period archives as editors read their names.
PERIODS = {"year": "tahun", "month": "bulan", "day": "hari"}
# Feeds Pelican writes per taxonomy: (context key, settings prefix, name).
TAXONOMY_FEEDS = (
    ("categories", "CATEGORY_FEED_", "kategori"),
    ("tags", "TAG_FEED_", "tag"),
    ("authors", "AUTHOR_FEED_", "penulis"),
)


def pelican_outputs(settings, context):
    """The files Pelican itself writes: direct templates, taxonomies and
    their feeds, period archives, fixed feeds, template pages, with later
    pages, and the theme's static folder."""
    articles = context.get("articles", ())
    planned = []
    for name in settings.get("DIRECT_TEMPLATES", ()):
        save_as = settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html")
        url = settings.get(f"{name.upper()}_URL", f"{name}.html")
        source = f"halaman bawaan Pelican `{name}`"
        planned += _pages(settings, name, save_as, url, articles, source)
    for key, template in (("categories", "category"), ("tags", "tag")):
        for taxonomy, items in context.get(key, ()):
            source = f"halaman {key} `{taxonomy.name}`"
            planned += _pages(
                settings, template, taxonomy.save_as, taxonomy.url, items, source
            )
    for author, items in context.get("authors", ()):
        source = f"halaman penulis `{author.name}`"
        planned += _pages(settings, "author", author.save_as, author.url, items, source)
    planned += _taxonomy_feeds(settings, context)
    for granularity, periods in (context.get("period_archives") or {}).items():
        for period in periods:
            number = "-".join(str(part) for part in period.get("period_num", ()))
            source = f"arsip {PERIODS.get(granularity, granularity)} {number}"
            planned += _pages(
                settings,
                "period_archives",
                period.get("save_as", ""),
                period.get("url", ""),
                period.get("articles", ()),
                source,
            )
    for key, value in settings.items():
        fixed_feed = isinstance(value, str) and value.endswith(".xml")
        is_path = key.startswith("FEED_") and not key.endswith("_URL")
        if is_path and fixed_feed and "{" not in value:
            planned.append(Output(value, f"umpan `{key}`"))
    for template, save_as in (settings.get("TEMPLATE_PAGES") or {}).items():
        planned.append(Output(save_as, f"halaman templat `{template}`"))
    theme_folder = settings.get("THEME_STATIC_DIR")
    if theme_folder and settings.get("THEME_STATIC_PATHS"):
        planned.append(
            Output(theme_folder.strip("/") + "/", "berkas tema (theme/static/)")
        )
    return planned


def _taxonomy_feeds(settings, context):
    planned = []
    for key, prefix, name in TAXONOMY_FEEDS:
        patterns = [settings.get(prefix + kind) for kind in ("ATOM", "RSS")]
        for taxonomy, _items in context.get(key, ()):
            for pattern in filter(None, patterns):
                save_as = pattern.format(slug=taxonomy.slug)
                planned.append(Output(save_as, f"umpan {name} `{taxonomy.name}`"))
    return planned


# Generator attributes holding content objects, and how editors call them.
CONTENT_LISTS = (
    ("articles", "artikel"),
    ("translations", "terjemahan"),
    ("drafts", "draf"),
    ("drafts_translations", "draf terjemahan"),
    ("hidden_articles", "artikel tersembunyi"),
    ("hidden_translations", "terjemahan tersembunyi"),
    ("pages", "halaman"),
    ("hidden_pages", "halaman tersembunyi"),
    ("draft_pages", "draf halaman"),
    ("staticfiles", "berkas statis"),
)


def planned_outputs(generators):
    """Every output of a build (`Output`s), from every generator's plan,
    the content Pelican read and Pelican's own outputs."""
    planned = []
    for generator in generators:
        if callable(getattr(generator, "output_plan", None)):  # hooks.PlansOutputs
            planned += generator.output_plan()
        for attr, kind in CONTENT_LISTS:
            planned += content_outputs(getattr(generator, attr, ()), kind)
    if generators:
        planned += pelican_outputs(generators[0].settings, generators[0].context)
    return planned
