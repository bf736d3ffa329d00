"""Checks of everything Pelican read, before anything is written.

Pelican reads articles, pages and static files on its own terms: it
follows symlinks out of content/, copies any static file as it is, and
finds a broken `{static}` link, an unknown template or a control
character only while writing (a traceback, or an English warning with no
file). `check_content` runs on `all_generators_finalized`, so `validate`
finds the same problems `build` would, each with its file and line:

- an article, page or static file that resolves outside content/;
- a static file that is not a regular file, or would run code in a
  reader's browser (an HTML page, an SVG with a script);
- a control character or lone surrogate in an article or page;
- an address (`Slug:`, `Save_as:`, `URL:`) with `?`, `#`, `%`, a
  backslash, a space or a control character;
- a `Template:` the theme does not have;
- a `{static}` or `{filename}` link that finds no file.
"""

import os
import posixpath
import re
from html import unescape
from urllib.parse import unquote, urlparse

from pelican.generators import PelicanTemplateNotFound

from sitekit import filekind, textcheck
from sitekit.pelican_compat import content_html, intrasite_links
from sitekit.problems import Problem, display_path, raise_if_any
from sitekit.sources import kind_problem, outside_problem, unreadable
from sitekit.text import file_line_with, file_metadata_line

# Generator attributes holding articles and pages (drafts included: they
# are read, and `build --drafts` writes them).
DOCUMENT_LISTS = (
    "articles",
    "translations",
    "drafts",
    "drafts_translations",
    "hidden_articles",
    "hidden_translations",
    "pages",
    "hidden_pages",
    "draft_pages",
)
# What an address may not hold: it would be read as a query, a fragment,
# an escape or two words, or be no address at all.
_BAD_IN_ADDRESS = re.compile(r"[\s?#%\\]")
# Metadata that set an address, most specific first, as editors write them.
ADDRESS_FIELDS = (("save_as", "Save_as"), ("url", "URL"), ("slug", "Slug"))


def check_content(generators):
    """Raise ContentError with every problem of the content Pelican read."""
    if not generators or "PATH" not in generators[0].settings:
        return  # not a Pelican run (a test's stand-in generators)
    settings = generators[0].settings
    context = generators[0].context
    root = settings["PATH"]
    templates = next((g for g in generators if hasattr(g, "get_template")), None)
    problems = []
    for document in _unique(_items(generators, DOCUMENT_LISTS)):
        problems += document_problems(document, root, context, templates)
    for static in _unique(_items(generators, ("staticfiles",))):
        problems += static_problems(static.source_path, root)
    raise_if_any(problems)


def _items(generators, names):
    for generator in generators:
        for name in names:
            yield from getattr(generator, name, ())


def _unique(items):
    seen = set()
    for item in items:
        if id(item) not in seen:
            seen.add(id(item))
            yield item


def document_problems(document, root, context, templates):
    path = document.source_path
    outside = outside_problem(path, root, "artikel atau halaman ini")
    if outside is not None:
        return [outside]
    shown = display_path(path)
    problems = source_text_problems(path, shown)
    problems += address_problems(document, shown)
    if templates is not None:
        problems += template_problems(document, shown, templates)
    problems += link_problems(document, shown, context)
    return problems


