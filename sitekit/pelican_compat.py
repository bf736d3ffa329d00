"""Every use of a Pelican internal, in one place, for the tested Pelican.

Our plugins and build use Pelican's public API (signals, generators,
`Writer.write_file`, readers, settings) everywhere else. Where no public
API does the job, the internal is reached only through this module, so
a Pelican upgrade means reading one file. `check_version()` refuses any
other Pelican release line than the one this was written and tested for
(TESTED), with a clear message, before a build starts.

The internals, and why:
- `Pelican._get_generator_classes()`: `context_phase` below runs the
  reading half of `Pelican.run` (validate, the warm preview) with the same
  generators, plugins' included.
- `Pelican.run`'s reading steps, copied into `context_phase`: the shared
  context keys, `generate_context`, `check_disabled_readers`,
  `all_generators_finalized` and `refresh_metadata_intersite_links`, in
  that order, so `validate` and the warm preview read exactly like a build.
- `Writer._open_w`, `Writer._written_files`, `Writer._overridden_files`:
  the parallel writer (plugins/parallel/writer.py) records pages instead
  of opening them, and replays Pelican's overwrite rule without writing.
  It subclasses `HookedWriter`, which turns `_open_w` into `open_output`.
- When Pelican sends two of its signals: `Writer.write_file` sends
  `content_written` right after it writes each page, and the articles and
  pages generators send `article_writer_finalized` and
  `page_writer_finalized` (with `writer=`) as the last step of
  `generate_output`. The parallel writer renders later and elsewhere, so
  it holds `content_written` back until the file exists (`intercepted`)
  and renders before a `*_writer_finalized` reaches any receiver
  (`before_writer_finalized`).
- `Static._output_location_referenced`, `Static.attach_to` and
  `Content.get_url_setting`: reading a static file's `url` or `save_as`
  pins it where it is, so a later `{attach}` link can no longer move it
  next to the page that links it. The output plan reads where a static
  file goes through `static_save_as`, which leaves it movable.
- `MarkdownReader._parse_metadata`, `._source_path`, `._md`: the parallel
  reader (plugins/parallel/reader.py) hands Pelican HTML converted in
  another process and lets Pelican process the metadata as usual.
- `Content._content`: the article or page HTML before Pelican's own link
  replacement; plugins rewrite it (KBK mentions, responsive images)
  before anything renders it.
- `Content._get_intrasite_link_regex()`: the `{static}`/`{filename}` links
  Pelican will replace when it writes a page; sitekit/contentcheck.py
  checks at read time that each one finds its file, so `validate` fails
  where the writer would.
- `Content.get_content.cache`, `Content.get_summary.cache`: Pelican's
  `memoized` caches of rendered text, cleared per object when the warm
  preview re-reads an article.
- `Content.get_content` and `Content.get_summary` being the only ways to
  the rendered text (the `content` and `summary` properties call them):
  `text_reads` notes which objects' text a page reads while it renders,
  so that an unchanged page can be reused (plugins/parallel/reuse.py).
- `pelican.readers.SkipStub`: what a reader returns for a skipped file.
- `url` and `save_as` being properties of `Content` and `URLWrapper`
  subclasses: remembered per object while pages render
  (plugins/parallel/urls.py).
- Pelican's English log messages (`MESSAGES`): the build retells the
  common ones in Indonesian (sitebuild/pelican_messages.py), and the warm
  preview logs an unreadable article with the same record as Pelican.
- `pelican.log.console` (a rich Console), on which `Pelican.run` prints
  its English summary ("Done: Processed …"); `pelican_console` hides it,
  since our build prints its own, and shows Pelican's log on request.
- `pelican.log.LimitFilter._raised_messages` and `._group_count`: Pelican
  drops a warning it logged before in the same process; a second build
  in one process (validate then build, the warm preview, tests) must see
  every warning again, so `forget_logged_warnings` empties them.
"""

import contextlib
import functools
import importlib.metadata
import logging
from contextlib import contextmanager

from pelican import signals
from pelican.contents import Content, Static
from pelican.log import LimitFilter
from pelican.readers import SkipStub
from pelican.urlwrappers import URLWrapper
from pelican.writers import Writer

