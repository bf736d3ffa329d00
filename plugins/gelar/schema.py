"""Validate one year's YAML data and turn it into an Edition.

Pure functions: they take the parsed YAML (with line numbers) and return
an Edition, or raise ContentError listing every problem in the file.
"""

import decimal
import difflib
import re
import unicodedata

from sitekit.fields import FieldReader, describe
from sitekit.problems import ContentError, Problem
from sitekit.textcheck import code_point, invisible_characters
from sitekit.yamlsource import Mapping

from .model import (
    NOT_RECORDED,
    PENDING,
    PUBLISHED,
    RESULT_STATES,
    Correction,
    Edition,
    Event,
    Juror,
    Result,
    Team,
)

# Matched whole (fullmatch): `$` would also accept a final newline.
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


TOP_FIELDS = (
    "year",
    "event",
    "teams",
    "results",
    "results_status",
    "sample",
    "corrections",
    "updated",
)
EVENT_FIELDS = (
    "title",
    "date",
    "venue",
    "opened_by",
    "occasion",
    "time",
    "source",
    "jury",
)
JUROR_FIELDS = ("name", "affiliation")
TEAM_FIELDS = (
    "id",
    "name",
    "institution",
    "institution_id",
    "aliases",
    "former_ids",
    "category",
    "project",
    "members",
)
RESULT_FIELDS = ("team", "rank", "score", "award", "advances")
CORRECTION_FIELDS = ("date", "note")


def slug(text):
    """`text` as an id: ASCII letters and digits joined by hyphens ("" when
    nothing is left)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.decode().lower()).strip("-")


def suggest_id(text):
    return slug(text) or "nama-kbk"


def is_id(value):
    return isinstance(value, str) and ID_PATTERN.fullmatch(value) is not None


def hidden_in(value):
    """` (ada karakter tak terlihat U+200B)` when `value` holds invisible
    characters an editor cannot see in the message, else ""."""
    found = invisible_characters(value) if isinstance(value, str) else []
    if not found:
        return ""
    return f" (ada karakter tak terlihat {', '.join(map(code_point, found))})"


def parse_edition(data, path, expected_year):
    """Validate a year file's parsed YAML; return an Edition or raise."""
    problems = []
    if not isinstance(data, Mapping):
        raise ContentError(
            [
                Problem(
                    path,
                    getattr(data, "line", 1),
                    None,
                    "isi berkas harus berupa pemetaan dengan kolom `year`, "
                    "`event` dan `teams`.",
                    "lihat contoh dengan `invoke new-year TAHUN`.",
                )
            ]
        )
    top = FieldReader(data, path, "", problems)
    top.reject_unknown(TOP_FIELDS)

    year = top.get("year", "rank", required=True)
    if year is not None and year != expected_year:
        top.problem(
            "year",
            f"bernilai {year}, padahal nama berkasnya {expected_year}.",
            f"samakan: tulis `year: {expected_year}` atau ganti nama berkas "
            f"menjadi {year}.yaml.",
        )

    event = _parse_event(top.sub("event", required=True))
    teams = _parse_teams(top)
    results = _parse_results(top, teams)
    status = _results_status(top, results)
    sample = top.get("sample", "bool") or False
    corrections = tuple(
        Correction(reader.get("date", "date", True), reader.get("note", "text", True))
        for reader in _checked(top.mapping_items("corrections"), CORRECTION_FIELDS)
    )
    updated = _updated(top, event, corrections)

    if problems:
        raise ContentError(problems)
    return Edition(
        year=expected_year,
        event=event,
        teams=tuple(teams.values()),
        results=results,
        sample=sample,
        corrections=corrections,
        source_path=path,
        updated_field=updated,
        results_status=status,
        status_line=top.mapping.line_of("results_status")
        if "results_status" in top.mapping
        else top.mapping.line_of("year"),
    )


