"""Pelican on every core: Markdown converted and pages rendered in
forked processes, and unchanged output files left untouched.

reader.py converts the articles before the articles generator reads them.
writer.py records pages while a generator runs; each generator's pages
are rendered together when its `generate_output` ends, so a later
generator or the `finalized` signal (the sitemap reads the output) always
finds them on disk.
"""

import functools

from pelican import signals
from pelican.readers import MarkdownReader

from sitekit.settings import SHARED, SettingsSpec, apply_defaults, processes

from . import urls
from .reader import PreparedMarkdownReader, finish, prepare
from .writer import ParallelWriter

# How many processes read and render: BUILD_PROCESSES (sitekit/settings.py).
SPEC = SettingsSpec(
    owner="plugin parallel",
    where="plugins/parallel/__init__.py",
    prefixes=("PARALLEL_",),
    defaults={
        # The previous build's folder: equal files are hard-linked from there.
        # sitebuild/build.py sets it; None writes every file.
        "PARALLEL_PREVIOUS_OUTPUT": None,
    },
)


def _initialized(pelican):
    urls.forget()  # in case an earlier build in this process failed midway
    apply_defaults(pelican.settings, SPEC, SHARED)


def _readers_init(readers):
    for extension in PreparedMarkdownReader.file_extensions:
        if readers.reader_classes.get(extension) is MarkdownReader:
            readers.reader_classes[extension] = PreparedMarkdownReader


def _article_generator_init(generator):
    prepare(generator, processes(generator.settings))


def _article_generator_finalized(generator):
    finish(generator)


def _get_writer(pelican):
    # Pelican asks for the writer once everything is read: URLs are final.
    urls.remember()
    return ParallelWriter


def _finalized(pelican):
    urls.forget()


def _flushing(generate_output):
    @functools.wraps(generate_output)
    def wrapper(writer):
        generate_output(writer)
        if isinstance(writer, ParallelWriter):
            writer.flush()

    return wrapper


def _all_generators_finalized(generators):
    for generator in generators:
        if hasattr(generator, "generate_output"):
            generator.generate_output = _flushing(generator.generate_output)


def register():
    signals.initialized.connect(_initialized)
    signals.readers_init.connect(_readers_init)
    signals.article_generator_init.connect(_article_generator_init)
    signals.article_generator_finalized.connect(_article_generator_finalized)
    signals.get_writer.connect(_get_writer)
    signals.finalized.connect(_finalized)
    signals.all_generators_finalized.connect(_all_generators_finalized)
