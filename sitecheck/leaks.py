"""No draft, no hidden content and no scaffold placeholder is public.

Drafts are marked by the theme (`<body data-status="draft">`); hidden
content (`Status: hidden`) may have its own page but must not be listed
in the sitemap or feeds. Titles of drafts read from the content folder
must appear on no page and in no feed, whatever the theme marks.
"""

import os
import re

from sitekit import placeholders

from .findings import Finding

STATUS = re.compile(r"^status\s*:\s*(\w+)\s*$", re.IGNORECASE | re.MULTILINE)
TITLE = re.compile(r"^title\s*:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)
# Shorter titles ("Rapat") would match ordinary text by chance.
MIN_TITLE = 12


def metadata_block(text):
    """The metadata lines at the top of a Markdown article."""
    return text.split("\n\n", 1)[0]


def draft_titles(sources):
    """Titles of drafts, from (path, text) of Markdown content files."""
    found = {}
    for _path, text in sources:
        head = metadata_block(text)
        status, title = STATUS.search(head), TITLE.search(head)
        is_draft = status and status.group(1).lower() == "draft"
        if is_draft and title and len(title.group(1)) >= MIN_TITLE:
            found[title.group(1)] = "draft"
    return list(found)


def read_sources(content_path):
    sources = []
    for folder, _dirs, names in os.walk(content_path):
        for name in names:
            if name.endswith((".md", ".markdown")):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8", errors="replace") as handle:
                    sources.append((path, handle.read()))
    return sources


def check_leaks(site, draft_titles, feed_texts, listed_paths):
    """`feed_texts` is {feed path: text of its titles and summaries};
    `listed_paths` the output files the sitemap or a feed links to."""
    findings = []
    for path, page in sorted(site.pages.items()):
        if page.status == "draft":
            findings.append(
                Finding(
                    "leaks",
                    path,
                    None,
                    "halaman draf ada di situs.",
                    "jangan terbitkan hasil `invoke build --drafts`; pakai "
                    "`invoke publish`, yang tidak pernah memuat draf.",
                )
            )
        elif page.status == "hidden" and path in listed_paths:
            findings.append(
                Finding(
                    "leaks",
                    path,
                    None,
                    "halaman tersembunyi (Status: hidden) tercantum di sitemap "
                    "atau umpan.",
                    "bangun ulang situs; periksa templat umpan dan sitemap.",
                )
            )
        else:
            findings += [
                _title_leak(path, title)
                for title in draft_titles
                if title in page.text or title in page.title
            ]
    for path, text in sorted(feed_texts.items()):
        for title in draft_titles:
            if title in text:
                findings.append(_title_leak(path, title))
    return findings


def check_placeholders(site, feed_texts):
    """Pages and feeds that still show the text `invoke new-article` writes
    for the editor to replace (sitekit/placeholders.py)."""
    texts = {
        path: site.read_bytes(path).decode("utf-8", "replace")
        for path, page in site.pages.items()
        if page.status != "draft"
    }
    texts.update(feed_texts)
    return [
        Finding(
            "leaks",
            path,
            None,
            f"masih memuat teks contoh `{placeholder}` dari `invoke new-article`.",
            "ganti teks contoh di artikelnya (ringkasan, isi, komentar "
            "petunjuk), lalu bangun ulang.",
        )
        for path, text in sorted(texts.items())
        for placeholder in placeholders.VISIBLE
        if placeholder in text
    ]


def _title_leak(path, title):
    return Finding(
        "leaks",
        path,
        None,
        f"memuat judul draf `{title}`.",
        "draf tidak boleh terlihat di situs publik: hapus tautan atau "
        "sebutannya, atau terbitkan artikelnya dulu.",
    )
