"""Site benchmark: our build against bare Pelican, on the same archive.

A synthetic project (bench/archive.py) is built the way an editor builds
it, `python -m invoke build` in the project folder, and bare Pelican
(`python -m pelican`, no plugins, default theme) builds the same articles.
Every build is its own process, so its peak memory is its own: the
largest resident size of the build or of any one of its worker processes
(`os.wait4`), not their sum.

Each round runs every scenario once, in turns, so that a busy moment on
a shared machine falls on all of them alike; the report gives medians.
Scenarios that need an earlier build (a no-change rebuild needs the same
content built before) get it first, untimed. The cold build keeps the
resized photos (cache/galeri): photos are measured by bench/images.py.

Growth builds a second archive of five times the articles, cold, for
both sites, in the same rounds.
"""

import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version

from bench import archive
from bench.images import make_photos, photo_cache
from bench.preview import measure_edit_latency
from bench.report import (
    BASELINE,
    GROWTH_FACTOR,
    NOTES,
    format_table,
    growth_summary,
    ratios,
    summarise,
    targets,
)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# What `invoke build` needs besides bench/archive.py's PROJECT_PARTS.
TOOL_PARTS = ("tasks.py", "sitebuild", "sitecheck", "wpimport")
PHOTO_SIZE = (4000, 3000)
QUICK = {
    "articles": 30,
    "years": 2,
    "kbks": 3,
    "photos": 3,
    "runs": 1,
    "growth": False,
    "photo_size": (1200, 900),
}
# Saved edits timed in the warm preview, and the pause between them (most
# land while the previous edit's full build is still running).
PREVIEW_EDITS, PREVIEW_EDITS_QUICK, PREVIEW_PAUSE = 7, 2, 3.0

# cache/ subfolders that each cold build keeps: resized photos always;
# the warm row keeps the drawn share images too (plugins/pembaca).
KEPT_COLD = ("galeri",)
KEPT_WARM = ("galeri", "bagikan")
MEASURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "measure.py")


def timed(command, cwd, env=None):
    """(seconds, peak MiB) of one build; raises RuntimeError when it fails.
    `env` adds to the environment of the build."""
    with tempfile.TemporaryDirectory(prefix="bench-ukur-") as scratch:
        result_path = os.path.join(scratch, "hasil.json")
        wrapped = [sys.executable, MEASURE, result_path, *command]
        done = subprocess.run(
            wrapped,
            cwd=cwd,
            capture_output=True,
            text=True,
            errors="replace",
            env={**os.environ, **(env or {})},
        )
        if done.returncode:
            raise RuntimeError(
                f"Build gagal ({' '.join(command)} di {cwd}):\n"
                f"{done.stdout}{done.stderr}"
            )
        with open(result_path, encoding="utf-8") as handle:
            result = json.load(handle)
    return result["seconds"], result["maxrss_kib"] / 1024  # KiB on Linux


