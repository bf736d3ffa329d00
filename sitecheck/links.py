"""Internal links and image sources resolve, #fragments included."""

import posixpath
from urllib.parse import unquote, urljoin, urlsplit

from .findings import Finding

IGNORED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "sms:")


def split_site_url(site_url):
    """("https://host", "/sub") for SITEURL; ("", "") for a local build."""
    parts = urlsplit(site_url or "")
    origin = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
    return origin, parts.path.rstrip("/")


def internal_target(page_address, value, site_url):
    """(path inside the site, fragment), or None for an external link.

    The path is relative to the site folder, e.g. "gelar/2015/" or
    "theme/css/main.css"; "" is the home page.
    """
    value = value.strip()
    if not value or value.lower().startswith(IGNORED_SCHEMES):
        return None
    origin, base = split_site_url(site_url)
    resolved = urlsplit(urljoin(origin + base + page_address, value))
    if resolved.scheme and resolved.scheme not in ("http", "https"):
        return None
    if resolved.netloc and f"{resolved.scheme}://{resolved.netloc}" != origin:
        return None  # another site
    path = unquote(resolved.path)
    if base and not (path == base or path.startswith(base + "/")):
        return None  # same host, outside this site's folder
    path = path[len(base) :].lstrip("/")
    return path, unquote(resolved.fragment)


def target_file(path, files):
    """The output file a site path is served from, or None."""
    candidates = (
        [path + "index.html"]
        if path == "" or path.endswith("/")
        else [
            path,
            posixpath.join(path, "index.html"),
        ]
    )
    return next((c for c in candidates if c in files), None)


def check_links(site, site_url):
    findings = []
    for page in site.pages.values():
        for attribute, value, line in page.refs:
            target = internal_target(page.address, value, site_url)
            if target is None:
                continue
            path, fragment = target
            found = target_file(path, site.files)
            if found is None:
                findings.append(
                    Finding(
                        "links",
                        page.path,
                        line,
                        f"`{attribute}` menunjuk `{value}`, tetapi berkas itu "
                        "tidak ada di situs.",
                        "perbaiki alamatnya, tambahkan berkas/halamannya, atau "
                        "buat pengalihan di content/redirects.yaml.",
                    )
                )
            elif (
                fragment
                and found in site.pages
                and fragment not in site.pages[found].ids
            ):
                findings.append(
                    Finding(
                        "links",
                        page.path,
                        line,
                        f"`{attribute}` menunjuk `{value}`, tetapi di "
                        f"{found} tidak ada elemen dengan id `{fragment}`.",
                        "perbaiki bagian setelah `#` atau beri elemen "
                        "tujuannya id itu.",
                    )
                )
    return findings
