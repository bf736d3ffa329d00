"""The parts of the site's Pelican settings that the importer needs."""

import os
import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Site:
    content: str  # absolute path of the content folder
    article_dir: str  # folder of articles inside it, e.g. "berita"
    page_dir: str  # e.g. "pages"
    image_dir: str  # a static folder, e.g. "images"
    article_url: str  # e.g. "berita/{date:%Y}/{slug}/"
    page_url: str
    slug_subs: tuple
    default_category: str
    known_years: frozenset  # years with a data file
    markdown: dict = field(default_factory=dict)  # Pelican's MARKDOWN setting

    @property
    def redirects_file(self):
        return "redirects.yaml"


def site_from_settings(settings):
    """A Site from Pelican settings with the gelar plugin's defaults."""
    content = os.path.abspath(settings["PATH"])
    data = os.path.join(content, settings["GELAR_DATA_PATH"])
    years = frozenset(
        int(name[:4])
        for name in (os.listdir(data) if os.path.isdir(data) else [])
        if re.fullmatch(r"\d{4}\.ya?ml", name)
    )
    return Site(
        content=content,
        article_dir=settings["ARTICLE_PATHS"][0],
        page_dir=settings["PAGE_PATHS"][0],
        image_dir=settings["STATIC_PATHS"][0],
        article_url=settings["ARTICLE_URL"],
        page_url=settings["PAGE_URL"],
        slug_subs=tuple(tuple(pair) for pair in settings["SLUG_REGEX_SUBSTITUTIONS"]),
        default_category=settings["DEFAULT_CATEGORY"],
        known_years=years,
        markdown=settings["MARKDOWN"],
    )
