"""Settings for publishing: absolute URLs and feeds on."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402, F403

SITEURL = os.environ.get("SITEURL", "https://gelar.magetan.go.id")
RELATIVE_URLS = False

FEED_ALL_ATOM = "feeds/semua.atom.xml"
CATEGORY_FEED_ATOM = "feeds/kategori/{slug}.atom.xml"