# The Pelican release line (major.minor) these internals were checked on.
TESTED = "4.12"

# Pelican's log messages (format strings) that the build recognises.
MESSAGES = {
    "missing_metadata": "Skipping %s: could not find information about '%s'",
    "unreadable": "Could not process %s",
    "no_slug": 'Unable to generate valid slug for %s "%s".',
    "unknown_status": "Unknown status '%s' for file %s, skipping it. (Not in %s)",
    "duplicate": "Duplicate definition of `%s` for %s. Using first one.",
    "outside_output": "Skipping %s: file %r would be written outside output path",
    "not_found": "Unable to find '%s', skipping url replacement.",
    "filename_static": (
        "{filename} used for linking to static content %s in %s. Use {static} instead"
    ),
    "empty_alt": "Empty alt attribute for image %s in %s",
    "copy_failed": "A problem occurred copying file %s to %s; %s",
    "no_stamp": "Cannot get modification stamp for %s\n\t%s",
}
# The logger Pelican's generators log unreadable files to.
GENERATORS_LOGGER = "pelican.generators"

__all__ = [
    "GENERATORS_LOGGER",
    "MESSAGES",
    "TESTED",
    "HookedWriter",
    "SkipStub",
    "before_writer_finalized",
    "check_version",
    "content_html",
    "context_phase",
    "forget_all_rendered",
    "forget_logged_warnings",
    "forget_rendered",
    "intercepted",
    "intrasite_links",
    "parse_markdown_metadata",
    "pelican_console",
    "set_content_html",
    "static_save_as",
    "text_reads",
    "url_classes",
]


class PelicanVersionError(RuntimeError):
    """The installed Pelican is not the release line this code was tested on."""


def version_problem(installed, tested=TESTED):
    """The message for an untested Pelican, or None when it is the tested one."""
    if installed.split(".")[:2] == tested.split("."):
        return None
    return (
        f"Pelican {installed} terpasang, padahal situs ini diuji dengan Pelican "
        f"{tested}.x (bagian dalam Pelican yang dipakai tercantum di "
        "sitekit/pelican_compat.py). Pasang versi yang diuji: "
        "`pip install -r requirements.txt`."
    )


def check_version():
    problem = version_problem(importlib.metadata.version("pelican"))
    if problem:
        raise PelicanVersionError(problem)


@contextmanager
def pelican_console(verbose=False):
    """While Pelican runs: its English summary line hidden, or with
    `verbose` its own log shown (the developer's `invoke build -v`)."""
    from pelican.log import DEFAULT_LOG_HANDLER, console

    root = logging.getLogger()
    quiet, level = console.quiet, root.level
    if verbose:
        root.addHandler(DEFAULT_LOG_HANDLER)
        root.setLevel(logging.INFO)
    else:
        console.quiet = True
    try:
        yield
    finally:
        console.quiet = quiet
        root.setLevel(level)
        if verbose:
            root.removeHandler(DEFAULT_LOG_HANDLER)


def forget_logged_warnings():
    """Let Pelican log again the warnings an earlier build in this process
    logged (its LimitFilter drops repeats for the life of the process)."""
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()


# -- reading ---------------------------------------------------------------


def context_phase(pelican):
    """`Pelican.run` up to, not including, the writer; returns the generators."""
    context = pelican.settings.copy()
    context.update(
        generated_content={},
        static_links=set(),
        static_content={},
        localsiteurl=pelican.settings["SITEURL"],
    )
    generators = [
        cls(
            context=context,
            settings=pelican.settings,
            path=pelican.path,
            theme=pelican.theme,
            output_path=pelican.output_path,
        )
        for cls in pelican._get_generator_classes()
    ]
    for generator in generators:
        if hasattr(generator, "generate_context"):
            generator.generate_context()
        if hasattr(generator, "check_disabled_readers"):
            generator.check_disabled_readers()
    signals.all_generators_finalized.send(generators)
    for generator in generators:
        if hasattr(generator, "refresh_metadata_intersite_links"):
            generator.refresh_metadata_intersite_links()
    return generators


