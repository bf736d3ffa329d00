"""Two things never share an output file: find every planned collision.

Collected from all generators after their context phase, before anything
is written, so a collision fails the build with both sources named.
"""

import posixpath

from sitekit.problems import ContentError, Problem, display_path


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
    """(save_as, source) for Pelican content objects (articles, pages...)."""
    return [
        (item.save_as, f"{kind} {display_path(item.source_path)}")
        for item in items
        if getattr(item, "save_as", "")
    ]


def pelican_outputs(settings, context):
    """The pages Pelican itself renders: direct templates and taxonomies."""
    planned = []
    for name in settings.get("DIRECT_TEMPLATES", ()):
        save_as = settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html")
        planned.append((save_as, f"halaman bawaan Pelican `{name}`"))
    for key in ("categories", "tags"):
        for taxonomy, _articles in context.get(key, ()):
            planned.append((taxonomy.save_as, f"halaman {key} `{taxonomy.name}`"))
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
    """Every output file of a build, with where it comes from."""
    planned = []
    for generator in generators:
        if hasattr(generator, "planned_outputs"):
            planned += generator.planned_outputs()
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
