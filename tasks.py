"""Editor and developer commands. Run `invoke --list` to see them all."""

import os
import subprocess
import sys

from invoke import Exit, task

ROOT = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [ROOT, os.path.join(ROOT, "plugins")]

from pelican.settings import read_settings  # noqa: E402

from galeri.settings import apply_defaults as apply_galeri_defaults  # noqa: E402
from gelar.settings import apply_defaults  # noqa: E402
from sitebuild import cli, scaffold, serving, versions  # noqa: E402
from sitebuild.build import BuildFailed  # noqa: E402
from sitebuild.build import build as build_site  # noqa: E402
from sitebuild.build import validate as validate_site  # noqa: E402
from sitebuild.compress import compress_tree  # noqa: E402
from sitebuild.deploy import (  # noqa: E402
    DeployFailed,
    deploy,
    removed_message,
    removed_pages,
)
from sitekit.problems import ContentError  # noqa: E402
from wpimport import importer  # noqa: E402
from wpimport.site import site_from_settings  # noqa: E402

SETTINGS = os.path.join(ROOT, "pelicanconf.py")
PUBLISH_SETTINGS = os.path.join(ROOT, "publishconf.py")
OUTPUT = os.path.join(ROOT, "output")


def _tool(name):
    """A command installed beside this Python, e.g. in the project's venv."""
    return os.path.join(os.path.dirname(sys.executable), name)


def _site_settings():
    """pelicanconf.py with the plugin defaults, for the scaffolds."""
    settings = read_settings(SETTINGS)
    apply_defaults(settings)
    return settings


def _settings_file(publish):
    return PUBLISH_SETTINGS if publish else SETTINGS


@task(
    help={
        "publish": "pakai publishconf.py (alamat absolut, umpan aktif)",
        "drafts": "ikut bangun draf (bertanda DRAF) untuk pratinjau",
    }
)
def build(c, output=OUTPUT, publish=False, drafts=False):
    """Bangun situs ke output/ (folder lama diganti hanya jika berhasil)."""
    if publish:
        cli.require_siteurl("build --publish")
    if publish and drafts:
        raise Exit("Situs terbit tidak pernah memuat draf; hapus `--drafts`.", code=1)
    try:
        notes = build_site(_settings_file(publish), output, drafts=drafts)
    except BuildFailed as error:
        raise Exit(
            f"{error}\n\nPembangunan gagal; isi {output} tidak diubah.", code=1
        ) from None
    _print_notes(notes)
    print(f"Situs selesai dibangun di {output}")


def _print_notes(notes):
    for note in notes:
        print(note)


@task
def validate(c, publish=False):
    """Periksa semua konten dan data tanpa menulis situs."""
    try:
        notes = validate_site(_settings_file(publish))
    except BuildFailed as error:
        raise Exit(str(error), code=1) from None
    _print_notes(notes)
    print("Semua konten dan data valid.")


@task(
    help={
        "publish": "periksa hasil `build --publish` (pakai publishconf.py)",
        "html": "jalankan Nu HTML checker (perlu Java); --no-html melewatinya",
        "output": "folder situs yang diperiksa (bawaan: output/)",
    }
)
def check(c, publish=False, html=True, output=OUTPUT):
    """Periksa situs yang sudah dibangun: tautan, HTML, umpan, sitemap, dll."""
    if not os.path.isdir(output):
        raise Exit("Folder output belum ada; jalankan `invoke build` dulu.", code=1)
    settings = read_settings(_settings_file(publish))
    try:
        ok, report = cli.check_report(output, settings, html=html)
    except ContentError as error:
        raise Exit("\n".join(map(str, error.problems)), code=1) from None
    print(report)
    if not ok:
        raise Exit("Perbaiki masalah di atas sebelum menerbitkan situs.", code=1)


@task(
    help={
        "dest": "salin ke folder ini (bawaan: DEPLOY_TARGET di publishconf.py)",
        "dry_run": "tunjukkan apa yang akan disalin tanpa menyalin",
        "allow_removed": "izinkan menghapus halaman yang sudah terbit dari server",
    }
)
def publish(c, dest="", dry_run=False, allow_removed=False, output=OUTPUT):
    """Bangun (publishconf.py), periksa, kompres lalu salin situs ke server."""
    cli.require_siteurl("publish")
    settings = read_settings(PUBLISH_SETTINGS)
    target = dest or settings.get("DEPLOY_TARGET", "")
    if not target:
        raise Exit(
            "Tujuan belum ditentukan: pakai `invoke publish --dest FOLDER`, atau "
            "tetapkan DEPLOY_TARGET=pengguna@server:/srv/arsip.",
            code=1,
        )
    reports = []

    def finish(folder):
        try:
            ok, report = cli.check_report(folder, settings)
        except ContentError as error:
            raise BuildFailed(error.report()) from None
        reports.append(report)
        if not ok:
            raise BuildFailed(report)
        compress_tree(
            folder,
            settings["PUBLISH_COMPRESS_SUFFIXES"],
            settings["PUBLISH_COMPRESS_MIN_BYTES"],
        )

    try:
        notes = build_site(PUBLISH_SETTINGS, output, finish=finish)
    except BuildFailed as error:
        raise Exit(
            f"{error}\n\nPenerbitan dibatalkan; isi {output} dan server tidak diubah.",
            code=1,
        ) from None
    _print_notes(notes)
    print(reports[-1])
    try:
        removed = removed_pages(deploy(output, target, dry_run=True))
        if removed and not allow_removed:
            raise Exit(removed_message(removed, target), code=1)
        changes = deploy(output, target, dry_run=dry_run)
    except DeployFailed as error:
        raise Exit(str(error), code=1) from None
    print("\n".join(changes))
    if dry_run:
        print(f"Uji coba: {len(changes)} perubahan akan disalin ke {target}.")
    else:
        print(f"Situs terbit di {target} ({len(changes)} perubahan).")


