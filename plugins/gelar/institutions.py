"""Schools and offices: every KBK grouped by the institution that sent it.

An institution is known by its stable id: `institution_id` in the year
file, or the slug of its name (schema.py). A renamed institution keeps
its id, so its page gathers the years under both names. Pure functions
over the linked KBK histories.
"""

from sitekit.problems import ContentError, Problem

from .model import Institution


def build_institutions(kbks, url, save_as, sort_key):
    """{id: Institution}, A to Z, from the KBKs' histories; sets each KBK's
    `institution_page`. `url` and `save_as` are the INSTANSI_* patterns."""
    check_names(kbks)
    histories = {}
    for kbk in kbks:
        for participation in kbk.history:
            histories.setdefault(participation.team.institution_id, []).append(
                participation
            )
    found = {}
    for institution_id, history in histories.items():
        history.sort(key=lambda p: (-p.edition.year, sort_key(p.team.name)))
        found[institution_id] = Institution(
            id=institution_id,
            history=history,
            url=url.format(id=institution_id),
            save_as=save_as.format(id=institution_id),
        )
    for kbk in kbks:
        institution = found[kbk.latest.institution_id]
        kbk.institution_page = institution
    for institution in found.values():
        ids = dict.fromkeys(p.team.id for p in institution.history)
        institution.kbks = sorted(
            (kbk for kbk in kbks if kbk.id in ids), key=lambda k: sort_key(k.name)
        )
    return dict(sorted(found.items(), key=lambda item: sort_key(item[1].name)))


def check_names(kbks):
    """One institution name must mean one institution, in every year: the
    same name under two ids would split its page in two."""
    owner = {}
    problems = []
    # Oldest year first: the id a name had first is the one to keep.
    every = sorted(
        (p for kbk in kbks for p in kbk.history),
        key=lambda p: (p.edition.year, p.team.line or 0),
    )
    for participation in every:
        team = participation.team
        key = team.institution.casefold()
        first = owner.setdefault(key, participation)
        other = first.team.institution_id
        if other != team.institution_id:
            problems.append(
                Problem(
                    participation.edition.source_path,
                    team.line,
                    "institution_id",
                    f"instansi `{team.institution}` bernama id "
                    f"`{team.institution_id}` di sini, tetapi `{other}` di "
                    f"{first.edition.source_path}:{first.team.line}.",
                    "satu instansi punya satu id di semua tahun: samakan "
                    "`institution_id` (atau hapus dari keduanya agar id "
                    "dibuat dari nama).",
                )
            )
    if problems:
        raise ContentError(problems)
