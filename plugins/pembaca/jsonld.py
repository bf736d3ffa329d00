"""Structured data (schema.org JSON-LD) for news, editions, KBKs and downloads.

Pure functions from model objects to plain dicts; `script_json` turns a
dict into text that is safe inside <script type="application/ld+json">.
JSON is always made by `json.dumps`, never by a template.
"""

import json
from dataclasses import dataclass, field

from markupsafe import Markup

CONTEXT = "https://schema.org"


@dataclass(frozen=True)
class Site:
    """What every record needs to know about the site."""

    address: str  # absolute base address without the final "/", or ""
    name: str
    author: str
    organizer: str
    organizer_url: str = ""
    language: str = "id"
    licence_url: str = ""
    # The publisher's Organization record (`publisher()` below).
    publisher: dict = field(default_factory=dict)

    def url(self, path):
        return f"{self.address}/{path}" if path else f"{self.address}/"


def _organization(name, url=""):
    found = {"@type": "Organization", "name": name}
    if url:
        found["url"] = url
    return found


@dataclass(frozen=True)
class Publisher:
    """The office that publishes the site (sitekit/identity.py)."""

    name: str
    organisation: str = ""
    organisation_url: str = ""
    url: str = ""
    logo: str = ""  # absolute address of a square logo
    logo_size: int = 0
    address: str = ""
    phone: str = ""
    email: str = ""
    social: tuple = ()  # (name, address) pairs


def publisher(facts):
    """The publisher as a schema.org Organization, with its logo and contact."""
    data = {"@type": "Organization", "name": facts.name}
    if facts.url:
        data["url"] = facts.url
    if facts.logo:
        data["logo"] = {
            "@type": "ImageObject",
            "url": facts.logo,
            "width": facts.logo_size,
            "height": facts.logo_size,
        }
    if facts.address:
        data["address"] = {"@type": "PostalAddress", "streetAddress": facts.address}
    if facts.phone:
        data["telephone"] = facts.phone
    if facts.email:
        data["email"] = facts.email
    if facts.social:
        data["sameAs"] = [address for _name, address in facts.social]
    if facts.organisation and facts.organisation != facts.name:
        data["parentOrganization"] = _organization(
            facts.organisation, facts.organisation_url
        )
    return data


def home_records(site, search_url):
    """The home page's WebSite (with its search) and the publisher."""
    return {
        "@context": CONTEXT,
        "@graph": [
            {
                "@type": "WebSite",
                "name": site.name,
                "url": site.url(""),
                "inLanguage": site.language,
                "publisher": site.publisher,
                "potentialAction": {
                    "@type": "SearchAction",
                    "target": {
                        "@type": "EntryPoint",
                        "urlTemplate": site.url(search_url) + "?q={kata}",
                    },
                    "query-input": "required name=kata",
                },
            },
        ],
    }


def _image(site, obj):
    path = getattr(obj, "share_image", "")
    return [site.url(path)] if path else []


def news_article(article, site):
    data = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "headline": Markup(article.title).striptags()[:110],
        "url": site.url(article.url),
        "mainEntityOfPage": site.url(article.url),
        "datePublished": article.date.isoformat(),
        "dateModified": getattr(article, "modified", article.date).isoformat(),
        "inLanguage": site.language,
        "author": [_author(article, site)],
        "publisher": site.publisher,
        "image": _image(site, article),
        "articleSection": str(article.category),
    }
    summary = Markup(getattr(article, "summary", "") or "").striptags()
    if summary:
        data["description"] = summary
    tags = getattr(article, "tags", None)  # absent when an article has none
    if tags:
        data["keywords"] = [str(tag) for tag in tags]
    edition = getattr(article, "gelar_edition", None)
    if edition is not None:
        data["about"] = {
            "@type": "Event",
            "name": edition.event.title,
            "url": site.url(edition.url),
        }
    return data


