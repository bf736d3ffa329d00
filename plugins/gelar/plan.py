"""The gelar generator's output plan: every page, download and feed it writes.

Each function returns `Output` values (sitekit/outputs.py) for one part of
the archive; GelarGenerator.output_plan joins them. The same list feeds
the collision check and the writing, so nothing here writes a file by
itself: a `write` runs only when the plan is written.
"""

import datetime
import zoneinfo
from dataclasses import dataclass
from functools import partial

from markupsafe import escape

from sitekit.outputs import Output
from sitekit.rendering import index_output, page_output
from sitekit.settings import licence, publisher, site_address

from . import datapackage, downloads


@dataclass
class Planner:
    """What every part of the plan needs: the generator (templates, the
    writer's text files) and its settings."""

    generator: object

    @property
    def settings(self):
        return self.generator.settings

    @property
    def archive(self):
        return self.generator.archive

    def page(self, save_as, source, template, url, **kwargs):
        return page_output(self.generator, save_as, source, template, url, **kwargs)

    def text(self, save_as, source, make):
        """A text file made by `make()` when the plan is written."""

        def write(_writer):
            self.generator.write_text(save_as, make())

        return Output(save_as, source, write)

    def url_for(self, obj):
        """The address written into downloads: SITEURL plus the page's URL."""
        return f"{self.settings['SITEURL']}/{obj.url}"


def _page_and_embed(planner, obj, source, template, name, **context):
    """A page and its embed (`sematkan_<template>`)."""
    return [
        planner.page(obj.save_as, source, template, obj.url, page_name=name, **context),
        planner.page(
            obj.embed_save_as,
            f"sematan {source}",
            f"sematkan_{template}",
            obj.embed_url,
            page_name=f"sematkan-{name}",
            **context,
        ),
    ]


def edition_outputs(planner, edition):
    source = f"data {edition.source_path}"
    lic = licence(planner.settings)
    return [
        *_page_and_embed(
            planner,
            edition,
            source,
            "gelar",
            f"gelar-{edition.year}",
            edition=edition,
        ),
        planner.text(edition.csv_url, source, partial(downloads.edition_csv, edition)),
        planner.text(
            edition.json_url,
            source,
            partial(downloads.edition_json, edition, planner.url_for(edition), lic),
        ),
    ]


def kbk_outputs(planner, kbk):
    source = f"KBK `{kbk.id}` ({kbk.history[0].edition.source_path})"
    lic = licence(planner.settings)
    return [
        *_page_and_embed(planner, kbk, source, "kbk", f"kbk-{kbk.id}", kbk=kbk),
        planner.text(kbk.csv_url, source, partial(downloads.kbk_csv, kbk)),
        planner.text(
            kbk.json_url,
            source,
            partial(downloads.kbk_json, kbk, planner.url_for(kbk), lic),
        ),
    ]


def institution_outputs(planner):
    archive = planner.archive
    plan = [
        index_output(
            planner.generator,
            "INSTANSI",
            "daftar instansi (plugin gelar)",
            "instansi_index",
            institutions=archive.institution_list,
        )
    ]
    for institution in archive.institution_list:
        first = institution.history[0]
        source = f"instansi `{institution.id}` ({first.edition.source_path})"
        plan.append(
            planner.page(
                institution.save_as,
                source,
                "instansi",
                institution.url,
                institution=institution,
                page_name=f"instansi-{institution.id}",
            )
        )
    return plan


def open_data_outputs(planner):
    """Every year at once, the tables the keys refer to, and the package."""
    settings = planner.settings
    archive = planner.archive
    editions = archive.editions
    url_for = planner.url_for
    source = "data terbuka (plugin gelar)"
    files = {
        key: settings[key]
        for key in (
            "GELAR_ALL_CSV_SAVE_AS",
            "GELAR_ALL_JSON_SAVE_AS",
            "GELAR_EDITIONS_CSV_SAVE_AS",
            "GELAR_KBKS_CSV_SAVE_AS",
            "GELAR_INSTITUTIONS_CSV_SAVE_AS",
            "GELAR_RESULTS_SCHEMA_SAVE_AS",
        )
    }
    makers = {
        "GELAR_ALL_CSV_SAVE_AS": partial(downloads.archive_csv, editions),
        "GELAR_ALL_JSON_SAVE_AS": partial(
            downloads.archive_json, editions, url_for, licence(settings)
        ),
        "GELAR_EDITIONS_CSV_SAVE_AS": partial(
            downloads.editions_csv, editions, url_for
        ),
        "GELAR_KBKS_CSV_SAVE_AS": partial(
            downloads.kbks_csv, archive.kbk_list, url_for
        ),
        "GELAR_INSTITUTIONS_CSV_SAVE_AS": partial(
            downloads.institutions_csv, archive.institution_list, url_for
        ),
        "GELAR_RESULTS_SCHEMA_SAVE_AS": datapackage.schema_json,
    }
    plan = [planner.text(files[key], source, make) for key, make in makers.items()]
    save_as = settings["GELAR_DATAPACKAGE_SAVE_AS"]
    place = datapackage.Place(save_as, site_address(settings))
    about = {
        "name": "gelar-budaya-kerja",
        "title": f"Hasil Gelar Budaya Kerja — {settings['SITENAME']}",
        "description": settings.get("SITESUBTITLE") or settings["SITENAME"],
        "homepage": f"{site_address(settings)}/",
        "publisher": publisher(settings),
        "licence": licence(settings),
    }
    plan.append(
        planner.text(
            save_as,
            source,
            partial(datapackage.package, archive, files, place, about),
        )
    )
    return plan


@dataclass(frozen=True)
class CorrectionEntry:
    """A correction as an entry of the edition's Atom feed: what Pelican's
    writer reads from an article (title, url, date, content, summary)."""

    title: str
    url: str
    date: datetime.datetime
    note: str
    author: str

    def get_content(self, _site_url):
        return str(escape(self.note))

    @property
    def summary(self):
        return None


def correction_entries(edition, settings):
    """The edition's corrections as feed entries, each linking to its own
    line on the page (`#ralat-1`, `#ralat-2`…)."""
    zone = zoneinfo.ZoneInfo(settings.get("TIMEZONE") or "UTC")
    title = settings["GELAR_CORRECTION_TITLE"].format(title=edition.event.title)
    return [
        CorrectionEntry(
            title=title,
            url=f"{edition.url}#ralat-{number}",
            date=datetime.datetime.combine(correction.date, datetime.time(), zone),
            note=correction.note,
            author=publisher(settings),
        )
        for number, correction in enumerate(edition.corrections, 1)
    ]
