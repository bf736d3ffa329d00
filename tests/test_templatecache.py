"""Compiled templates are reused only under the options that compiled them."""

import pytest
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader

from sitekit.templatecache import OptionsBytecodeCache, environment_key

TEMPLATE = "{% for x in items %}\n  <li>{{ x }}</li>\n{% endfor %}\n"


def render(folder, cache, **options):
    loader = FileSystemLoader(str(folder))
    env = Environment(loader=loader, bytecode_cache=cache, **options)
    return env.get_template("daftar.html").render(items=[1, 2])


@pytest.fixture
def templates(tmp_path):
    folder = tmp_path / "templat"
    folder.mkdir()
    (folder / "daftar.html").write_text(TEMPLATE, encoding="utf-8")
    return folder


def test_a_build_with_other_options_does_not_reuse_compiled_code(templates, tmp_path):
    (tmp_path / "cache").mkdir()
    cache = OptionsBytecodeCache(str(tmp_path / "cache"))
    trimmed = render(templates, cache, trim_blocks=True, lstrip_blocks=True)
    plain = render(templates, cache)
    assert plain == render(templates, None)  # as if compiled afresh
    assert plain != trimmed
    assert render(templates, cache, trim_blocks=True, lstrip_blocks=True) == trimmed


def test_jinja_s_own_cache_would_reuse_it(templates, tmp_path):
    """Why the class exists: the plain cache keys by name and source only."""
    (tmp_path / "cache").mkdir()
    cache = FileSystemBytecodeCache(str(tmp_path / "cache"))
    trimmed = render(templates, cache, trim_blocks=True, lstrip_blocks=True)
    assert render(templates, cache) == trimmed != render(templates, None)


def test_the_key_follows_filters_that_take_the_context():
    from jinja2 import pass_context

    env = Environment()
    key = environment_key(env)
    env.filters["tanggal"] = lambda value: value
    with_filter = environment_key(env)
    env.filters["tanggal"] = pass_context(lambda context, value: value)
    assert len({key, with_filter, environment_key(env)}) == 3
