"""Tables in the text of an article or a page, readable on a phone.

The theme's own tables name each cell for narrow screens (`data-label`,
class `stack`: each row becomes a block, main.css). A table written in an
article, or brought by an import, gets the same: `stack_tables` gives
every table with a header row the class and each body cell the text of
its column's header. A cell spanning columns keeps the header of its first
column; a table without a <thead> is left as written (it then only wraps
its words, as every table does).
"""

from bs4 import BeautifulSoup


def _span(cell):
    """How many columns a cell covers (1 for a missing or odd colspan)."""
    span = str(cell.get("colspan", "1"))
    return int(span) if span.isdigit() and int(span) > 0 else 1


def _headers(table):
    """The texts of the table's header row, one per column (a header
    spanning columns names each), or None without a <thead> row."""
    row = table.select_one("thead tr")
    if row is None or row.find("th") is None:
        return None
    names = []
    for cell in row.find_all(["th", "td"]):
        names += [cell.get_text(" ", strip=True)] * _span(cell)
    return names


def stack_tables(html):
    """`html` with each table that has a header row made `stack`able."""
    if "<table" not in html:
        return html
    tree = BeautifulSoup(html, "html.parser")
    changed = False
    for table in tree.find_all("table"):
        names = _headers(table)
        if names is None:
            continue
        table["class"] = [*table.get("class", []), "stack"]
        for body in table.find_all("tbody"):
            for row in body.find_all("tr"):
                column = 0
                for cell in row.find_all(["td", "th"], recursive=False):
                    if cell.name == "td" and column < len(names) and names[column]:
                        cell["data-label"] = names[column]
                    column += _span(cell)
        changed = True
    return str(tree) if changed else html
