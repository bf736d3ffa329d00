"""Resized photos kept between builds, by content hash plus options.

Each entry is a folder named by its key, holding the encoded files and a
`meta.json` written last, so a half-written entry is never mistaken for a
whole one. Hashing every original on every build would cost seconds for a
large archive, so a small index remembers each file's hash together with
its size and modification time, and re-reads only files that changed.
"""

import hashlib
import json
import os
import shutil
import tempfile

# Bump when the image code changes its output, to re-make every entry.
PIPELINE_VERSION = 1
META = "meta.json"
_INDEX = "sidik.json"


class PhotoCache:
    def __init__(self, root):
        self.root = root
        os.makedirs(root, exist_ok=True)
        self._index = _read_json(os.path.join(root, _INDEX)) or {}
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
        return _read_json(os.path.join(self.folder(key), META))

    def save_index(self):
        """Keep the hashes of the files seen in this build only."""
        _write_json_atomically(os.path.join(self.root, _INDEX), self._seen)

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
    parent = os.path.dirname(folder)
    os.makedirs(parent, exist_ok=True)
    staging = tempfile.mkdtemp(prefix=".baru-", dir=parent)
    try:
        for name, data in files.items():
            with open(os.path.join(staging, name), "wb") as handle:
                handle.write(data)
        with open(os.path.join(staging, META), "w", encoding="utf-8") as handle:
            json.dump(meta, handle)
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


def _read_json(path):
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return None


def _write_json_atomically(path, value):
    fd, temporary = tempfile.mkstemp(prefix=".baru-", dir=os.path.dirname(path))
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(value, handle)
    os.replace(temporary, path)
