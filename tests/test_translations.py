"""Every interface string in the theme has an Indonesian translation."""

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from conftest import ROOT

CATALOG = ROOT / "theme/translations/id/LC_MESSAGES/messages.po"


def template_messages():
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT / "theme/templates"),
        method_map=[("**.html", "jinja2")],
        options_map={"**.html": {"extensions": "jinja2.ext.i18n"}},
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_catalog_translates_every_template_string_and_nothing_else():
    with CATALOG.open("rb") as handle:
        catalog = read_po(handle, locale="id")
    translated = {m.id: m.string for m in catalog if m.id}
    used = template_messages()
    assert len(used) > 40
    assert sorted(used - set(translated)) == [], "run `invoke i18n` and translate"
    assert sorted(set(translated) - used) == [], "stale strings in the catalog"
    assert [k for k, v in translated.items() if not v] == []


def test_dates_are_formatted_by_babel_in_indonesian(demo_site):
    html = (demo_site / "gelar/2017/index.html").read_text(encoding="utf-8")
    assert "4 Oktober 2017" in html
    assert "October" not in html
