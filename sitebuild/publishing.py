"""`invoke publish`, its preview for colleagues, and `invoke publish-due`.

A publish builds with publishconf.py into `output/`, runs every site check
and compresses before the new build goes live, tells what will change on
the server, refuses to delete published pages unless allowed, and copies.
A preview publish builds the same site with drafts, a "PRATINJAU" banner,
`noindex` everywhere and a robots.txt that disallows all, into its own
output folder and to its own destination, never the public one.

Every public publish records when it ran and the earliest article it held
back for a future date; `publish_due` publishes again only once that
date has come, so a cron job can run it often and cheaply.
"""

import datetime
import os

from pelican.settings import read_settings

from sitebuild import changes, inputs, versions
from sitebuild.build import BuildFailed, build
from sitebuild.deploy import DeployFailed, deploy, removed_message, removed_pages
from sitekit.files import read_json, write_json
from sitekit.problems import ContentError

PREVIEW_SUFFIX = "-pratinjau"


class PublishFailed(Exception):
    """Nothing was copied (or the copy failed); the message is for the editor."""


def record_path(output):
    return os.path.join(
        versions.builds_dir(os.path.abspath(output)), versions.PUBLISHED
    )


def preview_output(output):
    """The preview's own output folder, beside the public one."""
    return os.path.abspath(output).rstrip("/") + PREVIEW_SUFFIX


def publish(settings_file, output, target, *, check, compress, options):
    """Build, check, compress and copy to `target`.

    `check(folder, settings)` gives (ok, report); `compress(folder,
    settings)` writes the .gz/.br copies. `options`: dry_run,
    allow_removed, preview (bools), say (print-like), now (aware
    datetime) and layout (settings with every plugin's *_SAVE_AS, to name
    the pages that change). Raises PublishFailed.
    """
    say = options.get("say", print)
    preview = options.get("preview", False)
    overrides = {"BUILD_PREVIEW": True} if preview else {}
    settings = read_settings(settings_file, override=overrides or None)
    reports = []

    def finish(folder):
        try:
            ok, report = check(folder, settings)
        except ContentError as error:
            raise BuildFailed(error.report()) from None
        reports.append(report)
        if not ok:
            raise BuildFailed(report)
        compress(folder, settings)

    folder = preview_output(output) if preview else output
    try:
        notes = build(settings_file, folder, drafts=preview, finish=finish, **overrides)
    except BuildFailed as error:
        raise PublishFailed(
            f"{error}\n\nPenerbitan dibatalkan; isi {folder} dan server tidak diubah."
        ) from None
    for note in [*notes, *reports[-1:]]:
        say(note)
    try:
        planned = deploy(folder, target, dry_run=True)
        layout = options.get("layout", settings)
        say(changes.report(planned, layout, target))
        removed = removed_pages(planned)
        if removed and not preview and not options.get("allow_removed"):
            raise PublishFailed(removed_message(removed, target))
        if options.get("dry_run"):
            say(f"Uji coba: tidak ada yang disalin ke {target}.")
            return
        copied = deploy(folder, target)
    except DeployFailed as error:
        raise PublishFailed(str(error)) from None
    if preview:
        say(
            f"Pratinjau untuk rekan kerja terbit di {target} ({len(copied)} perubahan)."
        )
        return
    record = inputs.load_record(versions.record_path(os.path.abspath(output))) or {}
    now = options.get("now") or datetime.datetime.now(datetime.UTC)
    write_json(
        record_path(output),
        {
            "published": now.isoformat(),
            "target": target,
            "next_release": record.get("next_release"),
        },
        indent=1,
        durable=True,
    )
    say(f"Situs terbit di {target} ({_count(copied)} berkas berubah).")


def _count(lines):
    """Files rsync created, changed or deleted (not folders or timestamps)."""
    return len(list(changes.itemized(lines)))


def due(record, now):
    """Whether an article held back at the last publish has come due."""
    if not record or not record.get("next_release"):
        return False
    return now >= datetime.datetime.fromisoformat(record["next_release"])


def due_message(record, now):
    """Why `publish_due` does nothing, in Indonesian."""
    if not record:
        return (
            "Belum ada catatan penerbitan di sini; terbitkan sekali dengan "
            "`invoke publish`, sesudah itu `invoke publish-due` bekerja sendiri."
        )
    upcoming = record.get("next_release")
    if not upcoming:
        return "Tidak ada berita terjadwal; tidak ada yang diterbitkan."
    return (
        f"Belum ada berita yang jatuh tempo (berikutnya {upcoming}); "
        "tidak ada yang diterbitkan."
    )


def read_record(output):
    return read_json(record_path(output))
