"""Settings for publishing: absolute URLs and feeds on."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

# The public address of the site; `invoke build --publish` requires SITEURL.
SITEURL = os.environ.get("SITEURL", "https://example.org")
RELATIVE_URLS = False

FEED_ALL_ATOM = "feeds/semua.atom.xml"
CATEGORY_FEED_ATOM = "feeds/kategori/{slug}.atom.xml"
