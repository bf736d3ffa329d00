"""The placeholder text of the scaffolds, and the check that none is published.

`invoke new-article` writes these lines for the editor to replace
(sitebuild/scaffold.py). A draft may keep them; anything published may
not: the build and `validate` refuse such an article (plugins/gelar), and
`invoke check` refuses a built page that still shows one (sitecheck).
"""

from sitekit.problems import Problem

SUMMARY = "Ringkasan satu kalimat untuk daftar berita."
BODY = "Tulis isi berita di sini."
NOTE = "<!-- Kolom:"

# (text, field, how to fix it)
ARTICLE = (
    (
        SUMMARY,
        "Summary",
        "tulis ringkasan satu kalimat berita ini, atau hapus baris `Summary:`.",
    ),
    (BODY, None, "ganti kalimat petunjuk ini dengan isi berita."),
    (
        NOTE,
        None,
        "hapus komentar petunjuk `<!-- Kolom: … -->` di akhir berkas.",
    ),
)
# What a built page must never show (the note is an HTML comment there).
VISIBLE = (SUMMARY, BODY, NOTE)


def article_problems(source_text, path):
    """Problems for every scaffold placeholder left in an article's source."""
    problems = []
    lines = source_text.splitlines()
    for text, field, hint in ARTICLE:
        line = next((n for n, s in enumerate(lines, 1) if text in s), None)
        if line is not None:
            problems.append(
                Problem(
                    path,
                    line,
                    field,
                    "masih berisi teks contoh dari `invoke new-article`; berita ini "
                    "belum bisa diterbitkan.",
                    hint + " (Draf dengan `Status: draft` boleh menyimpannya.)",
                )
            )
    return problems
