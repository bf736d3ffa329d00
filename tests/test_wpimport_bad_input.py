"""Bad input to the WordPress import: a clear message, and nothing written.

Each case writes a broken export (or redirects file) into a fresh copy of
the project, runs `invoke import-wordpress`, and checks the exit code, the
Indonesian message (file, line where known, what to do) and that content/
is byte for byte what it was.
"""

from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, digest, invoke

EXPORT = Path(__file__).parent / "fixtures" / "wordpress" / "ekspor.xml"
ORIGINAL = EXPORT.read_bytes()

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
]>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
<wp:wxr_version>1.2</wp:wxr_version>
<item><title>&e;</title><wp:post_type>post</wp:post_type></item>
</channel></rss>
"""

ATOM = b"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Blog lain</title>
  <entry><title>Sebuah tulisan</title></entry>
</feed>
"""


def line_of(data, needle):
    return data[: data.index(needle)].count(b"\n") + 1


def replaced(old, new):
    assert old in ORIGINAL, old
    return ORIGINAL.replace(old, new, 1)


@dataclass
class Case:
    name: str
    data: bytes
    expected: list  # every piece must be in the message
    line: int | None = None
    options: tuple = ()  # e.g. ("--strict",): one bad post stops it all


CASES = [
    Case(
        "malformed_xml",
        ORIGINAL[: ORIGINAL.index(b"<wp:post_id>11</wp:post_id>")]
        + b"<wp:post_id>11</wp:post_id>\n</item\n",
        ["XML rusak", "terpotong"],
        line=line_of(ORIGINAL, b"<wp:post_id>11</wp:post_id>") + 1,
    ),
    Case(
        "atom_feed_from_another_tool",
        ATOM,
        ["bukan ekspor WordPress (WXR)", "umpan Atom", "Alat → Ekspor"],
        line=2,
    ),
    Case(
        "plain_rss_feed",
        b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>x</title>'
        b"<item><title>y</title></item></channel></rss>\n",
        ["bukan ekspor WordPress (WXR)", "umpan RSS biasa"],
        line=2,
    ),
    Case("entity_bomb", BOMB, ["deklarasi entitas", "bom entitas"]),
    Case(
        "post_without_title",
        replaced(b"<title>Persiapan Gelar Budaya Kerja</title>", b"<title></title>"),
        ["kolom `title`", "pos 11 tidak punya judul", "Cara memperbaiki"],
        line=line_of(ORIGINAL, b"<title>Persiapan Gelar Budaya Kerja</title>"),
        options=("--strict",),
    ),
    Case(
        "post_without_date",
        replaced(
            b"<wp:post_date><![CDATA[2014-10-02 10:00:00]]></wp:post_date>",
            b"<wp:post_date><![CDATA[0000-00-00 00:00:00]]></wp:post_date>",
        ),
        ["kolom `wp:post_date`", "`Kabar Lama – Tahun Sebelumnya`", "tanggal"],
        line=line_of(ORIGINAL, b"<wp:post_date><![CDATA[2014-10-02 10:00:00]]>"),
        options=("--strict",),
    ),
    Case(
        "duplicate_slugs",
        replaced(
            b"<wp:post_name><![CDATA[kabar-lama]]></wp:post_name>",
            b"<wp:post_name><![CDATA[persiapan-gelar]]></wp:post_name>",
        ),
        [
            "kolom `wp:post_name`",
            "slug `persiapan-gelar`",
            "sudah dipakai oleh `Persiapan Gelar Budaya Kerja`",
            f"(baris {line_of(ORIGINAL, b'[CDATA[persiapan-gelar]]></wp:post_name>')})",
        ],
        line=line_of(ORIGINAL, b"<wp:post_name><![CDATA[kabar-lama]]>"),
        options=("--strict",),
    ),
    Case(
        "declared_latin1",
        replaced(b'encoding="UTF-8"', b'encoding="ISO-8859-1"'),
        ["pengodean `iso-8859-1`, bukan UTF-8"],
        line=1,
    ),
    Case(
        "not_utf8",
        replaced(b"Kerja yang rapi", b"Kerja yang r\xe9pi"),
        ["bukan teks UTF-8", "simpan ulang"],
        line=line_of(ORIGINAL, b"Kerja yang rapi"),
    ),
]


