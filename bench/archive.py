"""A deterministic synthetic archive for the site benchmark.

`make_project()` writes a copy of this project whose content is N news
articles (about 600 words each, 5 categories, 30 tags), Y yearly data
files of T KBKs each, and one album of P photos. Every file says it is
benchmark sample data. The same arguments always give the same bytes, so
two runs (and our site and bare Pelican) build exactly the same input.

`bare_settings()` writes a Pelican configuration with no plugins and the
default theme over the same articles: the baseline.
"""

import os
import random
import runpy
import shutil

PROJECT_PARTS = ("plugins", "sitekit", "theme", "pelicanconf.py", "publishconf.py")
CATEGORIES = ("Berita", "Pengumuman", "Profil", "Liputan", "Opini")
TAGS = tuple(
    f"{word} {n}"
    for n, word in enumerate(
        (
            "budaya kerja",
            "pelayanan",
            "inovasi",
            "sekolah",
            "puskesmas",
            "kecamatan",
        )
        * 5
    )
)
_TEXT = (
    "pelaksanaan kegiatan pemerintah kabupaten magetan kelompok budaya kerja "
    "pelayanan masyarakat inovasi peningkatan mutu sekolah puskesmas dinas "
    "kecamatan desa warga petugas antrean waktu tunggu data laporan juri "
    "penilaian presentasi proyek perbaikan proses hasil peringkat nilai "
    "bupati sekretaris daerah gedung acara peserta tim anggota ketua bulan "
    "tahun program rencana evaluasi dokumen berkas arsip administrasi "
    "kepegawaian kesehatan pendidikan perpustakaan siswa guru pasien loket "
    "pendaftaran jadwal tempat ketentuan penghargaan piala provinsi jawa timur "
    "dan yang di dengan untuk dari pada ini itu oleh dalam akan telah juga"
)
WORDS = tuple(_TEXT.split())
SAMPLE_NOTE = "DATA CONTOH BENCHMARK: dikarang oleh bench/archive.py, bukan data resmi."


def kbk_ids(count):
    return [f"kbk-uji-{n:02d}" for n in range(1, count + 1)]


def kbk_name(kbk_id):
    return "KBK Uji " + kbk_id.rsplit("-", 1)[1]


def first_year(years):
    return 2026 - years


def article_text(number, years, kbks):
    """Markdown of synthetic article `number`: metadata, then ~600 words."""
    rng = random.Random(number)
    year = first_year(years) + number % years
    day = f"{year}-{number % 12 + 1:02d}-{number % 28 + 1:02d}"
    date = f"{day} {number % 10 + 8:02d}:00"
    tags = rng.sample(TAGS, 3)
    meta = [
        f"Title: Berita Contoh Nomor {number}",
        f"Date: {date}",
        f"Category: {CATEGORIES[number % len(CATEGORIES)]}",
        f"Tags: {', '.join(tags)}",
        f"Slug: berita-contoh-{number:05d}",
        f"Summary: Ringkasan berita contoh nomor {number}. {SAMPLE_NOTE}",
        "Sample: true",
    ]
    mentioned = None
    if number % 4 == 0:  # a quarter of the news is about one KBK's edition
        mentioned = kbks[number % len(kbks)]
        meta += [f"Gelar: {year}", f"KBK: {mentioned}"]
    paragraphs = [f"*{SAMPLE_NOTE}*"]
    for index in range(6):
        words = [rng.choice(WORDS) for _ in range(100)]
        if mentioned and index == 1:
            words.insert(10, kbk_name(mentioned))
        paragraphs.append(" ".join(words).capitalize() + ".")
    paragraphs.insert(3, f"## Bagian {number}")
    return "\n".join(meta) + "\n\n" + "\n\n".join(paragraphs) + "\n"


def edition_yaml(year, kbks, bump=0):
    """One year's data file; `bump` changes one score (the "YAML edited" case)."""
    rng = random.Random(year)
    lines = [
        f"# {SAMPLE_NOTE}",
        f"year: {year}",
        "sample: true",
        "event:",
        f'  title: "Gelar Budaya Kerja {year} (contoh benchmark)"',
        f"  date: {year}-09-28",
        '  venue: "Gedung Contoh, Magetan"',
        "teams:",
    ]
    for kbk in kbks:
        lines += [
            f"  - id: {kbk}",
            f'    name: "{kbk_name(kbk)}"',
            f'    institution: "Instansi Contoh {kbk[-2:]}"',
            '    category: "Perangkat Daerah"',
            f'    project: "Proyek contoh {kbk[-2:]} tahun {year}"',
        ]
    lines.append("results:")
    order = list(kbks)
    rng.shuffle(order)
    for rank, kbk in enumerate(order, start=1):
        score = 90 - rank * 0.7 + (bump if rank == 1 else 0)
        lines += [f"  - team: {kbk}", f"    rank: {rank}", f"    score: {score:.1f}"]
    return "\n".join(lines) + "\n"


def album_yaml(years, photos):
    return "\n".join(
        [
            f"# {SAMPLE_NOTE}",
            'title: "Album benchmark (contoh)"',
            f"date: {first_year(years) + years - 1}-09-28",
            "sample: true",
            f'description: "{len(photos)} foto sintetis untuk mengukur kecepatan."',
            "",
        ]
    )


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def make_project(root, target, articles, years, kbks, photo_paths=()):
    """A copy of the project at `root` into `target`, with synthetic content.

    The photos are hard-linked (or copied) into content/galeri/benchmark/.
    Returns the list of KBK ids.
    """
    ids = kbk_ids(kbks)
    for part in PROJECT_PARTS:
        source = os.path.join(root, part)
        copy = shutil.copytree if os.path.isdir(source) else shutil.copy2
        copy(source, os.path.join(target, part))
    content = os.path.join(target, "content")
    for number in range(articles):
        year = first_year(years) + number % years
        path = os.path.join(content, "berita", str(year), f"b{number:05d}.md")
        write(path, article_text(number, years, ids))
    for offset in range(years):
        year = first_year(years) + offset
        write(os.path.join(content, "data", f"{year}.yaml"), edition_yaml(year, ids))
    if photo_paths:
        album = os.path.join(content, "galeri", "benchmark")
        write(os.path.join(album, "album.yaml"), album_yaml(years, photo_paths))
        for path in photo_paths:
            link(path, os.path.join(album, os.path.basename(path)))
    return ids


def link(source, destination):
    try:
        os.link(source, destination)
    except OSError:  # another file system
        shutil.copy2(source, destination)


# What bare Pelican shares with the site's settings: where content is and
# how dates read. Everything else stays Pelican's default (theme included).
BARE_KEYS = (
    "PATH",
    "ARTICLE_PATHS",
    "PAGE_PATHS",
    "STATIC_PATHS",
    "TIMEZONE",
    "DEFAULT_LANG",
)


def bare_settings(target):
    """Settings for bare Pelican over the benchmark's articles: the site's
    content settings, no plugins, the default theme."""
    site = runpy.run_path(os.path.join(target, "pelicanconf.py"))
    lines = ["# Bare Pelican over the benchmark's articles: no plugins, default theme."]
    lines += [f"{key} = {site[key]!r}" for key in BARE_KEYS]
    lines.append("PLUGINS = []")
    path = os.path.join(target, "bare.py")
    write(path, "\n".join(lines) + "\n")
    return path
