"""The word measure: the importer counts what each post kept, and so do
these tests, on their own, on the built site.

Pelican ships a real WordPress export with its test suite; it is imported
and built here, and every published post must keep at least 97% of its
words, repeats counted. A loss planted in the converter must show in the
importer's report, with its words.
"""

import re
import xml.etree.ElementTree as ElementTree
from collections import Counter
from pathlib import Path

import pelican.tests
import pytest
from bs4 import BeautifulSoup
from pelican.settings import read_settings
from wordpress_fixtures import FIXTURES

from conftest import copy_project, invoke, soup
from wpimport import convert, importer, words
from wpimport.report import format_report
from wpimport.site import site_from_settings

PELICAN_EXPORT = Path(pelican.tests.__file__).parent / "content/wordpressexport.xml"
WP = "{http://wordpress.org/export/1.1/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_SHORTCODE = re.compile(r"\[/?[a-z_]+\b[^\]]*\]")
_ADDRESS = re.compile(r"\S*//\S*")


def counted(html):
    """Words of an HTML fragment as a reader sees them, repeats counted.

    The test's own count, simpler than the importer's: every tag is a
    space, shortcode tags and addresses are not words.
    """
    text = BeautifulSoup(_SHORTCODE.sub(" ", html), "html.parser").get_text(" ")
    return Counter(re.findall(r"\w+", _ADDRESS.sub(" ", text).casefold()))


def published(export):
    """(URL path of the built page, content HTML) of each published item."""
    channel = ElementTree.parse(export).getroot().find("channel")
    found = []
    for item in channel.findall("item"):
        kind = item.findtext(f"{WP}post_type")
        if item.findtext(f"{WP}status") != "publish" or kind == "attachment":
            continue
        slug = item.findtext(f"{WP}post_name")
        year = item.findtext(f"{WP}post_date")[:4]
        url = f"berita/{year}/{slug}/" if kind == "post" else f"{slug}/"
        found.append((url, item.findtext(CONTENT) or ""))
    return found


@pytest.mark.slow
def test_pelicans_export_keeps_its_words_in_the_built_site(tmp_path):
    project = copy_project(tmp_path / "project")
    result = invoke(project, "import-wordpress", str(PELICAN_EXPORT))
    assert result.returncode == 0, result.stdout + result.stderr
    built = invoke(project, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    items = published(PELICAN_EXPORT)
    assert len(items) == 12  # 7 posts, 2 pages, 3 items of custom post types
    total = kept = 0
    for url, html in items:
        source = counted(html)
        page = soup(project / "output", url).find("div", class_="content")
        output = counted(str(page)) if page is not None else Counter()
        lost = source - output
        share = 1 - sum(lost.values()) / sum(source.values()) if source else 1
        assert share >= 0.97, (url, share, lost)
        total += sum(source.values())
        kept += sum(source.values()) - sum(lost.values())
    assert kept / total >= 0.99, kept / total
    assert "(100,0%)" in result.stdout  # the importer's own count agrees


def test_the_measure_catches_a_planted_loss():
    source = words.source_words(
        "<!-- wp:paragraph --><p>Warga datang pagi.</p><!-- /wp:paragraph -->"
        '[caption id="1"]<img src="a.jpg"> Warga datang[/caption]'
        "<p>Warga datang pagi.</p><p>Rapat dimulai.</p>"
    )
    assert source == Counter(warga=3, datang=3, pagi=2, rapat=1, dimulai=1)
    settings = read_settings(str(Path(__file__).parent.parent / "pelicanconf.py"))
    whole = (
        "Warga datang pagi.\n\nWarga datang\n\nWarga datang pagi.\n\nRapat dimulai.\n"
    )
    assert not words.measure(
        source, words.markdown_words(whole, settings["MARKDOWN"])
    ).lost
    # The same paragraph twice is two paragraphs: keeping one is a loss.
    planted = "Warga datang pagi.\n\nWarga datang\n\nRapat dimulai.\n"
    kept = words.measure(source, words.markdown_words(planted, settings["MARKDOWN"]))
    assert kept.lost == Counter(warga=1, datang=1, pagi=1)
    assert kept.total == 10 and kept.kept == 7
    # Removed on purpose (an ad), it is told apart from a loss.
    meant = words.measure(
        source,
        words.markdown_words(planted, settings["MARKDOWN"]),
        ["Warga datang pagi"],
    )
    assert not meant.lost and meant.removed == Counter(warga=1, datang=1, pagi=1)


def test_the_report_names_a_post_that_lost_words(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project")
    settings = read_settings(str(project / "pelicanconf.py"))
    settings.setdefault("GELAR_DATA_PATH", "data")
    site = site_from_settings(settings)
    # A converter that loses every quote, as a bug would.
    monkeypatch.setattr(
        convert._Converter, "convert_blockquote", lambda *args, **kwargs: ""
    )
    report = format_report(importer.import_wordpress(FIXTURES / "kasus.xml", site))
    assert "Berkas yang kehilangan kata tanpa disengaja: 1;" in report
    line = report.index("content/berita/2016/rapat-anggaran.md (`Rapat Anggaran")
    assert (
        "hilang: bersih, contoh, dari, dimulai, kelurahan, lurah, rumah"
        in (report[line:])
    )
