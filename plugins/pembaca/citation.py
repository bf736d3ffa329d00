"""Citations of articles, editions, KBKs and institutions for reference
managers: BibTeX and RIS.

Pure functions from a `Citation` to text. The citation sentence shown on
the page is in the templates (partials/citation.html), so that its words
are translated like the rest of the interface; these files carry the same
facts in the two formats reference managers import. The day the reader
accessed the page is theirs to add: a static file cannot know it.
"""

import re
from dataclasses import dataclass

# What each kind of page is to a reference manager.
BIBTEX_TYPES = {"dataset": "misc", "article": "misc"}
RIS_TYPES = {"dataset": "DATA", "article": "ELEC"}

BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


@dataclass(frozen=True)
class Citation:
    key: str  # the BibTeX key, e.g. gbk-gelar-2017
    kind: str  # "dataset" (edition, KBK, institution) or "article"
    title: str
    site_name: str
    publisher: str
    published: object  # datetime.date
    updated: object  # datetime.date
    url: str  # the page's absolute (permanent) address
    language: str = "id"
    sample_note: str = ""  # set when the page shows sample data
    bibtex_url: str = ""  # site-relative addresses of the two files
    ris_url: str = ""


def bibtex_key(*parts):
    """A BibTeX key from words: ASCII letters, digits and hyphens."""
    text = "-".join(str(part) for part in parts if part)
    return re.sub(r"[^A-Za-z0-9-]+", "-", text).strip("-").lower() or "kutipan"


def _bibtex_text(text):
    escaped = "".join(BIBTEX_SPECIAL.get(char, char) for char in _one_line(text))
    return escaped


def _one_line(text):
    return " ".join(str(text).split())


def _notes(citation):
    notes = [f"Diperbarui {citation.updated.isoformat()}."]
    if citation.sample_note:
        notes.append(citation.sample_note)
    return " ".join(notes)


def bibtex(citation):
    """One BibTeX entry; the title and the corporate author are braced so
    that BibTeX keeps their capitals and does not split the name."""
    fields = [
        ("author", "{" + _bibtex_text(citation.publisher) + "}"),
        ("title", "{" + _bibtex_text(citation.title) + "}"),
        ("howpublished", _bibtex_text(citation.site_name)),
        ("publisher", _bibtex_text(citation.publisher)),
        ("year", str(citation.published.year)),
        ("date", citation.published.isoformat()),
        ("url", citation.url),
        ("language", "indonesian" if citation.language == "id" else citation.language),
        ("note", _bibtex_text(_notes(citation))),
    ]
    lines = [f"@{BIBTEX_TYPES[citation.kind]}{{{citation.key},"]
    lines += [f"  {name} = {{{value}}}," for name, value in fields]
    lines.append("}")
    return "\n".join(lines) + "\n"


def ris(citation):
    """One RIS record (tags of two capitals, two spaces, a hyphen)."""
    tags = [
        ("TY", RIS_TYPES[citation.kind]),
        ("AU", citation.publisher),
        ("TI", citation.title),
        ("T2", citation.site_name),
        ("PB", citation.publisher),
        ("PY", str(citation.published.year)),
        ("DA", citation.published.strftime("%Y/%m/%d")),
        ("UR", citation.url),
        ("LA", citation.language),
        ("N1", _notes(citation)),
        ("ER", ""),
    ]
    return "".join(f"{tag}  - {_one_line(value)}\r\n" for tag, value in tags)


@dataclass(frozen=True)
class Source:
    """What every citation of a site shares."""

    address: str  # the site's absolute address, without the final "/"
    site_name: str
    publisher: str
    sample_note: str  # e.g. "Data contoh untuk demo."
    bibtex_name: str  # file names beside each page: kutipan.bib
    ris_name: str
    language: str = "id"


def _cite(source, obj, key, kind, title, published, updated, sample):
    citation = Citation(
        key=key,
        kind=kind,
        title=title,
        site_name=source.site_name,
        publisher=source.publisher,
        published=published,
        updated=max(updated, published),
        url=f"{source.address}/{obj.url}",
        language=source.language,
        sample_note=source.sample_note if sample else "",
        bibtex_url=f"{obj.url}{source.bibtex_name}" if source.bibtex_name else "",
        ris_url=f"{obj.url}{source.ris_name}" if source.ris_name else "",
    )
    obj.citation = citation
    return citation


def cite_all(source, articles, archive, plain):
    """A Citation for every article, edition, KBK and institution, also set
    as their `citation`; `plain(html)` gives an article title as text."""
    found = []
    for article in articles:
        published = article.date.date()
        modified = getattr(article, "modified", article.date).date()
        key = bibtex_key("gbk", article.date.year, article.slug)
        found.append(
            _cite(
                source,
                article,
                key,
                "article",
                plain(article.title),
                published,
                modified,
                getattr(article, "sample", False),
            )
        )
    if archive is None:
        return found
    for edition in archive.editions:
        title = edition.event.title
        key = bibtex_key("gbk", "gelar", edition.year)
        found.append(
            _cite(
                source,
                edition,
                key,
                "dataset",
                title,
                edition.published,
                edition.updated,
                edition.sample,
            )
        )
    for group, items in (
        ("kbk", archive.kbk_list),
        ("instansi", archive.institution_list),
    ):
        for item in items:
            found.append(
                _cite(
                    source,
                    item,
                    bibtex_key("gbk", group, item.id),
                    "dataset",
                    item.name,
                    item.published,
                    item.updated,
                    item.only_sample,
                )
            )
    return found
