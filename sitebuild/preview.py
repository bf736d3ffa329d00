"""A warm preview: a saved article shows in the browser within a second.

`invoke livereload` keeps a `WarmSite` (warmsite.py) and watches the
project. When the only files that changed are existing articles, their
pages are rendered from memory and moved into the live output folder.

A full build always follows, exactly `invoke build --drafts` in a
subprocess, so listing pages, related articles, feeds and the search
index catch up with all checks and the atomic switch of build versions.
Anything else (YAML data, albums, templates, settings, new or removed
files) goes straight to that full build; the warm read is then marked
stale and read again after the build, so that a later fast path never
renders with old templates or data. Changed plugin code cannot be
reloaded in-process: the fast path stays off until livereload restarts.
"""

import os
import signal
import subprocess
import sys
import threading
import time
import traceback
from functools import partial

from sitebuild import serving, watching
from sitebuild.build import BuildFailed
from sitebuild.warmsite import WarmSite, write_page

POLL_SECONDS = 0.2
# Wait this long after a change for the editor to finish writing.
SETTLE_SECONDS = 0.05


def seconds(value):
    """0.234 -> '0,23' (Indonesian decimal comma)."""
    return f"{value:.2f}".replace(".", ",")


class Preview:
    """Watch the project, take the fast path when it can, rebuild after.

    `reload(path)` is called (from a worker thread) after pages changed.
    """

    def __init__(
        self,
        root,
        settings_file,
        output_path,
        build_command,
        site_url,
        drafts=True,
        reload=None,
        say=None,
    ):
        self.root = os.path.abspath(root)
        self.output_path = os.path.abspath(output_path)
        self.build_command = build_command
        self.site_url = site_url.rstrip("/")
        self.site = WarmSite(settings_file, drafts)
        self.reload = reload or (lambda path: None)
        self.say = say or partial(print, flush=True)
        self.watched = [
            os.path.join(self.root, name) for name in ("content", "theme", "plugins")
        ] + [os.path.abspath(settings_file)]
        self.plugins_dir = os.path.join(self.root, "plugins")
        self._state = threading.Lock()  # all in-process Pelican work
        self._wake = threading.Condition()
        self._build_wanted = False
        self._stale = True
        self._code_changed = False
        self._stopping = False
        self._building = None  # the running full build's process
        # Pages the fast path wrote while a full build was running: that
        # build read the older text, so they are written again after it.
        self._since_build = {}
        self._known = watching.snapshot(self.watched)

    # Threads -------------------------------------------------------------

    def start(self):
        """Start watching and the background builder; returns at once."""
        for target in (self._watch_loop, self._build_loop):
            threading.Thread(target=target, daemon=True).start()

    def stop(self):
        with self._wake:
            self._stopping = True
            self._wake.notify_all()
        building = self._building
        if building is not None and building.poll() is None:
            # Safe at any moment: a build goes live only when it is complete.
            building.terminate()
        self.site.close()

    def _watch_loop(self):
        while not self._stopping:
            time.sleep(POLL_SECONDS)
            current = watching.snapshot(self.watched)
            if current == self._known:
                continue
            time.sleep(SETTLE_SECONDS)
            current = watching.snapshot(self.watched)
            modified, added, removed = watching.changes(self._known, current)
            self._known = current
            try:
                self.changed(modified, added, removed)
            except Exception:
                # A bug must not stop the preview: tell it, then build fully.
                traceback.print_exc()
                self.say(
                    "Pratinjau cepat gagal karena kesalahan program (lihat di atas); "
                    "pembangunan lengkap tetap dijalankan."
                )
                self._stale = True
                self.want_build()

    def changed(self, modified, added=(), removed=()):
        """Handle one batch of changed paths (called by the watch thread)."""
        paths = set(modified) | set(added) | set(removed)
        if any(
            p.startswith(self.plugins_dir + os.sep) and p.endswith(".py") for p in paths
        ):
            if not self._code_changed:
                self.say(
                    "Kode plugin berubah: pratinjau cepat dimatikan sampai "
                    "`invoke livereload` dijalankan ulang. Pembangunan lengkap "
                    "tetap berjalan."
                )
            self._code_changed = True
        if added or removed or not self._fast(modified):
            self._stale = True
        self.want_build()

    def _fast(self, paths):
        """Try the fast path; True when it handled the change (even by
        reporting an unreadable article)."""
        if self._code_changed or self._stale:
            return False
        if not all(p.endswith(".md") for p in paths):
            return False
        with self._state:
            if self._stale:
                return False
            try:
                pages = self.site.update(sorted(paths))
            except BuildFailed as error:
                self.say(
                    f"{error}\n\nPratinjau cepat: artikel tidak dapat dibaca; "
                    "halaman lama tetap ditampilkan."
                )
                return True
            if pages is None:
                return False
            if self.site.outdated:
                self._stale = True
            for article, save_as, html in pages:
                if save_as is None:
                    continue
                write_page(self.output_path, save_as, html)
                self._since_build[save_as] = html
                mtime = os.stat(article.source_path).st_mtime
                self.say(
                    f"Pratinjau cepat: {self.site_url}/{article.url} diperbarui "
                    f"dalam {seconds(max(0.0, time.time() - mtime))} s"
                )
                self.reload("/" + save_as)
        return True

    def want_build(self):
        with self._wake:
            self._build_wanted = True
            self._wake.notify_all()

    def _build_loop(self):
        self._load()
        while True:
            with self._wake:
                while not (self._build_wanted or self._stopping):
                    self._wake.wait()
                if self._stopping:
                    return
                self._build_wanted = False
            with self._state:
                self._since_build = {}
            self._full_build()
            if self._stale and not self._build_wanted:
                self._load()

    def _full_build(self):
        started = time.monotonic()
        with self._wake:
            if self._stopping:
                return
            self._building = subprocess.Popen(self.build_command, cwd=self.root)
        returncode = self._building.wait()
        took = seconds(time.monotonic() - started)
        if self._stopping:
            return
        if returncode != 0:
            self.say(
                f"Pembangunan lengkap gagal ({took} s); pratinjau tetap "
                "menampilkan hasil terakhir yang berhasil."
            )
            return
        with self._state:
            for save_as, html in self._since_build.items():
                write_page(self.output_path, save_as, html)
        self.say(f"Pembangunan lengkap selesai dalam {took} s; halaman dimuat ulang.")
        self.reload("*")

    def _load(self):
        if self._code_changed:
            return
        with self._state:
            self._stale = False  # a change while reading marks it again
            started = time.monotonic()
            try:
                self.site.load()
            except BuildFailed:
                # The full build reports the same problem; stay on full builds.
                self._stale = True
                return
            took = seconds(time.monotonic() - started)
        self.say(f"Pratinjau cepat siap ({took} s).")


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def serve(preview, host, port, root):
    """Serve `root` with livereload; browsers reload when `preview` says.

    Raises OSError when the port cannot be opened.
    """
    from livereload import Server
    from livereload.handlers import LiveReloadHandler
    from livereload.watcher import Watcher

    class Signalled(Watcher):
        """Watches nothing itself: the preview's own thread tells it."""

        def __init__(self):
            super().__init__()
            self._tasks = {"pratinjau": None}  # else livereload watches cwd

        def start(self, callback):
            from tornado.ioloop import IOLoop

            loop = IOLoop.current()
            preview.reload = lambda path: loop.add_callback(
                LiveReloadHandler.reload_waiters, path
            )
            # Stop cleanly (and stop a running full build) on SIGTERM too.
            signal.signal(signal.SIGTERM, _interrupt)
            preview.start()
            return True  # no polling by livereload

    server = Server(watcher=Signalled())
    # Missing pages, types and the nginx maps as `invoke serve` has them.
    server.SFH = serving.livereload_handler(server.SFH, root)
    try:
        server.serve(root=root, host=host, port=int(port), open_url_delay=None)
    finally:
        preview.stop()


def run(root, settings_file, output, host, port, drafts):
    """`invoke livereload`: one full build, then the warm preview served at
    host:port until stopped. Raises OSError when the port cannot be opened."""
    command = [sys.executable, "-m", "invoke", "build", "--output", output]
    if drafts:
        command.append("--drafts")
    preview = Preview(
        root,
        settings_file,
        output,
        command,
        site_url=f"http://{host}:{port}",
        drafts=drafts,
    )
    subprocess.run(command, cwd=root, check=False)
    serve(preview, host, port, output)
