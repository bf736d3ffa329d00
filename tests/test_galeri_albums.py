"""album.yaml on its own: order, names, defaults and every kind of mistake."""

import pytest
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from galeri.albums import parse_album
from sitekit.problems import ContentError
from sitekit.yamlsource import parse_yaml

CONTEXT = {
    "slugify": lambda text: slugify(
        text, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
    ),
    "display": lambda path: path,
    "kbk_ids": {"formasi", "cheerful"},
    "years": {2015, 2016},
}
NAMES = ["a b.jpg", "a-b.jpg", "Çantik.png", "pembukaan.jpg", "z.webp"]


def album_from(text, names=NAMES):
    data = parse_yaml(text, "album.yaml") if text is not None else None
    return parse_album("content/galeri/Gelar 2015", data, names, CONTEXT)


def test_listed_photos_come_first_then_the_rest_by_file_name():
    album = album_from(
        "title: Gelar 2015\n"
        "gelar: 2015\n"
        "credit: Humas\n"
        "photos:\n"
        "  - file: z.webp\n"
        "    caption: Penutupan\n"
        "    kbk: formasi\n"
        "  - file: pembukaan.jpg\n"
        "    alt: Pembukaan acara\n"
        "    credit: Panitia\n"
    )
    assert [p.file for p in album.photos] == [
        "z.webp",
        "pembukaan.jpg",
        "a b.jpg",
        "a-b.jpg",
        "Çantik.png",
    ]
    assert album.slug == "gelar-2015"
    assert album.gelar_year == 2015
    first, second, *rest = album.photos
    assert first.kbk_ids == ("formasi",)
    assert first.alt == "Penutupan"  # the caption stands in for a missing alt
    assert (second.alt, second.credit) == ("Pembukaan acara", "Panitia")
    assert all(photo.credit == "Humas" for photo in rest)
    assert rest[0].alt == "Foto 3 dari album Gelar 2015"


def test_photo_names_become_unique_url_safe_slugs():
    album = album_from(None)
    assert album.title == "Gelar 2015"  # no album.yaml: the folder's name
    assert [p.slug for p in album.photos] == [
        "a-b",
        "a-b-2",
        "cantik",
        "pembukaan",
        "z",
    ]


@pytest.mark.parametrize(
    ("text", "field", "line"),
    [
        ("photos:\n  - file: ../rahasia.jpg\n", "photos[0].file", 2),
        ("photos:\n  - file: /etc/passwd\n", "photos[0].file", 2),
        ("photos:\n  - file: sub/foto.jpg\n", "photos[0].file", 2),
        ("photos:\n  - file: hilang.jpg\n", "photos[0].file", 2),
        ("photos:\n  - file: z.webp\n  - file: z.webp\n", "photos[1].file", 3),
        ("photos:\n  - file: z.webp\n    kbk: [tidak-ada]\n", "photos[0].kbk", 3),
        ("photos:\n  - file: z.webp\n    judul: x\n", "photos[0].judul", 3),
        ("title: A\ngelar: 2099\n", "gelar", 2),
        ("gelar: dua ribu\n", "gelar", 1),
        ("title: A\ndate: kemarin\n", "date", 2),
        ("cover: hilang.jpg\n", "cover", 1),
        ("titel: Salah\n", "titel", 1),
    ],
)
def test_each_mistake_names_its_field_and_line(text, field, line):
    with pytest.raises(ContentError) as raised:
        album_from(text)
    [problem] = raised.value.problems
    assert (problem.field, problem.line) == (field, line)
    assert problem.path == "content/galeri/Gelar 2015/album.yaml"
    assert "Cara memperbaiki" in str(problem)