def source_text_problems(path, shown):
    """A forbidden character in the file: a feed cannot hold it."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
    except OSError:
        return []  # Pelican read it a moment ago; nothing to add
    found = textcheck.first_forbidden(text)
    if found is None:
        return []
    index, char = found
    return [
        Problem(
            shown,
            textcheck.line_of_index(text, index),
            None,
            textcheck.forbidden_message(char),
            textcheck.FORBIDDEN_HINT,
        )
    ]


def address_problems(document, shown):
    key, field = next(
        ((k, f) for k, f in ADDRESS_FIELDS if k in document.metadata),
        ("title", "Title"),
    )
    for address in (document.url or "", document.save_as or ""):
        bad = _bad_character(address)
        if bad is not None:
            return [
                Problem(
                    shown,
                    file_metadata_line(document.source_path, key),
                    field,
                    f"alamat `{address}` memuat {bad}: tanda `?`, `#`, `%`, `\\`, "
                    "spasi dan karakter kendali tidak bisa dipakai di alamat halaman.",
                    f"tulis `{field}:` dengan huruf kecil, angka dan tanda hubung "
                    "saja, mis. `Slug: gelar-budaya-kerja-2016`.",
                )
            ]
    return []


def _bad_character(address):
    """How the first character an address may not hold is named, or None."""
    match = _BAD_IN_ADDRESS.search(address)
    if match is not None:
        return "spasi" if match.group().isspace() else f"`{match.group()}`"
    found = textcheck.first_forbidden(address)
    return None if found is None else textcheck.code_point(found[1])


def template_problems(document, shown, templates):
    name = getattr(document, "template", None)
    if not name:
        return []
    try:
        templates.get_template(name)
    except PelicanTemplateNotFound:
        return [
            Problem(
                shown,
                file_metadata_line(document.source_path, "template"),
                "Template",
                f"templat `{name}` tidak ada di tema.",
                "hapus baris `Template:` agar templat biasa dipakai, atau tulis "
                "nama templat yang ada di theme/templates/ (tanpa `.html`).",
            )
        ]
    return []


def link_problems(document, shown, context):
    problems = []
    html = content_html(document) or ""
    summary = document.metadata.get("summary")
    if isinstance(summary, str):
        html += summary
    for what, value in intrasite_links(document, html):
        if what not in ("static", "filename", "attach"):
            continue
        key = "generated_content" if what == "filename" else "static_content"
        written = "{" + what + "}" + value
        if _climbs_out(document, value):
            message = f"tautan `{written}` menunjuk ke luar folder content/."
            hint = "tautkan hanya berkas di dalam content/, tanpa `..`."
        elif _finds(document, value, context.get(key, {})):
            continue
        elif what == "filename" and _finds(
            document, value, context.get("static_content", {})
        ):
            message = f"tautan `{written}` menunjuk berkas statis."
            hint = f"tulis `{{static}}{value}` untuk gambar dan berkas lain."
        else:
            message = (
                f"tautan `{written}` menunjuk berkas yang tidak ada atau tidak "
                "diterbitkan."
            )
            hint = (
                "periksa ejaan dan foldernya (mis. `{static}/images/nama.jpg`); "
                "foto hanya terbit sebagai gambar `![teks](…)`, diperkecil dan "
                "tanpa metadata."
            )
        line = file_line_with(document.source_path, value)
        problems.append(Problem(shown, line, None, message, hint))
    return problems


def _key(document, path):
    """The path a link names, relative to content/, as Pelican looks it up."""
    if path.startswith("/"):
        return path[1:]
    return document.get_relative_source_path(os.path.join(document.relative_dir, path))


def _climbs_out(document, value):
    key = _key(document, urlparse(unquote(value)).path) or "."
    return posixpath.normpath(key).startswith("../") or key.startswith("/")


def _finds(document, value, known):
    """Whether Pelican's link replacement finds `value` among `known`
    (its three tries: as written, unquoted, HTML-unescaped) and the file
    is there: Pelican makes a static file of every `{static}` link, even
    to a file that does not exist."""
    for candidate in (value, unquote(value), unescape(value)):
        key = _key(document, urlparse(candidate).path)
        found = known.get(key) or known.get(posixpath.normpath(key or "."))
        if found is not None:
            return os.path.isfile(found.source_path)
    return False


def static_problems(path, root):
    outside = outside_problem(path, root, "berkas statis ini")
    if outside is not None:
        return [outside]
    if not os.path.lexists(path):
        return []  # only linked to: the link's problem names the article
    shown = display_path(path)
    wrong_kind = kind_problem(path, shown)
    if wrong_kind is not None:
        return [wrong_kind]
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        return [unreadable(shown, error)]
    reason = filekind.active_content(os.path.basename(path), data)
    if reason is None:
        return []
    return [
        Problem(
            shown,
            None,
            None,
            f"berkas ini {reason}: berkas seperti itu menjalankan kode di "
            "peramban pembaca dan tidak diterbitkan.",
            "hapus berkas ini dari folder berkas statis; tulis halaman sebagai "
            "Markdown di content/pages/, dan simpan gambar SVG tanpa skrip.",
        )
    ]
