"""Find album folders and validate their album.yaml.

`parse_album` is pure: it takes the parsed YAML and the folder's file
names, and returns an Album or the problems found. Only `find_albums`
touches the file system.
"""

import difflib
import os

from sitekit.fields import FieldReader
from sitekit.problems import ContentError, Problem
from sitekit.sources import outside_problem
from sitekit.yamlsource import Mapping, read_yaml

from .model import Album, Photo
from .settings import PHOTO_EXTENSIONS

ALBUM_FILE = "album.yaml"
TOP_FIELDS = (
    "title",
    "date",
    "gelar",
    "credit",
    "description",
    "sample",
    "cover",
    "photos",
)
PHOTO_FIELDS = ("file", "caption", "alt", "credit", "kbk")


def find_albums(root, slugify, display, content_root):
    """[(folder, album.yaml data or None, photo names, other names)], problems.

    Folders are read in name order; hidden files are ignored. An album
    folder, photo or album.yaml that resolves outside `content_root`
    (through a symlink) is a problem, and is never read.
    """
    found, problems = [], []
    if not os.path.isdir(root):
        return found, problems
    for name in sorted(os.listdir(root)):
        folder = os.path.join(root, name)
        if name.startswith(".") or not os.path.isdir(folder):
            continue
        outside = outside_problem(folder, content_root, "folder album ini")
        if outside is not None:
            problems.append(outside)
            continue
        names = sorted(n for n in os.listdir(folder) if not n.startswith("."))
        links = [
            problem
            for entry in names
            if (problem := outside_problem(os.path.join(folder, entry), content_root))
        ]
        if links:
            problems += links
            continue
        photos = [n for n in names if _is_photo(folder, n)]
        others = [n for n in names if n != ALBUM_FILE and n not in photos]
        data = None
        if ALBUM_FILE in names:
            path = os.path.join(folder, ALBUM_FILE)
            try:
                data = read_yaml(path, display(path), root=content_root)
            except ContentError as error:
                problems.extend(error.problems)
                continue
        found.append((folder, data, photos, others))
    return found, problems


def _is_photo(folder, name):
    path = os.path.join(folder, name)
    return name.lower().endswith(PHOTO_EXTENSIONS) and os.path.isfile(path)


def parse_album(folder, data, photo_names, context):
    """An Album from one folder, or raise ContentError with every problem.

    `context` provides: slugify(text), display(path), kbk_ids (set),
    years (set).
    """
    display = context["display"]
    path = display(os.path.join(folder, ALBUM_FILE) if data is not None else folder)
    problems = []
    if data is not None and not isinstance(data, Mapping):
        raise ContentError(
            [
                Problem(
                    path,
                    1,
                    None,
                    "isi album.yaml harus berupa pemetaan `kolom: nilai`.",
                    "mulai dengan `title: Judul album`.",
                )
            ]
        )
    top = FieldReader(data if data is not None else Mapping(1), path, "", problems)
    top.reject_unknown(TOP_FIELDS)
    name = os.path.basename(folder)
    album = Album(
        slug=context["slugify"](name),
        folder=folder,
        title=top.get("title", "text") or name.replace("-", " ").strip().title(),
        date=top.get("date", "date"),
        source_path=path,
        credit=top.get("credit", "text") or "",
        description=top.get("description", "text") or "",
        sample=bool(top.get("sample", "bool")),
    )
    if not album.slug:
        problems.append(
            Problem(
                display(folder),
                None,
                None,
                "nama folder album tidak menghasilkan alamat yang sah.",
                "beri folder nama dengan huruf atau angka, mis. `gelar-2016`.",
            )
        )
    year = top.mapping.get("gelar")
    if year is not None:
        if not isinstance(year, int) or isinstance(year, bool):
            top.problem(
                "gelar",
                f"harus berupa tahun, bukan `{year}`.",
                "tulis tahun empat angka, mis. `gelar: 2015`.",
            )
        elif year not in context["years"]:
            known = ", ".join(str(y) for y in sorted(context["years"])) or "belum ada"
            top.problem(
                "gelar",
                f"tidak ada data Gelar Budaya Kerja tahun {year}.",
                f"pakai tahun yang punya berkas data (ada: {known}), "
                "atau hapus kolom ini.",
            )
        else:
            album.gelar_year = year

    listed = _listed_photos(top, photo_names, album, context)
    seen = {photo.file for photo in listed}
    unlisted = [
        Photo(
            source_path=os.path.join(folder, name),
            file=name,
            slug="",
            alt="",
            credit=album.credit,
            album=album,
        )
        for name in photo_names
        if name not in seen
    ]
    album.photos = listed + unlisted
    _name_photos(album, context["slugify"])
    cover = top.get("cover", "text")
    if cover is not None:
        if cover not in photo_names:
            top.problem(
                "cover",
                f"foto sampul `{cover}` tidak ada di folder album.",
                _name_hint(cover, photo_names),
            )
        else:
            album.cover_file = cover
    if problems:
        raise ContentError(problems)
    return album


