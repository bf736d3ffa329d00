"""Server-side SVG charts: a KBK's rank across the years, an edition's scores.

Pure functions: they take model objects plus the interface text (already
translated by the template) and return SVG markup built with ElementTree,
so every name and label is escaped by the XML serializer. Colours come
from CSS classes, so the charts follow the site's light and dark themes.

Each chart is `role="img"` with a <title> and a <desc> that says in words
everything the picture shows; the page also keeps the full table.
"""

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


def _svg(chart_id, width, height, title, desc):
    svg = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "viewBox": f"0 0 {width} {height}",
            "class": "chart",
            "role": "img",
            "aria-labelledby": f"{chart_id}-title {chart_id}-desc",
            "id": chart_id,
        },
    )
    ET.SubElement(svg, "title", {"id": f"{chart_id}-title"}).text = title
    ET.SubElement(svg, "desc", {"id": f"{chart_id}-desc"}).text = desc
    return svg


def _text(parent, x, y, text, css, anchor="middle"):
    element = ET.SubElement(
        parent,
        "text",
        {"x": _n(x), "y": _n(y), "class": css, "text-anchor": anchor},
    )
    element.text = text
    return element


def _n(value):
    """A coordinate without needless decimals."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


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
    width, height = 560, 240
    left, right, top, bottom = 48, 24, 28, 40
    worst = max(max(rank or 1, total) for _year, rank, total in points)
    plot_w = width - left - right
    plot_h = height - top - bottom
    step = plot_w / max(len(points) - 1, 1)

    def x_of(index):
        return left + (index * step if len(points) > 1 else plot_w / 2)

    def y_of(rank):
        return top + (rank - 1) * plot_h / max(worst - 1, 1)

    desc = "; ".join(
        point_text.format(year=year, rank=rank, total=total)
        if rank
        else unranked_text.format(year=year)
        for year, rank, total in points
    )
    svg = _svg(chart_id, width, height, title, desc + ".")
    grid = ET.SubElement(svg, "g", {"class": "chart-grid", "aria-hidden": "true"})
    for rank in sorted({1, worst}):
        y = y_of(rank)
        ET.SubElement(
            grid,
            "line",
            {"x1": _n(left), "x2": _n(width - right), "y1": _n(y), "y2": _n(y)},
        )
        _text(grid, left - 8, y + 5, str(rank), "chart-axis", anchor="end")
    marks = ET.SubElement(svg, "g", {"aria-hidden": "true"})
    ranked = [(x_of(i), y_of(r)) for i, (_y, r, _t) in enumerate(points) if r]
    if len(ranked) > 1:
        ET.SubElement(
            marks,
            "polyline",
            {
                "class": "chart-line",
                "points": " ".join(f"{_n(x)},{_n(y)}" for x, y in ranked),
            },
        )
    for index, (year, rank, _total) in enumerate(points):
        x = x_of(index)
        _text(marks, x, height - 12, str(year), "chart-axis")
        if rank:
            y = y_of(rank)
            ET.SubElement(
                marks,
                "circle",
                {"class": "chart-point", "cx": _n(x), "cy": _n(y), "r": "6"},
            )
            _text(marks, x, y - 11, str(rank), "chart-value")
    return _markup(svg)


def score_chart(edition, title, row_text, number, chart_id="grafik-nilai"):
    """Horizontal bars of every score, in result order.

    `row_text` formats one team, e.g. "{name}: {score} (rank {rank})";
    `number` formats a score for people (e.g. Babel's `angka`). Returns None
    when no team has a score.
    """
    rows = score_rows(edition)
    if not rows:
        return None
    width, row_h, top = 560, 46, 8
    height = top + row_h * len(rows) + 8
    scale_max = max(100.0, max(score for _n_, _r, score in rows))
    bar_w = width - 80
    desc = "; ".join(
        row_text.format(name=name, score=number(score), rank=rank)
        for name, rank, score in rows
    )
    svg = _svg(chart_id, width, height, title, desc + ".")
    marks = ET.SubElement(svg, "g", {"aria-hidden": "true"})
    for index, (name, _rank, score) in enumerate(rows):
        y = top + index * row_h
        _text(marks, 0, y + 14, name, "chart-label", anchor="start")
        length = bar_w * score / scale_max
        ET.SubElement(
            marks,
            "rect",
            {
                "class": "chart-bar",
                "x": "0",
                "y": _n(y + 20),
                "width": _n(length),
                "height": "16",
                "rx": "2",
            },
        )
        _text(marks, length + 6, y + 33, number(score), "chart-value", anchor="start")
    return _markup(svg)
