"""The two imports, start to end: read, plan, then write.

These are the only functions with side effects: they read the input file
and the current redirects file, and write through write.py once the whole
plan is ready.
"""

import os
from dataclasses import dataclass

from sitekit.problems import Problem, display_path

from . import redirects
from .model import ImportFailed, failure
from .page import parse_page
from .plan import plan_import
from .write import write_all
from .wxr import decode_utf8, parse_wxr


@dataclass
class Result:
    source: str
    site: object
    plan: object
    skipped: tuple
    outcome: object
    redirects_added: int
    redirects_total: int
    problems: list


def _read_input(path):
    shown = display_path(path)
    try:
        with open(path, "rb") as handle:
            return handle.read(), shown
    except FileNotFoundError:
        raise failure(
            shown, "berkas tidak ditemukan.", "periksa nama dan foldernya."
        ) from None
    except IsADirectoryError:
        raise failure(shown, "ini folder, bukan berkas.", "sebut berkasnya.") from None


def _check_uploads(uploads):
    if uploads and not os.path.isdir(uploads):
        raise failure(
            display_path(uploads),
            "folder unggahan tidak ditemukan.",
            "sebut folder `wp-content/uploads` hasil salinan situs lama "
            "(berisi folder tahun, mis. 2015/10/).",
            field_name="--uploads",
        )


def import_wordpress(export_file, site, uploads=None):
    """Import a WXR file into `site`; ImportFailed leaves everything as is."""
    _check_uploads(uploads)
    data, shown = _read_input(export_file)
    export = parse_wxr(data, shown)
    plan = plan_import(export.entries, site, export.attachments, uploads, export.hosts)
    return _finish(shown, site, plan, export.skipped)


def import_html(page_file, site, uploads=None, date=None, slug=""):
    """Import one saved web page; photos beside it are found by default."""
    _check_uploads(uploads)
    data, shown = _read_input(page_file)
    entry, hosts = parse_page(data, shown, date=date, slug=slug)
    uploads = uploads or os.path.dirname(os.path.abspath(page_file))
    plan = plan_import([entry], site, {}, uploads, hosts)
    return _finish(shown, site, plan, ())


def _finish(shown, site, plan, skipped):
    name = site.redirects_file
    path = os.path.join(site.content, name)
    listed = []
    if os.path.exists(path):
        with open(path, "rb") as handle:
            raw = handle.read()
        text = decode_utf8(raw, display_path(path))
        listed = redirects.parse(text, display_path(path))
    merged, added, conflicts = redirects.merge(listed, plan.redirects)
    files = dict(plan.files)
    if added:
        files[name] = redirects.render(merged).encode("utf-8")
    outcome = write_all(site.content, files, plan.copies, replace={name})
    problems = list(plan.notes)
    problems += [
        Problem(
            display_path(path),
            None,
            None,
            f"alamat lama `{known.source}` sudah dialihkan ke `{known.target}`, "
            f"bukan ke `{new.target}`; tidak diubah.",
            "ubah atau hapus entri itu bila alamat barunya memang salah.",
        )
        for known, new in conflicts
    ]
    problems += [
        Problem(
            display_path(os.path.join(site.content, kept)),
            None,
            None,
            "berkas ini sudah ada dengan isi lain (mungkin sudah disunting); "
            "tidak ditimpa.",
            "hapus atau pindahkan berkas itu bila ingin mengimpornya ulang.",
        )
        for kept in outcome.kept
    ]
    return Result(
        shown, site, plan, skipped, outcome, len(added), len(merged), problems
    )


__all__ = ["ImportFailed", "Result", "import_html", "import_wordpress"]
