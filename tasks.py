"""Editor and developer commands. Run `invoke --list` to see them all."""

import datetime
import os
import sys

from invoke import Exit, task

ROOT = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [ROOT, os.path.join(ROOT, "plugins")]

from pelican.settings import read_settings  # noqa: E402

from galeri.settings import apply_defaults as apply_galeri_defaults  # noqa: E402
from gelar.settings import apply_defaults  # noqa: E402
from sitebuild import cli, publishing, scaffold, serving, versions  # noqa: E402
from sitebuild.build import BuildFailed  # noqa: E402
from sitebuild.build import build as build_site  # noqa: E402
from sitebuild.build import validate as validate_site  # noqa: E402
from sitebuild.lighthouse import lighthouse  # noqa: E402, F401 (a task)
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


def _layout():
    """Settings with every plugin's page addresses (to name changed pages)."""
    settings = _site_settings()
    apply_galeri_defaults(settings)
    return settings


def _settings_file(publish):
    return PUBLISH_SETTINGS if publish else SETTINGS


@task(
    help={
        "publish": "pakai publishconf.py (alamat absolut, umpan aktif)",
        "drafts": "ikut bangun draf (bertanda DRAF) untuk pratinjau",
        "verbose": "tampilkan juga log Pelican sendiri (untuk pengembang)",
    }
)
def build(c, output=OUTPUT, publish=False, drafts=False, verbose=False):
    """Bangun situs ke output/ (folder lama diganti hanya jika berhasil)."""
    if publish:
        cli.require_siteurl("build --publish")
    if publish and drafts:
        raise Exit("Situs terbit tidak pernah memuat draf; hapus `--drafts`.", code=1)
    try:
        notes = build_site(
            _settings_file(publish), output, drafts=drafts, verbose=verbose
        )
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
        "dry_run": "tunjukkan apa yang akan berubah tanpa menyalin",
        "allow_removed": "izinkan menghapus halaman yang sudah terbit dari server",
        "preview": "terbitkan pratinjau dengan draf untuk rekan kerja ke --dest "
        "(bukan tujuan publik)",
    }
)
def publish(
    c, dest="", dry_run=False, allow_removed=False, preview=False, output=OUTPUT
):
    """Bangun (publishconf.py), periksa, kompres lalu salin situs ke server."""
    cli.require_siteurl("publish")
    public = read_settings(PUBLISH_SETTINGS).get("DEPLOY_TARGET", "")
    target = dest or ("" if preview else public)
    if not target:
        raise Exit(cli.NO_TARGET_PREVIEW if preview else cli.NO_TARGET, code=1)
    if preview and os.path.abspath(target) == os.path.abspath(public or "\0"):
        raise Exit(cli.PREVIEW_IS_PUBLIC, code=1)
    _publish(
        output, target, dry_run=dry_run, allow_removed=allow_removed, preview=preview
    )


def _publish(output, target, **options):
    # Before the long build: stop at once when a publishing package is missing.
    cli.require("sitecheck.run")
    compress = cli.require("sitebuild.compress")
    try:
        publishing.publish(
            PUBLISH_SETTINGS,
            output,
            target,
            check=cli.check_report,
            compress=lambda folder, s: compress.compress_tree(
                folder, s["PUBLISH_COMPRESS_SUFFIXES"], s["PUBLISH_COMPRESS_MIN_BYTES"]
            ),
            options={**options, "layout": _layout()},
        )
    except publishing.PublishFailed as error:
        raise Exit(str(error), code=1) from None


@task(name="publish-due")
def publish_due(c, output=OUTPUT):
    """Terbitkan lagi hanya bila ada berita terjadwal yang sudah tiba waktunya."""
    moment = datetime.datetime.now(datetime.UTC)
    record = publishing.read_record(output)
    if not publishing.due(record, moment):
        print(publishing.due_message(record, moment))
        return
    cli.require_siteurl("publish-due")
    _publish(output, record["target"], now=moment)


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
    from sitebuild import preview

    try:
        preview.run(ROOT, SETTINGS, output, bind, int(port), drafts)
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
        "date": 'tanggal berita, mis. 2015-10-01 atau "2015-10-01 14:30" '
        "(bawaan: sekarang)",
    },
)
def new_article(c, title, gelar="", kbk="", category=None, date=""):
    """Buat draf berita baru, bertanggal hari ini atau --date, di folder tahunnya."""
    try:
        path, text = scaffold.new_article(
            _site_settings(), title, gelar, kbk, category, date
        )
    except ValueError as error:
        raise Exit(str(error), code=1) from None
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
        "strict": "batalkan seluruh impor bila ada satu pos yang tidak bisa diimpor",
    },
)
def import_wordpress(c, export, uploads=None, strict=False):
    """Impor berita dan halaman dari berkas ekspor WordPress (WXR)."""
    site = site_from_settings(_site_settings())
    cli.report_import(
        lambda: importer.import_wordpress(export, site, uploads, strict=strict), export
    )


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
