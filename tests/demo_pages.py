"""Reading the built demo site in tests: its data files, pages and records.

Expected values come from the YAML data files and the built pages, read
independently of the plugin code.
"""

import json
from pathlib import Path

import yaml

from conftest import ROOT

ADDRESS = "http://127.0.0.1:8000"  # FEED_DOMAIN of pelicanconf.py


def year_data():
    """{year: parsed YAML} straight from content/data."""
    return {
        int(path.stem): yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((ROOT / "content/data").glob("*.yaml"))
    }


def article_paths(site):
    return sorted(
        "/" + str(path.parent.relative_to(site)) + "/"
        for path in Path(site).glob("berita/*/*/index.html")
    )


def local(site, url):
    """The output file behind an absolute URL of the demo."""
    assert url.startswith(ADDRESS + "/"), url
    path = Path(site) / url[len(ADDRESS) + 1 :]
    return path / "index.html" if url.endswith("/") else path


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
