"""The open data package validates with the `frictionless` library.

/data/datapackage.json describes every CSV and JSON download: the tables
beside it by relative path, the per-edition and per-KBK files by their
absolute address. Those addresses name the preview server
(http://127.0.0.1:8000); here a requests adapter sends them to the built
site served on a free port, so frictionless reads the real files over
HTTP. Judged on the demo, and on the demo grown by an edition with a
tie, a missing score, a renamed institution and a renamed KBK.
"""

import json
import shutil
import textwrap
from contextlib import contextmanager

import pytest
import requests
from bs4 import BeautifulSoup
from demo_pages import ADDRESS
from frictionless import system, validate
from requests.adapters import HTTPAdapter

from conftest import copy_project, invoke, serving


class ToServedSite(HTTPAdapter):
    """Sends requests for the preview address to the site served in a test."""

    def __init__(self, served):
        super().__init__()
        self.served = served

    def send(self, request, **kwargs):
        request.url = request.url.replace(ADDRESS, self.served, 1)
        return super().send(request, **kwargs)


@contextmanager
def reading_from(site):
    with serving(site) as url:
        session = requests.Session()
        session.mount(ADDRESS + "/", ToServedSite(url))
        with system.use_context(http_session=session):
            yield


def validation_report(site):
    with reading_from(site):
        return validate(str(site / "data/datapackage.json"))


def errors_of(report):
    found = [error.note for error in report.errors]
    for task in report.tasks:
        found += [f"{task.name}: {error.note}" for error in task.errors]
    return found


def downloads(site):
    """Every CSV and JSON download of the site, as absolute addresses."""
    found = set()
    # Not downloads: the package itself, its shared Table Schema, the
    # web app manifest and the search index.
    others = ("data/datapackage.json", "data/hasil.schema.json", "site.webmanifest")
    for path in site.rglob("*"):
        relative = path.relative_to(site).as_posix()
        if (
            path.suffix in (".csv", ".json")
            and not relative.startswith("pagefind")
            and relative not in others
        ):
            found.add(f"{ADDRESS}/{relative}")
    return found


def described(site):
    package = json.loads((site / "data/datapackage.json").read_text())
    found = set()
    for resource in package["resources"]:
        path = resource["path"]
        found.add(path if "://" in path else f"{ADDRESS}/data/{path}")
    return package, found


def test_demo_data_package_and_every_resource_validate(demo_site):
    report = validation_report(demo_site)
    assert report.valid, errors_of(report)
    package, paths = described(demo_site)
    assert paths == downloads(demo_site)
    assert len(report.tasks) == len(package["resources"])
    # JSON resources are only loaded by frictionless: check they parse.
    for resource in package["resources"]:
        if resource["format"] == "json":
            path = resource["path"].replace(ADDRESS + "/", "")
            json.loads((demo_site / ("data/" + path if "/" not in path else path))
                       .read_text(encoding="utf-8"))  # fmt: skip
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert [s["title"][:4] for s in package["sources"]] == ["2015", "2016", "2017"]
    assert all("data contoh" in s["title"] for s in package["sources"][1:])


def test_the_package_describes_keys_and_constraints(demo_site):
    package, _paths = described(demo_site)
    tables = {r["name"]: r for r in package["resources"] if r["format"] == "csv"}
    assert tables["gelar"]["schema"]["primaryKey"] == ["year"]
    assert tables["kbk"]["schema"]["primaryKey"] == ["id"]
    schema = json.loads((demo_site / "data/hasil.schema.json").read_text())
    assert tables["hasil-semua"]["schema"] == "hasil.schema.json"
    assert tables["hasil-2017"]["schema"] == "hasil.schema.json"
    assert schema["primaryKey"] == ["year", "id"]
    fields = {field["name"]: field for field in schema["fields"]}
    assert fields["rank"]["type"] == "integer"
    assert fields["rank"]["constraints"] == {"minimum": 1}
    assert fields["score"]["type"] == "number"
    assert fields["score"]["constraints"] == {"minimum": 0}
    assert fields["sample"]["type"] == "boolean"
    references = {fk["fields"][0]: fk["reference"] for fk in schema["foreignKeys"]}
    assert references == {
        "year": {"resource": "gelar", "fields": ["year"]},
        "id": {"resource": "kbk", "fields": ["id"]},
        "institution_id": {"resource": "instansi", "fields": ["id"]},
    }


