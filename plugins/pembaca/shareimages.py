"""Share images kept between builds, keyed by a hash of what they show.

A card is redrawn only when its title, label, site name, size, quality or
the drawing code (DRAWING_VERSION) changed; otherwise the cached file is
linked into the output. Missing cards are drawn in a process pool, so a
first build of a large archive uses every core. Entries not used by a
build are pruned.
"""

import hashlib
import json
import os
from dataclasses import dataclass

from sitekit.files import atomic_write
from sitekit.progress import progress
from sitekit.workers import process_pool

from .drawing import draw_card, jpeg_bytes

# Bump when drawing.py changes what it draws, to redraw every card.
DRAWING_VERSION = 3


@dataclass(frozen=True)
class Card:
    save_as: str  # where the PNG goes in the output
    title: str
    label: str
    site_name: str
    size: tuple
    quality: int = 85
    # Drawn as a badge in the corner when the page shows sample data.
    sample_label: str = ""

    @property
    def key(self):
        text = json.dumps(
            [
                DRAWING_VERSION,
                self.title,
                self.label,
                self.site_name,
                list(self.size),
                self.quality,
                self.sample_label,
            ],
            ensure_ascii=False,
        )
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class CardCache:
    def __init__(self, root):
        self.root = root
        self.used = set()
        self.drawn = 0

    def path(self, card):
        return os.path.join(self.root, f"{card.key}.jpg")

    def fill(self, cards, workers=0):
        """Draw every card not in the cache yet; `workers` 0 means one per core."""
        missing = {}
        for card in cards:
            path = self.path(card)
            self.used.add(os.path.basename(path))
            if not os.path.exists(path):
                missing[path] = card
        jobs = list(missing.items())
        workers = min(workers or os.cpu_count() or 1, len(jobs))
        with progress(len(jobs), "Gambar bagikan") as advance:
            if workers <= 1:
                for job in jobs:
                    _draw_and_store(job)
                    advance()
            else:
                with process_pool(workers) as pool:
                    for _done in pool.map(_draw_and_store, jobs, chunksize=16):
                        advance()
        self.drawn += len(jobs)

    def get(self, card):
        """The cached file of `card`, drawn first when it is missing."""
        self.fill([card], workers=1)
        return self.path(card)

    def prune(self):
        """Delete cards not used by this build."""
        if not os.path.isdir(self.root):
            return
        for name in os.listdir(self.root):
            if name.endswith((".jpg", ".png")) and name not in self.used:
                os.remove(os.path.join(self.root, name))


def _draw_and_store(job):
    """Draw one card into the cache; runs in a worker process."""
    path, card = job
    image = draw_card(
        card.title, card.label, card.site_name, card.size, card.sample_label
    )
    atomic_write(path, jpeg_bytes(image, card.quality))
