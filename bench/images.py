"""Image benchmark: our pipeline against naive Pillow, in the same run.

Naive Pillow is what most scripts do: open, `exif_transpose`, resize
every width from the full image with Lanczos, save. Ours is the galeri
plugin's pool with an empty cache. Both write the same outputs to disk.
Then a site build with a large album is timed with the cache warm,
against the same site without the album: what a no-change rebuild adds.
"""

import json
import os
import shutil
import statistics
import tempfile
import time

from PIL import Image, ImageDraw, ImageOps

from bench.photos import camera_exif, draw_photo
from galeri import imaging
from galeri.cache import PhotoCache
from galeri.pipeline import Job, run_jobs


def make_photos(folder, count, size=(4000, 3000), start=0):
    """Camera-sized JPEGs number `start` to `start + count - 1` in `folder`.

    One drawing with a different mark each, so every photo is distinct
    and photo n is the same bytes whatever the count. Photos already in
    `folder` are kept, so a persistent folder works as a cache: each file
    is written under a temporary name and renamed when complete.
    """
    os.makedirs(folder, exist_ok=True)
    numbered = {
        number: os.path.join(folder, f"foto-{number:04d}.jpg")
        for number in range(start, start + count)
    }
    missing = {n: path for n, path in numbered.items() if not os.path.exists(path)}
    if not missing:
        return list(numbered.values())
    base = draw_photo(0, size, "FOTO CONTOH BENCHMARK")
    exif = camera_exif().tobytes()
    for number, path in missing.items():
        image = base.copy()
        draw = ImageDraw.Draw(image)
        x = (number * 97) % (size[0] - 400)
        draw.rectangle(
            (x, size[1] // 2, x + 400, size[1] // 2 + 300), fill=(number % 256, 90, 160)
        )
        draw.text((x + 20, size[1] // 2 + 20), str(number), fill="white")
        partial = path + ".tmp"
        image.save(partial, "JPEG", quality=90, exif=exif)
        os.replace(partial, path)
    return list(numbered.values())


def photo_cache(root, size):
    """The folder under `root` (cache/bench/) that keeps photos of `size`."""
    return os.path.join(root, f"foto-{size[0]}x{size[1]}")


# The same qualities as galeri's defaults; WebP at Pillow's default effort.
NAIVE_QUALITY = {
    "jpeg": imaging.Options.jpeg_quality,
    "webp": imaging.Options.webp_quality,
}


def naive(paths, out, widths, formats):
    for path in paths:
        with Image.open(path) as image:
            image = ImageOps.exif_transpose(image)
            stem = os.path.join(out, os.path.basename(path))
            for width in widths:
                height = round(image.height * width / image.width)
                resized = image.resize((width, height), Image.Resampling.LANCZOS)
                for fmt in formats:
                    quality = NAIVE_QUALITY[fmt]
                    resized.save(f"{stem}-{width}.{fmt}", fmt.upper(), quality=quality)


def ours(paths, out, widths, formats, workers):
    options = imaging.Options(widths=widths, formats=formats)
    cache = PhotoCache(out)
    jobs = []
    for path in paths:
        key = cache.key(cache.fingerprint(path), options)
        jobs.append(Job(key, path, cache.folder(key), options))
    metas = run_jobs(jobs, workers)
    assert all("outputs" in meta for meta in metas.values())


def per_photo_ms(rows, paths, runs):
    """{name: [ms per photo of each run]}, each run into a fresh folder.

    The scenarios take turns, round after round, so that a busy moment on
    a shared machine falls on all of them alike rather than on one.
    """
    times = {name: [] for name, _function, _args in rows}
    for _ in range(runs):
        for name, function, args in rows:
            out = tempfile.mkdtemp(prefix="bench-out-")
            try:
                start = time.perf_counter()
                function(paths, out, *args)
                times[name].append((time.perf_counter() - start) * 1000 / len(paths))
            finally:
                shutil.rmtree(out, ignore_errors=True)
    return times


def rebuild_cost(project_root, photo_paths, runs):
    """Seconds of no-change builds of two copies of the site, one with a big
    album: built in turns, so that both meet the same machine load."""
    from sitebuild.build import build

    with tempfile.TemporaryDirectory(prefix="bench-site-") as scratch:
        sites = {}
        for label in ("tanpa album", "dengan album"):
            project = os.path.join(scratch, label.replace(" ", "-"))
            for part in ("content", "plugins", "theme", "pelicanconf.py"):
                source = os.path.join(project_root, part)
                copy = shutil.copytree if os.path.isdir(source) else shutil.copy2
                copy(source, os.path.join(project, part))
            if label == "dengan album":
                album = os.path.join(project, "content", "galeri", "benchmark")
                os.makedirs(album)
                for path in photo_paths:
                    os.link(path, os.path.join(album, os.path.basename(path)))
            settings = os.path.join(project, "pelicanconf.py")
            output = os.path.join(project, "output")
            build(settings, output)  # fills the caches: not timed
            sites[label] = (settings, output)
        times = {label: [] for label in sites}
        for _ in range(max(runs, 5)):
            for label, (settings, output) in sites.items():
                start = time.perf_counter()
                build(settings, output)
                times[label].append(time.perf_counter() - start)
    return {label: (statistics.median(t), t) for label, t in times.items()}


def run(
    photos=60,
    runs=3,
    rebuild_photos=500,
    workers=0,
    quick=False,
    results_dir=None,
    photo_root=None,
):
    """Time both pipelines; `photo_root` (cache/bench/) keeps the photos."""
    if quick:
        photos, runs, rebuild_photos = 6, 1, 20
    widths = (480, 960, 1600)
    report = {"photos": photos, "runs": runs, "cpus": os.cpu_count(), "scenarios": {}}
    with tempfile.TemporaryDirectory(prefix="bench-foto-") as scratch:
        folder = photo_cache(photo_root, (4000, 3000)) if photo_root else scratch
        print(f"Menyiapkan {max(photos, rebuild_photos)} foto 4000×3000 sintetis…")
        paths = make_photos(folder, max(photos, rebuild_photos))
        sample = paths[:photos]
        rows = [
            ("naive Pillow, JPEG", naive, (widths, ("jpeg",))),
            ("naive Pillow, JPEG+WebP", naive, (widths, ("jpeg", "webp"))),
            ("galeri, JPEG", ours, (widths, ("jpeg",), workers)),
            ("galeri, JPEG+WebP", ours, (widths, ("webp", "jpeg"), workers)),
        ]
        for name, times in per_photo_ms(rows, sample, runs).items():
            median = statistics.median(times)
            report["scenarios"][name] = {"ms_per_photo": median, "runs": times}
            print(f"  {name:<26} {median:8.1f} ms/foto")
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        print(f"Membangun situs tanpa dan dengan album {rebuild_photos} foto…")
        rebuild = rebuild_cost(root, paths[:rebuild_photos], runs)
    scenarios = report["scenarios"]
    ratio_jpeg = (
        scenarios["naive Pillow, JPEG"]["ms_per_photo"]
        / scenarios["galeri, JPEG"]["ms_per_photo"]
    )
    ratio_both = (
        scenarios["naive Pillow, JPEG+WebP"]["ms_per_photo"]
        / scenarios["galeri, JPEG+WebP"]["ms_per_photo"]
    )
    added = rebuild["dengan album"][0] - rebuild["tanpa album"][0]
    report.update(
        rebuild_seconds={k: {"median": v[0], "runs": v[1]} for k, v in rebuild.items()},
        rebuild_photos=rebuild_photos,
        speedup_jpeg=ratio_jpeg,
        speedup_jpeg_webp=ratio_both,
        no_change_rebuild_added_seconds=added,
    )
    print()
    print("| skenario | median |")
    print("|---|---|")
    for name, values in scenarios.items():
        print(f"| {name} | {values['ms_per_photo']:.1f} ms/foto |")
    for label, (median, _times) in rebuild.items():
        print(f"| bangun ulang tanpa perubahan, {label} | {median:.2f} s |")
    print()
    print(f"Percepatan JPEG: {ratio_jpeg:.1f}× (target ≥ 6×)")
    print(f"Percepatan JPEG+WebP: {ratio_both:.1f}× (target ≥ 4×)")
    print(
        f"Tambahan waktu bangun ulang untuk {rebuild_photos} foto: "
        f"{added:.2f} s (target ≤ 0,5 s)"
    )
    if results_dir:
        os.makedirs(results_dir, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        path = os.path.join(results_dir, f"gambar-{stamp}.json")
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(report, handle, indent=2)
        print(f"Hasil tersimpan di {path}")
    return report
