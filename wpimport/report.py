"""The import report for editors, in Indonesian."""

import os
from collections import Counter

from sitekit.problems import display_path

_KINDS = {"post": "berita", "page": "halaman"}


def _shown(result, relative):
    return display_path(os.path.join(result.site.content, relative))


def _status(result, relative):
    outcome = result.outcome
    if relative in outcome.created:
        return "baru"
    if relative in outcome.updated:
        return "diperbarui"
    if relative in outcome.kept:
        return "TIDAK ditimpa, lihat masalah"
    return "tidak berubah"


def format_report(result):
    plan = result.plan
    lines = [f"Impor dari {result.source}:"]
    kinds = Counter(entry.kind for entry, _ in plan.imported)
    lines.append(f"- Diimpor: {kinds['post']} berita, {kinds['page']} halaman.")
    for _, relative in plan.imported:
        lines.append(f"    {_shown(result, relative)} ({_status(result, relative)})")
    if result.skipped:
        reasons = Counter(reason for _, reason in result.skipped)
        summary = ", ".join(f"{n} {reason}" for reason, n in sorted(reasons.items()))
        lines.append(f"- Dilewati: {len(result.skipped)} ({summary}).")
        for entry, reason in result.skipped:
            lines.append(f"    {_KINDS[entry.kind]} {entry.label} ({reason})")
    else:
        lines.append("- Dilewati: 0.")
    copied = [path for path in plan.copies if path in result.outcome.created]
    lines.append(f"- Gambar: {len(plan.copies)} ditemukan, {len(copied)} baru disalin.")
    if plan.missing:
        lines.append(f"- Gambar tidak ditemukan: {len(plan.missing)}.")
        for relative, src in plan.missing:
            lines.append(f"    {_shown(result, relative)}: {src}")
    lines.append(
        f"- Pengalihan alamat lama: {result.redirects_added} baru, "
        f"{result.redirects_total} seluruhnya di "
        f"{_shown(result, result.site.redirects_file)}."
    )
    if result.problems:
        lines.append(f"- Masalah: {len(result.problems)}.")
        lines += [f"    {problem}" for problem in result.problems]
    else:
        lines.append("- Masalah: tidak ada.")
    lines.append("Periksa hasilnya dengan `invoke validate`, lalu `invoke build`.")
    return "\n".join(lines)


def format_failure(error, source):
    lines = [f"Impor dari {source} dibatalkan; tidak ada berkas yang ditulis."]
    lines.append(f"Ditemukan {len(error.problems)} masalah:")
    lines += [f"  - {problem}" for problem in error.problems]
    return "\n".join(lines)
