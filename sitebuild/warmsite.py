"""The site read once in this process, to re-render one saved article.

A `WarmSite` keeps Pelican's settings, generators and shared context as
`validate` leaves them. When the only files that changed are existing
articles, it re-reads just those files, puts the new text into the
objects that every list in the context already holds, renders only those
articles' pages with Pelican's plain Writer and moves them into the live
output folder (the "fast path", after Hugo's fast render). The watching,
the full builds that follow and the browser reloads are in preview.py.
"""

import logging
import os
import shutil
import tempfile
from functools import partial
from itertools import chain

from pelican import signals
from pelican.contents import Article
from pelican.writers import Writer

from sitebuild import versions
from sitebuild.build import (
    draft_overrides,
    load_settings,
    read_site,
    reporting,
)
from sitekit import pelican_compat
from sitekit.files import atomic_write
from sitekit.hooks import refresh_document

# Every list of ArticlesGenerator that holds Article objects.
ARTICLE_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "drafts",
    "drafts_translations",
)


class WarmSite:
    """The site read once in this process, ready to re-render one article."""

    def __init__(self, settings_file, drafts=True):
        self.settings_file = os.path.abspath(settings_file)
        self.drafts = drafts
        self.generators = None
        # Set by update(): the edit changed metadata, so lists, related
        # articles etc. in this read are out of date until the next load().
        self.outdated = False
        self._scratch = tempfile.mkdtemp(prefix="pratinjau-")

    def close(self):
        shutil.rmtree(self._scratch, ignore_errors=True)

    def _settings(self):
        overrides = {}
        if self.drafts:
            overrides = draft_overrides(load_settings(self.settings_file))
        return load_settings(
            self.settings_file,
            OUTPUT_PATH=os.path.join(self._scratch, "baca"),
            DELETE_OUTPUT_DIRECTORY=False,
            # This process runs threads (watcher, builder, server): no fork.
            BUILD_PROCESSES=1,
            **overrides,
        )

    def load(self):
        """Read all content and data; raises BuildFailed like a build."""
        self.generators = None
        self.outdated = False
        # Rendered text is memoized per object, for the life of the process.
        pelican_compat.forget_all_rendered()
        settings = self._settings()
        self.generators = read_site(settings)
        self.settings = settings
        self.articles = next(
            g for g in self.generators if hasattr(g, "generate_articles")
        )
        # Compile the article templates now, not on the first saved edit.
        for name in {article.template for article in self._all_articles()}:
            self.articles.get_template(name)

    def article_at(self, path):
        """The article or draft read from `path`, or None."""
        for article in self._all_articles():
            if article.source_path == path:
                return article
        return None

    def _all_articles(self):
        return chain.from_iterable(getattr(self.articles, n) for n in ARTICLE_LISTS)

    def update(self, paths):
        """Re-read the articles at `paths` and render their pages.

        Returns [(article, save_as, html)], or None when a full build is
        needed instead (the site has no such article, or the edit changed
        its address, its status or its photos). Raises BuildFailed, with
        the build's own message, when an article cannot be read; the warm
        state is then left as it was.
        """
        if self.generators is None:
            return None
        old = [self.article_at(os.path.abspath(p)) for p in paths]
        if None in old:
            return None
        with reporting(self.settings):
            fresh = [self._read(article.source_path) for article in old]
            if not all(fresh) or not all(map(self._refresh, fresh, old)):
                return None
        if not all(map(_same_place, fresh, old)):
            return None
        pairs = list(zip(fresh, old, strict=True))
        self.outdated = any(new.metadata != was.metadata for new, was in pairs)
        for new, article in pairs:
            _take_over(article, new)
            self.articles.add_static_links(article)
        return [self._render(article) for article in old]

    def _read(self, source_path):
        generator = self.articles
        relative = os.path.relpath(source_path, generator.path)
        try:
            article = generator.readers.read_file(
                base_path=generator.path,
                path=relative,
                content_class=Article,
                context=generator.context,
                preread_signal=signals.article_generator_preread,
                preread_sender=generator,
                context_signal=signals.article_generator_context,
                context_sender=generator,
            )
        except Exception:
            # The same record Pelican logs; `reporting` retells it in Indonesian.
            logging.getLogger(pelican_compat.GENERATORS_LOGGER).error(
                pelican_compat.MESSAGES["unreadable"], relative
            )
            return None
        if isinstance(article, pelican_compat.SkipStub) or not article.is_valid():
            return None
        return article

    def _refresh(self, new, old):
        """Let each plugin redo its per-article work (links, photos)."""
        return refresh_document(self.generators, new, old)

    def _render(self, article):
        """(article, save_as, html) rendered like generate_articles/drafts."""
        generator = self.articles
        scratch = tempfile.mkdtemp(dir=self._scratch)
        try:
            writer = Writer(scratch, settings=self.settings)
            write = partial(
                writer.write_file, relative_urls=self.settings["RELATIVE_URLS"]
            )
            template = generator.get_template(article.template)
            override = hasattr(article, "override_save_as")
            if article.status == "draft":
                write(
                    article.save_as,
                    template,
                    generator.context,
                    article=article,
                    category=article.category,
                    override_output=override,
                    blog=True,
                    all_articles=generator.articles,
                    url=article.url,
                )
            else:
                signals.article_generator_write_article.send(generator, content=article)
                write(
                    article.save_as,
                    template,
                    generator.context,
                    article=article,
                    category=getattr(article, "category", None),
                    override_output=override,
                    url=article.url,
                    blog=True,
                )
            written = os.path.join(scratch, article.save_as)
            if not article.save_as or not os.path.exists(written):
                return article, None, None  # not written (e.g. drafts hidden)
            with open(written, "rb") as handle:
                return article, article.save_as, handle.read()
        finally:
            shutil.rmtree(scratch, ignore_errors=True)


def _same_place(new, old):
    return (new.status, new.save_as, new.url) == (old.status, old.save_as, old.url)


def _take_over(old, new):
    """Give `old` everything `new` read, keeping what plugins added later.

    Every list in the context (articles, dates, categories, tags, editions,
    related articles) holds `old`, so it is changed in place. Attributes
    that only `old` has were set after reading (neighbours, related
    articles, share image) and stay.
    """
    kept = {k: v for k, v in vars(old).items() if k not in vars(new)}
    vars(old).clear()
    vars(old).update(vars(new))
    vars(old).update(kept)
    pelican_compat.forget_rendered(old)


def write_page(output_path, save_as, html):
    """Put one page into the live site without touching the file in place.

    Output files may be hard links shared with older build versions, so
    the page goes into a new file that then replaces the old name.
    """
    folder = versions.live_folder(output_path) or output_path
    target = os.path.join(folder, save_as)
    atomic_write(target, html)
    return target
