"""Pre-compressed copies of text files, for any static web server.

Next to `page.html` come `page.html.gz` (gzip) and `page.html.br`
(brotli). nginx serves them with `gzip_static on; brotli_static on;`,
other servers and CDNs have equivalents (docs/operasi.md, "nginx" and
"Other static hosts and CDNs").
Compression is deterministic (no timestamp), so an unchanged page gives
an unchanged .gz and rsync skips it.
"""

import gzip
import os

import brotli

from sitekit.files import atomic_write


def gzip_bytes(data):
    return gzip.compress(data, compresslevel=9, mtime=0)


def brotli_bytes(data):
    return brotli.compress(data, quality=11)


ENCODERS = {".gz": gzip_bytes, ".br": brotli_bytes}


def wanted(path, size, suffixes, min_bytes):
    return path.lower().endswith(tuple(suffixes)) and size >= min_bytes


def compress_tree(root, suffixes, min_bytes):
    """Write .gz and .br beside every text file in `root`; return the count."""
    count = 0
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            if not wanted(name, os.path.getsize(path), suffixes, min_bytes):
                continue
            with open(path, "rb") as handle:
                data = handle.read()
            for ending, encode in ENCODERS.items():
                atomic_write(path + ending, encode(data))
            count += 1
    return count
