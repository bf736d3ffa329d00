"""A Pelican Writer that renders pages on every core and skips unchanged files.

Pelican renders one page after another on one core. This writer records
each `write_file` call instead, and `flush()` renders the recorded pages
in forked processes that share the finished context copy-on-write: no
page or article is pickled. Feeds are still written at once.

Each recorded call is first replayed in the parent with a template that
renders nothing: Pelican's own bookkeeping then runs in Pelican's order,
so a path written twice fails (or is overridden) exactly as it would
sequentially, and the directories exist before the workers start.

What rendering does besides writing happens in the parent, in Pelican's
order, so that no forked process decides anything the build depends on:
- `{attach}` links move a static file next to the first page that renders
  the link. Before forking, the parent renders the text of each recorded
  page's own articles and pages that link files (`attachments.py`).
- `content_written` is sent once per file, after every recorded page of
  the generator exists, in Pelican's order and with the context Pelican
  would give (kept from the replay, only when someone listens).
- `*_writer_finalized` is sent after that (plugins/parallel/__init__.py).

A rendered page whose bytes equal the same file of the previous build is
hard-linked from there instead of written: unchanged files keep their
inode and mtime, which also keeps rsync deploys short. A file that is
already there is replaced by renaming a new one over it, never rewritten
in place, because it may be a link shared with an older build.
"""

import logging
import os
import pickle
import sys
import traceback
from multiprocessing import Lock, RawValue

from pelican import signals
from pelican.utils import sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from sitekit.files import link_or_copy, place
from sitekit.hooks import NOTICE_ATTRIBUTE, is_notice
from sitekit.pelican_compat import HookedWriter, intercepted, text_reads
from sitekit.settings import processes
from sitekit.workers import die_with_parent

from .attachments import settle_attachments
from .reuse import Reuse, documents

logger = logging.getLogger(__name__)


# Below this many pages in one generator, forking costs more than it saves.
MIN_CALLS = 40


class _Blank:
    """A template that renders nothing: for the bookkeeping replay."""

    def render(self, _context):
        return ""


class _Page:
    """A file object for one output page: written or linked on close."""

    def __init__(self, writer, path):
        self.writer = writer
        self.path = path
        self.parts = []

    def write(self, text):
        # Pages arrive as text; feedgenerator writes encoded bytes.
        self.parts.append(text.encode("utf-8") if isinstance(text, str) else text)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if exc[0] is None:
            self.writer.place(self.path, b"".join(self.parts))
        return False