def _author(article, site):
    """The office itself when it wrote the article (no author pages: see
    docs/panduan-editor.md), else the name given in `Author:`."""
    name = str(article.author) if article.author else site.author
    if site.publisher and name == site.publisher.get("name"):
        return site.publisher
    return _organization(name)


def _kbk_org(kbk, site, team=None):
    team = team or kbk.latest
    return {
        "@type": "Organization",
        "name": team.name,
        "url": site.url(kbk.url),
        "parentOrganization": _organization(team.institution),
    }


def event(edition, site):
    """An edition as an Event, its teams as competitors."""
    happening = edition.event
    data = {
        "@context": CONTEXT,
        "@type": "Event",
        "name": happening.title,
        "url": site.url(edition.url),
        "startDate": happening.date.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "inLanguage": site.language,
        "location": {
            "@type": "Place",
            "name": happening.venue,
            "address": happening.venue,
        },
        "organizer": _organization(site.organizer, site.organizer_url),
        "competitor": [
            _kbk_org(kbk, site, team)
            for team, kbk in zip(edition.teams, edition.kbks, strict=True)
        ],
        "image": _image(site, edition),
    }
    if happening.occasion:
        data["description"] = f"{happening.title}, {happening.occasion}."
    return data


def organization(kbk, site):
    data = {"@context": CONTEXT, **_kbk_org(kbk, site)}
    names = [term for term in kbk.terms if term != kbk.name]
    if names:
        data["alternateName"] = names
    data["image"] = _image(site, kbk)
    data["subjectOf"] = [
        {
            "@type": "Event",
            "name": p.edition.event.title,
            "url": site.url(p.edition.url),
            "startDate": p.edition.event.date.isoformat(),
        }
        for p in kbk.history
    ]
    return data


def _download(site, encoding, path):
    return {
        "@type": "DataDownload",
        "encodingFormat": encoding,
        "contentUrl": site.url(path),
    }


def _dataset(site, name, description, url, published, updated, downloads):
    data = {
        "@context": CONTEXT,
        "@type": "Dataset",
        "name": name,
        "description": description,
        "url": site.url(url),
        "inLanguage": site.language,
        "isAccessibleForFree": True,
        "datePublished": published.isoformat(),
        "dateModified": updated.isoformat(),
        "creator": _organization(site.organizer, site.organizer_url),
        "publisher": site.publisher,
        "distribution": [_download(site, *download) for download in downloads],
    }
    if site.licence_url:
        data["license"] = site.licence_url
    return data


def _downloads_dataset(obj, site, name, description, coverage):
    """The CSV and JSON downloads of an edition or a KBK as one Dataset."""
    data = _dataset(
        site,
        name,
        description,
        obj.url,
        obj.published,
        obj.updated,
        [("text/csv", obj.csv_url), ("application/json", obj.json_url)],
    )
    data["temporalCoverage"] = coverage
    return data


def dataset(edition, site, description):
    """The edition's CSV and JSON downloads as one Dataset."""
    name = f"Hasil {edition.event.title}"
    return _downloads_dataset(edition, site, name, description, str(edition.year))


def kbk_dataset(kbk, site, description):
    """A KBK's history downloads (CSV and JSON) as one Dataset."""
    years = kbk.years
    coverage = f"{years[0]}/{years[-1]}"
    return _downloads_dataset(kbk, site, f"Riwayat {kbk.name}", description, coverage)


def archive_dataset(editions, site, description, url, downloads):
    """Every year's results at once: `downloads` are (format, path) pairs
    (the CSV, the JSON and the data package)."""
    years = sorted(edition.year for edition in editions)
    data = _dataset(
        site,
        "Hasil Gelar Budaya Kerja semua tahun",
        description,
        url,
        min(edition.published for edition in editions),
        max(edition.updated for edition in editions),
        downloads,
    )
    data["temporalCoverage"] = f"{years[0]}/{years[-1]}"
    return data


def script_json(data):
    """JSON text that cannot end its <script> element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, indent=None, sort_keys=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return Markup(text)
