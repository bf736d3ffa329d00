"""The open data package: /data/datapackage.json and its Table Schemas.

It follows the Frictionless Data Package standard
(https://datapackage.org/): one resource per download, a Table Schema for
every CSV (types, constraints, primary and foreign keys), the licence and
the sources. The tables of editions, KBKs and institutions sit beside it,
so the results' foreign keys have something to point at.

A resource is named by a path relative to the package's folder when it
lives inside it, and by its absolute address otherwise: the standard (and
the `frictionless` library) refuses `../` paths. Pure functions: the
generator passes where each file is written and the site's address.
"""

import json
import posixpath
from dataclasses import dataclass

from .downloads import COLUMNS

ID_PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$"
BOOLEAN = {"type": "boolean", "trueValues": ["true"], "falseValues": ["false"]}


def _field(name, kind, title, description, required=False, **constraints):
    field = {"name": name, "type": kind, "title": title, "description": description}
    if kind == "boolean":
        field.update(BOOLEAN)
    if required:
        constraints["required"] = True
    if constraints:
        field["constraints"] = constraints
    return field


SAMPLE_FIELD = (
    "sample",
    "boolean",
    "Data contoh",
    "true: baris ini data contoh yang dikarang untuk demo, bukan hasil resmi.",
)

# name -> (type, title, description, constraints) of the results' columns.
RESULT_FIELDS = {
    "year": ("integer", "Tahun", "Tahun Gelar Budaya Kerja.", {"minimum": 1900}),
    "sample": (*SAMPLE_FIELD[1:], {}),
    "rank": (
        "integer",
        "Peringkat",
        "Peringkat dari juri, mulai 1; sama untuk yang seri; kosong bila tanpa "
        "peringkat atau hasil belum diumumkan.",
        {"minimum": 1},
    ),
    "id": ("string", "Id KBK", "Id tetap KBK, sama di semua tahun.", {}),
    "name": ("string", "Nama KBK", "Nama KBK pada tahun itu.", {}),
    "institution": ("string", "Instansi", "Nama instansi pada tahun itu.", {}),
    "institution_id": ("string", "Id instansi", "Id tetap instansi.", {}),
    "score": (
        "number",
        "Nilai",
        "Nilai dari juri, titik desimal; kosong bila tidak ada.",
        {"minimum": 0},
    ),
    "award": ("string", "Penghargaan", "Mis. Juara I; kosong bila tidak ada.", {}),
    "advances": (
        "boolean",
        "Lolos ke tingkat provinsi",
        "true bila lolos ke tingkat provinsi; kosong bila tidak diketahui.",
        {},
    ),
}
REQUIRED = {"year", "sample", "id", "name", "institution", "institution_id"}
ID_FIELDS = {"id", "institution_id"}


def results_schema():
    """The Table Schema of every results CSV (per edition, per KBK, all)."""
    fields = []
    for name in COLUMNS:
        kind, title, description, constraints = RESULT_FIELDS[name]
        if name in ID_FIELDS:
            constraints = {**constraints, "pattern": ID_PATTERN}
        fields.append(
            _field(name, kind, title, description, name in REQUIRED, **constraints)
        )
    return {
        "fields": fields,
        "missingValues": [""],
        "primaryKey": ["year", "id"],
        "foreignKeys": [
            _foreign("year", "gelar", "year"),
            _foreign("id", "kbk", "id"),
            _foreign("institution_id", "instansi", "id"),
        ],
    }


def _foreign(field, resource, target):
    return {"fields": [field], "reference": {"resource": resource, "fields": [target]}}


def _editions_schema():
    return {
        "fields": [
            _field("year", "integer", "Tahun", "Tahun gelar.", True, unique=True),
            _field(*SAMPLE_FIELD, required=True),
            _field("title", "string", "Judul", "Nama acara.", True),
            _field("date", "date", "Tanggal", "Hari acara (TTTT-BB-HH).", True),
            _field("venue", "string", "Tempat", "Tempat acara.", True),
            _field("teams", "integer", "Peserta", "Jumlah KBK.", True, minimum=1),
            _field(
                "results_announced",
                "boolean",
                "Hasil diumumkan",
                "false bila hasil belum ada di arsip.",
                True,
            ),
            _field(
                "results_status",
                "string",
                "Keadaan hasil",
                "published: hasil ada; pending: belum diumumkan; not_recorded: "
                "gelar sudah lewat tetapi hasilnya tidak tercatat dalam arsip.",
                True,
                enum=["published", "pending", "not_recorded"],
            ),
            _field("updated", "date", "Diperbarui", "Hari data terakhir diubah.", True),
            _field("url", "string", "Halaman", "Alamat halaman gelar.", True),
        ],
        "missingValues": [""],
        "primaryKey": ["year"],
    }


def _kbks_schema():
    return {
        "fields": [
            _field("id", "string", "Id KBK", "Id tetap KBK.", True, pattern=ID_PATTERN),
            _field(
                "sample",
                "boolean",
                "Data contoh",
                "true: KBK ini hanya ada dalam data contoh untuk demo.",
                True,
            ),
            _field("name", "string", "Nama KBK", "Nama sekarang.", True),
            _field(
                "institution", "string", "Instansi", "Nama instansi sekarang.", True
            ),
            _field(
                "institution_id",
                "string",
                "Id instansi",
                "Id tetap instansi.",
                True,
                pattern=ID_PATTERN,
            ),
            _field("years", "string", "Tahun ikut", "Dipisah spasi.", True),
            _field("url", "string", "Halaman", "Alamat halaman KBK.", True),
        ],
        "missingValues": [""],
        "primaryKey": ["id"],
        "foreignKeys": [_foreign("institution_id", "instansi", "id")],
    }


