"""Albums, photos and their resized copies, as templates read them."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rendition:
    """One resized, metadata-free copy of a photo."""

    width: int
    height: int
    format: str  # "jpeg" or "webp"
    url: str
    save_as: str
    cache_file: str

    @property
    def mime(self):
        return f"image/{self.format}"


@dataclass
class Photo:
    source_path: str  # the original, inside the content folder
    file: str  # the name as written in album.yaml
    slug: str
    alt: str
    caption: str = ""
    credit: str = ""
    kbk_ids: tuple = ()
    album: object = None
    output_stem: str = ""  # where its copies go, e.g. galeri/x/foto/pembukaan
    # Widths of its copies when not GALERI_WIDTHS (the small copies in lists).
    widths: tuple = ()
    # Filled in after the image work.
    renditions: list = field(default_factory=list)
    original: Rendition | None = None
    kbks: list = field(default_factory=list)

    @property
    def formats(self):
        """Output formats, best first, each with its renditions by width."""
        found = {}
        for rendition in self.renditions:
            found.setdefault(rendition.format, []).append(rendition)
        return found

    @property
    def fallback_format(self):
        return self.renditions[-1].format

    def srcset(self, fmt):
        return ", ".join(
            f"{r.url} {r.width}w" for r in self.renditions if r.format == fmt
        )

    @property
    def fallback(self):
        """The middle-sized copy in the fallback format, for `src`."""
        copies = [r for r in self.renditions if r.format == self.fallback_format]
        return copies[len(copies) // 2]

    @property
    def largest(self):
        """The largest copy in the fallback format: what links open."""
        return max(
            (r for r in self.renditions if r.format == self.fallback_format),
            key=lambda r: r.width,
        )

    @property
    def width(self):
        return self.largest.width

    @property
    def height(self):
        return self.largest.height


@dataclass
class Album:
    slug: str
    folder: str
    title: str
    date: object  # datetime.date or None
    source_path: str  # album.yaml, or the folder when there is none
    gelar_year: int | None = None
    credit: str = ""
    description: str = ""
    sample: bool = False
    cover_file: str | None = None
    photos: list = field(default_factory=list)
    # A small copy of the cover, for lists and search results (lead.py).
    thumb: Photo | None = None
    url: str = ""
    save_as: str = ""
    edition: object = None

    @property
    def cover(self):
        chosen = [p for p in self.photos if p.file == self.cover_file]
        return (chosen or self.photos or [None])[0]