def _results_status(top, results):
    """`results_status:` checked against `results`: PUBLISHED when there are
    results, else PENDING (the default) or NOT_RECORDED."""
    given = top.get("results_status", "text")
    if given is not None and given not in RESULT_STATES:
        close = difflib.get_close_matches(given, RESULT_STATES, n=1)
        top.problem(
            "results_status",
            f"`{given}` bukan keadaan hasil yang dikenal.",
            (f"mungkin maksudnya `{close[0]}`? " if close else "")
            + "tulis `not_recorded` bila arsip tidak punya hasil gelar yang sudah "
            "lewat, `pending` bila hasil belum diumumkan, atau hapus kolom ini.",
        )
        given = None
    if results is not None:
        if given in (PENDING, NOT_RECORDED):
            top.problem(
                "results_status",
                f"bernilai `{given}`, padahal berkas ini sudah memuat `results`.",
                "hapus kolom `results_status`: hasil yang tertulis berarti sudah "
                "diumumkan.",
            )
        return PUBLISHED
    if given == PUBLISHED:
        top.problem(
            "results_status",
            "bernilai `published`, padahal berkas ini tidak memuat `results`.",
            "tulis hasilnya di `results`, atau `results_status: not_recorded` bila "
            "arsip tidak punya hasilnya.",
        )
        return PENDING
    return given or PENDING


def _updated(top, event, corrections):
    """`updated:`, which may not be earlier than the event or a correction."""
    updated = top.get("updated", "date")
    if updated is None:
        return None
    earlier = [(c.date, "ralat terbaru") for c in corrections if c.date]
    if event is not None and event.date is not None:
        earlier.append((event.date, "tanggal acara"))
    if earlier:
        latest, what = max(earlier)
        if updated < latest:
            top.problem(
                "updated",
                f"{updated.isoformat()} lebih awal daripada {what} "
                f"({latest.isoformat()}).",
                "tulis tanggal terakhir data ini diubah, paling awal "
                f"`updated: {latest.isoformat()}`, atau hapus kolom ini.",
            )
            return None
    return updated


def _claim(reader, key, value, seen, message, hint):
    """Record where `value` is first used; report a second use."""
    if value in seen:
        reader.problem(key, message.format(line=seen[value]), hint)
        return False
    seen[value] = reader.mapping.line_of(key)
    return True


def _checked(readers, allowed):
    for reader in readers:
        reader.reject_unknown(allowed)
        yield reader


def _parse_event(reader):
    if reader is None:
        return None
    reader.reject_unknown(EVENT_FIELDS)
    jury = tuple(
        Juror(juror.get("name", "text", True), juror.get("affiliation", "text"))
        for juror in _checked(reader.mapping_items("jury"), JUROR_FIELDS)
    )
    return Event(
        title=reader.get("title", "text", True),
        date=reader.get("date", "date", True),
        venue=reader.get("venue", "text", True),
        opened_by=reader.get("opened_by", "text"),
        occasion=reader.get("occasion", "text"),
        time=reader.get("time", "text"),
        source=reader.get("source", "text"),
        jury=jury,
    )


def _parse_teams(top):
    teams = {}
    first_line = {}
    for reader in _checked(top.mapping_items("teams", required=True), TEAM_FIELDS):
        team_id = reader.get("id", "text", True)
        line = reader.mapping.line_of("id")
        if team_id is not None and not is_id(team_id):
            reader.problem(
                "id",
                f"`{team_id}` memuat karakter yang tidak boleh{hidden_in(team_id)}: "
                "id hanya boleh berisi huruf kecil a-z, angka 0-9 dan tanda "
                "hubung (-) di antaranya.",
                f"ganti, mis. `id: {suggest_id(team_id)}`. Id dipakai di alamat "
                "halaman /kbk/<id>/ dan jangan diubah setelah terbit.",
            )
            team_id = None
        if team_id is not None and not _claim(
            reader,
            "id",
            team_id,
            first_line,
            f"id `{team_id}` sudah dipakai KBK lain di baris {{line}}.",
            "setiap KBK dalam satu tahun harus punya id yang berbeda.",
        ):
            team_id = None
        institution = reader.get("institution", "text", True)
        team = Team(
            id=team_id,
            name=reader.get("name", "text", True),
            institution=institution,
            institution_id=_institution_id(reader, institution),
            aliases=reader.texts("aliases"),
            former_ids=_former_ids(reader),
            category=reader.get("category", "text"),
            project=reader.get("project", "text"),
            members=reader.texts("members"),
            line=line,
        )
        if team_id is not None:
            teams[team_id] = team
    return teams


