"""The Pelican generator: edition, KBK and download pages.

Context phase: load and validate all year files, attach articles, link
KBK mentions and publish the archive into the shared context.
Output phase: render templates through Pelican's writer, write the
CSV and JSON downloads, the data package and the Atom feeds of each
edition and KBK, all from the output plan (plan.py).
"""

import logging
import os
from dataclasses import replace

from pelican.generators import Generator
from pelican.utils import sanitised_join

from sitekit import placeholders
from sitekit.files import place
from sitekit.outputs import Output, write_plan
from sitekit.pelican_compat import content_html, set_content_html
from sitekit.problems import display_path, raise_if_any
from sitekit.rendering import index_output
from sitekit.text import file_metadata_line

from .archive import build_archive, load_editions
from .articles import resolve_links
from .mentions import link_mentions, mention_index
from .plan import (
    Planner,
    correction_entries,
    edition_outputs,
    institution_outputs,
    kbk_outputs,
    open_data_outputs,
)

logger = logging.getLogger(__name__)


class GelarGenerator(Generator):
    def generate_context(self):
        data_dir = os.path.join(self.path, self.settings["GELAR_DATA_PATH"])
        editions = load_editions(data_dir, display=display_path, root=self.path)
        self.archive = build_archive(editions, self.settings)
        self._attach_articles()
        self.context.update(
            gelar_archive=self.archive,
            gelar_editions=self.archive.editions,
            kbks=self.archive.kbk_list,
        )

    def _attach_articles(self):
        archive = self.archive
        self._mentions = (None, {})
        if self.settings["GELAR_LINK_MENTIONS"]:
            self._mentions = mention_index(archive.kbk_list)

        problems = []
        published = list(self.context.get("articles", ()))
        others = list(self.context.get("drafts", ())) + list(
            self.context.get("hidden_articles", ())
        )
        for article in published + others:
            problems.extend(self._link_article(article))
        raise_if_any(problems)

        for article in sorted(published, key=lambda a: a.date, reverse=True):
            if article.gelar_edition is not None:
                article.gelar_edition.articles.append(article)
            for kbk in article.kbks:
                kbk.articles.append(article)

    def _link_article(self, article):
        """Set the article's edition and KBKs and link KBK mentions in its
        text; returns the problems found in its metadata."""
        archive = self.archive
        site_url = self.settings["SITEURL"]

        def url_for(kbk_id):
            return f"{site_url}/{archive.kbks[kbk_id].url}"

        def badge(kbk_id):
            return label if archive.kbks[kbk_id].only_sample else ""

        label = self.settings["SAMPLE_LABEL"]
        edition, kbk_ids, sample, found = self._resolve(article)
        pattern, owners = self._mentions
        html, mentioned = link_mentions(
            content_html(article), pattern, owners, url_for, badge
        )
        set_content_html(article, html)
        article.gelar_edition = edition
        article.sample = sample
        article.kbks = [archive.kbks[i] for i in dict.fromkeys(kbk_ids + mentioned)]
        if article.status != "draft":
            found += _placeholder_problems(article)
        return found

    def refresh_document(self, document, previous):
        """Link one re-read article as generate_context did (the warm
        preview's fast path, see sitebuild/preview.py). The lists of the
        edition and KBK pages stay as they were until the next full read."""
        raise_if_any(self._link_article(document))
        return True

    def _resolve(self, article):
        path = display_path(article.source_path)

        def line_of(key):
            return file_metadata_line(article.source_path, key)

        return resolve_links(article.metadata, self.archive, path, line_of)

    def output_plan(self):
        """Every file this generator writes (sitekit.outputs.Output)."""
        planner = Planner(self)
        archive = self.archive
        plan = [
            index_output(
                self,
                "GELAR",
                "daftar gelar (plugin gelar)",
                "gelar_index",
                editions=archive.editions,
            )
        ]
        for edition in archive.editions:
            where = edition.source_path
            plan += [replace(o, path=where) for o in edition_outputs(planner, edition)]
        plan += open_data_outputs(planner)
        plan.append(
            index_output(
                self,
                "KBK",
                "daftar KBK (plugin gelar)",
                "kbk_index",
                kbks=archive.kbk_list,
            )
        )
        for kbk in archive.kbk_list:
            where, line = _kbk_location(kbk)
            plan += [
                replace(o, path=where, line=line) for o in kbk_outputs(planner, kbk)
            ]
        plan += institution_outputs(planner)
        plan += self._feed_plan()
        # Written on `finalized` from the pages on disk (sitemap.py); listed
        # so that no page can take their addresses.
        plan += [
            Output(self.settings[key], f"{name} (plugin gelar)")
            for key, name in (
                ("GELAR_SITEMAP_SAVE_AS", "sitemap"),
                ("GELAR_ROBOTS_SAVE_AS", "robots.txt"),
            )
        ]
        return plan

    def _feed_plan(self):
        """One Atom feed per edition (its news and corrections, newest
        first) and per KBK, through Pelican's writer."""

        def feed(save_as, what, entries, title, where, line=None):
            def write(writer):
                writer.write_feed(entries, self.context, save_as, feed_title=title)

            return Output(save_as, f"umpan {what} {where}", write, where, line)

        def edition_entries(edition):
            entries = edition.articles + correction_entries(edition, self.settings)
            return sorted(entries, key=lambda entry: entry.date, reverse=True)

        plan = [
            feed(
                e.feed_url,
                f"gelar {e.year}",
                edition_entries(e),
                e.event.title,
                e.source_path,
            )
            for e in self.archive.editions
            if e.feed_url
        ]
        plan += [
            feed(
                k.feed_url,
                f"KBK `{k.id}`",
                k.articles,
                f"{k.name} ({k.institution})",
                *_kbk_location(k),
            )
            for k in self.archive.kbk_list
            if k.feed_url
        ]
        return plan

    def generate_output(self, writer):
        write_plan(self.output_plan(), writer)

    def write_text(self, save_as, text):
        path = sanitised_join(self.output_path, save_as)
        place(path, text, self.output_path, self.settings["BUILD_PREVIOUS_OUTPUT"])
        logger.info('Writing "%s"', path)


def _placeholder_problems(article):
    """Scaffold text left in an article that is about to be published."""
    try:
        with open(article.source_path, encoding="utf-8") as handle:
            source = handle.read()
    except (OSError, UnicodeDecodeError):
        return []  # Pelican has read it; nothing more to say here
    return placeholders.article_problems(source, display_path(article.source_path))


def _kbk_location(kbk):
    """(year file, line) where the KBK's newest entry is written."""
    newest = kbk.history[0]
    return newest.edition.source_path, newest.team.line
