"""Old addresses keep working: redirect pages, the nginx map, and the
build refusing redirects that point nowhere, loop or hide a real page."""

import re
from pathlib import Path

import pytest

from conftest import digest, invoke, serving, soup

OLD_REPORT = "/2015/09/30/gelar-budaya-kerja-2015/"
REPORT_URL = "/berita/2015/gelar-budaya-kerja-2015/"
REPORT = "content/berita/2015/gelar-budaya-kerja-2015.md"
REDIRECTS = "content/redirects.yaml"


def redirect_target(site, url):
    """(refresh target, canonical, link) of the redirect page at `url`."""
    page = soup(site, url)
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})["content"]
    return (
        re.fullmatch(r"0; url=(.+)", refresh).group(1),
        page.find("link", rel="canonical")["href"],
        page.main.a["href"],
    )


def test_the_demo_redirects_the_old_wordpress_address(demo_site):
    assert redirect_target(demo_site, OLD_REPORT) == (REPORT_URL,) * 3
    page = soup(demo_site, OLD_REPORT)
    assert page.html["lang"] == "id"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert "Halaman ini sudah pindah" in page.h1.get_text()
    lines = (demo_site / "redirects.map").read_text(encoding="utf-8").splitlines()
    assert f'"{OLD_REPORT}" "{REPORT_URL}";' in lines
    assert f'"{OLD_REPORT.rstrip("/")}" "{REPORT_URL}";' in lines
    sitemap = (demo_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{REPORT_URL}</loc>" in sitemap
    assert OLD_REPORT not in sitemap


@pytest.mark.slow
def test_a_changed_slug_keeps_its_old_address(project):
    path = project / REPORT
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "Slug: gelar-budaya-kerja-2015",
        "Slug: delapan-kbk-tampil-2015\n"
        "Redirect-from: /berita/2015/gelar-budaya-kerja-2015/, /lama.html",
    )
    path.write_text(text, encoding="utf-8")
    result = invoke(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    new = "/berita/2015/delapan-kbk-tampil-2015/"
    site = project / "output"
    assert redirect_target(site, REPORT_URL) == (new,) * 3
    assert redirect_target(site, "lama.html")[0] == new
    # The YAML redirect to the old slug now follows the chain to the page.
    assert redirect_target(site, OLD_REPORT)[0] == new


@pytest.mark.slow
def test_a_changed_kbk_id_keeps_its_old_address(project):
    for year in (2015, 2016, 2017):
        path = project / f"content/data/{year}.yaml"
        text = path.read_text(encoding="utf-8")
        if "id: cheerful" not in text:
            continue
        extra = "\n    former_ids: [cheerful]" if year == 2017 else ""
        text = text.replace("id: cheerful", "id: cheerful-smpn2" + extra)
        text = text.replace("team: cheerful", "team: cheerful-smpn2")
        path.write_text(text, encoding="utf-8")
    result = invoke(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "output"
    assert redirect_target(site, "kbk/cheerful/") == ("/kbk/cheerful-smpn2/",) * 3
    # Articles that still name the old id are attached to the KBK.
    kbk = soup(site, "kbk/cheerful-smpn2/")
    links = [a["href"] for a in kbk.main.find_all("a")]
    assert REPORT_URL in links


@pytest.mark.slow
@pytest.mark.parametrize(
    ("redirects", "line", "expected"),
    [
        (
            "  - from: /lama/\n    to: /berita/2015/tidak-ada/\n",
            4,
            ["redirects[1].from", "tujuan `/berita/2015/tidak-ada/` tidak ada"],
        ),
        (
            "  - from: /a/\n    to: /b/\n  - from: /b/\n    to: /a/\n",
            4,
            ["redirects[1].from", "berputar", "/a/ → /b/ → /a/"],
        ),
        (
            "  - from: /gelar/2015/\n    to: /gelar/2016/\n",
            4,
            ["redirects[1].from", "halaman yang ada", "`/gelar/2015/`"],
        ),
        (
            "  - from: /gelar/2015\n    to: /gelar/2016/\n",
            4,
            ["redirects[1].from", "halaman yang ada", "`/gelar/2015`"],
        ),
        (
            "  - from: /x\n    to: /gelar/\n  - from: /x/\n    to: /kbk/\n",
            6,
            ["redirects[2].from", "sudah dialihkan ke `/gelar/`", "sebagai `/x`"],
        ),
        (
            "  - from: https://contoh.go.id/x\n    to: /gelar/\n",
            4,
            ["redirects[1].from", "bukan alamat di situs ini"],
        ),
        (
            "  - from: /x/\n",
            4,
            ["redirects[1].to", "wajib diisi"],
        ),
    ],
    ids=[
        "missing-target",
        "loop",
        "hides-a-page",
        "hides-a-page-without-slash",
        "one-file-two-targets",
        "not-a-path",
        "no-target",
    ],
)
def test_bad_redirects_fail_the_build(project, redirects, line, expected):
    before = digest(project / "output")
    path = Path(project) / REDIRECTS
    text = path.read_text(encoding="utf-8")
    assert text.count("\n") == 5, "the demo file has one redirect on lines 4-5"
    path.write_text(text + redirects, encoding="utf-8")
    line += 2  # the new item starts after the demo's one
    for task in ("build", "validate"):
        result = invoke(project, task)
        message = result.stdout + result.stderr
        assert result.returncode != 0, message
        assert f"{REDIRECTS}:{line}:" in message, message
        for fragment in expected:
            assert fragment in message, message
        assert "Traceback" not in message, message
    assert digest(project / "output") == before


@pytest.mark.slow
def test_bad_redirect_from_metadata_names_the_article_line(project):
    path = project / REPORT
    text = path.read_text(encoding="utf-8").replace(
        "Gelar: 2015", "Gelar: 2015\nRedirect-from: lama-tanpa-garis-miring"
    )
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("Redirect-from: lama-tanpa-garis-miring") + 1
    result = invoke(project, "build")
    message = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{REPORT}:{line}: kolom `Redirect-from`" in message, message


@pytest.mark.slow
def test_a_former_id_still_in_use_fails(project):
    path = project / "content/data/2017.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("id: cheerful", "id: cheerful\n    former_ids: [formasi]", 1)
    path.write_text(text, encoding="utf-8")
    result = invoke(project, "validate")
    message = result.stdout + result.stderr
    assert result.returncode != 0
    line = text.splitlines().index("  - id: cheerful") + 1
    assert f"content/data/2017.yaml:{line}: kolom `former_ids`" in message, message
    assert "masih dipakai" in message


QUERY_REDIRECTS = (
    "  - from: /?p=10\n"
    f"    to: {REPORT_URL}\n"
    "  - from: /?page_id=20\n"
    "    to: /tentang/\n"
)


def add_redirects(project, text):
    path = project / REDIRECTS
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.mark.slow
def test_old_query_addresses_go_to_nginx_and_the_home_page(project):
    add_redirects(project, QUERY_REDIRECTS)
    result = invoke(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "output"
    query_map = (site / "redirects-query.map").read_text(encoding="utf-8")
    assert f'"/?p=10" "{REPORT_URL}";' in query_map.splitlines()
    assert '"/?page_id=20" "/tentang/";' in query_map.splitlines()
    assert "?p=" not in (site / "redirects.map").read_text(encoding="utf-8")
    assert not [p for p in site.rglob("*") if "?" in p.name]
    script = soup(site, "/").find("script", string=re.compile("location.search"))
    assert '"?p=10": "/berita/2015/gelar-budaya-kerja-2015/"' in script.string
    assert soup(site, "/gelar/").find("script", string=re.compile("location")) is None


@pytest.mark.slow
@pytest.mark.browser
def test_following_an_old_query_address_in_chromium(project, page):
    add_redirects(project, QUERY_REDIRECTS)
    result = invoke(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    with serving(project / "output") as base:
        page.goto(base + "/?p=10")
        page.wait_for_url(base + REPORT_URL)
        assert "Delapan KBK" in page.locator("h1").inner_text()
        page.goto(base + "/?p=99")  # unknown: the home page stays
        assert page.url == base + "/?p=99"


@pytest.mark.slow
def test_one_old_query_address_sent_to_two_places_fails(project):
    add_redirects(project, QUERY_REDIRECTS + "  - from: /?p=10\n    to: /gelar/\n")
    result = invoke(project, "build")
    assert result.returncode == 1
    assert (
        "content/redirects.yaml:10: kolom `redirects[3].from`: alamat lama `/?p=10` "
        "sudah dialihkan ke `/berita/2015/gelar-budaya-kerja-2015/`"
    ) in result.stderr
