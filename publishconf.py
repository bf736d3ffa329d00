"""Settings for publishing: absolute URLs everywhere, feeds included."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

# The public address of the site; `invoke build --publish` requires SITEURL.
SITEURL = os.environ.get("SITEURL", "https://example.org")
RELATIVE_URLS = False
# Feeds, share tags and structured data link to the public address.
FEED_DOMAIN = SITEURL
