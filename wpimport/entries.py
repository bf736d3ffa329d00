"""Which entries are imported, and under which slug.

A post without a title or a valid date cannot become an article: it is
skipped and reported, and the rest is imported. Two posts with one slug
both stay: the second takes the slug of its own old permalink, or the
slug with a number added, and its old address is redirected to it. With
`strict`, each of these stops the whole import instead, with every such
problem listed, as before.
"""

import posixpath
from dataclasses import dataclass, field, replace
from urllib.parse import unquote, urlsplit

from pelican.utils import slugify

from sitekit.problems import Problem

from .model import ImportFailed

_TITLE_HINT = (
    "beri judul di WordPress lalu ekspor ulang, atau jadikan pos itu draf "
    "agar dilewati."
)
_DATE_HINT = (
    "isi tanggal terbit pos di WordPress (TTTT-BB-HH JJ:MM:DD) lalu ekspor ulang."
)


@dataclass
class Choice:
    chosen: list = field(default_factory=list)  # (entry, slug)
    skipped: list = field(default_factory=list)  # (entry, reason)
    notes: list = field(default_factory=list)  # Problems


def _slug(raw, site):
    subs = [tuple(pair) for pair in site.slug_subs]
    return slugify(raw, regex_subs=subs).strip("-.") if raw else ""


def slug_of(entry, site):
    """A safe slug: WordPress's post_name, else the title, else the id."""
    for raw in (unquote(entry.slug), entry.title, f"pos-{entry.post_id}"):
        slug = _slug(raw, site)
        if slug:
            return slug
    return "tanpa-judul"


def content_path(entry, slug, site):
    if entry.kind == "page":
        return f"{site.page_dir}/{slug}.md"
    return f"{site.article_dir}/{entry.date:%Y}/{slug}.md"


def new_url(entry, slug, site):
    if entry.kind == "page":
        return "/" + site.page_url.format(slug=slug)
    return "/" + site.article_url.format(slug=slug, date=entry.date, lang="id")


def _invalid(entry):
    """(field, message, hint) for each reason the entry cannot be imported."""
    found = []
    if not entry.title:
        found.append(("title", f"{entry.label} tidak punya judul.", _TITLE_HINT))
    if entry.kind == "post" and entry.date is None:
        found.append(
            (
                "wp:post_date",
                f"{entry.label} tidak punya tanggal terbit yang sah.",
                _DATE_HINT,
            )
        )
    return found


def choose(entries, site, strict=False):
    """A Choice of entries and slugs, or ImportFailed when `strict` and any
    entry is invalid or shares its slug."""
    choice, problems, used = Choice(), [], {}
    for entry in entries:
        invalid = _invalid(entry)
        for name, message, hint in invalid:
            problem = Problem(entry.source, entry.line_of(name), name, message, hint)
            problems.append(problem)
            if not strict:
                skipped = (
                    problem.message + " Pos ini dilewati; yang lain tetap diimpor."
                )
                choice.notes.append(replace(problem, message=skipped))
        if invalid:
            reason = "tidak punya judul" if not entry.title else "tanpa tanggal terbit"
            choice.skipped.append((entry, reason))
            continue
        slug = slug_of(entry, site)
        first = used.get((entry.kind, slug))
        if first is not None:
            if strict:
                problems.append(_duplicate(entry, slug, first))
                continue
            new = _free_slug(entry, slug, used, site)
            choice.notes.append(_renamed(entry, slug, first, new))
            slug = new
        used[(entry.kind, slug)] = entry
        choice.chosen.append((entry, slug))
    if strict and problems:
        raise ImportFailed(problems)
    return choice


def _free_slug(entry, slug, used, site):
    """The slug of the entry's own old permalink, or `slug-2`, `slug-3`…"""
    for old in entry.old_urls:
        path = urlsplit(old).path.rstrip("/")
        own = _slug(unquote(posixpath.basename(path)), site) if path else ""
        if own and (entry.kind, own) not in used:
            return own
    number = 2
    while (entry.kind, f"{slug}-{number}") in used:
        number += 1
    return f"{slug}-{number}"


def _where(entry):
    line = entry.line_of("wp:post_name")
    return f"baris {line}" if line else entry.source


def _duplicate(entry, slug, first):
    return Problem(
        entry.source,
        entry.line_of("wp:post_name"),
        "wp:post_name",
        f"slug `{slug}` dari {entry.label} sudah dipakai oleh "
        f"{first.label} ({_where(first)}).",
        "ubah slug (permalink) salah satu pos di WordPress lalu "
        "ekspor ulang; alamat situs tidak boleh sama.",
    )


def _renamed(entry, slug, first, new):
    return Problem(
        entry.source,
        entry.line_of("wp:post_name"),
        "wp:post_name",
        f"slug `{slug}` dari {entry.label} sudah dipakai oleh "
        f"{first.label} ({_where(first)}); {entry.label} diimpor dengan slug "
        f"`{new}`, dan alamat lamanya dialihkan ke sana.",
        "ganti slug itu di berkas Markdown-nya bila ada yang lebih baik "
        "(perbarui juga `content/redirects.yaml`).",
    )
