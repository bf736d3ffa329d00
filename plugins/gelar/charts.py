"""Server-side SVG charts: a KBK's rank across the years, an edition's scores.

Pure functions: they take model objects plus the interface text (already
translated by the template) and return SVG markup built with ElementTree,
so every name and label is escaped by the XML serializer. Colours come
from CSS classes, so the charts follow the site's light and dark themes.

Each chart is `role="img"` with a <title> and a <desc> that says in words
everything the picture shows; the page also keeps the full table.
"""

import itertools
import textwrap
import xml.etree.ElementTree as ET

from markupsafe import Markup

SVG_NS = "http://www.w3.org/2000/svg"


def rank_points(kbk):
    """(year, rank or None, teams in that edition) for every year, oldest first."""
    return [
        (p.edition.year, p.result.rank if p.result else None, len(p.edition.teams))
        for p in sorted(kbk.history, key=lambda p: p.edition.year)
    ]


def score_rows(edition):
    """(team name, rank, score) of every team with a score, in result order."""
    return [
        (row.team.name, row.rank, row.result.score)
        for row in edition.rows
        if row.result is not None and row.result.score is not None
    ]


# No viewBox: the SVG is as wide as its box and never scaled, so text keeps
# its CSS size (15 px, axis 14 px) on a 320 px phone as on a wide screen.
# Horizontal positions are percentages of the width, vertical ones pixels.
LINE = 19  # px between lines of a wrapped label
LABEL_CHARS = 26  # a label line fits a 320 px phone at 15 px


def _svg(chart_id, height, title, desc):
    svg = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "width": "100%",
            "height": str(height),
            "class": "chart",
            "role": "img",
            "aria-labelledby": f"{chart_id}-title {chart_id}-desc",
            "id": chart_id,
        },
    )
    ET.SubElement(svg, "title", {"id": f"{chart_id}-title"}).text = title
    ET.SubElement(svg, "desc", {"id": f"{chart_id}-desc"}).text = desc
    return svg


def _text(parent, x, y, text, css, anchor="middle", dx=None):
    attributes = {"x": x, "y": _n(y), "class": css, "text-anchor": anchor}
    if dx is not None:
        attributes["dx"] = _n(dx)
    element = ET.SubElement(parent, "text", attributes)
    element.text = text
    return element


def _n(value):
    """A coordinate without needless decimals."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _pct(value):
    """A horizontal position: `value` percent of the chart's width."""
    return f"{value:.2f}".rstrip("0").rstrip(".") + "%"


def _markup(svg):
    return Markup(ET.tostring(svg, encoding="unicode"))


def rank_chart(kbk, title, point_text, unranked_text, chart_id="grafik-peringkat"):
    """A line of the KBK's rank by year; rank 1 at the top.

    `point_text` formats one year with str.format, e.g. "{year}: rank
    {rank} of {total}"; `unranked_text` a year without a rank ("{year}: ...").
    Returns None when the KBK has no rank in any year.
    """
    points = rank_points(kbk)
    if not any(rank for _year, rank, _total in points):
        return None
    height, top, bottom = 220, 30, 36
    left, right = 12.0, 90.0  # percent of the width
    worst = max(max(rank or 1, total) for _year, rank, total in points)
    plot_h = height - top - bottom
    step = (right - left) / max(len(points) - 1, 1)

    def x_of(index):
        return left + index * step if len(points) > 1 else (left + right) / 2

    def y_of(rank):
        return top + (rank - 1) * plot_h / max(worst - 1, 1)

    desc = "; ".join(
        point_text.format(year=year, rank=rank, total=total)
        if rank
        else unranked_text.format(year=year)
        for year, rank, total in points
    )
    svg = _svg(chart_id, height, title, desc + ".")
    grid = ET.SubElement(svg, "g", {"class": "chart-grid", "aria-hidden": "true"})
    for rank in sorted({1, worst}):
        y = y_of(rank)
        ET.SubElement(
            grid,
            "line",
            {"x1": _pct(left), "x2": _pct(right), "y1": _n(y), "y2": _n(y)},
        )
        _text(grid, _pct(left), y + 5, str(rank), "chart-axis", anchor="end", dx=-8)
    marks = ET.SubElement(svg, "g", {"aria-hidden": "true"})
    ranked = [(x_of(i), y_of(r)) for i, (_y, r, _t) in enumerate(points) if r]
    for (x1, y1), (x2, y2) in itertools.pairwise(ranked):
        ET.SubElement(
            marks,
            "line",
            {
                "class": "chart-line",
                "x1": _pct(x1),
                "y1": _n(y1),
                "x2": _pct(x2),
                "y2": _n(y2),
            },
        )
    for index, (year, rank, _total) in enumerate(points):
        x = _pct(x_of(index))
        _text(marks, x, height - 12, str(year), "chart-axis")
        if rank:
            y = y_of(rank)
            ET.SubElement(
                marks,
                "circle",
                {"class": "chart-point", "cx": x, "cy": _n(y), "r": "6"},
            )
            _text(marks, x, y - 11, str(rank), "chart-value")
    return _markup(svg)


def score_chart(edition, title, row_text, number, chart_id="grafik-nilai"):
    """Horizontal bars of every score, in result order, each under its
    team's name (wrapped onto more lines when long).

    `row_text` formats one team, e.g. "{name}: {score} (rank {rank})";
    `number` formats a score for people (e.g. Babel's `angka`). Returns None
    when no team has a score.
    """
    rows = score_rows(edition)
    if not rows:
        return None
    bar_area = 78.0  # percent of the width; the score is written after it
    scale_max = max(100.0, max(score for _n_, _r, score in rows))
    labels = [
        textwrap.wrap(name, LABEL_CHARS, break_long_words=True) or [""]
        for name, _rank, _score in rows
    ]
    height = 8 + sum(len(lines) * LINE + 30 for lines in labels)
    desc = "; ".join(
        row_text.format(name=name, score=number(score), rank=rank)
        for name, rank, score in rows
    )
    svg = _svg(chart_id, height, title, desc + ".")
    marks = ET.SubElement(svg, "g", {"aria-hidden": "true"})
    y = 8
    for lines, (_name, _rank, score) in zip(labels, rows, strict=True):
        for line in lines:
            _text(marks, "0", y + 14, line, "chart-label", anchor="start")
            y += LINE
        length = bar_area * score / scale_max
        ET.SubElement(
            marks,
            "rect",
            {
                "class": "chart-bar",
                "x": "0",
                "y": _n(y + 4),
                "width": _pct(length),
                "height": "16",
                "rx": "2",
            },
        )
        _text(marks, _pct(length), y + 17, number(score), "chart-value", "start", 6)
        y += 30
    return _markup(svg)
