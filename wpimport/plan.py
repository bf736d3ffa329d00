"""From parsed entries to the files to write: Markdown, photos, redirects.

Everything is decided here, in memory, before anything is written: which
entries are imported and under which slug (entries.py), each entry's
cleaned HTML (clean.py) as Markdown (convert.py), its photos (images.py),
its old addresses, and how many of its words it kept (words.py).
"""

import os
import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from sitekit.problems import Problem, display_path
from sitekit.redirects import Redirect

from . import blocks, clean, convert, entries, images, metadata, words
from .redirects import normalise

# A dated WordPress permalink: /2015/10/01/slug/, /2015/10/slug/, /2015/slug/.
_DATED = re.compile(r"^/\d{4}/(?:\d{2}/){0,2}([^/]+)/?$")


@dataclass
class Plan:
    files: dict = field(default_factory=dict)  # content path -> bytes
    copies: dict = field(default_factory=dict)  # content path -> source file
    redirects: list = field(default_factory=list)  # as planned, not checked
    urls: list = field(default_factory=list)  # new addresses of imported files
    imported: list = field(default_factory=list)  # (entry, content path)
    skipped: list = field(default_factory=list)  # (entry, reason)
    missing: list = field(default_factory=list)  # (content path, image URL)
    notes: list = field(default_factory=list)  # non-fatal Problems
    words: list = field(default_factory=list)  # (entry, content path, Kept)


@dataclass(frozen=True)
class Media:
    """What posts may refer to besides themselves."""

    attachments: dict = field(default_factory=dict)  # id -> Attachment
    blocks: dict = field(default_factory=dict)  # reusable block id -> HTML


def plan_import(found, site, media=Media(), uploads=None, hosts=(), strict=False):
    """A Plan for published entries `found`.

    `uploads` is a folder holding WordPress's wp-content/uploads, or None.
    `hosts` are the old site's host names, to point links between imported
    posts at their new files. With `strict`, an entry that cannot be
    imported raises ImportFailed instead of being skipped.
    """
    choice = entries.choose(found, site, strict)
    plan = Plan(skipped=list(choice.skipped), notes=list(choice.notes))
    links = _Links(hosts)
    for entry, slug in choice.chosen:
        links.add(entry, entries.content_path(entry, slug, site))
    for entry, slug in choice.chosen:
        _plan_entry(plan, entry, slug, site, media, uploads, links)
    return plan


def _note(shown, message, hint):
    return Problem(shown, None, None, message, hint)


def _plan_entry(plan, entry, slug, site, media, uploads, links):
    path = entries.content_path(entry, slug, site)
    shown = display_path(os.path.join(site.content, path))
    source = blocks.expand_reusable(entry.html, media.blocks)
    try:
        soup, expanded = clean.prepare(source, media.attachments, entry.post_id)
        removed = []
        clean.clean(soup, removed)
    except RecursionError:
        plan.skipped.append((entry, "HTML-nya bersarang terlalu dalam"))
        return
    _report_leftovers(plan, entry, shown, source, expanded, soup)
    links.relink(soup)
    folder = f"{site.image_dir}/{path.removesuffix('.md')}"
    images.place_images(plan, soup, entry, path, shown, folder, uploads)
    body = convert.to_markdown(soup, entry.footnotes)
    text = metadata.fields(entry, slug, site, soup, body) + "\n" + body
    plan.files[path] = text.encode("utf-8")
    plan.imported.append((entry, path))
    kept = words.measure(
        words.source_words(source, entry.footnotes),
        words.markdown_words(body, site.markdown),
        removed,
    )
    plan.words.append((entry, path, kept))
    url = entries.new_url(entry, slug, site)
    plan.urls.append(url)
    for old in entry.old_urls:
        plan.redirects.append(Redirect(old, url, shown))


def _report_leftovers(plan, entry, shown, source, expanded, soup):
    """Notes for what the post refers to but the export does not hold."""
    for name in sorted(set(expanded.dropped)):
        plan.notes.append(
            _note(
                shown,
                f"shortcode `[{name}]` dari {entry.label} dibuang.",
                "tambahkan isinya dengan tangan bila masih diperlukan.",
            )
        )
    for ident in expanded.missing:
        plan.notes.append(
            _note(
                shown,
                f"galeri di {entry.label} menyebut lampiran {ident}, yang tidak "
                "ada di berkas ekspor; fotonya tidak diimpor.",
                "ekspor ulang dengan `Semua konten`, atau tambahkan fotonya "
                "dengan tangan.",
            )
        )
    for ident in blocks.missing_reusable(source):
        plan.notes.append(
            _note(
                shown,
                f"blok pakai-ulang {ident} yang dipakai {entry.label} tidak ada "
                "di berkas ekspor; isinya tidak diimpor.",
                "ekspor ulang dengan `Semua konten`, atau salin isinya dengan tangan.",
            )
        )
    for name in blocks.dynamic_blocks(source):
        plan.notes.append(
            _note(
                shown,
                f"blok dinamis `{name}` dari {entry.label} dibuang: isinya "
                "dibuat WordPress saat halaman dibuka dan tidak ada di ekspor.",
                "tulis isinya dengan tangan bila masih diperlukan.",
            )
        )
    notes = dict(entry.footnotes)
    for marker in soup.find_all("sup", attrs={"data-footnote": True}):
        if marker["data-footnote"] not in notes:
            plan.notes.append(
                _note(
                    shown,
                    f"catatan kaki {marker.get_text()} di {entry.label} tidak ada "
                    "di berkas ekspor; angkanya tetap, tanpa catatan.",
                    "salin catatannya dari situs lama ke akhir artikel.",
                )
            )


class _Links:
    """Links between imported posts, pointed at their new files.

    A link is known by the old address of its post, or, when WordPress's
    permalink changed with the post's date, by the slug at its end.
    """

    def __init__(self, hosts):
        self.hosts = {h.lower().removeprefix("www.") for h in hosts}
        self.by_address = {}  # normalised old address -> content path
        self.by_slug = {}  # WordPress slug -> content path, None if shared

    def add(self, entry, path):
        for old in entry.old_urls:
            self.by_address.setdefault(normalise(old), path)
        slug = unquote(entry.slug).strip("/").lower()
        if slug:
            self.by_slug[slug] = None if slug in self.by_slug else path

    def target(self, href):
        parts = urlsplit(href)
        host = (parts.hostname or "").lower().removeprefix("www.")
        if host and host not in self.hosts:
            return None
        if not host and not parts.path.startswith("/") and not parts.query:
            return None
        old = normalise(
            (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        )
        found = self.by_address.get(old)
        dated = _DATED.match(parts.path)
        if found is None and dated and not parts.query:
            found = self.by_slug.get(unquote(dated.group(1)).lower())
        return found

    def relink(self, soup):
        """Point links at the new files; a `#part` goes, as the ids of the
        old page's parts are not kept."""
        for link in soup.find_all("a", href=True):
            found = self.target(link["href"])
            if found:
                link["href"] = "{filename}/" + found
