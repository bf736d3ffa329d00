"""A warm preview: a saved article shows in the browser within a second.

`invoke livereload` keeps one in-process read of the whole site (a
`WarmSite`: Pelican's settings, generators and shared context, as
`validate` leaves them). When the only files that changed are existing
articles, it re-reads just those files, puts the new text into the
objects that every list in the context already holds, renders only those
articles' pages with Pelican's plain Writer and moves them into the live
output folder (the "fast path", after Hugo's fast render).

A full build always follows, exactly `invoke build --drafts` in a
subprocess, so listing pages, related articles, feeds and the search
index catch up with all checks and the atomic switch of build versions.
Anything else (YAML data, albums, templates, settings, new or removed
files) goes straight to that full build; the warm read is then marked
stale and read again after the build, so that a later fast path never
renders with old templates or data. Changed plugin code cannot be
reloaded in-process: the fast path stays off until livereload restarts.
"""

import logging
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import traceback
from functools import partial
from itertools import chain

from pelican import signals
from pelican.contents import Article, Content
from pelican.readers import SkipStub
from pelican.writers import Writer

from sitebuild import versions, watching
from sitebuild.build import (
    BuildFailed,
    draft_overrides,
    load_settings,
    read_site,
    reporting,
)

# Every list of ArticlesGenerator that holds Article objects.
ARTICLE_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "drafts",
    "drafts_translations",
)
POLL_SECONDS = 0.2
# Wait this long after a change for the editor to finish writing.
SETTLE_SECONDS = 0.05


class WarmSite:
    """The site read once in this process, ready to re-render one article."""

    def __init__(self, settings_file, drafts=True):
        self.settings_file = os.path.abspath(settings_file)
        self.drafts = drafts
        self.generators = None
        # Set by update(): the edit changed metadata, so lists, related
        # articles etc. in this read are out of date until the next load().
        self.outdated = False
        self._scratch = tempfile.mkdtemp(prefix="pratinjau-")

    def close(self):
        shutil.rmtree(self._scratch, ignore_errors=True)

    def _settings(self):
        overrides = {}
        if self.drafts:
            overrides = draft_overrides(load_settings(self.settings_file))
        return load_settings(
            self.settings_file,
            OUTPUT_PATH=os.path.join(self._scratch, "baca"),
            DELETE_OUTPUT_DIRECTORY=False,
            # This process runs threads (watcher, builder, server): no fork.
            PARALLEL_PROCESSES=1,
            **overrides,
        )

    def load(self):
        """Read all content and data; raises BuildFailed like a build."""
        self.generators = None
        self.outdated = False
        # Rendered text is memoized per object, for the life of the process.
        Content.get_content.cache.clear()
        Content.get_summary.cache.clear()
        settings = self._settings()
        self.generators = read_site(settings)
        self.settings = settings
        self.articles = next(
            g for g in self.generators if hasattr(g, "generate_articles")
        )
        # Compile the article templates now, not on the first saved edit.
        for name in {article.template for article in self._all_articles()}:
            self.articles.get_template(name)

    def article_at(self, path):
        """The article or draft read from `path`, or None."""
        for article in self._all_articles():
            if article.source_path == path:
                return article
        return None

    def _all_articles(self):
        return chain.from_iterable(getattr(self.articles, n) for n in ARTICLE_LISTS)

    def update(self, paths):
        """Re-read the articles at `paths` and render their pages.

        Returns [(article, save_as, html)], or None when a full build is
        needed instead (the site has no such article, or the edit changed
        its address, its status or its photos). Raises BuildFailed, with
        the build's own message, when an article cannot be read; the warm
        state is then left as it was.
        """
        if self.generators is None:
            return None
        old = [self.article_at(os.path.abspath(p)) for p in paths]
        if None in old:
            return None
        with reporting(self.settings):
            fresh = [self._read(article.source_path) for article in old]
            if not all(fresh) or not all(map(self._refresh, fresh, old)):
                return None
        if not all(map(_same_place, fresh, old)):
            return None
        pairs = list(zip(fresh, old, strict=True))
        self.outdated = any(new.metadata != was.metadata for new, was in pairs)
        for new, article in pairs:
            _take_over(article, new)
            self.articles.add_static_links(article)
        return [self._render(article) for article in old]

    def _read(self, source_path):
        generator = self.articles
        relative = os.path.relpath(source_path, generator.path)
        try:
            article = generator.readers.read_file(
                base_path=generator.path,
                path=relative,
                content_class=Article,
                context=generator.context,
                preread_signal=signals.article_generator_preread,
                preread_sender=generator,
                context_signal=signals.article_generator_context,
                context_sender=generator,
            )
        except Exception:
            # The same record Pelican logs; `reporting` retells it in Indonesian.
            logging.getLogger("pelican.generators").error(
                "Could not process %s", relative
            )
            return None
        if isinstance(article, SkipStub) or not article.is_valid():
            return None
        return article

    def _refresh(self, new, old):
        """Let each plugin redo its per-article work (links, photos)."""
        for generator in self.generators:
            refresh = getattr(generator, "refresh_document", None)
            if refresh is not None and not refresh(new, old):
                return False
        return True

    def _render(self, article):
        """(article, save_as, html) rendered like generate_articles/drafts."""
        generator = self.articles
        scratch = tempfile.mkdtemp(dir=self._scratch)
        try:
            writer = Writer(scratch, settings=self.settings)
            write = partial(
                writer.write_file, relative_urls=self.settings["RELATIVE_URLS"]
            )
            template = generator.get_template(article.template)
            override = hasattr(article, "override_save_as")
            if article.status == "draft":
                write(
                    article.save_as,
                    template,
                    generator.context,
                    article=article,
                    category=article.category,
                    override_output=override,
                    blog=True,
                    all_articles=generator.articles,
                    url=article.url,
                )
            else:
                signals.article_generator_write_article.send(generator, content=article)
                write(
                    article.save_as,
                    template,
                    generator.context,
                    article=article,
                    category=getattr(article, "category", None),
                    override_output=override,
                    url=article.url,
                    blog=True,
                )
            written = os.path.join(scratch, article.save_as)
            if not article.save_as or not os.path.exists(written):
                return article, None, None  # not written (e.g. drafts hidden)
            with open(written, "rb") as handle:
                return article, article.save_as, handle.read()
        finally:
            shutil.rmtree(scratch, ignore_errors=True)


def _same_place(new, old):
    return (new.status, new.save_as, new.url) == (old.status, old.save_as, old.url)


def _take_over(old, new):
    """Give `old` everything `new` read, keeping what plugins added later.

    Every list in the context (articles, dates, categories, tags, editions,
    related articles) holds `old`, so it is changed in place. Attributes
    that only `old` has were set after reading (neighbours, related
    articles, share image) and stay.
    """
    kept = {k: v for k, v in vars(old).items() if k not in vars(new)}
    vars(old).clear()
    vars(old).update(vars(new))
    vars(old).update(kept)
    for method in (Content.get_content, Content.get_summary):
        for key in [k for k in method.cache if k and k[0] is old]:
            del method.cache[key]


def write_page(output_path, save_as, html):
    """Put one page into the live site without touching the file in place.

    Output files may be hard links shared with older build versions, so
    the page goes into a new file that then replaces the old name.
    """
    folder = versions.live_folder(output_path) or output_path
    target = os.path.join(folder, save_as)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=".pratinjau-", dir=os.path.dirname(target)
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(html)
        os.chmod(temporary, 0o666 & ~versions._current_umask())
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    return target


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
    try:
        server.serve(root=root, host=host, port=int(port), open_url_delay=None)
    finally:
        preview.stop()
