"""Attach articles to editions and KBKs: `Gelar:` and `KBK:` metadata.

Pure functions over metadata values.
"""

import difflib
import re

from sitekit.problems import Problem
from sitekit.text import split_list

TRUE_WORDS = {"true", "ya", "yes", "1"}
FALSE_WORDS = {"false", "tidak", "no", "0"}
# ASCII digits only: str.isdigit() also accepts `٢٠١٥`, and int() refuses
# thousands of digits.
YEAR = re.compile(r"[0-9]{1,9}")


def parse_flag(value):
    """A metadata yes/no value, or None when it is neither."""
    word = str(value).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


def resolve_links(metadata, archive, path, line_of):
    """(edition or None, [kbk ids], sample flag, problems) for one article.

    `line_of(key)` gives the line of a metadata key in the source file.
    """
    problems = []
    edition = None
    raw_year = metadata.get("gelar")
    if raw_year not in (None, ""):
        text = str(raw_year).strip()
        years = [e.year for e in archive.editions]
        if not YEAR.fullmatch(text):
            problems.append(
                Problem(
                    path,
                    line_of("gelar"),
                    "Gelar",
                    f"`{text}` bukan tahun.",
                    "tulis tahun empat angka, mis. `Gelar: 2015`.",
                )
            )
        elif archive.edition(int(text)) is None:
            known = ", ".join(str(y) for y in sorted(years)) or "belum ada"
            problems.append(
                Problem(
                    path,
                    line_of("gelar"),
                    "Gelar",
                    f"tidak ada data Gelar Budaya Kerja tahun {text}.",
                    f"pakai tahun yang ada ({known}) atau buat datanya dengan "
                    f"`invoke new-year {text}`.",
                )
            )
        else:
            edition = archive.edition(int(text))

    kbk_ids = []
    for kbk_id in split_list(metadata.get("kbk") or ""):
        kbk_id = archive.current_id(kbk_id)
        if kbk_id in archive.kbks:
            if kbk_id not in kbk_ids:
                kbk_ids.append(kbk_id)
            continue
        close = difflib.get_close_matches(kbk_id, list(archive.kbks), n=1)
        hint = f"mungkin maksudnya `{close[0]}`? " if close else ""
        problems.append(
            Problem(
                path,
                line_of("kbk"),
                "KBK",
                f"tidak ada KBK dengan id `{kbk_id}` di data mana pun.",
                hint + "tulis id KBK seperti di berkas data, dipisah koma, "
                "mis. `KBK: cheerful, formasi`.",
            )
        )

    sample = False
    if metadata.get("sample") not in (None, ""):
        sample = parse_flag(metadata["sample"])
        if sample is None:
            problems.append(
                Problem(
                    path,
                    line_of("sample"),
                    "Sample",
                    f"`{metadata['sample']}` bukan ya/tidak.",
                    "tulis `Sample: true` untuk artikel contoh, atau hapus baris itu.",
                )
            )
            sample = False
    return edition, kbk_ids, sample, problems
