"""Every page's headings form an outline: one <h1>, no level skipped.

Screen-reader users move through a page by its headings; a skipped level
(an <h3> straight after the <h1>) reads as a missing section, and a second
<h1> as a second page. The rules, over the headings in page order:

- the page has exactly one <h1>, and it is the first heading;
- each heading is at most one level deeper than the heading before it
  (going back up any number of levels is fine);
- no heading sits inside another heading.

Headings in the text of articles and pages are already nested under the
title by the theme (plugins/pembaca/outline.py), so a finding here points
at a template, or at raw HTML in an article.
"""

from .findings import Finding

HINT = (
    "perbaiki templat yang menghasilkan halaman ini (theme/templates/), atau "
    "HTML mentah di isi artikelnya; setiap halaman punya satu <h1>, dan setiap "
    "judul paling banyak satu tingkat di bawah judul sebelumnya."
)


def _named(heading):
    text = heading.text if len(heading.text) <= 60 else heading.text[:57] + "…"
    return f"<h{heading.level}> “{text}”"


def outline_problems(headings):
    """(line, message) for every break of the rules in `headings`."""
    problems = []
    previous, first_h1 = None, None
    for heading in headings:
        if heading.inside is not None:
            problems.append(
                (
                    heading.line,
                    f"judul {_named(heading)} ada di dalam judul <h{heading.inside}>.",
                )
            )
        if heading.level == 1 and first_h1 is not None:
            problems.append(
                (
                    heading.line,
                    f"judul {_named(heading)} adalah <h1> kedua; <h1> pertama "
                    f"ada di baris {first_h1.line}.",
                )
            )
        elif previous is None and heading.level != 1:
            problems.append(
                (
                    heading.line,
                    f"judul pertama halaman ini {_named(heading)}, bukan <h1>.",
                )
            )
        elif previous is not None and heading.level > previous.level + 1:
            problems.append(
                (
                    heading.line,
                    f"judul {_named(heading)} melompati tingkat: judul "
                    f"sebelumnya <h{previous.level}> (baris {previous.line}).",
                )
            )
        if heading.level == 1 and first_h1 is None:
            first_h1 = heading
        previous = heading
    if not headings:
        problems.append((None, "halaman ini tidak punya judul <h1>."))
    return problems


def check_outline(pages):
    """Findings for every page of `pages` (path -> Page) that breaks a rule."""
    return [
        Finding("outline", path, line, message, HINT)
        for path, page in sorted(pages.items())
        for line, message in outline_problems(page.headings)
    ]
