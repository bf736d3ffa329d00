"""The shared toolkit: atomic files, settings, the redirects parser, the
output plan, the hooks and the one door to Pelican's internals."""

import os
import re
import stat
from pathlib import Path
from types import SimpleNamespace

import pytest
from pelican.settings import read_settings

from conftest import ROOT, copy_project, invoke
from sitekit import collisions as collisions_kit
from sitekit import files, hooks, outputs, pelican_compat
from sitekit import redirects as redirects_file
from sitekit import settings as settings_kit
from sitekit.problems import ContentError
from wpimport import redirects as import_redirects
from wpimport.model import ImportFailed

# -- files -------------------------------------------------------------------


def test_atomic_write_gives_the_usual_permissions_and_leaves_links_alone(tmp_path):
    shared = tmp_path / "lama.html"
    shared.write_bytes(b"versi lama")
    older_build = tmp_path / "build-lama.html"
    os.link(shared, older_build)
    previous = os.umask(0o027)
    try:
        files.atomic_write(str(shared), "versi baru ✓")
    finally:
        os.umask(previous)
    assert shared.read_text(encoding="utf-8") == "versi baru ✓"
    assert older_build.read_bytes() == b"versi lama"  # replaced, not rewritten
    assert stat.S_IMODE(shared.stat().st_mode) == 0o640


def test_atomic_write_that_fails_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "data.json"
    target.write_text("{}")
    with pytest.raises(TypeError):
        files.atomic_write(str(target), object())
    assert target.read_text() == "{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.json"]


def test_place_links_the_previous_builds_equal_file_and_writes_a_changed_one(
    tmp_path,
):
    old, new = tmp_path / "build-lama", tmp_path / "build-baru"
    (old / "berita").mkdir(parents=True)
    (old / "berita" / "sama.bib").write_text("@misc{a}")
    (old / "berita" / "beda.bib").write_text("@misc{lama}")
    for name, text in (("sama.bib", "@misc{a}"), ("beda.bib", "@misc{baru}")):
        path = str(new / "berita" / name)
        files.place(path, text, str(new), str(old))
    same, changed = new / "berita" / "sama.bib", new / "berita" / "beda.bib"
    assert same.stat().st_ino == (old / "berita" / "sama.bib").stat().st_ino
    assert changed.read_text() == "@misc{baru}"
    assert changed.stat().st_ino != (old / "berita" / "beda.bib").stat().st_ino
    assert (old / "berita" / "beda.bib").read_text() == "@misc{lama}"
    files.place(str(new / "tanpa-build-lama.bib"), "@misc{a}", str(new), None)
    assert (new / "tanpa-build-lama.bib").read_text() == "@misc{a}"


def test_read_json_gives_the_default_for_a_broken_or_missing_file(tmp_path):
    broken = tmp_path / "rusak.json"
    broken.write_text('{"a": ')
    assert files.read_json(str(broken), {}) == {}
    assert files.read_json(str(tmp_path / "tidak-ada.json")) is None
    files.write_json(str(tmp_path / "baik.json"), {"tahun": 2015})
    assert files.read_json(str(tmp_path / "baik.json")) == {"tahun": 2015}


def test_link_or_copy_replaces_the_target_with_a_link(tmp_path):
    source = tmp_path / "cache.jpg"
    source.write_bytes(b"jpeg")
    target = tmp_path / "keluaran" / "foto.jpg"
    target.parent.mkdir()
    target.write_bytes(b"lama")
    files.link_or_copy(str(source), str(target))
    assert target.read_bytes() == b"jpeg"
    assert os.path.samefile(source, target)


def test_new_folder_is_readable_by_the_web_server(tmp_path):
    previous = os.umask(0o022)
    try:
        folder = files.new_folder(str(tmp_path / "induk"))
    finally:
        os.umask(previous)
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o755


# -- settings ----------------------------------------------------------------