class Archive:
    """One synthetic project and what each site last built from it.

    `version` counts content changes; a site whose last build saw the
    current version is up to date, so its next build is a no-change one.
    """

    def __init__(self, folder, articles, years, kbks, photos, extra_photos):
        self.folder = folder
        self.articles, self.years = articles, years
        self.kbk_ids = archive.make_project(ROOT, folder, articles, years, kbks, photos)
        for part in TOOL_PARTS:
            source = os.path.join(ROOT, part)
            if os.path.isdir(source):
                ignore = shutil.ignore_patterns("__pycache__")
                shutil.copytree(source, os.path.join(folder, part), ignore=ignore)
            else:
                shutil.copy2(source, os.path.join(folder, part))
        archive.bare_settings(folder)
        self.extra_photos = extra_photos
        self.album = os.path.join(folder, "content", "galeri", "benchmark")
        self.version = 0
        self.built = {}
        self.edited = []

    def command(self, site):
        python = sys.executable
        if site == "situs":
            return [python, "-m", "invoke", "build"]
        pelican = [python, "-m", "pelican", "content", "-s", "bare.py", "-q"]
        if site == "pelican":
            return [*pelican, "-o", "output-pelican"]
        return [
            *pelican,
            *("-o", "output-pelican-cache", "-e", 'CACHE_PATH="cache-pelican"'),
            *("LOAD_CONTENT_CACHE=true", "CACHE_CONTENT=true"),
        ]

    def build(self, site, env=None):
        """(seconds, peak MiB) of one build of `site`."""
        result = timed(self.command(site), self.folder, env)
        self.built[site] = self.version
        return result

    def fresh_clone(self, scratch):
        """Our site as a new clone would find it (what a CI deploy builds):
        no output and no cache but the resized photos, no compiled Python,
        and a new temporary folder (Jinja keeps compiled templates there).
        Returns the environment for the build."""
        self.clear("situs", KEPT_COLD)
        for folder, dirs, _files in os.walk(self.folder):
            if "__pycache__" in dirs:
                shutil.rmtree(os.path.join(folder, "__pycache__"))
                dirs.remove("__pycache__")
        temporary = tempfile.mkdtemp(prefix="tmp-klon-", dir=scratch)
        return {"TMPDIR": temporary}

    def ensure_current(self, site):
        """Build `site` untimed unless it already saw the current content."""
        if self.built.get(site) != self.version:
            self.build(site)

    def clear(self, site, kept=KEPT_COLD):
        """Remove what `site` built before; for ours, the caches but `kept`."""
        if site == "pelican":
            shutil.rmtree(self.path("output-pelican"), ignore_errors=True)
        else:
            for name in ("output", "output.builds"):
                path = self.path(name)
                if os.path.islink(path):
                    os.remove(path)
                shutil.rmtree(path, ignore_errors=True)
            cache = self.path("cache")
            for name in os.listdir(cache) if os.path.isdir(cache) else ():
                if name not in kept:
                    shutil.rmtree(os.path.join(cache, name))
        self.built.pop(site, None)

    def path(self, *parts):
        return os.path.join(self.folder, *parts)

    def article_path(self):
        number = self.articles // 2
        year = archive.first_year(self.years) + number % self.years
        return number, self.path("content", "berita", str(year), f"b{number:05d}.md")

    def edit_article(self, round_number):
        """Add a different sentence to one article's body."""
        number, path = self.article_path()
        rng = random.Random(f"suntingan-{round_number}")
        words = " ".join(rng.choice(archive.WORDS) for _ in range(12))
        text = archive.article_text(number, self.years, self.kbk_ids)
        archive.write(path, text + f"\nSuntingan putaran {round_number}: {words}.\n")
        self._changed("article")

    def edit_yaml(self, round_number):
        """Change one score in the latest year's data file."""
        archive.write(self.yaml_path(), self.yaml_text(bump=0.1 * (round_number + 1)))
        self._changed("yaml")

    def yaml_path(self):
        return self.path("content", "data", f"{self.latest_year()}.yaml")

    def latest_year(self):
        return archive.first_year(self.years) + self.years - 1

    def yaml_text(self, bump=0):
        return archive.edition_yaml(self.latest_year(), self.kbk_ids, bump)

    def add_photo(self, round_number):
        """Put a photo the caches have never seen into the album."""
        source = self.extra_photos[round_number]
        archive.link(source, os.path.join(self.album, os.path.basename(source)))
        self._changed(("photo", source))

    def restore(self):
        """Undo this round's edits, so every round starts from the same files."""
        for edit in self.edited:
            if edit == "article":
                number, path = self.article_path()
                archive.write(
                    path, archive.article_text(number, self.years, self.kbk_ids)
                )
            elif edit == "yaml":
                archive.write(self.yaml_path(), self.yaml_text())
            else:
                os.remove(os.path.join(self.album, os.path.basename(edit[1])))
        if self.edited:
            self.version += 1
        self.edited = []

    def _changed(self, edit):
        self.edited.append(edit)
        self.version += 1


