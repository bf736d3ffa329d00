"""What our generators offer the build and each other, written down.

Pelican knows only `generate_context` and `generate_output`. Our build
(sitebuild/) and our plugins ask generators for a few things more; a
generator offers one by having the method. These Protocols are the
contract, and the functions below are the only callers.
"""

import logging
from typing import Protocol, runtime_checkable

from sitekit.outputs import Output


@runtime_checkable
class PlansOutputs(Protocol):
    def output_plan(self) -> list[Output]:
        """Every file the generator writes (see sitekit/outputs.py); called
        after all generators have read their content, and again to write."""


@runtime_checkable
class GivesEditorNotes(Protocol):
    def editor_notes(self) -> list[str]:
        """Lines (Indonesian) shown to the editor after a successful build,
        such as photos that were left out."""


@runtime_checkable
class RefreshesDocuments(Protocol):
    def refresh_document(self, document, previous) -> bool:
        """Redo this generator's work on one re-read article (`document`)
        that replaces `previous`, for the warm preview. False when only a
        full build can bring the change."""


# A log record with this attribute set is a notice for the editor: the
# generator reports it again through `editor_notes`, so the build lists
# it after success instead of failing on it as on any other warning.
NOTICE_ATTRIBUTE = "editor_notice"
NOTICE = {NOTICE_ATTRIBUTE: True}


def is_notice(record: logging.LogRecord) -> bool:
    return bool(getattr(record, NOTICE_ATTRIBUTE, False))


def editor_notes(generators) -> list[str]:
    notes = []
    for generator in generators:
        if isinstance(generator, GivesEditorNotes):
            notes += generator.editor_notes()
    return notes


def refresh_document(generators, document, previous) -> bool:
    """Let every generator redo its work on `document`; False as soon as
    one of them needs a full build."""
    return all(
        generator.refresh_document(document, previous)
        for generator in generators
        if isinstance(generator, RefreshesDocuments)
    )
