"""The output plan: every file a build writes, where it comes from, and how.

Each of our generators lists its outputs once, as `Output` values in
`output_plan()`; its `generate_output` only runs that plan. The same list
feeds the collision check, so an output can never be written without
being checked. Pelican's own outputs (content, direct templates,
taxonomies, their later pages and the period archives) are added from
Pelican's settings and context. All of it is collected after every
generator has read its content and before anything is written, so a
collision fails the build with both sources named.
"""

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field

from pelican.paginator import Paginator

from sitekit.pelican_compat import static_save_as
from sitekit.problems import ContentError, Problem, display_path


@dataclass(frozen=True)
class Output:
    """One output file: `save_as` (relative to the output folder; empty
    turns it off), `source` (how editors are told where it comes from)
    and `write(writer)`, which writes it."""

    save_as: str
    source: str
    write: Callable = field(compare=False, repr=False)


def write_plan(plan, writer):
    """Write every output of a plan, in its order."""
    for output in plan:
        if output.save_as:
            output.write(writer)


def normalise(save_as):
    return posixpath.normpath(save_as.replace("\\", "/")).lstrip("/")


def find_collisions(planned):
    """`planned` is (save_as, source) pairs; return [(save_as, sources)]."""
    owners = {}
    for save_as, source in planned:
        if not save_as:
            continue  # an empty SAVE_AS turns the output off
        owners.setdefault(normalise(save_as), []).append(source)
    return [(path, sources) for path, sources in owners.items() if len(sources) > 1]


def content_outputs(items, kind):
    """(save_as, source) for Pelican content objects (articles, pages...).

    A static file is read where it stands now, without pinning it there:
    an `{attach}` link moves it next to its page when that page renders,
    as in Pelican, so it is planned at its own place.
    """
    planned = [(static_save_as(item), item) for item in items]
    return [
        (save_as, f"{kind} {display_path(item.source_path)}")
        for save_as, item in planned
        if save_as
    ]


def _pages(settings, template, save_as, url, objects, source):
    """(save_as, source) of a listing and, when its template paginates, of
    each later page (`/2/`, `/3/`...) as Pelican's writer will name them."""
    rules = settings.get("PAGINATED_TEMPLATES", {})
    if not save_as or template not in rules:
        return [(save_as, source)]
    per_page = rules[template] or settings.get("DEFAULT_PAGINATION")
    paginator = Paginator(save_as, url, list(objects), settings, per_page)
    planned = [(save_as, source)]
    for number in range(2, paginator.num_pages + 1):
        page = paginator.page(number)
        planned.append((page.save_as, f"{source}, halaman {number}"))
    return planned


def pelican_outputs(settings, context):
    """The pages Pelican itself renders: direct templates, taxonomies,
    period archives and fixed feeds, with their later pages."""
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
    for granularity, periods in (context.get("period_archives") or {}).items():
        for period in periods:
            number = "-".join(str(part) for part in period.get("period_num", ()))
            source = f"arsip {granularity} {number}"
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
        if key.startswith("FEED_") and fixed_feed and "{" not in value:
            planned.append((value, f"umpan `{key}`"))
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
    """Every output file of a build as (save_as, source), from every
    generator's plan and Pelican's own outputs."""
    planned = []
    for generator in generators:
        if callable(getattr(generator, "output_plan", None)):  # hooks.PlansOutputs
            planned += [(o.save_as, o.source) for o in generator.output_plan()]
        for attr, kind in CONTENT_LISTS:
            planned += content_outputs(getattr(generator, attr, ()), kind)
    if generators:
        planned += pelican_outputs(generators[0].settings, generators[0].context)
    return planned


def check_unique_outputs(generators):
    """Raise ContentError naming both sources of every shared output."""
    collisions = find_collisions(planned_outputs(generators))
    if collisions:
        raise ContentError(
            Problem(
                sources[0],
                None,
                None,
                f"alamat `{path}` juga dihasilkan oleh " + ", ".join(sources[1:]) + ".",
                "dua hal tidak boleh berbagi alamat: ganti `Slug:` salah satunya "
                "(atau id KBK-nya).",
            )
            for path, sources in collisions
        )
