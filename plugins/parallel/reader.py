"""Markdown articles converted on every core before Pelican reads them.

Converting Markdown is most of the time Pelican spends reading. When the
articles generator starts, `prepare()` hands every article to forked
processes, which send back plain text (HTML and the raw metadata lines):
nothing but strings crosses between processes. The main process goes on
meanwhile (the other generators start, the first articles are read).
Pelican reads each file as usual, through its own `MarkdownReader`
instance, whose `read` takes the ready HTML instead of converting again
and runs Pelican's own metadata processing (dates, categories, tags) in
the main process. The reader stays Pelican's class, so content still says
`reader == "markdown"`. A file that fails to convert in a worker is read
again the normal way, so its error is reported exactly as Pelican
reports it.

Converted text is also kept between builds (`mdcache.py`, when
PARALLEL_MARKDOWN_CACHE is on): a file whose bytes and Markdown settings
are unchanged is not converted again.

Extensions given as objects in MARKDOWN (not by name) may keep state
from one file to the next (footnote numbers, for one): then every file is
converted in Pelican's own order, in this process, and nothing is cached.
"""

import os

from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

from sitekit.pelican_compat import parse_markdown_metadata
from sitekit.workers import process_pool

from . import mdcache

# Below this many articles, starting workers costs more than it saves.
MIN_FILES = 40
_SETTINGS = {}  # for the forked workers: set just before the pool starts


class _Converted:
    """Stands in for the Markdown instance in `_parse_metadata`: returns the
    HTML the worker made for each formatted field (e.g. Summary)."""

    def __init__(self, formatted):
        self.formatted = formatted
        self.preprocessors = self

    def deregister(self, _name):
        pass

    def reset(self):
        pass

    def convert(self, text):
        return self.formatted[text]


class Prepared:
    """Converted text for one MarkdownReader, handed out as Pelican reads.

    `install()` makes it the reader's `read` (an attribute of that one
    instance; the class is Pelican's); `close()` puts Pelican's back.
    """

    def __init__(self, reader, cache=None):
        self.reader = reader
        self.cache = cache
        self.prepared = {}  # path -> converted text
        self.coming = {}  # path -> future of the batch that converts it
        self.keys = {}  # path -> cache key, for files the cache lacks
        self.pool = None

    def install(self):
        self.reader.read = self.read

    def _ready(self, source_path):
        future = self.coming.pop(source_path, None)
        if future is not None:
            try:
                for path, ready in future.result():
                    self.coming.pop(path, None)
                    if ready is not None:
                        self.prepared[path] = ready
            except Exception:  # a worker died: read it the normal way
                pass
        return self.prepared.pop(source_path, None)

    def close(self):
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = None
        self.coming.clear()
        self.prepared.clear()
        self.keys.clear()
        vars(self.reader).pop("read", None)
        if self.cache is not None:
            self.cache.prune()

    def read(self, source_path):
        ready = self._ready(source_path)
        key = self.keys.pop(source_path, None)
        if ready is None and key is not None:  # not given to a worker
            ((_path, ready),) = _convert_batch([(source_path, key)])
        if ready is None:
            return MarkdownReader.read(self.reader, source_path)
        content, meta, formatted = ready
        if meta is None:
            return content, {}
        converter = _Converted(formatted)
        return content, parse_markdown_metadata(
            self.reader, source_path, meta, converter
        )


def convert(path, settings):
    """(HTML, Meta, {field text: HTML}) as MarkdownReader.read would make
    them; None if anything goes wrong (the normal read reports it)."""
    try:
        md = Markdown(**settings["MARKDOWN"])
        with pelican_open(path) as text:
            content = md.convert(text)
        meta = getattr(md, "Meta", None)
        formatted = {}
        if meta:
            md.preprocessors.deregister("meta")
            for name, value in meta.items():
                if name.lower() in settings["FORMATTED_FIELDS"]:
                    joined = "\n".join(value)
                    md.reset()
                    formatted[joined] = md.convert(joined)
        return content, meta, formatted
    except Exception:
        return None


def _convert_batch(batch):
    """Convert (path, cache key) pairs; each result is also kept in the cache."""
    converted = []
    for path, key in batch:
        ready = convert(path, _SETTINGS)
        if ready is not None and key is not None:
            mdcache.store(_SETTINGS["CACHE"], key, ready)
        converted.append((path, ready))
    return converted


def stateless(markdown_settings):
    """Whether every Markdown extension is given by name: an extension
    object is shared by every conversion and may carry state between them."""
    return all(isinstance(e, str) for e in markdown_settings.get("extensions", ()))


def markdown_reader(generator):
    """The generator's reader of Markdown files, when it is Pelican's own."""
    readers = getattr(getattr(generator, "readers", None), "readers", {})
    for extension in MarkdownReader.file_extensions:
        if type(readers.get(extension)) is MarkdownReader:
            return readers[extension]
    return None


def article_paths(generator, reader):
    """Absolute paths of the generator's Markdown articles, in Pelican's
    reading order (the same set, iterated alike); [] when it has no folder."""
    if not isinstance(generator.path, str) or not os.path.isdir(generator.path):
        return []
    return [
        os.path.abspath(os.path.join(generator.path, relative))
        for relative in generator.get_files(
            generator.settings["ARTICLE_PATHS"],
            exclude=generator.settings["ARTICLE_EXCLUDES"],
            extensions=reader.file_extensions,
        )
    ]


def prepare(generator, processes):
    """Convert the generator's Markdown articles on `processes` cores,
    taking what the cache already holds."""
    reader = markdown_reader(generator)
    settings = generator.settings
    if reader is None or not stateless(settings.get("MARKDOWN", {})):
        return
    readers = generator.readers
    paths = article_paths(generator, reader)
    # Files Pelican's own content cache already holds need no work.
    paths = [p for p in paths if readers.get_cached_data(p, None) is None]
    cache = mdcache.for_settings(settings)
    state = Prepared(reader, cache)
    _SETTINGS.clear()
    _SETTINGS.update(
        MARKDOWN=settings["MARKDOWN"],
        FORMATTED_FIELDS=settings["FORMATTED_FIELDS"],
        CACHE=cache.folder if cache is not None else None,
    )
    if cache is not None:
        for path in paths:
            state.keys[path], ready = cache.lookup(path)
            if ready is not None:
                state.prepared[path] = ready
        paths = [p for p in paths if p not in state.prepared]
    if len(paths) >= MIN_FILES and processes >= 2:
        _start(state, paths, processes)
    if state.prepared or state.coming or state.keys:
        state.install()
        generator._parallel_prepared = state
    elif cache is not None:
        cache.prune()


def _start(state, paths, processes):
    # Batches in Pelican's reading order, so the first files it asks for
    # are the first ones ready; it reads, checks and links them while the
    # workers convert the rest.
    size = max(1, len(paths) // (processes * 8))
    state.pool = process_pool(processes)
    for start in range(0, len(paths), size):
        batch = paths[start : start + size]
        future = state.pool.submit(
            _convert_batch, [(p, state.keys.get(p)) for p in batch]
        )
        state.coming.update(dict.fromkeys(batch, future))


def finish(generator):
    """Stop the workers once the articles are read; Pelican's read is back."""
    state = vars(generator).pop("_parallel_prepared", None)
    if state is not None:
        state.close()
