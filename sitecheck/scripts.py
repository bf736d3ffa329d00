"""No script runs on a page unless the theme put it there.

Articles may hold raw HTML (an `<iframe>` for a video or a map), which
Markdown publishes as written. A `<script>`, an event handler (`onload=`)
or a `javascript:` link in an article could read or redirect a reader's
session, so each one outside the theme is a finding. The theme's own
scripts are: structured data (`application/ld+json`), files in the
theme's static folder, and the one inline script of base.html that sends
an old `/?p=123` address on (THEME_INLINE).
"""

import re

from .findings import Finding
from .links import internal_target

# base.html: `(function () { var to = {...}[location.search]; ... })();`
THEME_INLINE = re.compile(
    r"\(function \(\) \{ var to = \{.*\}\[location\.search\]; "
    r"if \(to\) \{ location\.replace\(to\); \} \}\)\(\);",
    re.DOTALL,
)
ACTIVE_SCHEMES = re.compile(r"^\s*(?:javascript|vbscript|data\s*:\s*text/html)", re.I)
_HINT = (
    "hapus skrip dari teks artikel atau halaman: skrip di konten bisa "
    "mencuri data atau mengalihkan pembaca. Untuk video atau peta, pakai "
    "`<iframe>` dari penyedianya."
)


def is_theme_script(page, src, kind, text, site_url, theme_folder):
    if (kind or "").strip().lower() == "application/ld+json":
        return True
    if src:
        target = internal_target(page.address, src, site_url)
        return target is not None and target[0].startswith(theme_folder + "/")
    return THEME_INLINE.fullmatch(text.strip()) is not None


def check_scripts(site, site_url, theme_folder="theme"):
    findings = []
    for page in site.pages.values():
        for line, src, kind, text in page.scripts:
            if is_theme_script(page, src, kind, text, site_url, theme_folder):
                continue
            shown = f'<script src="{src}">' if src else "<script>" + text.strip()[:40]
            findings.append(
                Finding(
                    "scripts",
                    page.path,
                    line,
                    f"memuat skrip yang bukan dari tema (`{shown}`).",
                    _HINT,
                )
            )
        for line, name in page.handlers:
            findings.append(
                Finding(
                    "scripts",
                    page.path,
                    line,
                    f"memuat penangan kejadian `{name}=` yang menjalankan skrip.",
                    _HINT,
                )
            )
        for line, name, value in page.values:
            if ACTIVE_SCHEMES.match(value):
                findings.append(
                    Finding(
                        "scripts",
                        page.path,
                        line,
                        f'memuat tautan `{name}="{value[:40]}"` yang menjalankan '
                        "skrip.",
                        _HINT,
                    )
                )
    return findings
