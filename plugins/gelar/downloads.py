"""Results as CSV and JSON: the files journalists download and link to.

Pure functions from Editions, KBKs and institutions to text. Every CSV
starts with a UTF-8 byte order mark, so spreadsheet programs open it as
UTF-8 rather than guessing, and every row says in its `sample` column
whether it comes from sample data invented for the demo. The columns are
described, with their types, in the data package (datapackage.py). A
text cell that a spreadsheet would run as a formula starts with `'`.
"""

import csv
import io
import json

COLUMNS = (
    "year",
    "sample",
    "rank",
    "id",
    "name",
    "institution",
    "institution_id",
    "score",
    "award",
    "advances",
)
EDITION_COLUMNS = (
    "year",
    "sample",
    "title",
    "date",
    "venue",
    "teams",
    "results_announced",
    "results_status",
    "updated",
    "url",
)
KBK_COLUMNS = ("id", "sample", "name", "institution", "institution_id", "years", "url")
INSTITUTION_COLUMNS = ("id", "sample", "name", "other_names", "years", "kbk", "url")


def _record(edition, team, result):
    return {
        "year": edition.year,
        "sample": edition.sample,
        "rank": result.rank if result else None,
        "id": team.id,
        "name": team.name,
        "institution": team.institution,
        "institution_id": team.institution_id,
        "score": result.score if result else None,
        "award": result.award if result else None,
        "advances": result.advances if result else None,
    }


def result_records(edition):
    """One record per team, in result order, with the CSV's columns."""
    return [_record(edition, row.team, row.result) for row in edition.rows]


def kbk_records(kbk):
    """One record per year of a KBK, oldest first."""
    history = sorted(kbk.history, key=lambda p: p.edition.year)
    return [_record(p.edition, p.team, p.result) for p in history]


# A cell starting with one of these is a formula to a spreadsheet program
# (`=HYPERLINK(...)`, `+cmd|...`); OWASP's advice is to start it with `'`,
# which spreadsheets show as text. The JSON keeps the text as written.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_START) else value
    return str(value)


def to_csv(records, columns=COLUMNS):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow(_cell(record[column]) for column in columns)
    return "\ufeff" + buffer.getvalue()


def _json(document):
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def edition_csv(edition):
    return to_csv(result_records(edition))


def kbk_csv(kbk):
    return to_csv(kbk_records(kbk))


def _oldest_first(editions):
    return sorted(editions, key=lambda e: e.year)


def archive_records(editions):
    records = []
    for edition in _oldest_first(editions):
        records.extend(result_records(edition))
    return records


def archive_csv(editions):
    """Every year in one file, oldest year first."""
    return to_csv(archive_records(editions))


def licence_record(licence):
    """The licence as the JSON downloads state it: SPDX id, name, address."""
    return {"id": licence.id, "name": licence.name, "url": licence.url}


def _corrections(edition):
    return [{"date": c.date.isoformat(), "note": c.note} for c in edition.corrections]


def edition_json(edition, page_url, licence):
    event = edition.event
    document = {
        "year": edition.year,
        "title": event.title,
        "date": event.date.isoformat(),
        "venue": event.venue,
        "opened_by": event.opened_by,
        "occasion": event.occasion,
        "source": event.source,
        "jury": [
            {"name": juror.name, "affiliation": juror.affiliation}
            for juror in event.jury
        ],
        "sample": edition.sample,
        "results_announced": edition.has_results,
        "results_status": edition.results_status,
        "url": page_url,
        "published": edition.published.isoformat(),
        "updated": edition.updated.isoformat(),
        "license": licence_record(licence),
        "columns": list(COLUMNS),
        "teams": result_records(edition),
        "corrections": _corrections(edition),
    }
    return _json(document)


def _sample_years(editions):
    return sorted(e.year for e in editions if e.sample)


def archive_json(editions, url_for, licence):
    """Every year in one JSON document: the editions, then every team's
    result, oldest year first. `url_for(edition)` is its page address."""
    ordered = _oldest_first(editions)
    document = {
        "updated": max(e.updated for e in ordered).isoformat() if ordered else None,
        "license": licence_record(licence),
        "sample_years": _sample_years(ordered),
        "editions": [
            {
                "year": e.year,
                "title": e.event.title,
                "date": e.event.date.isoformat(),
                "sample": e.sample,
                "results_announced": e.has_results,
                "results_status": e.results_status,
                "updated": e.updated.isoformat(),
                "url": url_for(e),
                "corrections": _corrections(e),
            }
            for e in ordered
        ],
        "columns": list(COLUMNS),
        "teams": archive_records(ordered),
    }
    return _json(document)


def kbk_json(kbk, page_url, licence):
    """A KBK's history: who it is now, then one record per year."""
    editions = [p.edition for p in kbk.history]
    document = {
        "id": kbk.id,
        "name": kbk.name,
        "institution": kbk.institution,
        "institution_id": kbk.latest.institution_id,
        "url": page_url,
        "updated": kbk.updated.isoformat(),
        "license": licence_record(licence),
        "sample_years": _sample_years(editions),
        "columns": list(COLUMNS),
        "history": kbk_records(kbk),
    }
    return _json(document)


def editions_csv(editions, url_for):
    """The table of editions: one row per year, oldest first."""
    records = [
        {
            "year": e.year,
            "sample": e.sample,
            "title": e.event.title,
            "date": e.event.date.isoformat(),
            "venue": e.event.venue,
            "teams": len(e.teams),
            "results_announced": e.has_results,
            "results_status": e.results_status,
            "updated": e.updated.isoformat(),
            "url": url_for(e),
        }
        for e in _oldest_first(editions)
    ]
    return to_csv(records, EDITION_COLUMNS)


def _years(items):
    return " ".join(str(year) for year in items)


def kbks_csv(kbks, url_for):
    """The table of KBKs: one row per KBK, A to Z, named as it is now."""
    records = [
        {
            "id": kbk.id,
            "sample": kbk.only_sample,
            "name": kbk.name,
            "institution": kbk.institution,
            "institution_id": kbk.latest.institution_id,
            "years": _years(kbk.years),
            "url": url_for(kbk),
        }
        for kbk in kbks
    ]
    return to_csv(records, KBK_COLUMNS)


def institutions_csv(institutions, url_for):
    """The table of institutions: one row per institution, A to Z."""
    records = [
        {
            "id": institution.id,
            "sample": institution.only_sample,
            "name": institution.name,
            "other_names": "; ".join(name for name, *_ in institution.other_names),
            "years": _years(institution.years),
            "kbk": " ".join(kbk.id for kbk in institution.kbks),
            "url": url_for(institution),
        }
        for institution in institutions
    ]
    return to_csv(records, INSTITUTION_COLUMNS)