def one_round(main, big, number, record, scratch):
    """Every scenario once; `record(scenario, site, (seconds, peak))`."""
    main.clear("pelican")
    record("dingin", "pelican", main.build("pelican"))
    main.clear("situs", KEPT_COLD)
    record("dingin", "situs", main.build("situs"))
    main.clear("situs", KEPT_WARM)
    record("dingin-gambar-hangat", "situs", main.build("situs"))
    env = main.fresh_clone(scratch)
    record("klon-baru", "situs", main.build("situs", env))
    for site in ("pelican", "pelican-cache", "situs"):
        main.ensure_current(site)
        record("tanpa-perubahan", site, main.build(site))
    main.edit_article(number)  # both sites are up to date before the edit
    for site in ("pelican", "situs"):
        record("satu-artikel", site, main.build(site))
    main.edit_yaml(number)
    record("satu-yaml", "situs", main.build("situs"))
    main.add_photo(number)
    record("satu-foto", "situs", main.build("situs"))
    main.restore()
    if big is not None:
        big.clear("pelican")
        record("pertumbuhan", "pelican", big.build("pelican"))
        big.clear("situs", KEPT_COLD)
        record("pertumbuhan", "situs", big.build("situs"))


def parameters(articles, years, kbks, photos, runs, photo_size):
    return {
        "articles": articles,
        "years": years,
        "kbks": kbks,
        "photos": photos,
        "photo_size": list(photo_size),
        "runs": runs,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "pelican": version("pelican"),
        "git_commit": _git_commit(),
    }


def _git_commit():
    try:
        result = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True
        )
    except OSError:
        return None
    return result.stdout.strip() or None


def run(
    articles=1000,
    years=10,
    kbks=20,
    photos=500,
    runs=3,
    growth=True,
    quick=False,
    results_dir=None,
    photo_root=None,
    photo_size=PHOTO_SIZE,
):
    """Build both sites round after round; print and return the report.

    `photo_root` (cache/bench/) keeps the synthetic photos between runs.
    """
    if quick:
        articles, years, kbks, photos = (
            QUICK[k] for k in ("articles", "years", "kbks", "photos")
        )
        runs, growth, photo_size = QUICK["runs"], QUICK["growth"], QUICK["photo_size"]
    with tempfile.TemporaryDirectory(prefix="bench-situs-") as scratch:
        folder = photo_cache(photo_root or scratch, photo_size)
        print(f"Menyiapkan {photos + runs} foto {photo_size[0]}×{photo_size[1]} …")
        album = make_photos(folder, photos, photo_size)
        extra = make_photos(folder, runs, photo_size, start=photos)
        print(f"Membuat arsip contoh: {articles} artikel, {years}×{kbks} KBK …")
        main = Archive(
            os.path.join(scratch, "arsip"), articles, years, kbks, album, extra
        )
        big = None
        if growth:
            big = Archive(
                os.path.join(scratch, "arsip-5x"),
                articles * GROWTH_FACTOR, years, kbks, album, (),
            )  # fmt: skip
        print("Mengisi cache foto (tidak diukur) …")
        main.build("situs")
        if big is not None:  # the same photos: share the resized ones
            resized = main.path("cache", "galeri")
            shutil.copytree(resized, big.path("cache", "galeri"), copy_function=os.link)
            big.build("situs")
        times = {}

        def record(scenario, site, result):
            times.setdefault(scenario, {}).setdefault(site, []).append(result)

        for number in range(runs):
            print(f"Putaran {number + 1} dari {runs} …")
            one_round(main, big, number, record, scratch)
        print("Mengukur pratinjau hangat (invoke livereload) …")
        edits = PREVIEW_EDITS_QUICK if quick else PREVIEW_EDITS
        preview = measure_edit_latency(main.folder, edits=edits, pause=PREVIEW_PAUSE)
    summaries = {
        scenario: {
            site: summarise([s for s, _ in results], [m for _, m in results])
            for site, results in sites.items()
        }
        for scenario, sites in times.items()
    }
    large = summaries.pop("pertumbuhan", None)
    baseline = ratios(summaries)
    report = {
        "parameters": parameters(articles, years, kbks, photos, runs, photo_size),
        "notes": list(NOTES),
        "baseline": {"scenario": BASELINE[0], "site": BASELINE[1], "median": baseline},
        "scenarios": summaries,
        "growth": growth_summary(summaries["dingin"], large, articles)
        if large
        else None,
        "preview": {"runs": preview, "median": statistics.median(preview)},
    }
    report["targets"] = targets(report)
    print()
    print(format_table(report))
    if results_dir:
        os.makedirs(results_dir, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        path = os.path.join(results_dir, f"situs-{stamp}.json")
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(report, handle, indent=2, ensure_ascii=False)
        print(f"Hasil tersimpan di {path}")
    return report
