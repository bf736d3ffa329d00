"""The search index in parts: a page's part follows from its own address."""

from sitebuild.searchparts import SMALL_SITE, is_part, part_key, plan_parts

NEWS = "berita/{date:%Y}/{slug}/index.html"


def news(count, year):
    return [f"berita/{year}/b{year}-{n:04d}/index.html" for n in range(count)]


def test_a_small_site_is_one_part():
    pages = [*news(10, 2016), "gelar/2016/index.html", "tentang/index.html"]
    assert plan_parts(pages, "pagefind", 1500, NEWS) == [("pagefind", sorted(pages))]


def test_a_large_site_has_a_part_per_year_and_one_for_the_rest():
    others = ["gelar/2016/index.html", "kbk/formasi/index.html"]
    pages = others + news(300, 2016) + news(300, 2017)
    parts = dict(plan_parts(pages, "pagefind", 1500, NEWS))
    assert list(parts) == ["pagefind", "pagefind-2016", "pagefind-2017"]
    assert parts["pagefind"] == others
    assert parts["pagefind-2017"] == news(300, 2017)
    assert all(is_part(name, "pagefind") for name in parts)
    assert not is_part("pagefind2", "pagefind") and not is_part("cari", "pagefind")


def test_a_new_article_changes_only_its_year_s_part():
    pages = news(250, 2016) + news(250, 2017)
    before = dict(plan_parts(pages, "pagefind", 1500, NEWS))
    after = dict(
        plan_parts([*pages, "berita/2017/baru/index.html"], "pagefind", 1500, NEWS)
    )
    changed = [name for name in after if after[name] != before.get(name)]
    assert changed == ["pagefind-2017"]


def test_a_part_over_the_limit_is_cut():
    pages = ["tentang/index.html", *news(SMALL_SITE + 10, 2016)]
    parts = plan_parts(pages, "pagefind", 200, NEWS)
    assert [name for name, _ in parts] == [
        "pagefind",
        "pagefind-2016",
        "pagefind-2016-2",
        "pagefind-2016-3",
    ]
    assert parts[0][1] == ["tentang/index.html"]
    assert sum(len(p) for _, p in parts) == len(pages)
    small = plan_parts(news(12, 2016), "pagefind", 5, NEWS)
    assert [name for name, _ in small] == ["pagefind", "pagefind-2", "pagefind-3"]


def test_the_key_of_a_part_follows_its_pages_bytes():
    pages = ["a/index.html", "b/index.html"]
    texts = {"a/index.html": b"a", "b/index.html": b"b"}
    key = part_key("pagefind", pages, texts.__getitem__, "1.0")
    assert part_key("pagefind", pages, texts.__getitem__, "1.1") != key
    texts["b/index.html"] = b"B"
    assert part_key("pagefind", pages, texts.__getitem__, "1.0") != key