SPEC = settings_kit.SettingsSpec(
    owner="plugin contoh",
    where="plugins/contoh/settings.py",
    prefixes=("CONTOH_",),
    defaults={"CONTOH_LEBAR": 480, "CONTOH_LABEL": {"berita": "Berita"}},
    check=lambda s: (
        ()
        if s["CONTOH_LEBAR"] > 0
        else (settings_kit.setting_problem("CONTOH_LEBAR", "harus positif.", "480"),)
    ),
)


def test_settings_report_unknown_keys_and_bad_values_in_one_go():
    with pytest.raises(ContentError) as caught:
        settings_kit.apply_defaults({"CONTOH_LEBARR": 1, "CONTOH_LEBAR": 0}, SPEC)
    text = caught.value.report()
    assert "pelicanconf.py: kolom `CONTOH_LEBARR`: pengaturan ini tidak dikenal" in text
    assert "mungkin maksudnya `CONTOH_LEBAR`?" in text
    assert "plugins/contoh/settings.py" in text
    assert "kolom `CONTOH_LEBAR`: harus positif." in text


def test_settings_defaults_are_copied_not_shared():
    first, second = {}, {}
    settings_kit.apply_defaults(first, SPEC)
    first["CONTOH_LABEL"]["berita"] = "Kabar"
    settings_kit.apply_defaults(second, SPEC)
    assert second["CONTOH_LABEL"] == {"berita": "Berita"}


def test_options_read_settings_without_changing_them():
    given = {"CONTOH_LEBAR": 960, "SITENAME": "x"}
    assert settings_kit.options(given, SPEC)["CONTOH_LABEL"] == {"berita": "Berita"}
    assert given == {"CONTOH_LEBAR": 960, "SITENAME": "x"}


@pytest.mark.parametrize("old", sorted(settings_kit.RENAMED))
def test_an_old_process_count_setting_names_its_replacement(old):
    spec = {
        "GALERI_JOBS": "galeri",
        "PEMBACA_SHARE_JOBS": "pembaca",
        "PARALLEL_PROCESSES": "parallel",
    }[old]
    module = __import__(f"{spec}.settings" if spec != "parallel" else spec)
    plugin_spec = module.SPEC if spec == "parallel" else module.settings.SPEC
    with pytest.raises(ContentError) as caught:
        settings_kit.apply_defaults({old: 2}, plugin_spec, settings_kit.SHARED)
    assert f"kolom `{old}`: pengaturan ini sudah diganti `BUILD_PROCESSES`" in str(
        caught.value
    )


@pytest.mark.parametrize("value", [-1, 1.5, "2", True])
def test_build_processes_must_be_a_whole_number(value):
    with pytest.raises(ContentError, match="BUILD_PROCESSES"):
        settings_kit.apply_defaults({"BUILD_PROCESSES": value}, settings_kit.SHARED)


def test_processes_zero_means_every_core():
    assert settings_kit.processes({"BUILD_PROCESSES": 0}) == (os.cpu_count() or 1)
    assert settings_kit.processes({"BUILD_PROCESSES": 3}) == 3


# -- redirects.yaml: one parser for the build and the importer ---------------

REDIRECTS = "content/redirects.yaml"


def test_the_importer_refuses_exactly_what_the_build_refuses():
    text = "redirects:\n  - from: /lama/\n    to: /baru/\n    catatan: x\n"
    _found, problems = redirects_file.parse_text(text, REDIRECTS)
    assert [str(p) for p in problems] == [
        f"{REDIRECTS}:4: kolom `redirects[0].catatan`: kolom tidak dikenal. "
        "Cara memperbaiki: setiap pengalihan hanya punya `from` dan `to`."
    ]
    with pytest.raises(ImportFailed) as caught:
        import_redirects.parse(text, REDIRECTS)
    assert caught.value.problems == problems


def test_both_sides_read_the_same_redirects():
    text = "# dari WordPress\nredirects:\n  - from: /?p=12\n    to: /berita/2015/a/\n"
    found, problems = redirects_file.parse_text(text, REDIRECTS)
    assert problems == []
    assert found == import_redirects.parse(text, REDIRECTS)
    assert (found[0].source, found[0].target, found[0].line) == (
        "/?p=12",
        "/berita/2015/a/",
        3,
    )