class _Nowhere:
    """Where a skipped (not overwritten) page goes."""

    def write(self, _text):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class ParallelWriter(HookedWriter):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        settings = settings or {}
        self.processes = processes(settings)
        self.previous = settings.get("BUILD_PREVIOUS_OUTPUT") or None
        self.pending = []
        self.owner = {}  # output path -> index of the call that writes it
        self.current = None  # index of the call being rendered
        self.replaying = False
        self.rendering = False
        self.written = []  # (path, context) for content_written, in order
        self.reuse = Reuse(settings, output_path)
        self.read = None  # ids of the documents whose text the page read
        self.reads = {}  # output path -> source paths of the texts it read
        self.paths_of = {}  # id of a document -> its source path

    # -- recording ---------------------------------------------------------

    def write_file(self, name, template, context, *args, **kwargs):
        if not name:
            return
        index = len(self.pending)
        self.pending.append((name, template, context, args, kwargs))
        self.current, self.replaying = index, True
        listened = bool(signals.content_written.receivers)
        try:
            if listened or args or self._paginates(kwargs):
                with intercepted(signals.content_written, self._remember_written):
                    super().write_file(name, _Blank(), context, *args, **kwargs)
            else:  # one page at `name`: the bookkeeping without the replay
                path = sanitised_join(self.output_path, name)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                self.open_output(path, "utf-8", kwargs.get("override_output", False))
        finally:
            self.replaying = False

    def _remember_written(self, path, kwargs):
        if signals.content_written.receivers:
            self.written.append((path, kwargs.get("context")))

    def _paginates(self, kwargs):
        """Whether Pelican's write_file would split this call into pages."""
        paginated = kwargs.get("paginated")
        if paginated is None:
            paginated = [key for key in kwargs if key in ("articles", "dates")]
        templates = self.settings["PAGINATED_TEMPLATES"]
        return bool(paginated) and kwargs.get("template_name") in templates

    def open_output(self, filename, encoding, override=False):
        if self.rendering:
            if self.owner.get(filename) != self.current:
                return _Nowhere()  # another call owns this path (override rules)
            # Pelican renders a page, then opens its file: what was read
            # since the call's previous file belongs to this one.
            read, self.read = self.read or (), set()
            self.reads[filename] = [self.paths_of.get(i) for i in read]
            return _Page(self, filename)
        claimed = self._claim(filename, override)
        if self.replaying:
            if claimed:
                self.owner[filename] = self.current
            return _Nowhere()
        return _Page(self, filename) if claimed else _Nowhere()  # feeds

    def _claim(self, filename, override):
        """Pelican's rule (Writer._open_w) without opening the file: a path
        is written once, unless one (and only one) write overrides it."""
        if filename in self.overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time '
                    "(was previously overwritten)"
                )
            return False
        if filename in self.written_files and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{filename}" as Pelican has already '
                "written to it previously (set `override=True` if intended)"
            )
        if override:
            self.overridden_files.add(filename)
        self.written_files.add(filename)
        return True

    # -- rendering ---------------------------------------------------------

    def flush(self):
        """Render every recorded page; raise the first worker's error.
        Then tell `content_written` receivers about each file."""
        calls, self.pending = self.pending, []
        written, self.written = self.written, []
        if calls:
            settle_attachments(call[4] for call in calls)
            owned = self._owned()
            todo = self._reuse_unchanged(len(calls), owned, calls[0][2])
            self.rendering = True
            try:
                with (
                    intercepted(signals.content_written, _ignore),
                    text_reads(self._reading),
                ):
                    self._render_all(calls, todo)
            finally:
                self.rendering = False
                self.current = None
            for index in todo:
                for path in owned.get(index, ()):
                    if path in self.reads:
                        self.reuse.note(path, self.reads[path])
            self.owner, self.reads = {}, {}
        for path, context in written:
            signals.content_written.send(path, context=context)

    def _owned(self):
        """Call index -> the output paths it writes (it owns)."""
        owned = {}
        for path, index in self.owner.items():
            owned.setdefault(index, []).append(path)
        return owned

    def _reuse_unchanged(self, count, owned, context):
        """Link the pages nothing has changed for (reuse.py); return the
        indices of the calls to render (also those that own no file, which
        Pelican renders all the same)."""
        self.reuse.start(context)
        self.paths_of = {id(d): p for p, d in documents(context).items()}
        todo = []
        for index in range(count):
            found = self.reuse.reusable(owned.get(index, []))
            if found is None:
                todo.append(index)
                continue
            for old, new, read in found:
                link_or_copy(old, new)
                self.reuse.note(new, read)
        return todo

    def _reading(self, document):
        if self.read is not None:
            self.read.add(id(document))

    def _render_all(self, calls, todo):
        processes = self.processes if len(todo) >= MIN_CALLS else 1
        if processes == 1:
            for index in todo:
                self._render(calls, index)
            return
        counter, lock = RawValue("i", 0), Lock()
        sys.stdout.flush()
        sys.stderr.flush()
        children = [
            self._fork(calls, todo, counter, lock) for _ in range(processes - 1)
        ]
        failure = None
        try:
            self._work(calls, todo, counter, lock)
        except BaseException as error:  # still collect the children first
            failure = error
        for pid, reader in children:
            report = _read_all(reader)
            os.waitpid(pid, 0)
            failure = failure or self._absorb(report)
        if failure is not None:
            raise failure

    def _work(self, calls, todo, counter, lock, parent=None):
        while True:
            if parent is not None and os.getppid() != parent:
                os._exit(1)  # the build was killed: stop writing into its folder
            with lock:
                position = counter.value
                counter.value += 1
            if position >= len(todo):
                return
            self._render(calls, todo[position])

    def _render(self, calls, index):
        name, template, context, args, kwargs = calls[index]
        self.current, self.read = index, set()
        try:
            Writer.write_file(self, name, template, context, *args, **kwargs)
        finally:
            self.read = None

    def _fork(self, calls, todo, counter, lock):
        reader, writer = os.pipe()
        parent = os.getpid()
        pid = os.fork()
        if pid:
            os.close(writer)
            return pid, reader
        # The child: render, then tell the parent what it logged or raised.
        die_with_parent(parent)
        os.close(reader)
        # Only the parent logs (and collects for the build's report).
        records = _Forward()
        logging.getLogger().handlers = [records]
        report = {"records": records.items, "error": None, "reads": self.reads}
        try:
            self._work(calls, todo, counter, lock, parent)
        except BaseException as error:
            report["error"] = _portable(error)
        try:
            with os.fdopen(writer, "wb") as pipe:
                pipe.write(pickle.dumps(report))
        finally:
            os._exit(0)

    def _absorb(self, report):
        """Log the child's warnings here (the build collects them) and
        return its error, if any."""
        if report is None:
            return RuntimeError("a page-rendering process ended without a report")
        for name, level, msg, args, extra in report["records"]:
            logging.getLogger(name).log(level, msg, *args, extra=extra)
        self.reads.update(report["reads"])
        return report["error"]

    # -- placing files -----------------------------------------------------

    def place(self, path, data):
        """Write `data` at `path`, or link the previous build's equal file."""
        place(path, data, self.output_path, self.previous)


class _Forward(logging.Handler):
    """Keeps a child's warnings and errors to be logged again by the parent."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.items = []

    def emit(self, record):
        args = record.args if isinstance(record.args, tuple) else ()
        extra = {NOTICE_ATTRIBUTE: True} if is_notice(record) else {}
        try:
            pickle.dumps(args)
        except Exception:
            args = tuple(str(arg) for arg in args)
        self.items.append((record.name, record.levelno, record.msg, args, extra))


def _ignore(_sender, _kwargs):
    """content_written while rendering: sent by flush() once files exist."""


def _portable(error):
    """The error itself if it survives pickling, else a RuntimeError with
    its traceback."""
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:
        return RuntimeError("".join(traceback.format_exception(error)))


def _read_all(fd):
    with os.fdopen(fd, "rb") as pipe:
        data = pipe.read()
    return pickle.loads(data) if data else None
