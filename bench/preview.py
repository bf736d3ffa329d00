"""How long a saved article edit takes to reach a warm preview's output.

    python -m bench.preview PROJECT [ARTICLE.md] [--edits 7] [--pause 4]

starts the real `invoke livereload` in PROJECT (a copy made with
bench/archive.py plus tasks.py, sitebuild, sitecheck and wpimport), waits
until its warm read is ready, then appends a new sentence to the article
several times and times each one, from the file's save (its mtime) until
the article's page under PROJECT/output contains the sentence. Edits come
`pause` seconds apart, so most of them land while the full build of the
previous edit is still running, as when an editor saves often. Prints the
median; `measure_edit_latency()` returns the list of seconds.
"""

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time

READY = "Pratinjau cepat siap"
TIMEOUT = 600


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def output_file(project, article_path):
    """Where a build writes the article's page (its ARTICLE_SAVE_AS)."""
    from pelican.contents import Article
    from pelican.readers import Readers
    from pelican.settings import read_settings

    settings = read_settings(os.path.join(project, "pelicanconf.py"))
    article = Readers(settings).read_file(
        base_path=settings["PATH"],
        path=os.path.relpath(article_path, settings["PATH"]),
        content_class=Article,
        context={"generated_content": {}, "static_content": {}},
    )
    return os.path.join(project, "output", article.save_as)


class Livereload:
    """`invoke livereload` running in `project`, with its output lines."""

    def __init__(self, project):
        self.lines = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "invoke", "livereload", "--port", str(free_port())],
            cwd=project,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,  # its full builds stop with it
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, text, after=0, timeout=TIMEOUT):
        """Index of the first output line from `after` on containing `text`."""
        deadline = time.monotonic() + timeout
        while True:
            for index in range(after, len(self.lines)):
                if text in self.lines[index]:
                    return index
            if self.process.poll() is not None:
                raise RuntimeError("livereload stopped:\n" + "\n".join(self.lines))
            if time.monotonic() > deadline:
                raise TimeoutError(f"no `{text}` from livereload")
            time.sleep(0.02)

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=60)


def time_edit(article_path, page, sentence, timeout=60):
    """Append `sentence`; seconds from the save until `page` contains it."""
    with open(article_path, "a", encoding="utf-8") as handle:
        handle.write(f"\n{sentence}\n")
    saved = os.stat(article_path).st_mtime
    wanted = sentence.encode()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with open(page, "rb") as handle:
                if wanted in handle.read():
                    return time.time() - saved
        except FileNotFoundError:
            pass
        time.sleep(0.005)
    raise TimeoutError(f"{page} never showed the edit")


def measure_edit_latency(project, article_path=None, edits=7, pause=4.0):
    """Seconds from each saved edit until its page in output/ shows it."""
    project = os.path.abspath(project)
    if article_path is None:
        article_path = _some_article(project)
    page = output_file(project, article_path)
    preview = Livereload(project)
    try:
        preview.wait_for(READY)
        found = []
        for number in range(edits):
            sentence = f"Kalimat uji pratinjau nomor {number} pada {time.time_ns()}."
            found.append(time_edit(article_path, page, sentence))
            time.sleep(pause)
        return found
    finally:
        preview.stop()


def _some_article(project):
    folder = os.path.join(project, "content", "berita")
    for root, _dirs, files in sorted(os.walk(folder)):
        for name in sorted(files):
            if name.endswith(".md"):
                return os.path.join(root, name)
    raise FileNotFoundError(f"no article under {folder}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("project")
    parser.add_argument("article", nargs="?")
    parser.add_argument("--edits", type=int, default=7)
    parser.add_argument("--pause", type=float, default=4.0)
    args = parser.parse_args(argv)
    found = measure_edit_latency(args.project, args.article, args.edits, args.pause)
    shown = ", ".join(f"{s:.2f}" for s in found)
    print(f"edit -> page written, {len(found)} edits: {shown} s")
    print(f"median {statistics.median(found):.2f} s, max {max(found):.2f} s")


if __name__ == "__main__":
    main()
