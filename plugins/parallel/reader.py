"""Markdown articles converted on every core before Pelican reads them.

Converting Markdown is most of the time Pelican spends reading. When the
articles generator starts, `prepare()` hands every article to forked
processes, which send back plain text (HTML and the raw metadata lines):
nothing but strings crosses between processes. The main process goes on
meanwhile (the other generators start, the first articles are read).
Pelican reads each file as usual through `PreparedMarkdownReader`, which
takes the ready HTML instead of converting again and runs Pelican's own
metadata processing (dates, categories, tags) in the main process. A file
that fails to convert in a worker is simply read again the normal way, so
its error is reported exactly as Pelican reports it.
"""

import os

from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

from sitekit.pelican_compat import parse_markdown_metadata
from sitekit.workers import process_pool

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


class PreparedMarkdownReader(MarkdownReader):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.prepared = {}  # path -> converted text
        self.coming = {}  # path -> future of the batch that converts it
        self.pool = None

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

    def read(self, source_path):
        ready = self._ready(source_path)
        if ready is None:
            return super().read(source_path)
        content, meta, formatted = ready
        if meta is None:
            return content, {}
        converter = _Converted(formatted)
        return content, parse_markdown_metadata(self, source_path, meta, converter)


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


def _convert_batch(paths):
    return [(path, convert(path, _SETTINGS)) for path in paths]


def prepare(generator, processes):
    """Convert the generator's Markdown articles on `processes` cores."""
    readers = generator.readers
    reader = next(
        (r for r in readers.readers.values() if isinstance(r, PreparedMarkdownReader)),
        None,
    )
    if reader is None or processes < 2:
        return
    paths = [
        os.path.abspath(os.path.join(generator.path, relative))
        for relative in generator.get_files(  # a set: Pelican's order
            generator.settings["ARTICLE_PATHS"],
            exclude=generator.settings["ARTICLE_EXCLUDES"],
            extensions=reader.file_extensions,
        )
    ]
    # Files Pelican's own content cache already holds need no work.
    paths = [p for p in paths if readers.get_cached_data(p, None) is None]
    if len(paths) < MIN_FILES:
        return
    _SETTINGS.clear()
    _SETTINGS.update(
        MARKDOWN=reader.settings["MARKDOWN"],
        FORMATTED_FIELDS=reader.settings["FORMATTED_FIELDS"],
    )
    # Batches in Pelican's reading order (the same set, iterated alike), so
    # the first files it asks for are the first ones ready; it reads,
    # checks and links them while the workers convert the rest.
    size = max(1, len(paths) // (processes * 8))
    reader.pool = process_pool(processes)
    for start in range(0, len(paths), size):
        batch = paths[start : start + size]
        future = reader.pool.submit(_convert_batch, batch)
        reader.coming.update(dict.fromkeys(batch, future))


def finish(generator):
    """Stop the workers once the articles are read."""
    for reader in generator.readers.readers.values():
        if isinstance(reader, PreparedMarkdownReader):
            reader.close()