def _institutions_schema():
    return {
        "fields": [
            _field(
                "id", "string", "Id instansi", "Id tetap.", True, pattern=ID_PATTERN
            ),
            _field(
                "sample",
                "boolean",
                "Data contoh",
                "true: instansi ini hanya ada dalam data contoh untuk demo.",
                True,
            ),
            _field("name", "string", "Nama", "Nama sekarang.", True),
            _field(
                "other_names", "string", "Nama lain", "Nama sebelumnya, dipisah `; `."
            ),
            _field("years", "string", "Tahun ikut", "Dipisah spasi.", True),
            _field("kbk", "string", "KBK", "Id KBK-nya, dipisah spasi.", True),
            _field("url", "string", "Halaman", "Alamat halaman instansi.", True),
        ],
        "missingValues": [""],
        "primaryKey": ["id"],
    }


@dataclass(frozen=True)
class Place:
    """Where the package is written and how to name other files from it."""

    save_as: str  # the package's own output path, e.g. data/datapackage.json
    address: str  # the site's absolute address, "" when it has none

    def path(self, save_as):
        """A safe relative path inside the package's folder, else the file's
        absolute address, else None (no address to give)."""
        relative = posixpath.relpath(save_as, posixpath.dirname(self.save_as))
        if not relative.startswith(".."):
            return relative
        return f"{self.address}/{save_as}" if self.address else None


def _resource(name, path, title, kind, **more):
    """A resource: `kind` is "csv" (a table; `more` holds its schema) or
    "json" (loaded, not read as a table)."""
    resource = {"name": name}
    if kind == "csv":
        resource["type"] = "table"
    resource.update(path=path, title=title, format=kind)
    resource["mediatype"] = {"csv": "text/csv", "json": "application/json"}[kind]
    if kind == "csv":
        resource["encoding"] = "utf-8"
    return {**resource, **more}


def _csv(name, path, title, schema):
    return _resource(name, path, title, "csv", schema=schema)


def _json(name, path, title):
    return _resource(name, path, title, "json")


def package(archive, files, place, about):
    """The datapackage.json document.

    `files` maps GELAR_* SAVE_AS setting names to output paths; `about`
    holds the package's `name`, `title`, `description`, `homepage`,
    `publisher` and `licence` (sitekit.settings.Licence).
    """
    schema = place.path(files["GELAR_RESULTS_SCHEMA_SAVE_AS"])
    tables = (
        ("gelar", "GELAR_EDITIONS_CSV_SAVE_AS", "Daftar gelar", _editions_schema()),
        (
            "instansi",
            "GELAR_INSTITUTIONS_CSV_SAVE_AS",
            "Daftar instansi",
            _institutions_schema(),
        ),
        ("kbk", "GELAR_KBKS_CSV_SAVE_AS", "Daftar KBK", _kbks_schema()),
        ("hasil-semua", "GELAR_ALL_CSV_SAVE_AS", "Hasil semua tahun", schema),
    )
    resources = [
        _csv(name, place.path(files[key]), title, table_schema)
        for name, key, title, table_schema in tables
    ]
    resources += [
        _json(
            "hasil-semua-json",
            place.path(files["GELAR_ALL_JSON_SAVE_AS"]),
            "Hasil semua tahun (JSON)",
        ),
    ]
    for edition in sorted(archive.editions, key=lambda e: e.year):
        title = f"Hasil {edition.event.title}" + (" (data contoh)" * edition.sample)
        resources += [
            _csv(f"hasil-{edition.year}", place.path(edition.csv_url), title, schema),
            _json(f"hasil-{edition.year}-json", place.path(edition.json_url), title),
        ]
    for kbk in archive.kbk_list:
        title = f"Riwayat {kbk.name}" + (" (data contoh)" * kbk.only_sample)
        resources += [
            _csv(f"riwayat-{kbk.id}", place.path(kbk.csv_url), title, schema),
            _json(f"riwayat-{kbk.id}-json", place.path(kbk.json_url), title),
        ]
    licence = about["licence"]
    document = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": about["name"],
        "title": about["title"],
        "description": about["description"],
        "homepage": about["homepage"],
        "licenses": [{"name": licence.id, "path": licence.url, "title": licence.title}],
        "contributors": [{"title": about["publisher"], "roles": ["publisher"]}],
        "sources": _sources(archive.editions),
        "keywords": ["Gelar Budaya Kerja", "KBK", "Magetan"],
        "resources": [r for r in resources if r["path"] is not None],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _sources(editions):
    """Where each year's data comes from, as its year file says."""
    found = []
    for edition in sorted(editions, key=lambda e: e.year):
        source = edition.event.source or "Data Humas"
        marked = " (data contoh)" if edition.sample else ""
        found.append({"title": f"{edition.year}: {source}{marked}"})
    return found


def schema_json():
    return json.dumps(results_schema(), ensure_ascii=False, indent=2) + "\n"
