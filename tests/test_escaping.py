"""Text from YAML and metadata is always escaped, never run as HTML."""

import json

import pytest

from conftest import invoke, soup

pytestmark = pytest.mark.slow

ATTACK = "<script>alert(1)</script>"


def test_team_name_with_html_appears_as_text(project):
    path = project / "content/data/2015.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('name: "KBK Cheerful"', f'name: "{ATTACK}"')
    text = text.replace('institution: "SMPN 2 Magetan"', 'institution: "<b>SMPN</b>"')
    path.write_text(text, encoding="utf-8")

    result = invoke(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr

    site = project / "output"
    # The KBK index shows the latest (2017) name; these pages show 2015.
    for url in ("gelar/2015/", "kbk/cheerful/"):
        page = soup(site, url)
        data = page.find_all("script", type="application/ld+json")
        scripts = [s for s in page.find_all("script") if "alert" in s.get_text()]
        # Structured data holds the name as JSON text, never as markup.
        assert [s for s in scripts if s not in data] == [], url
        for script in data:
            assert "<" not in script.get_text(), url
        assert any(ATTACK in json.dumps(json.loads(s.get_text())) for s in data), url
        assert page.find("b", string="SMPN") is None, url
        assert ATTACK in page.main.get_text(), url
    raw = (site / "gelar/2015/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in raw