@task(
    help={
        "port": "port pratinjau (bawaan 8000)",
        "drafts": "ikut tampilkan draf (bawaan: ya); --no-drafts menyembunyikannya",
    }
)
def livereload(c, port=8000, bind="127.0.0.1", drafts=True, output=OUTPUT):
    """Pratinjau yang membangun ulang dan memuat ulang peramban saat berkas berubah.

    Artikel yang disimpan tampil dalam waktu kurang dari sedetik (pratinjau
    cepat); pembangunan lengkap menyusul di latar belakang.
    """
    from sitebuild.preview import Preview
    from sitebuild.preview import serve as serve_preview

    command = [sys.executable, "-m", "invoke", "build", "--output", output]
    if drafts:
        command.append("--drafts")
    preview = Preview(
        ROOT,
        SETTINGS,
        output,
        command,
        site_url=f"http://{bind}:{port}",
        drafts=drafts,
    )
    subprocess.run(command, cwd=ROOT, check=False)
    try:
        serve_preview(preview, bind, port, output)
    except OSError as error:
        raise Exit(cli.port_taken(bind, port, error, "livereload"), code=1) from None


@task
def serve(c, port=8000, bind="127.0.0.1", output=OUTPUT):
    """Sajikan output/ di http://127.0.0.1:8000/ (Ctrl+C untuk berhenti)."""
    if not os.path.isdir(output):
        raise Exit("Folder output belum ada; jalankan `invoke build` dulu.", code=1)
    try:
        server = serving.folder_server(output, bind, int(port))
    except OSError as error:
        raise Exit(cli.port_taken(bind, port, error, "serve"), code=1) from None
    print(f"Menyajikan {output} di http://{bind}:{port}/ (Ctrl+C untuk berhenti)")
    serving.serve_until_interrupted(server)


@task
def clean(c, output=OUTPUT):
    """Hapus output/, semua versi build-nya dan sisa build yang terputus."""
    for path in versions.remove_all(os.path.abspath(output)):
        print(f"Dihapus: {path}")


@task(
    name="new-article",
    help={
        "title": "judul berita",
        "gelar": "tahun gelar yang diberitakan, mis. 2016",
        "kbk": "id KBK dipisah koma, mis. cheerful,formasi",
        "category": "kategori (bawaan: DEFAULT_CATEGORY, yaitu Berita)",
    },
)
def new_article(c, title, gelar="", kbk="", category=None):
    """Buat draf berita baru bertanggal hari ini."""
    settings = _site_settings()
    when = scaffold.now(settings["TIMEZONE"])
    slug = scaffold.article_slug(title, settings["SLUG_REGEX_SUBSTITUTIONS"])
    category = category or settings["DEFAULT_CATEGORY"]
    cli.check_input(slug, title=title, gelar=gelar, kbk=kbk, category=category)
    folder = os.path.join(settings["PATH"], settings["ARTICLE_PATHS"][0])
    path = os.path.join(folder, f"{when:%Y}", f"{slug}.md")
    text = scaffold.article_text(
        title, slug, when, settings["AUTHOR"], category, gelar, kbk
    )
    cli.create_file(path, text, ROOT)


@task(name="new-year", help={"year": "tahun gelar, mis. 2018"})
def new_year(c, year):
    """Buat berkas data content/data/<tahun>.yaml untuk diisi."""
    if not scaffold.is_year(year):
        raise Exit(f"`{year}` bukan tahun empat angka, mis. 2018.", code=1)
    settings = _site_settings()
    path = os.path.join(settings["PATH"], settings["GELAR_DATA_PATH"], f"{year}.yaml")
    cli.create_file(path, scaffold.year_text(int(year)), ROOT)


@task(
    name="new-album",
    help={"title": "judul album", "gelar": "tahun gelar yang difoto, mis. 2016"},
)
def new_album(c, title, gelar=""):
    """Buat folder album content/galeri/<nama>/ beserta album.yaml."""
    settings = _site_settings()
    apply_galeri_defaults(settings)
    slug = scaffold.article_slug(title, settings["SLUG_REGEX_SUBSTITUTIONS"])
    cli.check_input(slug, title=title, gelar=gelar)
    when = scaffold.now(settings["TIMEZONE"])
    folder = os.path.join(settings["PATH"], settings["GALERI_PATH"], slug)
    cli.create_file(
        os.path.join(folder, "album.yaml"),
        scaffold.album_text(title, when, gelar),
        ROOT,
    )
    print(f"Salin foto ke {folder}/, lalu jalankan `invoke build`.")


