"""The site benchmark's report: medians, ratios, targets and the table.

Pure functions over the timings that bench/site.py collects.
"""

import statistics

GROWTH_FACTOR = 5
SITES = {
    "situs": "situs kita (invoke build)",
    "pelican": "Pelican polos",
    "pelican-cache": "Pelican polos + cache konten",
}
# (key, label, sites), in the order of a round.
SCENARIOS = (
    ("dingin", "bangun dingin (tanpa foto)", ("pelican", "situs")),
    ("dingin-gambar-hangat", "bangun dingin, cache gambar hangat", ("situs",)),
    ("klon-baru", "klon baru (tanpa cache selain foto)", ("situs",)),
    ("tanpa-perubahan", "tanpa perubahan", ("pelican", "pelican-cache", "situs")),
    ("satu-artikel", "satu artikel diubah", ("pelican", "situs")),
    ("satu-yaml", "satu YAML diubah", ("situs",)),
    ("satu-foto", "satu foto ditambah", ("situs",)),
)
BASELINE = ("dingin", "pelican")
NOTES = (
    "Bangun dingin: output/, output.builds/ dan cache/ dihapus kecuali "
    "cache/galeri (foto yang sudah diperkecil); foto diukur terpisah oleh "
    "tolok ukur foto. Baris «cache gambar hangat» juga menyimpan "
    "cache/bagikan (gambar bagikan).",
    "Puncak memori: ukuran resident terbesar satu proses (build atau salah "
    "satu pekerjanya), bukan jumlahnya; diukur lewat bench/measure.py, yang "
    "ukurannya sendiri (sekitar 11 MiB) menjadi batas bawah.",
    "Pelican polos: tanpa plugin, tema bawaan, artikel yang sama; "
    "bangun ulang menimpa output lama.",
    "Klon baru: seperti deploy CI, tanpa output, tanpa cache kecuali "
    "cache/galeri, tanpa __pycache__ dan dengan folder sementara baru "
    "(templat Jinja dikompilasi ulang).",
    "Satu artikel diubah: satu kalimat ditambahkan ke isi satu artikel.",
)


def summarise(times, peaks=()):
    """{'runs', 'median'} of `times` in seconds, plus the peak MiB if given."""
    summary = {"runs": list(times), "median": statistics.median(times)}
    if peaks:
        summary["peak_mib_runs"] = list(peaks)
        summary["peak_mib"] = max(peaks)
    return summary


def ratios(scenarios, baseline=BASELINE):
    """Add `ratio` (median over the baseline's median) to every row."""
    scenario, site = baseline
    base = scenarios[scenario][site]["median"]
    for rows in scenarios.values():
        for row in rows.values():
            row["ratio"] = row["median"] / base
    return base


def growth_summary(small, large, articles):
    """Cold builds at `articles` and GROWTH_FACTOR times as many, per site."""
    return {
        "articles": [articles, articles * GROWTH_FACTOR],
        "sites": {
            site: {
                **large[site],
                "median_small": small[site]["median"],
                "time_ratio": large[site]["median"] / small[site]["median"],
            }
            for site in large
        },
    }


def targets(report):
    """The issue's targets for the site: name, limit, value, ok (None: not run)."""
    scenarios = report["scenarios"]
    growth = report["growth"]
    big = growth["sites"]["situs"] if growth else None
    rows = [
        ("bangun dingin situs / Pelican dingin", "≤ 1,3×", 1.3, "×",
         scenarios["dingin"]["situs"]["ratio"]),
        ("tanpa perubahan situs / Pelican dingin", "≤ 0,4×", 0.4, "×",
         scenarios["tanpa-perubahan"]["situs"]["ratio"]),
        (f"puncak memori situs, {growth['articles'][1] if growth else '5×'} artikel",
         "≤ 400 MB", 400, " MB", big["peak_mib"] * 1.048576 if big else None),
        ("pertumbuhan waktu situs 1×→5× artikel", "≤ 5,5×", 5.5, "×",
         big["time_ratio"] if big else None),
        ("pratinjau hangat: simpan artikel → halaman tertulis (median)", "≤ 1 s",
         1.0, " s", report["preview"]["median"] if report.get("preview") else None),
        ("bangun dingin, cache gambar hangat / Pelican dingin", "≤ 1,3×", 1.3, "×",
         scenarios["dingin-gambar-hangat"]["situs"]["ratio"]),
        ("satu artikel diubah situs / Pelican dingin", "≤ 0,35×", 0.35, "×",
         scenarios["satu-artikel"]["situs"]["ratio"]),
        ("klon baru situs / Pelican dingin", "≤ 1,6×", 1.6, "×",
         scenarios["klon-baru"]["situs"]["ratio"]),
    ]  # fmt: skip
    return [
        {
            "name": name,
            "target": shown,
            "limit": limit,
            "value": value,
            "unit": unit,
            "ok": None if value is None else value <= limit,
        }
        for name, shown, limit, unit, value in rows
    ]


def _number(value, digits=2):
    return f"{value:.{digits}f}".replace(".", ",")


def format_table(report):
    """The report as Markdown, with Indonesian labels."""
    p = report["parameters"]
    lines = [
        f"Tolok ukur situs: {p['articles']} artikel, {p['years']} tahun × "
        f"{p['kbks']} KBK, {p['photos']} foto; median dari {p['runs']} putaran, "
        f"{p['cpus']} CPU.",
        "",
        "| skenario | situs | median (s) | rasio thd Pelican dingin | puncak MiB |",
        "|---|---|---:|---:|---:|",
    ]
    for key, label, sites in SCENARIOS:
        for site in sites:
            row = report["scenarios"][key][site]
            lines.append(
                f"| {label} | {SITES[site]} | {_number(row['median'])} | "
                f"{_number(row['ratio'])}× | {row['peak_mib']:.0f} |"
            )
    growth = report["growth"]
    if growth:
        small, large = growth["articles"]
        lines += [
            "",
            f"| pertumbuhan, bangun dingin | {small} artikel (s) | {large} artikel (s)"
            " | rasio waktu | puncak MiB |",
            "|---|---:|---:|---:|---:|",
        ]
        for site, row in growth["sites"].items():
            lines.append(
                f"| {SITES[site]} | {_number(row['median_small'])} | "
                f"{_number(row['median'])} | {_number(row['time_ratio'])}× | "
                f"{row['peak_mib']:.0f} |"
            )
    preview = report.get("preview")
    if preview:
        shown = ", ".join(_number(value) for value in preview["runs"])
        lines += ["", f"Pratinjau hangat, simpan → halaman tertulis: {shown} s"]
    lines += ["", "Target:"]
    for target in report["targets"]:
        if target["ok"] is None:
            mark, value = "–", "tidak diukur"
        else:
            mark = "✓" if target["ok"] else "✗"
            value = _number(target["value"]) + target["unit"]
        lines.append(f"- {mark} {target['name']}: {value} (target {target['target']})")
    lines += ["", *(f"Catatan: {note}" for note in report["notes"])]
    return "\n".join(lines)
