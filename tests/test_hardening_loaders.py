"""Random and adversarial input to the loaders: a result or a ContentError.

Pure functions only (no Pelican run), so hypothesis can try many inputs.
Any exception other than ContentError is a crash the editor would see as
a traceback, and fails the test.
"""

import unicodedata

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from gelar import redirects
from gelar.archive import build_archive
from gelar.articles import resolve_links
from gelar.schema import parse_edition
from gelar.settings import DEFAULTS
from sitekit import redirects as redirects_file
from sitekit import textcheck
from sitekit.problems import ContentError, format_report
from sitekit.yamlsource import parse_yaml

PATH = "content/data/2015.yaml"
ATTACKS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "مجموعة ثقافة العمل",  # right-to-left
    "קבוצת תרבות",
    "KBK 🎉🚀 Ceria",
    "x" * 5000,
    "",
    " ",
    "\u202eRTL override",
    "null",
    "~",
    "2015-02-30",
    "!!python/object:os.system",
    "&amp; &lt;",
]

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.dates()
    | st.sampled_from(ATTACKS)
    | st.text(max_size=40)
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)


def field(key, strategy):
    return st.one_of(st.just({}), strategy.map(lambda value: {key: value}))


def merged(*parts):
    return st.tuples(*parts).map(
        lambda dicts: {k: v for d in dicts for k, v in d.items()}
    )


def likely(kind):
    """Usually a well-typed value, sometimes anything at all."""
    return st.one_of(kind, kind, values)


teams = st.lists(
    merged(
        field("id", likely(st.from_regex(r"\A[a-z0-9]{1,8}(-[a-z0-9]{1,8})?\Z"))),
        field("name", likely(st.sampled_from(ATTACKS) | st.text(min_size=1))),
        field("institution", likely(st.text(min_size=1))),
        field("aliases", likely(st.lists(st.sampled_from(ATTACKS), max_size=3))),
        field(
            "former_ids",
            likely(st.lists(st.sampled_from(["lama", "Lama!", ""]), max_size=2)),
        ),
        field("members", values),
        field("project", values),
    ),
    max_size=4,
)
editions = merged(
    field("year", likely(st.just(2015))),
    field(
        "event",
        likely(
            merged(
                field("title", likely(st.sampled_from(ATTACKS))),
                field("date", likely(st.dates())),
                field("venue", likely(st.text(min_size=1))),
                field("jury", values),
            )
        ),
    ),
    field("teams", likely(teams)),
    field(
        "results",
        likely(
            st.lists(
                merged(
                    field("team", likely(st.sampled_from(["a", "b", "lama"]))),
                    field("rank", likely(st.integers(min_value=1, max_value=5))),
                    field("score", values),
                )
            )
        ),
    ),
    field("sample", values),
    field("corrections", values),
    field("unknown", values),
)


def load(text):
    """The full loading of one year file: parse, validate, link."""
    edition = parse_edition(parse_yaml(text, PATH), PATH, 2015)
    return build_archive([edition], DEFAULTS)


def dump(data):
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@given(st.text(max_size=300))
def test_any_text_as_a_year_file_loads_or_fails_clearly(text):
    try:
        load(text)
    except ContentError as error:
        assert error.problems
        assert all(str(p).startswith(PATH) for p in error.problems)


@given(editions)
def test_any_shape_of_year_file_loads_or_fails_clearly(data):
    try:
        archive = load(dump(data))
    except ContentError as error:
        for problem in error.problems:
            assert str(problem).startswith(f"{PATH}:"), problem
            assert "Cara memperbaiki:" in str(problem), problem
    else:
        assert archive.editions[0].year == 2015


@given(
    st.sampled_from(["", "{", "[", "a: [", "- - - -", "&a [*a]", "a: *b"]),
    st.integers(0, 60),
)
def test_broken_and_deeply_nested_yaml_fails_clearly(start, depth):
    text = "[" * depth * 10 + start + "]" * depth
    try:
        load(text)
    except ContentError as error:
        assert all(str(p).startswith(PATH) for p in error.problems)


GOOD = """\
year: 2015
event: {title: Gelar, date: 2015-09-30, venue: Gedung}
teams:
  - {id: cheerful, name: KBK Cheerful, institution: SMPN 2, former_ids: [ceria]}
"""

metadata = st.dictionaries(
    st.sampled_from(["gelar", "kbk", "sample", "redirect-from", "title"]),
    scalars | st.lists(scalars, max_size=3),
    max_size=5,
)


@given(metadata)
def test_any_article_metadata_links_or_fails_clearly(meta):
    archive = load(GOOD)
    edition, kbk_ids, sample, problems = resolve_links(
        meta, archive, "content/berita/x.md", lambda key: 3
    )
    assert edition in (None, archive.editions[0])
    assert set(kbk_ids) <= set(archive.kbks)
    assert sample in (True, False)
    for problem in problems:
        assert str(problem).startswith("content/berita/x.md:3: kolom `")
    found, more = redirects.from_metadata(
        meta.get("redirect-from", ""), "berita/2015/x/", "x.md", 3
    )
    assert all(r.source.startswith("/") for r in found)
    assert all("Redirect-from" in str(p) for p in more)


def test_an_old_kbk_id_in_an_article_finds_the_kbk():
    archive = load(GOOD)
    _, kbk_ids, _, problems = resolve_links({"kbk": "ceria"}, archive, "x.md", int)
    assert (kbk_ids, problems) == (["cheerful"], [])


