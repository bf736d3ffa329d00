"""The import report for editors, in Indonesian."""

import os
from collections import Counter

from sitekit.problems import display_path

from .words import listing

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


def _percent(share):
    return f"{share * 100:.1f}".replace(".", ",") + "%"


def format_report(result):
    plan = result.plan
    lines = [f"Impor dari {result.source}:"]
    kinds = Counter(entry.kind for entry, _ in plan.imported)
    lines.append(f"- Diimpor: {kinds['post']} berita, {kinds['page']} halaman.")
    for entry, relative in plan.imported:
        kind = f"; jenis `{entry.post_type}`" if entry.post_type else ""
        lines.append(
            f"    {_shown(result, relative)} ({_status(result, relative)}{kind})"
        )
    lines += _skipped(result)
    lines += _not_content(result)
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
    lines += _words(result)
    if result.problems:
        lines.append(f"- Masalah: {len(result.problems)}.")
        lines += [f"    {problem}" for problem in result.problems]
    else:
        lines.append("- Masalah: tidak ada.")
    lines.append("Periksa hasilnya dengan `invoke validate`, lalu `invoke build`.")
    return "\n".join(lines)


def _skipped(result):
    if not result.skipped:
        return ["- Dilewati: 0."]
    reasons = Counter(reason for _, reason in result.skipped)
    summary = ", ".join(f"{n} {reason}" for reason, n in sorted(reasons.items()))
    lines = [f"- Dilewati: {len(result.skipped)} ({summary})."]
    for entry, reason in result.skipped:
        kind = f"`{entry.post_type}`" if entry.post_type else _KINDS[entry.kind]
        lines.append(f"    {kind} {entry.label} ({reason})")
    return lines


def _not_content(result):
    if not result.not_content:
        return []
    total = sum(result.not_content.values())
    lines = [f"- Bukan isi situs, tidak diimpor: {total}."]
    for (kind, reason), count in sorted(result.not_content.items()):
        lines.append(f"    {count} × `{kind}`: {reason}")
    return lines


def _words(result):
    """The word measure: all words, then every post that lost any."""
    measured = result.plan.words
    if not measured:
        return []
    total = sum(kept.total for _, _, kept in measured)
    kept = sum(kept.kept for _, _, kept in measured)
    share = kept / total if total else 1.0
    losing = [item for item in measured if item[2].lost or item[2].removed]
    unmeant = sum(1 for item in losing if item[2].lost)
    lines = [
        f"- Kata: {kept} dari {total} kata sumber ada di hasil impor "
        f"({_percent(share)}). Berkas yang kehilangan kata tanpa disengaja: "
        f"{unmeant}; yang hanya dibuang sengaja: {len(losing) - unmeant}."
    ]
    for entry, relative, counted in sorted(losing, key=lambda item: item[2].share):
        lines.append(
            f"    {_shown(result, relative)} ({entry.label}): "
            f"{counted.kept} dari {counted.total} kata ({_percent(counted.share)})."
        )
        if counted.lost:
            lines.append(f"      hilang: {listing(counted.lost)}")
        if counted.removed:
            lines.append(
                "      dibuang sebagai iklan, tombol, kolom komentar atau "
                f"keterangan ganda: {listing(counted.removed)}"
            )
    return lines


def format_failure(error, source):
    lines = [f"Impor dari {source} dibatalkan; tidak ada berkas yang ditulis."]
    lines.append(f"Ditemukan {len(error.problems)} masalah:")
    lines += [f"  - {problem}" for problem in error.problems]
    return "\n".join(lines)