def _institution_id(reader, institution):
    """`institution_id:`, else the slug of the institution's name."""
    given = reader.get("institution_id", "text")
    if given is not None:
        if ID_PATTERN.match(given):
            return given
        reader.problem(
            "institution_id",
            f"`{given}` memuat karakter yang tidak boleh: id hanya boleh berisi "
            "huruf kecil a-z, angka 0-9 dan tanda hubung (-) di antaranya.",
            f"ganti, mis. `institution_id: {suggest_id(given)}`. Id dipakai di "
            "alamat halaman /instansi/<id>/ dan jangan diubah setelah terbit.",
        )
        return None
    if institution is None:
        return None
    if not slug(institution):
        reader.problem(
            "institution",
            f"nama `{institution}` tidak bisa dijadikan alamat halaman instansi.",
            "tambahkan `institution_id:` berisi huruf kecil a-z, angka 0-9 dan "
            "tanda hubung, mis. `institution_id: smpn-1-magetan`.",
        )
        return None
    return slug(institution)


def _former_ids(reader):
    """Old ids of a KBK whose id changed; their addresses redirect."""
    valid = []
    for index, item, line in reader.items("former_ids"):
        if is_id(item):
            valid.append(item)
            continue
        shown = describe(item.replace("\n", "\\n") if isinstance(item, str) else item)
        reader.problem(
            f"former_ids[{index}]",
            f"{shown} bukan id{hidden_in(item)}: id hanya boleh berisi huruf kecil "
            "a-z, angka 0-9 dan tanda hubung (-) di antaranya.",
            "tulis id lama persis seperti dulu dipakai di alamat /kbk/<id>/.",
            line=line,
        )
    return tuple(valid)


def written_decimals(text):
    """How many decimals a number was written with: `84.0` has 1, `85` 0,
    `8.45e1` 1 (its value, 84.5, has one)."""
    try:
        exponent = decimal.Decimal(str(text)).as_tuple().exponent
    except decimal.InvalidOperation:
        return 0
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _parse_results(top, teams):
    if top.mapping.get("results") is None:
        return None  # not announced yet
    results = []
    seen = {}
    for reader in _checked(top.mapping_items("results"), RESULT_FIELDS):
        team_id = reader.get("team", "text", True)
        if team_id is not None and team_id not in teams:
            close = difflib.get_close_matches(team_id, list(teams), n=1)
            hint = f"mungkin maksudnya `{close[0]}`? " if close else ""
            reader.problem(
                "team",
                f"KBK `{team_id}` tidak ada di daftar `teams` tahun ini.",
                hint + "id yang ada: " + ", ".join(f"`{t}`" for t in teams) + ".",
            )
            team_id = None
        if team_id is not None and not _claim(
            reader,
            "team",
            team_id,
            seen,
            f"KBK `{team_id}` sudah punya hasil di baris {{line}}.",
            "setiap KBK hanya boleh punya satu baris hasil per tahun.",
        ):
            team_id = None
        score = reader.get("score", "number")
        result = Result(
            team=team_id,
            rank=reader.get("rank", "rank", True),
            score=score,
            award=reader.get("award", "text"),
            advances=reader.get("advances", "bool"),
            decimals=written_decimals(reader.mapping.written.get("score"))
            if score is not None
            else 0,
        )
        if team_id is not None:
            results.append(result)
    return tuple(results)
