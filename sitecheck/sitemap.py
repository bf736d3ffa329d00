"""sitemap.xml lists exactly the pages that exist and may be indexed."""

import xml.etree.ElementTree as ET

from .findings import Finding
from .links import internal_target, target_file

NAMESPACE = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SITEMAP = "sitemap.xml"


def sitemap_locations(data):
    """The <loc> values of a sitemap, or raise ET.ParseError."""
    root = ET.fromstring(data)
    return [loc.text.strip() for loc in root.iter(f"{NAMESPACE}loc") if loc.text]


def check_sitemap(site, data, site_url):
    if data is None:
        return [
            Finding(
                "sitemap",
                SITEMAP,
                None,
                "sitemap.xml tidak ada.",
                "bangun ulang situs; plugin gelar menulisnya (GELAR_SITEMAP_SAVE_AS).",
            )
        ]
    try:
        locations = sitemap_locations(data)
    except ET.ParseError as error:
        return [
            Finding(
                "sitemap",
                SITEMAP,
                error.position[0],
                f"sitemap.xml bukan XML yang sah ({error}).",
                "bangun ulang situs.",
            )
        ]
    findings = []
    listed = set()
    for location in locations:
        target = internal_target("/", location, site_url)
        found = target and target_file(target[0], site.files)
        page = site.pages.get(found) if found else None
        if page is None:
            findings.append(
                Finding(
                    "sitemap",
                    SITEMAP,
                    None,
                    f"mencantumkan `{location}`, tetapi halaman itu tidak ada.",
                    "bangun ulang situs agar sitemap sesuai isinya.",
                )
            )
        elif page.noindex:
            findings.append(
                Finding(
                    "sitemap",
                    SITEMAP,
                    None,
                    f"mencantumkan `{location}`, padahal halaman itu bertanda "
                    "noindex (draf, tersembunyi atau pengalihan).",
                    "bangun ulang situs agar sitemap sesuai isinya.",
                )
            )
        else:
            listed.add(found)
    for path, page in sorted(site.pages.items()):
        if not page.noindex and path not in listed:
            findings.append(
                Finding(
                    "sitemap",
                    SITEMAP,
                    None,
                    f"halaman `{page.address}` ada di situs tetapi tidak tercantum.",
                    "bangun ulang situs agar sitemap sesuai isinya.",
                )
            )
    return findings