@pytest.mark.parametrize("text", ["", "\n", "# belum ada pengalihan\n"])
def test_a_file_with_only_comments_lists_no_redirects(text):
    assert redirects_file.parse_text(text, REDIRECTS) == ([], [])


def test_a_redirects_file_that_is_not_utf8_names_its_line(tmp_path):
    path = tmp_path / "redirects.yaml"
    path.write_bytes(b"redirects:\n  - from: /caf\xe9/\n")
    found, problems = redirects_file.read_file(str(path), REDIRECTS, str(tmp_path))
    assert found == []
    assert str(problems[0]).startswith(f"{REDIRECTS}:2: berkas bukan teks UTF-8.")


# -- the output plan -----------------------------------------------------------


def _settings():
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    settings["PATH"] = str(ROOT / "content")
    return settings


def test_later_pages_of_listings_are_in_the_plan():
    settings = _settings()
    articles = [SimpleNamespace(n=n) for n in range(25)]
    tag = SimpleNamespace(
        name="budaya kerja",
        slug="budaya-kerja",
        save_as="tag/budaya-kerja/index.html",
        url="tag/x/",
    )
    planned = {
        o.save_as: o.source
        for o in outputs.pelican_outputs(
            settings, {"articles": articles, "tags": [(tag, articles[:12])]}
        )
    }
    assert (
        planned["halaman/2/index.html"] == "halaman bawaan Pelican `index`, halaman 2"
    )
    assert "halaman/3/index.html" in planned
    assert "halaman/4/index.html" not in planned
    assert "tag/budaya-kerja/halaman/2/index.html" in planned
    # Pelican's feeds and the theme's files are planned too.
    assert planned["feeds/semua.atom.xml"] == "umpan `FEED_ALL_ATOM`"
    assert planned["theme/"] == "berkas tema (theme/static/)"


def test_an_output_written_twice_is_a_collision_with_both_sources():
    article = outputs.Output("/berita/2015/index.html", "artikel content/berita/a.md")
    archive = outputs.Output("berita/2015/index.html", "arsip tahun 2015")
    collisions = collisions_kit.find_collisions(
        [
            archive,
            article,
            outputs.Output("", "dimatikan"),
            outputs.Output("", "dimatikan juga"),
        ]
    )
    assert collisions == [("same", "berita/2015/index.html", [archive, article])]


def test_a_file_where_a_folder_is_needed_and_a_claimed_folder_collide():
    feed = outputs.Output("feeds/kbk/a.atom.xml", "umpan KBK `a`")
    page = outputs.Output(
        "feeds/kbk/a.atom.xml/index.html", "halaman content/pages/x.md"
    )
    theme = outputs.Output("theme/", "berkas tema (theme/static/)")
    inside = outputs.Output("theme/css/main.css", "halaman content/pages/y.md")
    assert collisions_kit.find_collisions([feed, page, theme, inside]) == [
        ("folder", "feeds/kbk/a.atom.xml", [feed, page]),
        ("inside", "theme", [theme, inside]),
    ]


def test_write_plan_writes_each_output_once_and_skips_turned_off_ones():
    written = []
    plan = [
        outputs.Output("a.html", "a", lambda writer: written.append(("a", writer))),
        outputs.Output("", "mati", lambda writer: written.append(("mati", writer))),
    ]
    outputs.write_plan(plan, "penulis")
    assert written == [("a", "penulis")]


@pytest.mark.slow
def test_an_article_saved_over_a_year_archive_fails_validation(tmp_path):
    project = copy_project(tmp_path / "proyek")
    article = project / "content" / "berita" / "2015" / "timpa-arsip.md"
    article.write_text(
        "Title: Menimpa arsip\nDate: 2015-10-02 09:00\n"
        "Save_as: berita/2015/index.html\n\nIsi.\n",
        encoding="utf-8",
    )
    result = invoke(project, "validate")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "alamat `berita/2015/index.html` juga dihasilkan oleh" in output
    assert "arsip tahun 2015" in output and "timpa-arsip.md:3" in output
    assert "Traceback" not in output


