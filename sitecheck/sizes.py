"""No HTML page is over the size budget (SITECHECK_PAGE_MAX_BYTES)."""

from .findings import Finding


def check_sizes(files, budget):
    return [
        Finding(
            "sizes",
            path,
            None,
            f"halaman ini {size / 1000:.0f} KB, melebihi batas {budget / 1000:.0f} KB.",
            "pecah isinya, kurangi daftar per halaman (DEFAULT_PAGINATION), atau "
            "naikkan SITECHECK_PAGE_MAX_BYTES bila memang perlu.",
        )
        for path, size in sorted(files.items())
        if path.endswith(".html") and size > budget
    ]