def import_export(tmp_path, data, *options):
    """(project, export file, content digest before, result) of one import."""
    project = copy_project(tmp_path / "project")
    export = tmp_path / "ekspor-rusak.xml"
    export.write_bytes(data)
    before = digest(project / "content")
    result = invoke(project, "import-wordpress", str(export), *options)
    return project, export, before, result


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_bad_export_is_refused_and_nothing_written(case, tmp_path):
    project, export, before, result = import_export(tmp_path, case.data, *case.options)

    message = result.stdout + result.stderr
    assert result.returncode != 0, message
    assert "dibatalkan; tidak ada berkas yang ditulis" in message
    where = str(export) if case.line is None else f"{export}:{case.line}:"
    assert where in message, message
    for expected in case.expected:
        assert expected in message, (expected, message)
    assert "Traceback" not in message
    assert digest(project / "content") == before


def test_every_problem_is_listed_at_once(tmp_path):
    data = replaced(b"<title>Persiapan Gelar Budaya Kerja</title>", b"<title></title>")
    data = data.replace(
        b"<wp:post_date><![CDATA[2014-10-02 10:00:00]]></wp:post_date>",
        b"<wp:post_date><![CDATA[]]></wp:post_date>",
    )
    project, _, before, result = import_export(tmp_path, data, "--strict")
    assert result.returncode != 0
    assert "Ditemukan 2 masalah" in result.stderr
    assert digest(project / "content") == before


def test_broken_redirects_file_stops_the_import(tmp_path):
    project = copy_project(tmp_path / "project")
    redirects = project / "content/redirects.yaml"
    redirects.write_text("redirects:\n  - from: /lama/\n    ke: /baru/\n", "utf-8")
    before = digest(project / "content")
    result = invoke(project, "import-wordpress", str(EXPORT))
    assert result.returncode != 0
    # The same parser as the build: the unknown key and the missing one.
    assert (
        "content/redirects.yaml:3: kolom `redirects[0].ke`: kolom tidak dikenal."
        in (result.stderr)
    )
    assert "content/redirects.yaml:2: kolom `redirects[0].to`: wajib diisi" in (
        result.stderr
    )
    assert digest(project / "content") == before


def test_missing_export_and_uploads_are_named(tmp_path):
    project = copy_project(tmp_path / "project")
    missing = invoke(project, "import-wordpress", str(tmp_path / "tidak-ada.xml"))
    assert missing.returncode != 0
    assert "tidak-ada.xml: berkas tidak ditemukan" in missing.stderr
    no_uploads = invoke(
        project, "import-wordpress", str(EXPORT), "--uploads", str(tmp_path / "x")
    )
    assert no_uploads.returncode != 0
    assert "kolom `--uploads`: folder unggahan tidak ditemukan" in no_uploads.stderr
    demo = (ROOT / "content/redirects.yaml").read_bytes()
    assert (project / "content/redirects.yaml").read_bytes() == demo  # untouched


def test_slugs_and_photo_paths_cannot_leave_the_content_folder(tmp_path):
    uploads = tmp_path / "uploads"
    (uploads / "2015/10").mkdir(parents=True)
    secret = tmp_path / "rahasia.jpg"
    secret.write_bytes(b"jangan disalin")
    data = replaced(
        b"<wp:post_name><![CDATA[gelar-dibuka]]></wp:post_name>",
        b"<wp:post_name><![CDATA[../../../../luar]]></wp:post_name>",
    ).replace(
        b"https://wartacontoh.files.wordpress.com/2015/10/pembukaan-gelar.jpg?w=640",
        b"https://wartacontoh.files.wordpress.com/2015/10/../../../rahasia.jpg",
    )
    project, _, _, result = import_export(tmp_path, data, "--uploads", str(uploads))
    assert result.returncode == 0, result.stdout + result.stderr
    assert list(tmp_path.rglob("luar.md")) == [project / "content/berita/2015/luar.md"]
    assert "../../../rahasia.jpg" in result.stdout  # listed as not found
    copied = [p.read_bytes() for p in (project / "content").rglob("*.jpg")]
    assert b"jangan disalin" not in copied
