"""The two imports, start to end: read, plan, then write.

These are the only functions with side effects: they read the input file
and the current redirects file, and write through write.py once the whole
plan is ready.
"""

import os
from dataclasses import dataclass, field

from sitekit.problems import Problem, display_path

from . import redirects
from .model import ImportFailed, failure
from .page import parse_page
from .plan import Media, plan_import
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
    not_content: dict = field(default_factory=dict)  # (type, reason) -> count


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


def import_wordpress(export_file, site, uploads=None, strict=False):
    """Import a WXR file into `site`; ImportFailed leaves everything as is.

    An entry that cannot be imported is skipped and reported; with
    `strict`, it stops the import instead.
    """
    _check_uploads(uploads)
    data, shown = _read_input(export_file)
    export = parse_wxr(data, shown)
    media = Media(export.attachments, export.blocks)
    plan = plan_import(export.entries, site, media, uploads, export.hosts, strict)
    result = _finish(shown, site, plan, (*export.skipped, *plan.skipped))
    result.not_content = export.not_content
    return result


def import_html(page_file, site, uploads=None, date=None, slug=""):
    """Import one saved web page; photos beside it are found by default."""
    _check_uploads(uploads)
    data, shown = _read_input(page_file)
    entry, hosts = parse_page(data, shown, date=date, slug=slug)
    uploads = uploads or os.path.dirname(os.path.abspath(page_file))
    plan = plan_import([entry], site, Media(), uploads, hosts, strict=True)
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
    accepted, refused = redirects.check(plan.redirects, plan.urls)
    merged, added, conflicts = redirects.merge(listed, accepted)
    files = dict(plan.files)
    if added:
        text = redirects.render(merged, display_path(path))
        files[name] = text.encode("utf-8")
    outcome = write_all(site.content, files, plan.copies, replace={name})
    problems = list(plan.notes) + refused
    problems += [
        _conflict(known, new, added, display_path(path)) for known, new in conflicts
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
        shown, site, plan, tuple(skipped), outcome, len(added), len(merged), problems
    )


def _conflict(known, new, added, shown):
    if known in added:  # two entries of this export share an old address
        return Problem(
            new.path,
            None,
            None,
            f"alamat lama `{new.source}` juga milik pos lain di ekspor, yang "
            f"sudah dialihkan ke `{known.target}` ({known.path}); yang ini tidak "
            "dialihkan.",
            f"bila pembaca lebih perlu `{new.target}`, ubah `to` entri itu di {shown}.",
        )
    return Problem(
        shown,
        None,
        None,
        f"alamat lama `{known.source}` sudah dialihkan ke `{known.target}`, "
        f"bukan ke `{new.target}`; tidak diubah.",
        "ubah atau hapus entri itu bila alamat barunya memang salah.",
    )


__all__ = ["ImportFailed", "Result", "import_html", "import_wordpress"]