def _listed_photos(top, photo_names, album, context):
    photos = []
    seen = set()
    for _index, reader in enumerate(top.mapping_items("photos")):
        reader.reject_unknown(PHOTO_FIELDS)
        file = reader.get("file", "text", required=True)
        if file is None:
            continue
        if _escapes(file):
            reader.problem(
                "file",
                f"`{file}` menunjuk ke luar folder album.",
                "tulis nama berkas saja, tanpa folder, `/` atau `..`.",
            )
            continue
        if file not in photo_names:
            reader.problem(
                "file",
                f"foto `{file}` tidak ada di folder album.",
                _name_hint(file, photo_names),
            )
            continue
        if file in seen:
            reader.problem(
                "file",
                f"foto `{file}` sudah disebut sebelumnya.",
                "sebut setiap foto sekali saja.",
            )
            continue
        seen.add(file)
        kbk_ids = _kbk_ids(reader, context["kbk_ids"])
        photos.append(
            Photo(
                source_path=os.path.join(album.folder, file),
                file=file,
                slug="",
                alt=reader.get("alt", "text") or "",
                caption=reader.get("caption", "text") or "",
                credit=reader.get("credit", "text") or album.credit,
                kbk_ids=kbk_ids,
                album=album,
            )
        )
    return photos


def _kbk_ids(reader, known):
    value = reader.mapping.get("kbk")
    if value is None:
        return ()
    ids = (value,) if isinstance(value, str) else reader.texts("kbk")
    found = []
    for kbk_id in ids:
        if kbk_id not in known:
            close = difflib.get_close_matches(kbk_id, sorted(known), n=1)
            reader.problem(
                "kbk",
                f"KBK `{kbk_id}` tidak ada di data tahunan mana pun.",
                f"mungkin maksudnya `{close[0]}`?"
                if close
                else "pakai `id` KBK seperti tertulis di content/data/<tahun>.yaml.",
            )
        elif kbk_id not in found:
            found.append(kbk_id)
    return tuple(found)


def _escapes(file):
    return (
        "/" in file
        or "\\" in file
        or file in (".", "..")
        or file.startswith(".")
        or os.path.isabs(file)
    )


def _name_hint(file, names):
    close = difflib.get_close_matches(file, names, n=1)
    if close:
        return f"mungkin maksudnya `{close[0]}`?"
    return "periksa ejaan nama berkas, termasuk huruf besar-kecil dan akhirannya."


def _name_photos(album, slugify):
    """Give each photo a URL-safe name that is unique within its album."""
    used = set()
    for number, photo in enumerate(album.photos, start=1):
        base = slugify(os.path.splitext(photo.file)[0]) or "foto"
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        photo.slug = slug
        if not photo.alt:
            photo.alt = photo.caption or f"Foto {number} dari album {album.title}"
