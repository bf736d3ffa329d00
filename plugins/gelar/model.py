"""The archive's data model: editions, their teams and results, and KBKs.

`schema.py` builds Editions from YAML; `archive.py` links them into Kbk
histories and fills in URLs. Templates only read these objects.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Juror:
    name: str
    affiliation: str | None = None


@dataclass(frozen=True)
class Event:
    title: str
    date: object  # datetime.date
    venue: str
    opened_by: str | None = None
    occasion: str | None = None
    time: str | None = None
    source: str | None = None
    jury: tuple = ()


@dataclass(frozen=True)
class Team:
    id: str
    name: str
    institution: str
    # The institution's stable id: `institution_id` from the year file, else
    # the slug of its name (schema.py). Its page is /instansi/<id>/.
    institution_id: str | None = None
    aliases: tuple = ()
    former_ids: tuple = ()  # ids this KBK had before; their pages redirect
    category: str | None = None
    project: str | None = None
    members: tuple = ()
    line: int | None = None


@dataclass(frozen=True)
class Result:
    team: str
    rank: int
    score: float | None = None
    award: str | None = None
    advances: bool | None = None
    # Decimals of the score as written in the year file (`84.0`: 1).
    decimals: int = 0


@dataclass(frozen=True)
class Correction:
    date: object  # datetime.date
    note: str


@dataclass(frozen=True)
class Row:
    """One team's line in an edition's results: what the tables and CSV show."""

    team: Team
    result: Result | None

    @property
    def rank(self):
        return self.result.rank if self.result else None


# What an edition's page says about its results (`results_status:`).
PUBLISHED = "published"  # the results are in the year file
PENDING = "pending"  # not announced yet: they can still come
NOT_RECORDED = "not_recorded"  # a past edition whose results the archive lacks
RESULT_STATES = (PUBLISHED, PENDING, NOT_RECORDED)


@dataclass
class Edition:
    year: int
    event: Event
    teams: tuple
    results: tuple | None  # None: the jury has not announced results yet
    sample: bool
    corrections: tuple
    source_path: str
    # `updated:` of the year file: the day the data last changed.
    updated_field: object = None  # datetime.date or None
    # PENDING or NOT_RECORDED while `results` is None, else PUBLISHED.
    results_status: str = PENDING
    status_line: int | None = None  # of `results_status:`, else of `year:`
    # Filled in by archive.build_archive from the URL settings.
    url: str = ""
    save_as: str = ""
    csv_url: str = ""
    json_url: str = ""
    feed_url: str = ""
    embed_url: str = ""
    embed_save_as: str = ""
    articles: list = field(default_factory=list)
    kbks: list = field(default_factory=list)
    # Photo albums of the edition, newest first; filled by the galeri plugin.
    albums: list = field(default_factory=list)

    @property
    def has_results(self):
        return self.results is not None

    @property
    def results_pending(self):
        """No results yet, and they can still come ("belum diumumkan")."""
        return self.results is None and self.results_status == PENDING

    @property
    def results_not_recorded(self):
        """A past edition whose results the archive does not have."""
        return self.results is None and self.results_status == NOT_RECORDED

    @property
    def score_decimals(self):
        """Decimals every score of this edition is shown with: the most any
        score was written with, so 84.0 shows as "84,0" next to "89,6"."""
        return max(
            (r.decimals for r in self.results or () if r.score is not None), default=0
        )

    @property
    def published(self):
        """The day the edition's data was first published: the event's day,
        when the results are announced."""
        return self.event.date

    @property
    def updated(self):
        """The day the data last changed: `updated:`, else the newest
        correction, else the day it was published."""
        dates = [self.published, *(c.date for c in self.corrections)]
        if self.updated_field is not None:
            dates.append(self.updated_field)
        return max(dates)

    @property
    def rows(self):
        """Teams in result order: by rank, ties and unranked teams by name."""
        by_team = {result.team: result for result in self.results or ()}
        rows = [Row(team, by_team.get(team.id)) for team in self.teams]
        return sorted(rows, key=_row_order)

    def team(self, team_id):
        return next((team for team in self.teams if team.id == team_id), None)


def _row_order(row):
    unranked = row.rank is None
    return (unranked, row.rank or 0, row.team.name.casefold())


@dataclass(frozen=True)
class Participation:
    """One KBK in one edition."""

    edition: Edition
    team: Team
    result: Result | None


class AcrossYears:
    """What a KBK and an institution know from their `history` (a list of
    Participation, newest first)."""

    history: list

    @property
    def years(self):
        return sorted({p.edition.year for p in self.history})

    @property
    def only_sample(self):
        """Whether every year of it is sample data invented for the demo."""
        return all(p.edition.sample for p in self.history)

    @property
    def published(self):
        return min(p.edition.published for p in self.history)

    @property
    def updated(self):
        return max(p.edition.updated for p in self.history)


@dataclass
class Kbk(AcrossYears):
    """A work-culture team across all the years it took part."""

    id: str
    history: list  # of Participation, newest first
    url: str = ""
    save_as: str = ""
    feed_url: str = ""
    csv_url: str = ""
    json_url: str = ""
    embed_url: str = ""
    embed_save_as: str = ""
    # The Institution of its current name (see `latest`), set by archive.
    institution_page: object = None
    articles: list = field(default_factory=list)
    # Album photos showing this KBK; filled by the galeri plugin.
    photos: list = field(default_factory=list)

    @property
    def latest(self):
        """The team as it is named now: in the newest real year, or in the
        newest year when the KBK is only in sample data (so invented data
        never renames a real KBK)."""
        return current(self.history).team

    @property
    def name(self):
        return self.latest.name

    @property
    def institution(self):
        return self.latest.institution

    @property
    def best(self):
        """The best-ranked participation (earliest year on a tie), or None."""
        ranked = [p for p in self.history if p.result is not None]
        if not ranked:
            return None
        return min(ranked, key=lambda p: (p.result.rank, p.edition.year))

    @property
    def former_ids(self):
        """Old id -> the participation whose year file names it."""
        found = {}
        for participation in self.history:
            for former in participation.team.former_ids:
                found.setdefault(former, participation)
        return found

    @property
    def terms(self):
        """Every name and alias used for this KBK, for finding mentions."""
        found = []
        for participation in self.history:
            team = participation.team
            for term in (team.name, *team.aliases):
                if term not in found:
                    found.append(term)
        return found


def current(history):
    """The participation that names a KBK or an institution now: the newest
    from real data, or the newest at all when every one is sample data.
    `history` is newest first."""
    return next((p for p in history if not p.edition.sample), history[0])


@dataclass
class Institution(AcrossYears):
    """A school or office, with every KBK it sent to the Gelar."""

    id: str
    history: list  # of Participation of its KBKs, newest first
    kbks: list = field(default_factory=list)  # of Kbk, A to Z
    url: str = ""
    save_as: str = ""

    @property
    def name(self):
        return current(self.history).team.institution

    @property
    def other_names(self):
        """[(name, [years], only in sample data)] of every other name used."""
        found = {}
        for participation in reversed(self.history):
            edition = participation.edition
            name = participation.team.institution
            if name != self.name:
                found.setdefault(name, {})[edition.year] = edition
        return [
            (name, list(editions), all(e.sample for e in editions.values()))
            for name, editions in found.items()
        ]
