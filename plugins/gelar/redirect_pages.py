"""The Pelican generator for redirect pages and the nginx map.

Context phase: collect redirects from the redirects file, from
`Redirect-from:` metadata and from KBK `former_ids`. After every generator
has planned its outputs (`resolve`), check them against the real pages.
Output phase: one small HTML page per old address, through Pelican's
writer, and the nginx map file.
"""

import logging
import os
from functools import partial

from pelican.generators import Generator
from pelican.utils import sanitised_join

from sitekit import redirects as redirects_file
from sitekit.collisions import describe
from sitekit.files import atomic_write
from sitekit.outputs import Output, planned_outputs, write_plan
from sitekit.problems import display_path, raise_if_any
from sitekit.text import file_metadata_line

from . import redirects

logger = logging.getLogger(__name__)

# Content lists whose items have a live address (drafts have none).
LIVE_CONTENT = ("articles", "hidden_articles", "pages", "hidden_pages")


class RedirectGenerator(Generator):
    def generate_context(self):
        self.redirects = []
        self.resolved = []
        problems = []
        path = os.path.join(self.path, self.settings["GELAR_REDIRECTS_FILE"])
        if os.path.lexists(path):  # a dangling link is reported, not skipped
            found, more = redirects_file.read_file(path, display_path(path), self.path)
            self.redirects += found
            problems += more
        for item in self._live_content():
            value = item.metadata.get("redirect-from")
            if not value:
                continue
            found, more = redirects.from_metadata(
                value,
                item.url,
                display_path(item.source_path),
                file_metadata_line(item.source_path, "redirect-from"),
            )
            self.redirects += found
            problems += more
        archive = self.context.get("gelar_archive")
        if archive is not None:
            self.redirects += redirects.from_former_ids(
                archive.kbk_list, self.settings["KBK_URL"]
            )
        raise_if_any(problems)

    def _live_content(self):
        for key in LIVE_CONTENT:
            yield from self.context.get(key, ())

    def resolve(self, generators):
        """Check every redirect against every output of the build (its own
        nginx maps included: the redirect pages are not planned yet)."""
        pages, reserved = {}, {}
        for output in planned_outputs(generators):
            if not output.save_as:
                continue
            address = redirects.page_path(output.save_as)
            if output.is_folder:
                reserved.setdefault(address.rstrip("/") + "/", describe(output))
            else:
                pages.setdefault(address, describe(output))
        self.resolved, problems = redirects.resolve(self.redirects, pages, reserved)
        raise_if_any(problems)
        # base.html reads this to follow `/?p=123` on the page at `/`.
        self.context["query_redirects"] = redirects.query_targets(
            self.resolved, self.settings["SITEURL"]
        )

    def output_plan(self):
        """The redirect pages (once `resolve` has run: before, the collision
        check sees only the nginx maps, and `resolve` checks the pages) and
        the nginx maps."""
        site_url = self.settings["SITEURL"]
        plan = []
        for redirect, final in self.resolved:
            if redirect.has_query:
                continue  # the page at its path already exists
            save_as = redirects.save_as_for(redirect.source)
            write = partial(self._write_redirect, save_as, redirect, site_url + final)
            source = f"pengalihan {redirect.path}"
            plan.append(Output(save_as, source, write, redirect.path, redirect.line))
        for key, queries in (
            ("GELAR_REDIRECTS_MAP_SAVE_AS", False),
            ("GELAR_REDIRECTS_QUERY_MAP_SAVE_AS", True),
        ):
            save_as = self.settings[key]
            write = partial(self._write_map, save_as, queries)
            plan.append(Output(save_as, f"peta nginx `{key}` (plugin gelar)", write))
        return plan

    def _write_redirect(self, save_as, redirect, target_url, writer):
        writer.write_file(
            save_as,
            self.get_template("redirect"),
            self.context,
            self.settings["RELATIVE_URLS"],
            redirect=redirect,
            target_url=target_url,
            page_name="redirect",
        )

    def _write_map(self, save_as, queries, _writer):
        site_url = self.settings["SITEURL"]
        target = sanitised_join(self.output_path, save_as)
        atomic_write(target, redirects.nginx_map(self.resolved, site_url, queries))
        logger.info('Writing "%s"', target)

    def generate_output(self, writer):
        write_plan(self.output_plan(), writer)


def resolve_redirects(generators):
    for generator in generators:
        if isinstance(generator, RedirectGenerator):
            generator.resolve(generators)
