"""sitemap.xml and robots.txt from the pages the build actually wrote.

Written on `finalized`, after every generator (ours, Pelican's and any
later plugin's) has written its pages, so the sitemap lists exactly the
HTML pages in the output, less those marked `noindex` (drafts, hidden
content, redirect pages).
"""

import logging
import os
import re
import xml.etree.ElementTree as ET

from sitekit.files import atomic_write

from .redirects import page_path

logger = logging.getLogger(__name__)

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
NOINDEX = re.compile(
    rb"""<meta\s+name=["']robots["']\s+content=["'][^"']*noindex""", re.IGNORECASE
)
# Where the marker would be: the robots meta tag is in <head>.
HEAD_BYTES = 4096


def is_noindex(head):
    return NOINDEX.search(head) is not None


def sitemap_xml(addresses, site_url):
    """The sitemap document for site-relative `addresses` ("/gelar/")."""
    ET.register_namespace("", NAMESPACE)
    root = ET.Element(f"{{{NAMESPACE}}}urlset")
    for address in sorted(addresses):
        url = ET.SubElement(root, f"{{{NAMESPACE}}}url")
        ET.SubElement(url, f"{{{NAMESPACE}}}loc").text = site_url + address
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def robots_txt(address, sitemap_save_as, preview=False):
    """robots.txt allowing everything and naming the sitemap, whose address
    must be absolute: SITEURL when published, else the local preview's.
    A preview for colleagues (BUILD_PREVIEW) disallows everything."""
    if preview:
        return "User-agent: *\nDisallow: /\n"
    lines = ["User-agent: *", "Disallow:"]
    if address.startswith(("http://", "https://")) and sitemap_save_as:
        lines.append(f"Sitemap: {address.rstrip('/')}/{sitemap_save_as}")
    return "\n".join(lines) + "\n"


def indexable_pages(output_path):
    """Addresses of every HTML page under `output_path` without noindex."""
    found = []
    for folder, _dirs, files in os.walk(output_path):
        for name in files:
            if not name.endswith(".html"):
                continue
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                if is_noindex(handle.read(HEAD_BYTES)):
                    continue
            relative = os.path.relpath(path, output_path).replace(os.sep, "/")
            found.append(page_path(relative))
    return found


def write_sitemap(pelican):
    settings = pelican.settings
    site_url = settings["SITEURL"]
    sitemap = settings["GELAR_SITEMAP_SAVE_AS"]
    files = {}
    if sitemap:
        files[sitemap] = sitemap_xml(indexable_pages(pelican.output_path), site_url)
    if settings["GELAR_ROBOTS_SAVE_AS"]:
        absolute = site_url.startswith(("http://", "https://"))
        address = site_url if absolute else settings.get("FEED_DOMAIN") or ""
        files[settings["GELAR_ROBOTS_SAVE_AS"]] = robots_txt(
            address, sitemap, settings.get("BUILD_PREVIEW", False)
        )
    for save_as, text in files.items():
        path = os.path.join(pelican.output_path, save_as)
        atomic_write(path, text)
        logger.info('Writing "%s"', path)
