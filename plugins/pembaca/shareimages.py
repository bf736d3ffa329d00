"""Share images kept between builds, keyed by a hash of what they show.

A card is redrawn only when its title, label, site name, size or the
drawing code (DRAWING_VERSION) changed; otherwise the cached PNG is
linked into the output. Entries not used by a build are pruned.
"""

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass

from .drawing import draw_card, png_bytes

# Bump when drawing.py changes what it draws, to redraw every card.
DRAWING_VERSION = 1


@dataclass(frozen=True)
class Card:
    save_as: str  # where the PNG goes in the output
    title: str
    label: str
    site_name: str
    size: tuple

    @property
    def key(self):
        text = json.dumps(
            [DRAWING_VERSION, self.title, self.label, self.site_name, list(self.size)],
            ensure_ascii=False,
        )
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class CardCache:
    def __init__(self, root):
        self.root = root
        self.used = set()
        self.drawn = 0

    def path(self, card):
        return os.path.join(self.root, f"{card.key}.png")

    def get(self, card):
        """The cached PNG of `card`, drawn first when it is missing."""
        path = self.path(card)
        self.used.add(os.path.basename(path))
        if not os.path.exists(path):
            image = draw_card(card.title, card.label, card.site_name, card.size)
            _write_atomically(path, png_bytes(image))
            self.drawn += 1
        return path

    def prune(self):
        """Delete cards not used by this build."""
        if not os.path.isdir(self.root):
            return
        for name in os.listdir(self.root):
            if name.endswith(".png") and name not in self.used:
                os.remove(os.path.join(self.root, name))


def _write_atomically(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=".baru-", dir=os.path.dirname(path))
    try:
        # mkstemp makes a private (0600) file; the web server must read it.
        os.fchmod(fd, 0o666 & ~_current_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise


def _current_umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def place(source, target):
    """Hard-link a cached file into the output; copy across devices."""
    os.makedirs(os.path.dirname(target), exist_ok=True)
    if os.path.lexists(target):
        os.remove(target)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
