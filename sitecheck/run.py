"""Run every check over a built site and write the one summary."""

import contextlib
import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from . import feeds, gps, leaks, links, nu, outline, scripts, sitemap, sizes
from .settings import options
from .site import read_site


@dataclass
class Result:
    findings: list
    counted: str
    skipped: tuple

    @property
    def ok(self):
        return not self.findings


def check_site(root, settings, html=None):
    """Check the site in `root` built with Pelican `settings`.

    `html` (default: SITECHECK_HTML_VALIDATOR) runs the Nu HTML checker.
    """
    opts = options(settings)
    site_url = settings.get("SITEURL", "")
    site = read_site(root)
    findings = links.check_links(site, site_url)
    theme_folder = (settings.get("THEME_STATIC_DIR") or "theme").strip("/")
    findings += scripts.check_scripts(site, site_url, theme_folder)

    skipped = ()
    if html if html is not None else opts["SITECHECK_HTML_VALIDATOR"]:
        findings += nu.check_html(root)
    else:
        skipped = ("html",)
    findings += outline.check_outline(site.pages)

    feed_texts, listed = {}, set()
    for path in sorted(site.files):
        data = site.read_bytes(path) if path.endswith(".xml") else b""
        if not feeds.is_feed(path, data[:2048]):
            continue
        parsed = feeds.parse_feed(data)
        findings += feeds.check_feed(path, parsed)
        feed_texts[path] = " ".join(
            f"{entry.get('title', '')} {entry.get('summary', '')}"
            for entry in parsed.entries
        )
        listed |= _local_files(site, feeds.entry_links(parsed), site_url)

    data = site.read_bytes(sitemap.SITEMAP) if sitemap.SITEMAP in site.files else None
    findings += sitemap.check_sitemap(site, data, site_url)
    if data is not None:
        # A sitemap that does not parse is already reported above.
        with contextlib.suppress(ET.ParseError):
            listed |= _local_files(site, sitemap.sitemap_locations(data), site_url)

    findings += sizes.check_sizes(site.files, opts["SITECHECK_PAGE_MAX_BYTES"])
    findings += gps.check_gps(root, site.files)
    if settings.get("BUILD_PREVIEW"):
        # A preview for colleagues shows drafts on purpose (never public).
        skipped += ("leaks",)
    else:
        content = settings.get("PATH")
        titles = leaks.draft_titles(leaks.read_sources(content)) if content else []
        findings += leaks.check_leaks(site, titles, feed_texts, listed)
        findings += leaks.check_placeholders(site, feed_texts)

    images = sum(
        1 for p in site.files if p.lower().endswith(opts["SITECHECK_IMAGE_SUFFIXES"])
    )
    counted = (
        f"{len(site.pages)} halaman HTML, {len(feed_texts)} umpan, {images} gambar, "
        f"{len(site.files)} berkas di {os.path.realpath(root)}"
    )
    return Result(findings, counted, skipped)


def _local_files(site, urls, site_url):
    found = set()
    for url in urls:
        target = links.internal_target("/", url, site_url)
        path = target and links.target_file(target[0], site.files)
        if path:
            found.add(path)
    return found
