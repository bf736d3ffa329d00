"""Skipped and cached work never changes the result.

After each kind of edit, a build that reuses the previous build (its
inputs record, hard-linked pages, photo, card and search caches) must
write exactly the files a cold build of the same sources writes.
"""

import datetime
import gzip
import os
import shutil
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from bench.photos import draw_photo
from conftest import IGNORE, digest, invoke
from sitebuild import inputs
from sitebuild.build import UNCHANGED
from sitebuild.searchparts import is_part

ARTICLE = "content/berita/2016/juara-gelar-budaya-kerja-2016.md"
ALBUM = "content/galeri/gelar-2016"
SOURCES = ("output", "output.builds", "cache")


def _edit(project, relative, old, new):
    path = Path(project) / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_article(project):
    _edit(project, ARTICLE, "keluar sebagai Juara I", "tampil sebagai Juara I")


def edit_title(project):
    """Shown on other pages too: lists, feeds, related articles."""
    _edit(project, ARTICLE, "Title: KBK Kanesma Raih", "Title: KBK Kanesma Meraih")


def remove_article(project):
    (Path(project) / "content/berita/2017/profil-kbk-formasi.md").unlink()


def edit_yaml(project):
    _edit(project, "content/data/2016.yaml", "score: 88.4", "score: 88.5")


def edit_album(project):
    _edit(project, f"{ALBUM}/album.yaml", "Pembukaan acara (contoh)", "Acara dibuka")
    photo = Path(project) / ALBUM / "pembukaan.jpg"
    with Image.open(photo) as old:
        size = old.size
    draw_photo(99, size, "FOTO CONTOH BARU").save(photo, "JPEG", quality=85)


def edit_template(project):
    _edit(project, "theme/templates/base.html", "</footer>", "<p>Uji</p></footer>")


def edit_setting(project):
    _edit(
        project,
        "pelicanconf.py",
        'SITESUBTITLE = "Berita',
        'SITESUBTITLE = "Kabar',
    )


CHANGES = {
    "artikel": edit_article,
    "judul": edit_title,
    "artikel dihapus": remove_article,
    "yaml": edit_yaml,
    "album": edit_album,
    "template": edit_template,
    "pengaturan": edit_setting,
}


def build(project):
    result = invoke(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def comparable(folder):
    """What the output says, with the search bundle read for its content:
    Pagefind names its index files differently on every run, even for the
    same pages, so in each part (pagefind/, pagefind-2016/, …) its
    fragments (one per page: URL, text, filters) are compared
    decompressed, and its index files by count."""
    files = digest(folder)
    part = {
        k: k.split("/", 1)[0] for k in files if is_part(k.split("/", 1)[0], "pagefind")
    }
    rest = {k: v for k, v in files.items() if k not in part}
    fragments = sorted(
        (part[name], gzip.decompress((Path(folder) / name).read_bytes()))
        for name in part
        if name.split("/", 1)[1].startswith("fragment/")
    )
    hashed = ("fragment/", "index/", "filter/")
    assets = {
        k: files[k]
        for k in part
        if not k.split("/", 1)[1].startswith(hashed)
        and not k.endswith((".pf_meta", ".json"))
    }
    counts = {
        (top, p): sum(k.startswith(f"{top}/{p}") for k in part)
        for top in set(part.values())
        for p in hashed
    }
    return rest, fragments, assets, counts


def cold_copy(project, dest):
    """The sources of `project` without its output or caches."""
    shutil.copytree(
        project,
        dest,
        ignore=shutil.ignore_patterns(*SOURCES, "__pycache__", "*.pyc"),
        symlinks=True,
    )
    return dest


@pytest.mark.slow
@pytest.mark.parametrize("change", CHANGES)
def test_a_warm_build_after_a_change_equals_a_cold_build(change, project, tmp_path):
    before = digest(project / "output")
    CHANGES[change](project)
    result = build(project)
    assert UNCHANGED not in result.stdout
    warm = digest(project / "output")
    assert warm != before, "the change does not show in the output"

    cold = cold_copy(project, tmp_path / "cold")
    build(cold)
    warm_output = comparable(project / "output")
    cold_output = comparable(cold / "output")
    assert cold_output[0] == warm_output[0]  # every page, feed, image, download
    assert cold_output[1] == warm_output[1]  # what the search index holds
    assert cold_output[2:] == warm_output[2:]


@pytest.mark.slow
def test_a_warm_build_of_an_index_in_parts_equals_a_cold_build(project, tmp_path):
    """Parts whose pages did not change come from the cache; the part of
    the edited article is indexed again; the whole equals a cold build."""
    with open(project / "pelicanconf.py", "a", encoding="utf-8") as handle:
        handle.write("\nPEMBACA_SEARCH_PAGES_PER_BUNDLE = 3\n")
    build(project)
    parts = sorted(
        p.name for p in (project / "output").iterdir() if is_part(p.name, "pagefind")
    )
    assert len(parts) >= 4, parts
    edit_article(project)
    build(project)
    cold = cold_copy(project, tmp_path / "cold")
    build(cold)
    assert comparable(cold / "output") == comparable(project / "output")


@pytest.mark.slow
def test_a_build_with_nothing_changed_is_skipped(project):
    live = os.path.realpath(project / "output")
    before = digest(project / "output")
    result = build(project)
    assert UNCHANGED in result.stdout
    assert os.path.realpath(project / "output") == live
    assert digest(project / "output") == before


@pytest.mark.slow
def test_unchanged_pages_are_linked_not_written(project):
    """A touched file rebuilds the site, but the pages whose bytes did not
    change are the same files (hard links) as in the previous version."""
    page = project / "output/gelar/2016/index.html"
    inode = page.stat().st_ino
    (project / ARTICLE).touch()
    result = build(project)
    assert UNCHANGED not in result.stdout
    assert page.stat().st_ino == inode
    edited = project / "output/berita/2016/juara-gelar-budaya-kerja-2016/index.html"
    edit_article(project)
    build(project)
    assert "tampil sebagai Juara I" in edited.read_text(encoding="utf-8")


@pytest.mark.slow
def test_an_article_dated_a_moment_ahead_appears_on_the_next_build(project):
    moment = datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=3)
    (project / "content/berita/2017/segera.md").write_text(
        "Title: Berita Segera Terbit\n"
        f"Date: {moment:%Y-%m-%d %H:%M:%S}+00:00\n\nIsi.\n",
        encoding="utf-8",
    )
    year = moment.astimezone(ZoneInfo("Asia/Jakarta")).year
    page = project / f"output/berita/{year}/berita-segera-terbit/index.html"
    build(project)
    assert not page.exists()
    remaining = (moment - datetime.datetime.now(datetime.UTC)).total_seconds()
    if remaining > 0:
        time.sleep(remaining + 0.5)
    result = build(project)  # no file changed, but the date has come
    assert UNCHANGED not in result.stdout
    assert page.exists()