def parse_markdown_metadata(reader, source_path, meta, converter):
    """Pelican's own processing of Markdown metadata (`meta`, as
    python-markdown's Meta extension gives it) for `source_path`, with
    `converter` standing in for the Markdown instance of formatted fields."""
    reader._source_path = source_path
    reader._md = converter
    return reader._parse_metadata(meta)


# -- content ---------------------------------------------------------------


def content_html(document):
    """The HTML of an article or page as read, before link replacement."""
    return document._content


def set_content_html(document, html):
    document._content = html


def intrasite_links(document, html):
    """(what, value) of every `{static}`-style link in `html` (the kind,
    `static`, `filename`, `attach`..., and the path after it), as
    Pelican's writer will find them in `document`."""
    return [
        (match.group("what"), match.group("value"))
        for match in document._get_intrasite_link_regex().finditer(html)
    ]


def forget_all_rendered():
    """Empty Pelican's caches of rendered content and summaries."""
    Content.get_content.cache.clear()
    Content.get_summary.cache.clear()


def forget_rendered(document):
    """Drop the cached rendered content and summary of one object."""
    for method in (Content.get_content, Content.get_summary):
        for key in [k for k in method.cache if k and k[0] is document]:
            del method.cache[key]


def static_save_as(item):
    """Where a static file (or any content) goes, read without pinning a
    static file there: an `{attach}` link may still move it when its page
    renders (`Static.save_as` would mark it referenced)."""
    if isinstance(item, Static):
        return item.get_url_setting("save_as")
    return item.save_as


class _Watched:
    """Stands for a `memoized` method of Content: tells who reads it."""

    def __init__(self, memo, callback):
        self.memo, self.callback = memo, callback

    def __get__(self, obj, owner=None):
        if obj is not None:
            self.callback(obj)
        return self.memo.__get__(obj, owner)


@contextmanager
def text_reads(callback):
    """While inside, `callback(document)` runs whenever the rendered text
    or summary of an article or page is read."""
    names = ("get_content", "get_summary")
    memos = {name: Content.__dict__[name] for name in names}
    for name, memo in memos.items():
        setattr(Content, name, _Watched(memo, callback))
    try:
        yield
    finally:
        for name, memo in memos.items():
            setattr(Content, name, memo)


def url_classes():
    """Every class whose `url` and `save_as` Pelican computes as properties."""
    found, todo = [], [Content, URLWrapper]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo += cls.__subclasses__()
    return found


# -- writing ---------------------------------------------------------------


class HookedWriter(Writer):
    """Pelican's Writer with its file opening (`_open_w`) as a method to
    override, and its record of written files readable."""

    def _open_w(self, filename, encoding, override=False):
        return self.open_output(filename, encoding, override)

    def open_output(self, filename, encoding, override=False):
        """Open `filename` for one page or feed (Pelican's rules by default)."""
        return Writer._open_w(self, filename, encoding, override)

    @property
    def written_files(self):
        """Paths written so far (a set Pelican keeps; add to it to claim one)."""
        return self._written_files

    @property
    def overridden_files(self):
        """Paths written with `override_output` (at most once each)."""
        return self._overridden_files


# -- signals ----------------------------------------------------------------

# Sent by the articles and pages generators as the last step of
# `generate_output(writer)`.
WRITER_FINALIZED = (signals.article_writer_finalized, signals.page_writer_finalized)


@contextmanager
def intercepted(signal, handler):
    """While inside, `signal.send(sender, **kwargs)` calls `handler(sender,
    kwargs)` instead of the receivers (the previous `send` is restored)."""
    previous = vars(signal).get("send")
    signal.send = lambda sender=None, **kwargs: handler(sender, kwargs)
    try:
        yield
    finally:
        if previous is None:
            del signal.send
        else:
            signal.send = previous


@contextmanager
def before_writer_finalized(writer, action):
    """While inside, `action()` runs before a `*_writer_finalized` signal
    for `writer` reaches its receivers."""
    sends = {signal: signal.send for signal in WRITER_FINALIZED}

    def announcing(signal, sender, kwargs):
        if kwargs.get("writer") is writer:
            action()
        return sends[signal](sender, **kwargs)

    with contextlib.ExitStack() as stack:
        for signal in WRITER_FINALIZED:
            stack.enter_context(
                intercepted(signal, functools.partial(announcing, signal))
            )
        yield
