"""The parallel plugin never changes the site: a site with every feature
(tests/feature_site.py) comes out byte for byte as Pelican alone makes it.

With feeds and without (without them, nothing renders an article's text
before the forked writers do), three builds in a row, since what goes
wrong in forked processes may differ from run to run; and through
sitebuild's build twice, the second one linking unchanged files from the
first.
"""

import json
import sys

import pytest
from feature_site import make_site

from conftest import ROOT, digest, run

pytestmark = pytest.mark.slow

PLUGIN = (
    f"PLUGIN_PATHS={json.dumps([str(ROOT / 'plugins')])}",
    'PLUGINS=["parallel"]',
    "BUILD_PROCESSES=2",
)


def pelican(site, output, *overrides, env=None):
    args = [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py"]
    args += ["-o", str(output), "-q"]
    # One -e with every override: Pelican keeps only the last -e given.
    args += ["-e", f"CACHE_PATH={json.dumps(str(output) + '-cache')}", *overrides]
    result = run(args, cwd=site, env={"PYTHONPATH": str(ROOT), **(env or {})})
    assert result.returncode == 0, result.stdout + result.stderr
    return digest(output)


@pytest.mark.parametrize("feeds", [True, False], ids=["umpan", "tanpa-umpan"])
def test_the_feature_site_is_the_same_with_and_without_the_plugin(feeds, tmp_path):
    site = tmp_path / "situs"
    make_site(site, feeds=feeds)
    alone = pelican(site, tmp_path / "polos", "PLUGINS=[]")
    attached = [
        "2020/berita-0/lampiran/laporan-0.pdf",  # article
        "2023/berita-3/catatan-3.txt",  # hidden article
        "drafts/berita-4/lampiran/laporan-4.pdf",  # draft
        "halaman-0/sk-0.pdf",  # page
        "halaman-0/arsip-0.txt",  # page, a file from another folder
        "halaman-2/sk-2.pdf",  # hidden page
        "drafts/pages/halaman-3/sk-3.pdf",  # draft page
        "2021/berita-6-id/terjemahan-6.pdf",  # translation
    ]
    assert [path for path in attached if path not in alone] == []
    for number in range(3):
        output = tmp_path / f"paralel-{number}"
        assert pelican(site, output, *PLUGIN) == alone, f"build {number + 1}"


# sitebuild's build in a process of its own, as `invoke build` runs it:
# plugins other tests loaded in this process stay connected to Pelican's
# signals, and would join the build.
SITEBUILD = """
import json, sys
from sitebuild.build import build
build("pelicanconf.py", "output", **json.loads(sys.argv[1]))
"""


def test_the_feature_site_built_twice_by_sitebuild_is_pelicans(tmp_path):
    site = make_site(tmp_path / "situs").parent
    alone = pelican(site, tmp_path / "polos", "PLUGINS=[]")
    overrides = {
        "PLUGIN_PATHS": [str(ROOT / "plugins")],
        "PLUGINS": ["parallel"],
        "BUILD_PROCESSES": 2,
        "CACHE_PATH": str(tmp_path / "cache"),
    }
    command = [sys.executable, "-c", SITEBUILD, json.dumps(overrides)]
    for number in range(2):
        result = run(command, cwd=site, env={"PYTHONPATH": str(ROOT)})
        assert result.returncode == 0, result.stdout + result.stderr
        assert digest(site / "output") == alone, f"build {number + 1}"
        (site / "content/articles/a000.md").touch()  # not skipped next time


LISTENER = """
import json, os
from pelican import signals

EVENTS = []


def _output(sender):
    return sender.settings["OUTPUT_PATH"]


def _written(path, context=None):
    EVENTS.append(["written", path, os.path.exists(path), context["output_file"]])


def _writer_finalized(generator, writer=None):
    root = _output(generator)
    files = sorted(
        os.path.relpath(os.path.join(folder, name), root)
        for folder, _dirs, names in os.walk(root)
        for name in names
    )
    EVENTS.append(["finalized", type(generator).__name__, files])


def _finalized(pelican):
    root = pelican.settings["OUTPUT_PATH"]
    for event in EVENTS:
        if event[0] == "written":
            event[1] = os.path.relpath(event[1], root)
    with open(root + "-peristiwa.json", "w") as handle:
        json.dump(EVENTS, handle)


def register():
    signals.content_written.connect(_written)
    signals.article_writer_finalized.connect(_writer_finalized)
    signals.page_writer_finalized.connect(_writer_finalized)
    signals.finalized.connect(_finalized)
"""


def test_listeners_hear_of_each_file_once_after_it_exists(tmp_path):
    """content_written for every file, once, when it exists, with the
    context Pelican gives; *_writer_finalized once every file is there:
    the same events, in the same order, as with Pelican alone."""
    site = make_site(tmp_path / "situs").parent
    (site / "kuping").mkdir()
    (site / "kuping" / "__init__.py").write_text(LISTENER, encoding="utf-8")
    paths = json.dumps([str(site), str(ROOT / "plugins")])
    events = {}
    for name, plugins in (("polos", ["kuping"]), ("paralel", ["kuping", "parallel"])):
        output = tmp_path / name
        pelican(site, output, f"PLUGIN_PATHS={paths}", f"PLUGINS={json.dumps(plugins)}")
        with open(f"{output}-peristiwa.json", encoding="utf-8") as handle:
            events[name] = json.load(handle)
    written = [event for event in events["polos"] if event[0] == "written"]
    assert len(written) > 150 and all(event[2] for event in written)
    assert events["paralel"] == events["polos"]


def test_markdown_extension_objects_number_as_in_pelican(tmp_path):
    """An extension given as an object is shared by every conversion and
    keeps state (footnote ids count the documents converted before): the
    plugin must not convert in other processes then. Pelican's reading
    order follows the hash seed, so both builds get the same seed."""
    site = make_site(tmp_path / "situs").parent
    with open(site / "pelicanconf.py", "a", encoding="utf-8") as handle:
        handle.write(
            "from markdown.extensions.footnotes import FootnoteExtension\n"
            'MARKDOWN = {"extensions": [FootnoteExtension(UNIQUE_IDS=True)]}\n'
        )
    seed = {"PYTHONHASHSEED": "7"}
    alone = pelican(site, tmp_path / "polos", "PLUGINS=[]", env=seed)
    page = tmp_path / "polos" / "2020/berita-0/index.html"
    assert "fn:" in page.read_text(encoding="utf-8")
    assert pelican(site, tmp_path / "paralel", *PLUGIN, env=seed) == alone


def test_our_site_attaches_pdfs_in_pages_and_hidden_articles(tmp_path):
    """A regency office attaches decrees and reports: `{attach}` to a PDF
    in a page and in a hidden article builds (the output plan used to pin
    every static file before any page could move it), and the file sits
    where the page links it."""
    from conftest import copy_project, invoke

    project = copy_project(tmp_path / "project")
    content = project / "content"
    (content / "pages/sk-2016.pdf").write_bytes(b"%PDF-1.4 sk\n")
    (content / "berita/2016/laporan.pdf").write_bytes(b"%PDF-1.4 laporan\n")
    (content / "pages/surat.md").write_text(
        "Title: Surat Keputusan\nSlug: surat\n\nUnduh [SK]({attach}sk-2016.pdf).\n",
        encoding="utf-8",
    )
    (content / "berita/2016/tersembunyi.md").write_text(
        "Title: Laporan Tersembunyi\nDate: 2016-10-01 10:00\nStatus: hidden\n"
        "Gelar: 2016\n\nUnduh [laporan]({attach}laporan.pdf).\n",
        encoding="utf-8",
    )
    with open(project / "pelicanconf.py", "a", encoding="utf-8") as handle:
        handle.write('\nSTATIC_PATHS = ["images", "pages", "berita"]\n')
    result = invoke(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "output"
    for page, pdf in (
        ("surat/index.html", "surat/sk-2016.pdf"),
        (
            "berita/2016/laporan-tersembunyi/index.html",
            "berita/2016/laporan-tersembunyi/laporan.pdf",
        ),
    ):
        assert (site / pdf).is_file(), pdf
        assert f'href="/{pdf}"' in (site / page).read_text(encoding="utf-8")