def test_the_inputs_key_follows_files_settings_and_ignores_the_copy(tmp_path):
    base = tmp_path / "a"
    (base / "content").mkdir(parents=True)
    (base / "content/x.md").write_text("x", encoding="utf-8")
    settings = {"PATH": str(base / "content"), "SITENAME": "A", "OUTPUT_PATH": "o1"}
    roots = [str(base / "content")]
    key = inputs.inputs_key(settings, roots, str(base))

    copy = tmp_path / "b"
    shutil.copytree(base, copy, ignore=IGNORE)  # copy2 keeps mtimes
    moved = {**settings, "PATH": str(copy / "content"), "OUTPUT_PATH": "o2"}
    assert inputs.inputs_key(moved, [str(copy / "content")], str(copy)) == key

    assert inputs.inputs_key({**settings, "SITENAME": "B"}, roots, str(base)) != key
    (base / "content/x.md").write_text("xy", encoding="utf-8")
    assert inputs.inputs_key(settings, roots, str(base)) != key


def test_a_record_holds_only_until_the_next_release(tmp_path):
    now = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    live = tmp_path / "build-1"
    live.mkdir()
    (live / "index.html").write_text("situs", encoding="utf-8")
    live, other = str(live), str(tmp_path / "build-2")
    record = {"key": "k", "folder": "build-1", "next_release": None, "notes": []}
    assert inputs.still_current(record, "k", live, now)
    assert not inputs.still_current(record, "other", live, now)
    assert not inputs.still_current(record, "k", other, now)
    assert not inputs.still_current(record, "k", None, now)
    soon = {**record, "next_release": (now + datetime.timedelta(hours=1)).isoformat()}
    assert inputs.still_current(soon, "k", live, now)
    later = now + datetime.timedelta(hours=2)
    assert not inputs.still_current(soon, "k", live, later)


def test_an_empty_or_missing_live_folder_is_never_current(tmp_path):
    now = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    record = {"key": "k", "folder": "build-1", "next_release": None, "notes": []}
    live = tmp_path / "build-1"
    assert not inputs.still_current(record, "k", str(live), now)  # missing
    live.mkdir()
    assert not inputs.still_current(record, "k", str(live), now)  # empty


def test_the_inputs_key_follows_every_installed_distribution(tmp_path, monkeypatch):
    settings = {"PATH": str(tmp_path), "JINJA_ENVIRONMENT": {"trim_blocks": True}}
    key = inputs.inputs_key(settings, [], str(tmp_path))
    installed = inputs.distributions()
    assert any(line.startswith("pygments==") for line in installed)
    assert any(line.startswith("markupsafe==") for line in installed)
    upgraded = [
        line.replace("pygments==", "pygments==0.0.0+") if "pygments" in line else line
        for line in installed
    ]
    monkeypatch.setattr(inputs, "distributions", lambda: upgraded)
    assert inputs.inputs_key(settings, [], str(tmp_path)) != key
    monkeypatch.undo()
    untrimmed = {**settings, "JINJA_ENVIRONMENT": {"trim_blocks": False}}
    assert inputs.inputs_key(untrimmed, [], str(tmp_path)) != key


def test_the_inputs_roots_hold_the_theme_and_its_overrides(tmp_path):
    settings_file = tmp_path / "pelicanconf.py"
    settings_file.write_text("", encoding="utf-8")
    settings = {
        "PATH": str(tmp_path / "content"),
        "THEME": str(tmp_path / "tema"),
        "THEME_TEMPLATES_OVERRIDES": [str(tmp_path / "timpa")],
    }
    roots = inputs.input_roots(settings, str(settings_file))
    assert {str(tmp_path / "tema"), str(tmp_path / "timpa")} <= set(roots)