# -- hooks ---------------------------------------------------------------------


class _Noting:
    def __init__(self, notes, fresh=True):
        self.notes, self.fresh = notes, fresh

    def editor_notes(self):
        return self.notes

    def refresh_document(self, document, previous):
        return self.fresh


def test_hooks_ask_only_the_generators_that_offer_them():
    generators = [_Noting(["Galeri: 2 foto."]), object(), _Noting(["Catatan."])]
    assert hooks.editor_notes(generators) == ["Galeri: 2 foto.", "Catatan."]
    assert hooks.refresh_document(generators, "baru", "lama") is True
    generators.append(_Noting([], fresh=False))
    assert hooks.refresh_document(generators, "baru", "lama") is False


# -- Pelican internals -------------------------------------------------------


def test_an_untested_pelican_is_refused_with_the_way_out():
    assert pelican_compat.version_problem("4.12.0") is None
    assert pelican_compat.version_problem("4.12.7") is None
    message = pelican_compat.version_problem("4.13.0")
    assert "Pelican 4.13.0 terpasang" in message and "4.12.x" in message
    assert "pip install -r requirements.txt" in message
    pelican_compat.check_version()  # the installed one is the tested one


def test_the_context_phase_runs_every_reading_step_of_pelican_run(tmp_path):
    calls = []

    class Reading:
        def __init__(self, **kwargs):
            # What other plugins' all_generators_finalized receivers read
            # (they stay connected after an earlier in-process build).
            self.context, self.settings = kwargs["context"], kwargs["settings"]

        def generate_context(self):
            calls.append("generate_context")

        def check_disabled_readers(self):
            calls.append("check_disabled_readers")

        def refresh_metadata_intersite_links(self):
            calls.append("refresh_metadata_intersite_links")

    pelican = SimpleNamespace(
        settings={"SITEURL": ""},
        path=str(tmp_path),
        theme=str(tmp_path),
        output_path=str(tmp_path),
        _get_generator_classes=lambda: [Reading],
    )
    (generator,) = pelican_compat.context_phase(pelican)
    assert calls == [
        "generate_context",
        "check_disabled_readers",
        "refresh_metadata_intersite_links",
    ]
    assert set(generator.context) >= {"generated_content", "static_content"}


# What reaching into Pelican looks like; only sitekit/pelican_compat.py may.
INTERNALS = re.compile(
    r"\._content\b|\._open_w\b|\._written_files|\._overridden_files"
    r"|\._parse_metadata|\._get_generator_classes|\.cache\.clear\(\)"
    r"|from pelican\.readers import .*SkipStub|\._source_path\b|\._md\b"
    r"|\.get_url_setting\(|\._output_location_referenced|\.attach_to\("
)


def test_pelican_internals_are_used_only_through_pelican_compat():
    offenders = []
    for folder in ("plugins", "sitekit", "sitebuild", "sitecheck", "wpimport"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path == ROOT / "sitekit" / "pelican_compat.py":
                continue
            for number, line in enumerate(path.read_text().splitlines(), 1):
                code = line.split("#", 1)[0]
                if INTERNALS.search(code) and '"""' not in code and "`" not in code:
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line}")
    assert offenders == []


def test_the_guard_above_sees_an_internal():
    assert INTERNALS.search("html = article._content")
    assert not INTERNALS.search("html = content_html(article)")


PLUGIN_IMPORT = re.compile(
    r"\s*(from|import) (gelar|galeri|pembaca|parallel|babel_i18n)\b"
)


def test_plugins_use_sitekit_and_not_each_others_internals():
    """galeri, pembaca, parallel, sitebuild and wpimport never import gelar."""
    offenders = []
    for folder in (
        "plugins/galeri",
        "plugins/pembaca",
        "plugins/parallel",
        "sitebuild",
        "wpimport",
        "sitecheck",
    ):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for line in Path(path).read_text().splitlines():
                if re.match(
                    r"\s*(from|import) (gelar|galeri|pembaca|parallel)\b", line
                ):
                    offenders.append(f"{path.relative_to(ROOT)}: {line.strip()}")
    assert offenders == []
