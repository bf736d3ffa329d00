"""From parsed entries to the files to write: Markdown, photos, redirects.

Everything is decided here, in memory, before anything is written. A fatal
problem (a post without title or date, two posts with one slug) stops the
import with every such problem listed. Looking for photos under the
uploads folder is the only disk access, and it only reads.
"""

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from pelican.utils import slugify

from sitekit.problems import Problem, display_path
from sitekit.redirects import Redirect

from . import clean, convert
from .model import ImportFailed

_NO_CATEGORY = {"uncategorized", "tak berkategori", "tanpa kategori"}
_SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_PHOTON = re.compile(r"^i\d\.wp\.com$")


@dataclass
class Plan:
    files: dict = field(default_factory=dict)  # content path -> bytes
    copies: dict = field(default_factory=dict)  # content path -> source file
    redirects: list = field(default_factory=list)
    imported: list = field(default_factory=list)  # (entry, content path)
    missing: list = field(default_factory=list)  # (content path, image URL)
    notes: list = field(default_factory=list)  # non-fatal Problems


def slug_of(entry, site):
    """A safe slug: WordPress's post_name, else the title, else the id."""
    subs = [tuple(pair) for pair in site.slug_subs]
    for raw in (unquote(entry.slug), entry.title, f"pos-{entry.post_id}"):
        slug = slugify(raw, regex_subs=subs) if raw else ""
        slug = slug.strip("-.")
        if slug:
            return slug
    return "tanpa-judul"


def content_path(entry, slug, site):
    if entry.kind == "page":
        return f"{site.page_dir}/{slug}.md"
    return f"{site.article_dir}/{entry.date:%Y}/{slug}.md"


def new_url(entry, slug, site):
    if entry.kind == "page":
        return "/" + site.page_url.format(slug=slug)
    return "/" + site.article_url.format(slug=slug, date=entry.date, lang="id")


def check(entries, slugs):
    """Problems that stop the import: no title, no date, a slug twice.

    `slugs` are the entries' slugs, in the same order.
    """
    problems = []
    for entry in entries:
        if not entry.title:
            problems.append(
                Problem(
                    entry.source,
                    entry.line_of("title"),
                    "title",
                    f"{entry.label} tidak punya judul.",
                    "beri judul di WordPress lalu ekspor ulang, atau jadikan "
                    "pos itu draf agar dilewati.",
                )
            )
        if entry.kind == "post" and entry.date is None:
            problems.append(
                Problem(
                    entry.source,
                    entry.line_of("wp:post_date"),
                    "wp:post_date",
                    f"{entry.label} tidak punya tanggal terbit yang sah.",
                    "isi tanggal terbit pos di WordPress (TTTT-BB-HH JJ:MM:DD) "
                    "lalu ekspor ulang.",
                )
            )
    seen = {}
    for entry, slug in zip(entries, slugs, strict=True):
        if entry.kind == "post" and entry.date is None:
            continue
        key = (entry.kind, slug)
        if key in seen:
            first = seen[key]
            line = first.line_of("wp:post_name")
            where = f"baris {line}" if line else first.source
            problems.append(
                Problem(
                    entry.source,
                    entry.line_of("wp:post_name"),
                    "wp:post_name",
                    f"slug `{key[1]}` dari {entry.label} sudah dipakai oleh "
                    f"{first.label} ({where}).",
                    "ubah slug (permalink) salah satu pos di WordPress lalu "
                    "ekspor ulang; alamat situs tidak boleh sama.",
                )
            )
        else:
            seen[key] = entry
    return problems


def plan_import(entries, site, attachments=None, uploads=None, hosts=()):
    """A Plan for published `entries`, or ImportFailed listing every problem.

    `uploads` is a folder holding WordPress's wp-content/uploads, or None.
    `hosts` are the old site's host names, to point links between imported
    posts at their new files.
    """
    slugs = [slug_of(entry, site) for entry in entries]
    problems = check(entries, slugs)
    if problems:
        raise ImportFailed(problems)
    plan = Plan()
    targets = {}  # old address -> new content path, for links between posts
    for entry, slug in zip(entries, slugs, strict=True):
        for old in entry.old_urls:
            targets[old] = content_path(entry, slug, site)
    for entry, slug in zip(entries, slugs, strict=True):
        _plan_entry(plan, entry, slug, site, attachments or {}, uploads, hosts, targets)
    return plan


def _plan_entry(plan, entry, slug, site, attachments, uploads, hosts, targets):
    path = content_path(entry, slug, site)
    shown = display_path(os.path.join(site.content, path))
    soup, dropped = clean.prepare(entry.html, attachments)
    clean.clean(soup)
    for name in dropped:
        plan.notes.append(
            Problem(
                shown,
                None,
                None,
                f"shortcode `[{name}]` dari {entry.label} dibuang.",
                "tambahkan isinya dengan tangan bila masih diperlukan.",
            )
        )
    _relink(soup, hosts, targets)
    folder = f"{site.image_dir}/{path.removesuffix('.md')}"
    _place_images(plan, soup, entry, path, shown, folder, uploads)
    body = convert.to_markdown(soup)
    text = _metadata(entry, slug, site, soup, body) + "\n" + body
    plan.files[path] = text.encode("utf-8")
    plan.imported.append((entry, path))
    url = new_url(entry, slug, site)
    for old in entry.old_urls:
        if old != url:
            plan.redirects.append(Redirect(old, url))


