"""Settings for publishing: absolute URLs everywhere, feeds included.

`invoke publish` builds with these, checks the site (sitecheck/), writes
.gz and .br copies of text files and copies the site to DEPLOY_TARGET.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

# The public address of the site; `invoke build --publish` requires SITEURL.
SITEURL = os.environ.get("SITEURL", "https://example.org")
RELATIVE_URLS = False
# Feeds, share tags and structured data link to the public address; the
# feeds themselves are set in pelicanconf.py.
FEED_DOMAIN = SITEURL

# Where `invoke publish` copies the site with rsync: `user@host:/srv/arsip`
# over SSH, or a local folder. `invoke publish --dest FOLDER` overrides it.
DEPLOY_TARGET = os.environ.get("DEPLOY_TARGET", "")
# Text files that get pre-compressed .gz and .br copies, and the smallest
# size worth compressing (below it the headers cost more than they save).
PUBLISH_COMPRESS_SUFFIXES = (
    ".html",
    ".css",
    ".js",
    ".xml",
    ".json",
    ".csv",
    ".txt",
    ".svg",
)
PUBLISH_COMPRESS_MIN_BYTES = 256
