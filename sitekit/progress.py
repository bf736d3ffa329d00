"""Progress of long work (photos, share images, search index) on a terminal.

A new album of 300 photos or the first build on a new machine takes
minutes; an editor sees how far it is and how long is left. Nothing is
shown when the output is not a terminal (a pipe, a log file, CI), nor for
short work.
"""

import os
import sys
from contextlib import contextmanager

# Fewer steps than this finish before a bar is worth drawing.
MIN_STEPS = 20


def wanted(total, stream=None, min_steps=MIN_STEPS):
    stream = stream or sys.stderr
    return total >= min_steps and stream.isatty() and not os.environ.get("CI")


@contextmanager
def progress(total, label, min_steps=MIN_STEPS):
    """Yields `advance(steps=1)`; draws a bar with counts and time left
    (rich, which Pelican installs) only when `wanted`."""
    if not wanted(total, min_steps=min_steps):
        yield lambda steps=1: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("sisa"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda steps=1: bar.advance(task, steps)