@task(
    name="import-wordpress",
    help={
        "export": "berkas ekspor WordPress (Alat → Ekspor), mis. ekspor.xml",
        "uploads": "salinan folder wp-content/uploads situs lama, untuk foto",
    },
)
def import_wordpress(c, export, uploads=None):
    """Impor berita dan halaman dari berkas ekspor WordPress (WXR)."""
    site = site_from_settings(_site_settings())
    cli.report_import(lambda: importer.import_wordpress(export, site, uploads), export)


@task(
    name="import-html",
    help={
        "page": "halaman berita yang disimpan dari peramban (.html) atau teksnya",
        "date": "tanggal terbit bila halaman tidak memuatnya, mis. 2015-10-01",
        "slug": "slug alamat baru bila tidak diambil dari alamat lama",
        "uploads": "folder foto (bawaan: folder halaman itu)",
    },
)
def import_html(c, page, date=None, slug="", uploads=None):
    """Impor satu halaman berita yang disimpan, dengan pembersihan yang sama."""
    site = site_from_settings(_site_settings())
    cli.report_import(
        lambda: importer.import_html(page, site, uploads, date=date, slug=slug), page
    )


@task
def lint(c):
    """Periksa gaya kode dengan ruff."""
    c.run(f"{_tool('ruff')} check .")
    c.run(f"{_tool('ruff')} format --check .")


@task
def format(c):
    """Rapikan kode dengan ruff."""
    c.run(f"{_tool('ruff')} check --fix .")
    c.run(f"{_tool('ruff')} format .")


@task
def i18n(c):
    """Perbarui katalog terjemahan tema dari teks di templat."""
    pot = os.path.join(ROOT, "theme", "translations", "messages.pot")
    pybabel = _tool("pybabel")
    c.run(f"{pybabel} extract -F babel.cfg --no-location --sort-output -o {pot} .")
    c.run(
        f"{pybabel} update -i {pot} -d theme/translations -l id "
        "--no-fuzzy-matching --ignore-obsolete --ignore-pot-creation-date"
    )
    os.remove(pot)


BENCH_RESULTS = os.path.join(ROOT, "bench", "results")
BENCH_PARTS = {"site": "situs", "situs": "situs", "fotos": "foto", "foto": "foto"}


@task(
    help={
        "only": "jalankan satu bagian saja: `site` (situs) atau `fotos` (foto)",
        "articles": "jumlah artikel contoh (bawaan 1000)",
        "years": "jumlah tahun data YAML (bawaan 10)",
        "kbks": "jumlah KBK per tahun (bawaan 20)",
        "photos": "jumlah foto 4000×3000 untuk mengukur waktu per foto",
        "runs": "berapa kali setiap skenario diulang (dilaporkan mediannya)",
        "rebuild_photos": "jumlah foto di album situs contoh (bawaan 500)",
        "growth": "ikut ukur bangun dingin dengan 5× artikel (mati bila --quick)",
        "quick": "ukuran kecil untuk uji coba cepat",
        "results_dir": "folder hasil JSON (bawaan: bench/results/)",
    }
)
def bench(
    c,
    only="",
    articles=1000,
    years=10,
    kbks=20,
    photos=60,
    runs=3,
    rebuild_photos=500,
    growth=True,
    quick=False,
    results_dir=BENCH_RESULTS,
):
    """Ukur kecepatan situs dibanding Pelican polos, lalu pengolahan foto."""
    from bench import images, site

    if only and only not in BENCH_PARTS:
        raise Exit(f"`--only {only}` tidak dikenal; pakai `site` atau `fotos`.", code=1)
    parts = {BENCH_PARTS[only]} if only else {"situs", "foto"}
    photo_root = os.path.join(ROOT, "cache", "bench")
    if "situs" in parts:
        site.run(
            articles=int(articles),
            years=int(years),
            kbks=int(kbks),
            photos=int(rebuild_photos),
            runs=int(runs),
            growth=growth,
            quick=quick,
            results_dir=results_dir,
            photo_root=photo_root,
        )
    if "foto" in parts:
        images.run(
            photos=int(photos),
            runs=int(runs),
            rebuild_photos=int(rebuild_photos),
            quick=quick,
            results_dir=results_dir,
            photo_root=photo_root,
        )


@task(
    help={
        "args": "argumen tambahan untuk pytest",
        "quick": "hanya pengujian cepat (sekitar 2 menit): lewati yang lambat "
        "(build situs penuh), yang memakai Chromium, dan Nu HTML checker",
    }
)
def test(c, args="", quick=False):
    """Jalankan lint dan seluruh pengujian (--quick: yang cepat saja)."""
    lint(c)
    tiers = '-m "not slow and not browser and not nu" ' if quick else ""
    c.run(f"{sys.executable} -m pytest {tiers}{args}", pty=False)
