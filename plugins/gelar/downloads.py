"""Results as CSV and JSON: the files journalists download and link to.

Pure functions from Editions to text. The CSV starts with a UTF-8 byte
order mark, so spreadsheet programs open it as UTF-8 rather than guessing,
and a text cell that a spreadsheet would run as a formula starts with `'`.
"""

import csv
import io
import json

COLUMNS = ("year", "rank", "id", "name", "institution", "score", "award", "advances")


def result_records(edition):
    """One record per team, in result order, with the CSV's columns."""
    records = []
    for row in edition.rows:
        result = row.result
        records.append(
            {
                "year": edition.year,
                "rank": result.rank if result else None,
                "id": row.team.id,
                "name": row.team.name,
                "institution": row.team.institution,
                "score": result.score if result else None,
                "award": result.award if result else None,
                "advances": result.advances if result else None,
            }
        )
    return records


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


def to_csv(records):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for record in records:
        writer.writerow(_cell(record[column]) for column in COLUMNS)
    return "\ufeff" + buffer.getvalue()


def edition_csv(edition):
    return to_csv(result_records(edition))


def archive_csv(editions):
    """Every year in one file, oldest year first."""
    records = []
    for edition in sorted(editions, key=lambda e: e.year):
        records.extend(result_records(edition))
    return to_csv(records)


def edition_json(edition, page_url):
    event = edition.event
    document = {
        "year": edition.year,
        "title": event.title,
        "date": event.date.isoformat(),
        "venue": event.venue,
        "opened_by": event.opened_by,
        "occasion": event.occasion,
        "jury": [
            {"name": juror.name, "affiliation": juror.affiliation}
            for juror in event.jury
        ],
        "sample": edition.sample,
        "results_announced": edition.has_results,
        "url": page_url,
        "columns": list(COLUMNS),
        "teams": result_records(edition),
        "corrections": [
            {"date": c.date.isoformat(), "note": c.note} for c in edition.corrections
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