redirect_files = (
    st.fixed_dictionaries(
        {
            "redirects": st.one_of(
                values,
                st.lists(
                    merged(
                        field(
                            "from",
                            likely(st.sampled_from(["/a/", "/b/", "/c", "a", "/x?y"])),
                        ),
                        field(
                            "to",
                            likely(st.sampled_from(["/a/", "/b/", "/", "/hilang/"])),
                        ),
                    ),
                    max_size=6,
                ),
            )
        }
    )
    | values
)

PAGES = {"/", "/b/", "/gelar/2015/"}


@given(redirect_files)
def test_any_redirects_file_resolves_or_fails_clearly(data):
    path = "content/redirects.yaml"
    try:
        found, problems = redirects_file.from_yaml(parse_yaml(dump(data), path), path)
    except ContentError:
        return
    resolved, more = redirects.resolve(found, PAGES)
    for redirect, final in resolved:
        assert final in PAGES
        assert redirect.source not in PAGES
        written = redirects.page_path(redirects.save_as_for(redirect.source))
        assert written not in PAGES
    for problem in problems + more:
        assert str(problem).startswith(f"{path}:")
    text = redirects.nginx_map(resolved, "https://contoh.go.id")
    assert text.count(";") >= len(resolved)


def problems_of(text):
    try:
        load(text)
    except ContentError as error:
        return [str(problem) for problem in error.problems]
    raise AssertionError("the text was accepted")


def test_a_date_that_does_not_exist_fails_clearly():
    [problem] = problems_of(GOOD.replace("2015-09-30", "2015-02-30"))
    assert problem.startswith(
        f"{PATH}:2: kolom `event.date`: `2015-02-30` tampak seperti tanggal"
    )


def test_a_control_character_fails_clearly_with_its_line():
    [problem] = problems_of(GOOD.replace("Gedung", "Ged\x1fung"))
    assert problem.startswith(f"{PATH}:2: berisi karakter kendali U+001F")


def test_nesting_deeper_than_any_data_file_fails_clearly():
    [problem] = problems_of("year: " + "[" * 500 + "]" * 500)
    assert "bersarang lebih dari" in problem


# -- issue 14: the classes of hostile input, tried at random ---------------


def escaped(text):
    """`text` as a YAML double-quoted scalar, every character escaped, so
    control characters and lone surrogates reach the parser."""
    return '"' + "".join(f"\\U{ord(char):08X}" for char in text) + '"'


any_characters = st.text(st.characters(blacklist_categories=()), max_size=12)


@given(any_characters)
def test_any_character_in_a_name_is_kept_clean_or_refused_with_its_line(name):
    text = GOOD.replace("name: KBK Cheerful", f"name: {escaped('KBK ' + name)}")
    try:
        archive = load(text)
    except ContentError as error:
        for problem in error.problems:
            assert str(problem).startswith(f"{PATH}:4: "), problem
        return
    kept = archive.kbks["cheerful"].name
    assert textcheck.first_forbidden(kept) is None
    assert kept == unicodedata.normalize("NFC", kept)
    kept.encode("utf-8")  # what every writer of the site does


digits = st.text(st.sampled_from("0123456789"), min_size=1, max_size=6000)
numbers = st.tuples(
    st.sampled_from(["", "-", "+"]), digits, st.sampled_from(["", ".5"])
)


@given(numbers)
def test_any_number_however_long_as_a_rank_or_score_is_read_or_refused(parts):
    value = "".join(parts)  # as text: Python refuses str() of 4300+ digits
    for key in ("rank", "score"):
        result = f"  - team: cheerful\n    rank: {value}\n"
        if key == "score":
            result = f"  - team: cheerful\n    rank: 1\n    score: {value}\n"
        try:
            archive = load(GOOD + "results:\n" + result)
        except ContentError as error:
            assert all(str(p).startswith(f"{PATH}:") for p in error.problems)
            assert all("Cara memperbaiki:" in str(p) for p in error.problems)
        else:
            [row] = archive.editions[0].rows
            assert len(str(row.result.rank)) <= 16


@given(
    st.text(st.characters(categories=["L", "M", "Zs"]), min_size=1, max_size=10),
    st.sampled_from(["NFD", "NFKD", "NFC"]),
    st.sampled_from(["", "\u200b", "\u00ad", "\u2060", "\ufeff"]),
)
def test_one_name_in_any_unicode_form_is_one_name(name, form, invisible):
    name = name.strip() or "x"
    other = unicodedata.normalize(form, name)
    other = other[:1] + invisible + other[1:]
    if textcheck.comparable(other) != textcheck.comparable(name):
        return  # a compatibility form (NFKD) may really differ
    text = GOOD.replace("name: KBK Cheerful", f"name: {escaped(name)}").replace(
        "former_ids: [ceria]}",
        f"former_ids: [ceria]}}\n  - {{id: lain, name: {escaped(other)}, "
        "institution: SMPN 3}",
    )
    with pytest.raises(ContentError) as refused:
        load(text)
    assert "dipakai oleh KBK" in format_report(refused.value.problems)


def test_the_fast_search_for_forbidden_characters_agrees_on_every_code_point():
    # first_forbidden searches with a regular expression for speed; it must
    # refuse exactly what is_forbidden, the rule as written, refuses.
    disagree = [
        code
        for code in range(0x110000)
        if textcheck.is_forbidden(chr(code))
        != (textcheck.first_forbidden(f"ab{chr(code)}") == (2, chr(code)))
    ]
    assert disagree == []
    assert textcheck.first_forbidden("baris\nkedua\x0b") == (11, "\x0b")
