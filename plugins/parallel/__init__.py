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

from sitekit.pelican_compat import before_writer_finalized
from sitekit.settings import SHARED, SettingsSpec, apply_defaults, processes

from . import urls
from .reader import finish, prepare
from .writer import ParallelWriter

# How many processes read and render: BUILD_PROCESSES (sitekit/settings.py).
SPEC = SettingsSpec(
    owner="plugin parallel",
    where="plugins/parallel/__init__.py",
    prefixes=("PARALLEL_",),
    defaults={
        # The key of every input but the text of articles and pages;
        # sitebuild/build.py sets it. With it, pages whose inputs did not
        # change are reused from the previous build (reuse.py).
        "PARALLEL_SITE_KEY": None,
        # Keep converted Markdown in CACHE_PATH/markdown between builds
        # (reader.py, mdcache.py); off unless the site's settings turn it on.
        "PARALLEL_MARKDOWN_CACHE": False,
    },
)


_WRITERS = {}  # the build's writer, whose record `finalized` saves


def _initialized(pelican):
    _WRITERS.clear()
    urls.forget()  # in case an earlier build in this process failed midway
    apply_defaults(pelican.settings, SPEC, SHARED)


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
    writer = _WRITERS.pop("current", None)
    if writer is not None:
        writer.reuse.save()


def _flushing(generate_output):
    """Render the generator's recorded pages when it is done, and before
    it says so: receivers of `*_writer_finalized` find every file."""

    @functools.wraps(generate_output)
    def wrapper(writer):
        if not isinstance(writer, ParallelWriter):
            return generate_output(writer)
        _WRITERS["current"] = writer
        with before_writer_finalized(writer, writer.flush):
            generate_output(writer)
        writer.flush()
        return None

    return wrapper


def _all_generators_finalized(generators):
    for generator in generators:
        if hasattr(generator, "generate_output"):
            generator.generate_output = _flushing(generator.generate_output)


def register():
    signals.initialized.connect(_initialized)
    signals.article_generator_init.connect(_article_generator_init)
    signals.article_generator_finalized.connect(_article_generator_finalized)
    signals.get_writer.connect(_get_writer)
    signals.finalized.connect(_finalized)
    signals.all_generators_finalized.connect(_all_generators_finalized)
