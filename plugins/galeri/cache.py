"""Resized photos kept between builds, by content hash plus options.

Each entry is a folder named by its key, holding the encoded files and a
`meta.json` written last, so a half-written entry is never mistaken for a
whole one. Hashing every original on every build would cost seconds for a
large archive, so a small index remembers each file's hash together with
its size and modification time, and re-reads only files that changed.
"""

import hashlib
import os
import shutil

from sitekit.files import atomic_write, new_folder, read_json, write_json

# Bump when the image code changes its output, to re-make every entry.
PIPELINE_VERSION = 1
META = "meta.json"
_INDEX = "sidik.json"


class PhotoCache:
    def __init__(self, root):
        self.root = root
        os.makedirs(root, exist_ok=True)
        self._index = read_json(os.path.join(root, _INDEX)) or {}
        self._seen = {}

    def fingerprint(self, path):
        """SHA-256 of the file's bytes, re-read only when its stat changed."""
        stat = os.stat(path)
        stamp = [stat.st_size, stat.st_mtime_ns]
        known = self._index.get(path)
        digest = known[2] if known and known[:2] == stamp else _hash_file(path)
        self._seen[path] = [*stamp, digest]
        return digest

    def key(self, digest, options):
        text = f"{PIPELINE_VERSION}|{digest}|{options!r}"
        return hashlib.sha256(text.encode()).hexdigest()[:32]

    def folder(self, key):
        return os.path.join(self.root, key[:2], key)

    def load(self, key):
        """The entry's metadata, or None when it is not (fully) there."""
        return read_json(os.path.join(self.folder(key), META))

    def save_index(self):
        """Keep the hashes of the files seen in this build only."""
        write_json(os.path.join(self.root, _INDEX), self._seen)

    def prune(self, keep):
        """Delete entries whose key is not in `keep`."""
        for shard in os.listdir(self.root):
            shard_path = os.path.join(self.root, shard)
            if len(shard) != 2 or not os.path.isdir(shard_path):
                continue
            for key in os.listdir(shard_path):
                if key not in keep:
                    shutil.rmtree(os.path.join(shard_path, key), ignore_errors=True)


def store(folder, files, meta):
    """Write one entry: `files` maps names to bytes; meta.json goes last."""
    staging = new_folder(os.path.dirname(folder))
    try:
        for name, data in files.items():
            atomic_write(os.path.join(staging, name), data)
        write_json(os.path.join(staging, META), meta)
        if os.path.isdir(folder):
            shutil.rmtree(folder)  # an entry without meta.json: unfinished
        os.rename(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _hash_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
