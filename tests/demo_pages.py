"""Reading the built demo site in tests: its data files, pages and records.

Expected values come from the YAML data files and the built pages, read
independently of the plugin code.
"""

import json
import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from conftest import ROOT

ADDRESS = "http://127.0.0.1:8000"  # FEED_DOMAIN of pelicanconf.py


def year_data():
    """{year: parsed YAML} straight from content/data."""
    return {
        int(path.stem): yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((ROOT / "content/data").glob("*.yaml"))
    }


def institution_id(team):
    """The institution's id as docs/data.md defines it: `institution_id`,
    else its name in lower case with hyphens between words."""
    given = team.get("institution_id")
    return given or re.sub(r"[^a-z0-9]+", "-", team["institution"].lower()).strip("-")


def article_paths(site):
    return sorted(
        "/" + str(path.parent.relative_to(site)) + "/"
        for path in Path(site).glob("berita/*/*/index.html")
    )


def local(site, url):
    """The output file behind an absolute URL of the demo (its #fragment
    names a place in that file: see `fragment_exists`)."""
    assert url.startswith(ADDRESS + "/"), url
    url = url.split("#", 1)[0]
    path = Path(site) / url[len(ADDRESS) + 1 :]
    return path / "index.html" if url.endswith("/") else path


def fragment_exists(site, url):
    """Whether the #fragment of an absolute URL of the demo is an id on its
    page (True when it has none)."""
    if "#" not in url:
        return True
    fragment = url.split("#", 1)[1]
    page = BeautifulSoup(local(site, url).read_text(encoding="utf-8"), "html.parser")
    return page.find(id=fragment) is not None


def ld_records(page):
    return [
        json.loads(script.string)
        for script in page.find_all("script", type="application/ld+json")
    ]


def meta(page, key):
    tag = page.find("meta", attrs={"property": key}) or page.find(
        "meta", attrs={"name": key}
    )
    return tag["content"] if tag else None