def test_frictionless_catches_a_planted_bad_row(demo_site, tmp_path):
    site = tmp_path / "situs"
    shutil.copytree(demo_site, site)
    edition = site / "gelar/2017/hasil.csv"
    text = edition.read_text(encoding="utf-8")
    edition.write_text(text.replace("2017,true,1,formasi", "2017,true,0,formasi"))
    table = site / "data/hasil-semua.csv"
    text = table.read_text(encoding="utf-8")
    table.write_text(text.replace(",cheerful,", ",cheerfull,", 1), encoding="utf-8")
    report = validation_report(site)
    assert not report.valid
    found = "\n".join(errors_of(report))
    assert 'hasil-2017: constraint "minimum" is "1"' in found
    assert 'hasil-semua: for "id": values "cheerfull" not found' in found


# The demo grown by a hidden edition -----------------------------------------------

HIDDEN_EDITION = """\
    year: 2018
    sample: true
    updated: 2018-10-20
    event:
      title: Gelar Budaya Kerja Pemerintah Kabupaten Magetan 2018
      date: 2018-10-03
      venue: Gedung PPI Magetan
    teams:
      - id: kopling
        name: KBK Kopling Gas
        institution: SMAN 1 Karas
        former_ids: [kopling-gas]
      - id: lentera
        name: KBK Lentera
        institution: Dinas Pendidikan dan Kebudayaan
        institution_id: dinas-pendidikan
      - id: tunas-cendekia
        name: KBK Tunas Cendekia
        institution: SMAN 1 Magetan
    results:
      - team: lentera
        rank: 1
        score: 90.5
      - team: kopling
        rank: 1
        score: 90.5
      - team: tunas-cendekia
        rank: 3
    corrections:
      - date: 2018-10-05
        note: Peringkat KBK Kopling Gas diperbaiki menjadi 1 (seri).
    """
# An institution renamed since 2017: the same stable id, another name.
RENAMED = """\
    year: 2017
    sample: true
    event:
      title: Gelar Budaya Kerja Pemerintah Kabupaten Magetan 2017
      date: 2017-10-04
      venue: Gedung PPI Magetan
    teams:
      - id: lentera
        name: KBK Lentera
        institution: Dinas Pendidikan
    """


@pytest.fixture(scope="module")
def hidden_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("tersembunyi") / "project")
    data = project / "content/data"
    (data / "2018.yaml").write_text(textwrap.dedent(HIDDEN_EDITION), encoding="utf-8")
    # kopling-gas is renamed `kopling`: the 2015 file uses the new id.
    year_2015 = data / "2015.yaml"
    text = year_2015.read_text(encoding="utf-8")
    year_2015.write_text(text.replace("id: kopling-gas", "id: kopling"))
    year_2017 = data / "2017.yaml"
    text = year_2017.read_text(encoding="utf-8")
    extra = textwrap.dedent(RENAMED).split("teams:\n", 1)[1]
    year_2017.write_text(text.replace("teams:\n", "teams:\n" + extra, 1))
    result = invoke(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return (project / "output").resolve()


@pytest.mark.slow
def test_hidden_edition_data_package_validates(hidden_site):
    report = validation_report(hidden_site)
    assert report.valid, errors_of(report)
    rows = (hidden_site / "gelar/2018/hasil.csv").read_text(encoding="utf-8-sig")
    assert "2018,true,1,kopling,KBK Kopling Gas,SMAN 1 Karas,sman-1-karas,90.5" in rows
    assert "2018,true,1,lentera," in rows, "the tie stays a tie"
    assert "2018,true,3,tunas-cendekia,KBK Tunas Cendekia,SMAN 1 Magetan," in rows
    assert ",sman-1-magetan,,," in rows, "a missing score is an empty cell"
    institutions = (hidden_site / "data/instansi.csv").read_text(encoding="utf-8-sig")
    assert (
        "dinas-pendidikan,true,Dinas Pendidikan dan Kebudayaan,Dinas Pendidikan,"
        in (institutions)
    )


@pytest.mark.slow
def test_old_anchors_of_a_renamed_kbk_still_land_on_its_row(hidden_site):
    for year, parent in (("2018", "tr"), ("2015", "li")):
        page = BeautifulSoup(
            (hidden_site / f"gelar/{year}/index.html").read_text(encoding="utf-8"),
            "html.parser",
        )
        old = page.find(id="kbk-kopling-gas")
        assert old is not None, year
        row = old.find_parent(parent)
        assert row["id"] == "kbk-kopling"
    renamed = BeautifulSoup(
        (hidden_site / "instansi/dinas-pendidikan/index.html").read_text(),
        "html.parser",
    )
    assert renamed.h1.get_text(strip=True) == "Dinas Pendidikan dan Kebudayaan"
    assert "Dinas Pendidikan (2017)" in renamed.select_one(".other-names").get_text()
    assert (hidden_site / "kbk/kopling-gas/index.html").is_file(), "a redirect page"
