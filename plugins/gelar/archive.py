"""Load every year file and link the editions into KBK histories."""

import os
import re
from dataclasses import dataclass, field

from sitekit.problems import ContentError, Problem
from sitekit.textcheck import comparable
from sitekit.yamlsource import read_yaml

from .institutions import build_institutions
from .model import Kbk, Participation
from .schema import parse_edition

# ASCII digits only (`\d` would read `٢٠١٥.yaml` as 2015), matched whole.
YEAR_FILE = re.compile(r"([0-9]{4})\.yaml")


@dataclass
class Archive:
    editions: list  # newest first
    kbks: dict  # id -> Kbk, A to Z
    former: dict = field(default_factory=dict)  # old id -> current id
    institutions: dict = field(default_factory=dict)  # id -> Institution, A to Z

    def current_id(self, kbk_id):
        """The id a KBK has now, also for one of its former ids."""
        return self.former.get(kbk_id, kbk_id)

    def edition(self, year):
        return next((e for e in self.editions if e.year == year), None)

    @property
    def kbk_list(self):
        return list(self.kbks.values())

    @property
    def institution_list(self):
        return list(self.institutions.values())

    def former_ids_of(self, kbk_id):
        """The old ids of a KBK, whose anchors its rows keep."""
        return sorted(old for old, new in self.former.items() if new == kbk_id)


def year_files(data_dir):
    """The year files in `data_dir` as (year, path), plus misnamed files."""
    found, misnamed = [], []
    if not os.path.isdir(data_dir):
        return found, misnamed
    for name in sorted(os.listdir(data_dir)):
        match = YEAR_FILE.fullmatch(name)
        if match:
            found.append((int(match.group(1)), os.path.join(data_dir, name)))
        elif name.endswith((".yaml", ".yml")):
            misnamed.append(os.path.join(data_dir, name))
    return found, misnamed


def load_editions(data_dir, display=lambda path: path, root=None):
    """Read and validate every year file; raise one ContentError for all.

    `root` is the content folder: a year file must be a regular file in it
    (sitekit/sources.py).
    """
    problems = []
    editions = []
    found, misnamed = year_files(data_dir)
    for path in misnamed:
        problems.append(
            Problem(
                display(path),
                None,
                None,
                "nama berkas data tahunan harus berupa tahun empat angka "
                "dengan akhiran .yaml.",
                "ganti nama berkas, mis. menjadi `2016.yaml`.",
            )
        )
    for year, path in found:
        shown = display(path)
        try:
            data = read_yaml(path, shown, root=root or data_dir)
            editions.append(parse_edition(data, shown, year))
        except ContentError as error:
            problems.extend(error.problems)
    if problems:
        raise ContentError(problems)
    editions.sort(key=lambda edition: edition.year, reverse=True)
    check_pending(editions)
    return editions


def check_pending(editions):
    """Results can still come only for the newest edition: an older one
    without results must say that the archive does not have them."""
    problems = [
        Problem(
            edition.source_path,
            edition.status_line,
            "results_status",
            f"Gelar {edition.year} belum punya `results`, padahal sudah ada "
            f"Gelar {editions[0].year} sesudahnya; situs akan menulis hasilnya "
            "“belum diumumkan”.",
            "tulis hasilnya di `results`, atau `results_status: not_recorded` bila "
            "arsip tidak punya hasil gelar itu (halamannya lalu menulis "
            "“tidak tercatat dalam arsip”).",
        )
        for edition in editions[1:]
        if edition.results_pending
    ]
    if problems:
        raise ContentError(problems)


def sort_key(name):
    """A to Z by the team's own name, not by the shared `KBK ` prefix."""
    return re.sub(r"^kbk\s+", "", name.casefold())


