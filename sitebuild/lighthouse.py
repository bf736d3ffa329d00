"""`invoke lighthouse`: Lighthouse, as a phone, on every page type of a
publish build served on this machine, printed as a table.

The site is built with publishconf.py into a scratch folder, with SITEURL
set to the local server's address so that every absolute link, feed and
share tag points at it, and served the way `invoke serve` does. Each page
is audited by Lighthouse 12 from npm (package.json) with Debian's
Chromium (CHROME_PATH), with the flags this closed network needs.

Accessibility, best practices and SEO are deterministic: they must be 100.
Performance depends on the machine (Lighthouse simulates a slow phone on
whatever CPU it has), so it is shown against its target (98) but only the
other three fail the task. Pages that are `noindex` by design (404, embeds)
are not audited: SEO would rightly fail them.
"""

import json
import os
import subprocess
import sys
import tempfile
import threading

from invoke import Exit, task

from sitebuild.serving import folder_server

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHROMIUM = "/usr/bin/chromium"
LIGHTHOUSE = os.path.join(ROOT, "node_modules", ".bin", "lighthouse")
# name -> address of one page of each type in the demo.
PAGE_TYPES = {
    "beranda": "/",
    "berita": "/berita/2017/hasil-gelar-budaya-kerja-2017/",
    "arsip": "/arsip/",
    "berita-tahun": "/berita/2017/",
    "kategori": "/kategori/berita/",
    "tag": "/tag/budaya-kerja/",
    "gelar-semua": "/gelar/",
    "gelar": "/gelar/2017/",
    "gelar-tanpa-hasil": "/gelar/2015/",
    "kbk-semua": "/kbk/",
    "kbk": "/kbk/formasi/",
    "instansi-semua": "/instansi/",
    "instansi": "/instansi/badan-kepegawaian-daerah/",
    "galeri": "/galeri/",
    "album": "/galeri/gelar-2017/",
    "cari": "/cari/?q=kanesma",
    "halaman": "/tentang/",
}
CATEGORIES = {
    "performance": "kinerja",
    "accessibility": "aksesibilitas",
    "best-practices": "praktik baik",
    "seo": "SEO",
}
DETERMINISTIC = ("accessibility", "best-practices", "seo")
PERFORMANCE_TARGET = 98
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)


def unavailable():
    """Why Lighthouse cannot run here, in Indonesian, or None."""
    if not os.path.exists(LIGHTHOUSE):
        return "Lighthouse belum terpasang: jalankan `npm ci` di folder proyek."
    if not os.path.exists(CHROMIUM):
        return "Chromium belum terpasang: jalankan `bash .ci/install-system-deps`."
    return None


def audit(url, report_path):
    """Lighthouse's four scores (0-100) of one page, as a phone."""
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as profile:
        command = [
            LIGHTHOUSE,
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report_path}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS} --user-data-dir={profile}",
        ]
        result = subprocess.run(
            command,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            capture_output=True,
            text=True,
            timeout=300,
        )
    if result.returncode != 0:
        raise Exit(f"Lighthouse gagal pada {url}:\n{result.stderr[-2000:]}", code=1)
    with open(report_path, encoding="utf-8") as handle:
        report = json.load(handle)
    return {key: round(report["categories"][key]["score"] * 100) for key in CATEGORIES}


def table(scores):
    """The scores as a text table; ✗ marks a score under its target."""
    width = max(len(name) for name in scores) + 2
    lines = ["halaman".ljust(width) + "".join(f"{v:>15}" for v in CATEGORIES.values())]
    for name, row in scores.items():
        cells = []
        for key in CATEGORIES:
            target = PERFORMANCE_TARGET if key == "performance" else 100
            mark = "" if row[key] >= target else " ✗"
            cells.append(f"{row[key]}{mark}".rjust(15))
        lines.append(name.ljust(width) + "".join(cells))
    return "\n".join(lines)


def page_types(only):
    """The page types asked for (all when none), known ones only."""
    names = list(only) or list(PAGE_TYPES)
    unknown = [name for name in names if name not in PAGE_TYPES]
    if unknown:
        raise Exit(
            f"Jenis halaman tidak dikenal: {', '.join(unknown)}. "
            f"Pilih dari: {', '.join(PAGE_TYPES)}.",
            code=1,
        )
    return names


def build_and_audit(only=()):
    """Build for publishing, serve, audit: {page type: scores}."""
    from sitebuild.build import BuildFailed, build

    names = page_types(only)
    with tempfile.TemporaryDirectory(prefix="lighthouse-site-") as scratch:
        output = os.path.join(scratch, "output")
        server = folder_server(output, "127.0.0.1", 0)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        address = f"http://127.0.0.1:{server.server_address[1]}"
        saved = os.environ.get("SITEURL")
        os.environ["SITEURL"] = address
        try:
            build(os.path.join(ROOT, "publishconf.py"), output)
            scores = {}
            for name in names:
                report = os.path.join(scratch, f"{name}.json")
                scores[name] = audit(address + PAGE_TYPES[name], report)
                print(f"  {name}: {scores[name]}", file=sys.stderr)
        except BuildFailed as error:
            raise Exit(f"{error}\n\nPembangunan gagal.", code=1) from None
        finally:
            server.shutdown()
            server.server_close()
            if saved is None:
                os.environ.pop("SITEURL", None)
            else:
                os.environ["SITEURL"] = saved
    return scores


@task(
    help={
        "only": "jenis halaman, dipisah koma (bawaan: semua): " + ", ".join(PAGE_TYPES),
        "report": "tulis juga nilainya sebagai JSON ke berkas ini",
    }
)
def lighthouse(c, only="", report=""):
    """Ukur situs terbit dengan Lighthouse (ponsel) dan cetak tabelnya."""
    names = page_types([name for name in only.split(",") if name])
    problem = unavailable()
    if problem:
        raise Exit(problem, code=1)
    scores = build_and_audit(names)
    print(table(scores))
    if report:
        with open(report, "w", encoding="utf-8") as handle:
            json.dump(scores, handle, indent=1)
    failed = [
        f"{name} ({CATEGORIES[key]} {row[key]})"
        for name, row in scores.items()
        for key in DETERMINISTIC
        if row[key] < 100
    ]
    slow = [name for name, row in scores.items() if row["performance"] < 98]
    if slow:
        print(
            f"Kinerja di bawah {PERFORMANCE_TARGET}: {', '.join(slow)} (bergantung "
            "pada mesin ini; lihat docs/operasi.md)."
        )
    if failed:
        raise Exit("Di bawah 100: " + ", ".join(failed), code=1)
