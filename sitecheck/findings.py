"""What a check found, and the one summary editors read."""

from dataclasses import dataclass

from sitekit.problems import describe

# check id -> the name editors see in the summary, in run order.
CHECKS = {
    "links": "Tautan dan gambar",
    "scripts": "Skrip di luar tema",
    "html": "HTML (Nu HTML checker)",
    "outline": "Susunan judul (h1–h6)",
    "feeds": "Umpan (feed)",
    "sitemap": "Sitemap",
    "sizes": "Ukuran halaman",
    "gps": "Metadata (GPS, EXIF, XMP) di berkas",
    "leaks": "Draf, konten tersembunyi dan teks contoh",
}


@dataclass(frozen=True)
class Finding:
    check: str  # a key of CHECKS
    path: str  # the output file, relative to the site folder
    line: int | None
    message: str
    hint: str = ""

    def __str__(self):
        return describe(self.path, self.line, None, self.message, self.hint)


def summary(findings, counted, skipped=()):
    """The report: a line per check, then every finding, numbered by check.

    `counted` says what was read ("125 halaman HTML, ..."); `skipped` lists
    checks that did not run, so a reader never mistakes them for passes.
    """
    by_check = {check: [] for check in CHECKS}
    for finding in findings:
        by_check[finding.check].append(finding)
    total = len(findings)
    head = (
        f"Pemeriksaan situs: {total} masalah ditemukan."
        if total
        else "Pemeriksaan situs: tidak ada masalah."
    )
    lines = [head, f"Diperiksa: {counted}."]
    for check, name in CHECKS.items():
        if check in skipped:
            status = "dilewati"
        elif by_check[check]:
            status = f"{len(by_check[check])} masalah"
        else:
            status = "baik"
        lines.append(f"  {name}: {status}")
    for check, name in CHECKS.items():
        if by_check[check]:
            lines.append("")
            lines.append(f"{name}:")
            lines += [f"  - {finding}" for finding in by_check[check]]
    return "\n".join(lines)
