"""Build the site into a new folder and switch to it only on success.

A build that fails, logs a warning or error, or is interrupted (even by
SIGKILL) leaves the previous output exactly as it was. `validate` runs the
same reading and checking without rendering or writing anything.
"""

import datetime
import logging
import os
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager

from babel.numbers import format_decimal
from pelican import Pelican, signals
from pelican.log import init as init_logging
from pelican.settings import read_settings

from sitebuild import inputs, versions
from sitebuild.diskerrors import disk_message
from sitebuild.pelican_messages import translate
from sitebuild.search import index_site
from sitekit import pelican_compat
from sitekit.hooks import editor_notes, is_notice
from sitekit.problems import ContentError, format_report


class BuildFailed(Exception):
    """The build did not produce a site; the message is for the editor."""


class _Collect(logging.Handler):
    """Remembers every warning or error logged while building."""

    def __init__(self, content_path):
        super().__init__(level=logging.WARNING)
        self.content_path = content_path
        self.messages = []

    def emit(self, record):
        if is_notice(record):
            return  # the plugin also reports it after the build
        # Pelican logs unreadable files from inside its `except` block, so
        # the exception is still at hand even when the record omits it.
        error = sys.exc_info()[1]
        args = record.args if isinstance(record.args, tuple) else ()
        problem = translate(record.msg, args, error, self.content_path)
        self.messages.append(
            str(problem) if problem else f"{record.levelname}: {record.getMessage()}"
        )


@contextmanager
def _collecting(settings):
    handler = _Collect(settings["PATH"])
    root = logging.getLogger()
    root.addHandler(handler)

    def remember(generators):
        handler.generators = list(generators)

    handler.generators = []
    signals.all_generators_finalized.connect(remember)
    try:
        yield handler
    finally:
        signals.all_generators_finalized.disconnect(remember)
        root.removeHandler(handler)


def load_settings(settings_file, **overrides):
    try:
        pelican_compat.check_version()
    except pelican_compat.PelicanVersionError as error:
        raise BuildFailed(str(error)) from None
    # No console handler: every warning and error is collected and retold
    # once, in Indonesian, instead of also printing Pelican's English line.
    init_logging(level=logging.WARNING, handler=None)
    pelican_compat.forget_logged_warnings()
    return read_settings(settings_file, override=overrides or None)


def _fail_on(handler, error=None):
    """One report of everything found: the plugin's checks, then the logs."""
    found = (error.problems if error else []) + handler.messages
    if found:
        raise BuildFailed(format_report(found))


@contextmanager
def reporting(settings):
    """Run the body like a build: raise BuildFailed on any problem or log.

    Yields the log collector; its `generators` are those of the Pelican
    run inside, once all of them have read their content.
    """
    with _collecting(settings) as handler:
        try:
            yield handler
        except ContentError as error:
            _fail_on(handler, error)
        _fail_on(handler)


def _run_checked(settings, action, generators=None):
    """Run `action(pelican)`; raise BuildFailed on any problem or log.

    Returns the plugins' notes for the editor; `generators`, when given, is
    filled with the generators that ran.
    """
    with reporting(settings) as handler:
        action(Pelican(settings))
    if generators is not None:
        generators.extend(handler.generators)
    return editor_notes(handler.generators)


def read_site(settings):
    """Read all content and data like `validate`, and keep the result.

    Returns the generators, sharing one context, as they stand before
    rendering: what a warm preview (sitebuild/preview.py) renders from.
    """
    with reporting(settings) as handler:
        pelican_compat.context_phase(Pelican(settings))
    return handler.generators


def build(
    settings_file, output_path, drafts=False, finish=None, verbose=False, **overrides
):
    """Build a new version of the site and point `output_path` at it.

    A disk that cannot be written (full, read-only, no permission) is a
    BuildFailed in Indonesian, like a problem in the content.

    `drafts` also renders drafts (marked "DRAF") under their preview URLs.
    `finish(folder)`, when given, runs on the finished build before it goes
    live (site checks, compression); raising BuildFailed there keeps the
    old site. See sitebuild/versions.py for how the swap stays atomic.
    When nothing the build reads has changed since the live version was
    built (sitebuild/inputs.py), that version stays and nothing is redone.
    `verbose` shows Pelican's own log. Returns notes for the editor: what
    was built, and such things as photos that were left out.
    """
    with _disk_errors():
        return _build(settings_file, output_path, drafts, finish, verbose, overrides)


