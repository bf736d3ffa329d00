"""Converted Markdown is reused only for the same bytes and settings."""

from parallel import mdcache
from parallel.reader import convert

SETTINGS = {
    "MARKDOWN": {"extensions": ["markdown.extensions.extra"]},
    "FORMATTED_FIELDS": ["summary"],
    "PARALLEL_MARKDOWN_CACHE": True,
}


def test_an_entry_is_the_conversion_and_follows_bytes_and_settings(tmp_path):
    source = tmp_path / "a.md"
    source.write_text(
        "Title: A\nSummary: *ringkas*\n\nIsi **tebal**.\n", encoding="utf-8"
    )
    cache = mdcache.for_settings({**SETTINGS, "CACHE_PATH": str(tmp_path / "c")})
    key, ready = cache.lookup(str(source))
    assert ready is None
    converted = convert(str(source), SETTINGS)
    mdcache.store(cache.folder, key, converted)
    assert cache.lookup(str(source)) == (key, tuple(converted))
    assert "<strong>tebal</strong>" in converted[0]

    other = {
        **SETTINGS,
        "MARKDOWN": {"extensions": []},
        "CACHE_PATH": str(tmp_path / "c"),
    }
    assert mdcache.for_settings(other).lookup(str(source)) == (
        mdcache.for_settings(other).key(str(source)),
        None,
    )
    source.write_text("Title: A\n\nIsi lain.\n", encoding="utf-8")
    fresh = mdcache.for_settings({**SETTINGS, "CACHE_PATH": str(tmp_path / "c")})
    assert fresh.lookup(str(source))[1] is None
    fresh.prune()  # the old entry was not used by this "build"
    assert list((tmp_path / "c" / mdcache.FOLDER).iterdir()) == []


def test_the_cache_is_off_unless_turned_on(tmp_path):
    assert mdcache.for_settings({**SETTINGS, "PARALLEL_MARKDOWN_CACHE": False}) is None