def build_archive(editions, urls):
    """Link editions (newest first) into KBK histories and set all URLs.

    `urls` maps GELAR_*/KBK_* URL and SAVE_AS setting names to patterns.
    """
    histories = {}
    for edition in editions:
        year = edition.year
        edition.url = urls["GELAR_URL"].format(year=year)
        edition.save_as = urls["GELAR_SAVE_AS"].format(year=year)
        edition.csv_url = urls["GELAR_CSV_SAVE_AS"].format(year=year)
        edition.json_url = urls["GELAR_JSON_SAVE_AS"].format(year=year)
        edition.feed_url = (urls.get("GELAR_FEED_ATOM") or "").format(year=year)
        edition.embed_url = urls["GELAR_EMBED_URL"].format(year=year)
        edition.embed_save_as = urls["GELAR_EMBED_SAVE_AS"].format(year=year)
        results = {result.team: result for result in edition.results or ()}
        for team in edition.teams:
            histories.setdefault(team.id, []).append(
                Participation(edition, team, results.get(team.id))
            )
    kbks = {}
    for kbk_id, history in histories.items():
        kbks[kbk_id] = Kbk(
            id=kbk_id,
            history=history,
            url=urls["KBK_URL"].format(id=kbk_id),
            save_as=urls["KBK_SAVE_AS"].format(id=kbk_id),
            feed_url=(urls.get("KBK_FEED_ATOM") or "").format(id=kbk_id),
            csv_url=urls["KBK_CSV_SAVE_AS"].format(id=kbk_id),
            json_url=urls["KBK_JSON_SAVE_AS"].format(id=kbk_id),
            embed_url=urls["KBK_EMBED_URL"].format(id=kbk_id),
            embed_save_as=urls["KBK_EMBED_SAVE_AS"].format(id=kbk_id),
        )
    kbks = dict(sorted(kbks.items(), key=lambda item: sort_key(item[1].name)))
    for edition in editions:
        edition.kbks = [kbks[team.id] for team in edition.teams]
    check_terms(kbks.values())
    former = check_former_ids(kbks)
    institutions = build_institutions(
        list(kbks.values()), urls["INSTANSI_URL"], urls["INSTANSI_SAVE_AS"], sort_key
    )
    return Archive(
        editions=list(editions), kbks=kbks, former=former, institutions=institutions
    )


def check_terms(kbks):
    """A name or alias must point at one KBK, or mentions become ambiguous."""
    owner = {}
    problems = []
    for kbk in kbks:
        for participation in kbk.history:
            team = participation.team
            for term in (team.name, *team.aliases):
                key = comparable(term)
                other = owner.setdefault(key, (kbk.id, participation))
                if other[0] != kbk.id:
                    first = other[1]
                    problems.append(
                        Problem(
                            participation.edition.source_path,
                            team.line,
                            "teams",
                            f"nama atau alias `{term}` dipakai oleh KBK `{kbk.id}` "
                            f"dan juga oleh KBK `{other[0]}` "
                            f"({first.edition.source_path}:{first.team.line}).",
                            "jika keduanya KBK yang sama, samakan id-nya; jika "
                            "berbeda, ganti nama atau hapus aliasnya.",
                        )
                    )
    if problems:
        raise ContentError(problems)


def check_former_ids(kbks):
    """Old id -> current id; an old id must not be in use or claimed twice."""
    former = {}
    problems = []
    for kbk in kbks.values():
        for old, participation in kbk.former_ids.items():
            where = participation.edition.source_path
            if old in kbks:
                problems.append(
                    Problem(
                        where,
                        participation.team.line,
                        "former_ids",
                        f"id lama `{old}` milik KBK `{kbk.id}` masih dipakai "
                        "sebagai id KBK lain.",
                        "id lama tidak boleh dipakai lagi: alamat /kbk/"
                        f"{old}/ dialihkan ke KBK `{kbk.id}`. Hapus dari "
                        "`former_ids` atau ganti id KBK yang lain.",
                    )
                )
            elif former.setdefault(old, kbk.id) != kbk.id:
                problems.append(
                    Problem(
                        where,
                        participation.team.line,
                        "former_ids",
                        f"id lama `{old}` diakui oleh KBK `{kbk.id}` dan juga "
                        f"KBK `{former[old]}`.",
                        "satu id lama hanya boleh milik satu KBK.",
                    )
                )
    if problems:
        raise ContentError(problems)
    return former