def _metadata(entry, slug, site, soup, body):
    fields = [("Title", entry.title)]
    if entry.kind == "post":
        category, tags = _category_and_tags(entry, site)
        fields += [
            ("Date", f"{entry.date:%Y-%m-%d %H:%M}"),
            ("Category", category),
            ("Tags", ", ".join(tags)),
        ]
    fields += [("Slug", slug)]
    if entry.kind == "post":
        fields += [("Author", entry.author)]
    fields += [("Summary", convert.escape_text(convert.summary(entry.excerpt, soup)))]
    if entry.kind == "post":
        year = convert.gelar_year(entry.title, body, site.known_years)
        fields += [("Gelar", str(year) if year else "")]
    return "".join(
        f"{name}: {clean.squeeze(value)}\n" for name, value in fields if value
    )


def _category_and_tags(entry, site):
    categories = [c for c in entry.categories if c.casefold() not in _NO_CATEGORY]
    category = categories[0] if categories else site.default_category
    tags, seen = [], {category.casefold()}
    for name in [*categories[1:], *entry.tags]:
        name = clean.squeeze(name.replace(",", " ").replace(";", " "))
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            tags.append(name)
    return category, tags


def _relink(soup, hosts, targets):
    for link in soup.find_all("a", href=True):
        parts = urlsplit(link["href"])
        if parts.netloc and parts.netloc not in hosts:
            continue
        old = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        if old in targets and (parts.netloc or parts.path.startswith("/")):
            link["href"] = "{filename}/" + targets[old]


def upload_path(src):
    """The path of an image URL inside the uploads folder, or None.

    `https://x.files.wordpress.com/2015/10/a.jpg?w=300` and
    `/wp-content/uploads/2015/10/a.jpg` both give `2015/10/a.jpg`; a
    relative URL stays relative (to the folder of a saved page).
    """
    parts = urlsplit(src)
    path = unquote(parts.path)
    if _PHOTON.match(parts.netloc):
        # Jetpack's image CDN: https://i0.wp.com/<host>/<path of the file>
        return upload_path("https://" + path.lstrip("/"))
    if "/wp-content/uploads/" in path:
        path = path.split("/wp-content/uploads/", 1)[1]
    elif parts.netloc.endswith(".files.wordpress.com"):
        path = path.lstrip("/")
    elif not (parts.scheme or parts.netloc or path.startswith("/")):
        path = path.removeprefix("./")  # beside a saved page: Judul_files/a.jpg
    else:
        return None
    pieces = path.split("/")
    if any(piece in ("", ".", "..") or "\\" in piece for piece in pieces):
        return None  # nothing outside the uploads folder is ever read
    return "/".join(pieces)


def find_upload(uploads, src):
    """The file under `uploads` that an image URL names, or None.

    A resized copy (`a-300x200.jpg`) falls back to the original (`a.jpg`).
    """
    relative = upload_path(src)
    if uploads is None or relative is None:
        return None
    root = os.path.realpath(uploads)
    for candidate in (relative, _SIZE_SUFFIX.sub("", relative)):
        found = os.path.realpath(os.path.join(root, *candidate.split("/")))
        if found.startswith(root + os.sep) and os.path.isfile(found):
            return found
    return None


def safe_name(filename):
    name = _SAFE_NAME.sub("-", filename).strip("-.")
    return name or "gambar"


def _place_images(plan, soup, entry, path, shown, folder, uploads):
    """Point found photos at copies in `folder`; list the others as missing."""
    used = Counter()
    chosen = {}  # source file -> its name in the folder
    for image in soup.find_all("img"):
        if image.get("alt") == "":
            image["alt"] = f"Foto: {entry.title}"
            plan.notes.append(
                Problem(
                    shown,
                    None,
                    None,
                    f"foto {image.get('src', '')} tidak punya teks alternatif; "
                    f"diberi teks `{image['alt']}`.",
                    "ganti dengan kalimat singkat tentang isi foto.",
                )
            )
        src = image.get("src", "")
        found = find_upload(uploads, src)
        if found is None:
            plan.missing.append((path, src))
            continue
        if found not in chosen:
            name = safe_name(os.path.basename(found))
            used[name] += 1
            if used[name] > 1:
                stem, dot, ext = name.rpartition(".")
                name = f"{stem}-{used[name]}.{ext}" if dot else f"{name}-{used[name]}"
            chosen[found] = name
        destination = f"{folder}/{chosen[found]}"
        plan.copies[destination] = found
        image["src"] = "{static}/" + destination