@contextmanager
def _disk_errors():
    """OSError from a full or read-only disk as BuildFailed (diskerrors.py)."""
    try:
        yield
    except OSError as error:
        message = disk_message(error)
        if message is None:
            raise
        raise BuildFailed(message) from None


def _build(settings_file, output_path, drafts, finish, verbose, overrides):
    output_path = os.path.abspath(output_path)
    if drafts:
        overrides = {**draft_overrides(read_settings(settings_file)), **overrides}
    try:
        with versions.locked(output_path) as takeover:
            return _build_locked(
                settings_file, output_path, finish, verbose, overrides, takeover
            )
    except versions.LockTimeout as error:
        raise BuildFailed(str(error)) from None


def _build_locked(settings_file, output_path, finish, verbose, overrides, takeover):
    """The build itself, with the lock held (see `build`)."""
    versions.remove_leftovers(output_path)
    live = versions.live_folder(output_path)
    settings = load_settings(settings_file, **overrides)
    now = datetime.datetime.now(datetime.UTC)
    roots = inputs.input_roots(settings, settings_file)
    base = os.path.dirname(os.path.abspath(settings_file))
    key, site_key = inputs.inputs_keys(
        settings, roots, base, [finish is not None], inputs.text_files(settings)
    )
    record_path = versions.record_path(output_path)
    record = inputs.load_record(record_path)
    if finish is None and inputs.still_current(record, key, live, now):
        earlier = record["notes"]
        notes = [UNCHANGED, *([EARLIER_NOTES, *earlier] if earlier else [])]
        return [takeover, *notes] if takeover else notes
    folder = versions.new_folder(output_path)
    try:
        settings = load_settings(
            settings_file,
            OUTPUT_PATH=folder,
            DELETE_OUTPUT_DIRECTORY=False,
            BUILD_PREVIOUS_OUTPUT=live,
            PARALLEL_SITE_KEY=site_key,
            **overrides,
        )
        generators = []
        started = time.monotonic()
        with pelican_compat.pelican_console(verbose):
            notes = _run_checked(settings, Pelican.run, generators)
        notes.insert(0, summary_line(generators, time.monotonic() - started))
        notes += index_site(folder, settings)
        if finish is not None:
            finish(folder)
        versions.publish(folder, output_path)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    inputs.save_record(
        record_path,
        {
            "key": key,
            "folder": os.path.basename(folder),
            "next_release": inputs.next_release(generators, now),
            "notes": notes,
        },
    )
    versions.remove_leftovers(output_path)
    return [takeover, *notes] if takeover else notes


def summary_line(generators, seconds):
    """What was built, in Indonesian, in place of Pelican's English summary."""
    counts = {}
    for generator in generators:
        for name in COUNTED:
            counts[name] = counts.get(name, 0) + len(getattr(generator, name, ()))
    shown = [
        f"{counts[name]} {label}" for name, label in COUNTED.items() if counts[name]
    ]
    took = format_decimal(round(seconds, 2), locale="id")
    return f"Dibangun: {', '.join(shown) or 'tanpa konten'} dalam {took} detik."


# What the summary counts, with its Indonesian name; empty counts are left out.
COUNTED = {
    "articles": "berita",
    "drafts": "draf",
    "hidden_articles": "berita tersembunyi",
    "pages": "halaman",
    "hidden_pages": "halaman tersembunyi",
    "draft_pages": "draf halaman",
}

UNCHANGED = (
    "Tidak ada berkas yang berubah sejak build terakhir; situs yang ada tetap dipakai."
)
EARLIER_NOTES = "Catatan dari build terakhir:"


def draft_overrides(settings):
    """Settings that render drafts at their preview URLs (DRAFT_*_URL)."""
    return {
        "DRAFT_SAVE_AS": settings["DRAFT_URL"] + "index.html",
        "DRAFT_PAGE_SAVE_AS": settings["DRAFT_PAGE_URL"] + "index.html",
    }


def validate(settings_file, **overrides):
    """Read all content and data and run every check; write nothing."""
    with _disk_errors(), tempfile.TemporaryDirectory(prefix="validasi-") as scratch:
        settings = load_settings(settings_file, OUTPUT_PATH=scratch, **overrides)
        return _run_checked(settings, pelican_compat.context_phase)
