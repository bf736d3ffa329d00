"""Scaffolds for a new article and a new year's data file.

The text is produced by pure functions; `create` is the only writer and
never overwrites an existing file.
"""

import datetime
import os
from zoneinfo import ZoneInfo

from pelican.utils import slugify

from sitekit import placeholders
from sitekit.textcheck import first_forbidden


def input_problem(slug, **values):
    """Why the values given to `invoke new-article` or `new-album` cannot
    make a file, or None. A line break in a value would write metadata
    lines of its own (`--kbk "a\nStatus: published"`), and a title of
    only punctuation (`...`) gives no file name."""
    for name, value in values.items():
        if "\n" in value or "\r" in value or first_forbidden(value):
            return (
                f"`--{name}` tidak boleh memuat baris baru atau karakter kendali; "
                "tulis nilainya dalam satu baris."
            )
    if not slug:
        return (
            f"judul `{values.get('title', '')}` tidak menghasilkan nama berkas, karena "
            "tidak memuat huruf atau angka; pakai judul dengan kata."
        )
    return None


def is_year(text):
    """Four ASCII digits (`str.isdigit` also accepts `٢٠١٨`)."""
    return len(text) == 4 and all("0" <= char <= "9" for char in text)


def now(timezone):
    return datetime.datetime.now(ZoneInfo(timezone))


def parse_date(text, timezone):
    """`2015-10-01` (09:00) or `2015-10-01 14:30` in the site's time zone,
    or ValueError with an Indonesian message."""
    text = text.strip()
    for pattern in ("%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            moment = datetime.datetime.strptime(text, pattern)
        except ValueError:
            continue
        if pattern == "%Y-%m-%d":
            moment = moment.replace(hour=9)
        return moment.replace(tzinfo=ZoneInfo(timezone))
    raise ValueError(
        f"`{text}` bukan tanggal yang ada; tulis mis. `--date 2015-10-01` atau "
        '`--date "2015-10-01 14:30"` (tahun-bulan-tanggal, jam:menit).'
    )


def article_slug(title, regex_subs):
    """The slug Pelican would make, with the site's substitutions."""
    return slugify(title, regex_subs=regex_subs)


def article_text(title, slug, when, author, category, gelar="", kbk=""):
    """A Markdown article with every metadata field, as a draft."""
    return (
        f"Title: {title}\n"
        f"Date: {when:%Y-%m-%d %H:%M}\n"
        f"Category: {category}\n"
        f"Tags: budaya kerja\n"
        f"Slug: {slug}\n"
        f"Author: {author}\n"
        f"Summary: {placeholders.SUMMARY}\n"
        f"Gelar: {gelar}\n"
        f"KBK: {kbk}\n"
        f"Status: draft\n"
        "\n"
        f"{placeholders.BODY} Nama KBK yang disebut di teks otomatis\n"
        "ditautkan ke halamannya.\n"
        "\n"
        f"{placeholders.NOTE} `Gelar` = tahun gelar yang diberitakan, `KBK` = id KBK\n"
        "dipisah koma (lihat content/data/). Hapus `Status: draft` bila\n"
        "berita siap terbit. -->\n"
    )


def new_article(settings, title, gelar="", kbk="", category=None, date=""):
    """(path, text) of a new draft article dated now or `date`, filed under
    the year of its date. Raises ValueError for an impossible date."""
    timezone = settings["TIMEZONE"]
    when = parse_date(date, timezone) if date else now(timezone)
    slug = article_slug(title, settings["SLUG_REGEX_SUBSTITUTIONS"])
    category = category or settings["DEFAULT_CATEGORY"]
    problem = input_problem(slug, title=title, gelar=gelar, kbk=kbk, category=category)
    if problem:
        raise ValueError(problem)
    folder = os.path.join(settings["PATH"], settings["ARTICLE_PATHS"][0])
    path = os.path.join(folder, f"{when:%Y}", f"{slug}.md")
    text = article_text(title, slug, when, settings["AUTHOR"], category, gelar, kbk)
    return path, text


def year_text(year):
    """A year file to fill in; it fails validation until it is filled."""
    return f"""\
# Data Gelar Budaya Kerja {year}. Panduan lengkap: docs/data.md
# Isi kolom yang kosong, lalu jalankan `invoke validate`.
year: {year}
event:
  title: Gelar Budaya Kerja Pemerintah Kabupaten Magetan {year}
  date:            # tanggal acara, mis. {year}-09-30
  venue:           # tempat acara
  # opened_by:     # pejabat yang membuka acara (boleh dihapus)
  # occasion:      # rangkaian acara, mis. Hari Jadi Kabupaten Magetan
  # jury:
  #   - name: Nama Juri
  #     affiliation: Instansi juri
teams:
  - id:            # huruf kecil, angka dan tanda hubung, mis. kbk-contoh
    name:          # mis. KBK Contoh
    institution:   # mis. SMPN 1 Magetan
    # institution_id: smpn-1-magetan   # hanya bila instansi berganti nama
    # aliases: [Contoh]
# Hapus tanda # di bawah setelah juri mengumumkan hasil.
# results:
#   - team: kbk-contoh
#     rank: 1
#     score: 87.5
#     award: Juara I
#     advances: true
# Ralat setelah terbit; tanggal ralat terbaru menjadi "terakhir diperbarui".
# corrections:
#   - date: {year}-10-03
#     note: Nilai KBK Contoh diperbaiki dari 82,7 menjadi 83,7.
"""


def album_text(title, when, gelar=""):
    """An album.yaml to fill in: every optional field shown, commented."""
    gelar_line = f"gelar: {gelar}" if gelar else "# gelar: 2015          "
    return f"""\
# Album foto. Taruh foto (JPEG, PNG atau WebP) di folder ini; foto yang
# tidak disebut di `photos` tampil sesudahnya, urut nama berkas.
title: {title}
date: {when:%Y-%m-%d}
{gelar_line}   # tahun gelar: album tampil di halaman gelar itu
credit: Humas Pemkab Magetan
# cover: nama-foto.jpg     # foto sampul; bawaan: foto pertama
# photos:
#   - file: nama-foto.jpg
#     caption: Keterangan foto
#     alt: Apa yang terlihat di foto, untuk pembaca tunanetra
#     kbk: [id-kbk]
"""


def create(path, text):
    """Write a new file; refuse to replace one that exists."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:
        handle.write(text)
    return path
