"""The local preview serves the site like the documented nginx does.

`invoke serve` (http.server) and `invoke livereload` (tornado, through
livereload) share the rules here, so a missing address shows the site's
own `404.html` with status 404, every file goes out with the type nginx
gives it (text with `charset=utf-8`), and the nginx maps of old
addresses are not served (docs/operasi.md, "nginx").
"""

import contextlib
import os
import posixpath
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

NOT_FOUND_PAGE = "404.html"
# Output files the server must not hand out (nginx: `return 404`).
PRIVATE = ("redirects.map", "redirects-query.map")

# By the end of the file name, longest first (`.atom.xml` before `.xml`).
TYPES = (
    (".atom.xml", "application/atom+xml"),
    (".html", "text/html; charset=utf-8"),
    (".css", "text/css; charset=utf-8"),
    (".js", "text/javascript; charset=utf-8"),
    (".mjs", "text/javascript; charset=utf-8"),
    (".json", "application/json"),
    (".webmanifest", "application/manifest+json"),
    (".csv", "text/csv; charset=utf-8"),
    (".txt", "text/plain; charset=utf-8"),
    (".xml", "application/xml"),
    (".svg", "image/svg+xml"),
    (".webp", "image/webp"),
    (".avif", "image/avif"),
    (".jpg", "image/jpeg"),
    (".jpeg", "image/jpeg"),
    (".png", "image/png"),
    (".gif", "image/gif"),
    (".ico", "image/x-icon"),
    (".wasm", "application/wasm"),
    (".woff2", "font/woff2"),
    (".pdf", "application/pdf"),
)
DEFAULT_TYPE = "application/octet-stream"


def content_type(path):
    """The Content-Type for a file name, as the documented nginx sends it."""
    name = path.lower()
    return next((kind for end, kind in TYPES if name.endswith(end)), DEFAULT_TYPE)


def is_private(url_path):
    """Whether an address must be answered with 404 although a file is there."""
    return posixpath.basename(url_path.split("?", 1)[0]) in PRIVATE


def not_found_page(folder):
    """The bytes of the site's 404 page, or None when the site has none."""
    try:
        with open(os.path.join(folder, NOT_FOUND_PAGE), "rb") as handle:
            return handle.read()
    except OSError:
        return None


class SiteHandler(SimpleHTTPRequestHandler):
    """http.server's file handler with the site's types and 404 page."""

    def guess_type(self, path):
        return content_type(path)

    def send_head(self):
        if is_private(self.path):
            self.send_error(HTTPStatus.NOT_FOUND)
            return None
        return super().send_head()

    def send_error(self, code, message=None, explain=None):
        page = not_found_page(self.directory) if code == HTTPStatus.NOT_FOUND else None
        if page is None:
            super().send_error(code, message, explain)
            return
        self.send_response(code)
        self.send_header("Content-Type", content_type(NOT_FOUND_PAGE))
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(page)

    def log_message(self, format, *args):
        pass  # the editor's terminal shows the build, not every request


def folder_server(folder, bind, port):
    """An HTTP server of `folder` at bind:port (raises OSError when taken)."""
    handler = partial(SiteHandler, directory=folder)
    return ThreadingHTTPServer((bind, port), handler)


def serve_until_interrupted(server):
    with server, contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


def livereload_handler(base, root):
    """livereload's tornado file handler class `base`, with the same rules."""
    from tornado.web import HTTPError

    class SiteFileHandler(base):
        def get_content_type(self):
            return content_type(self.absolute_path)

        def validate_absolute_path(self, root_path, absolute_path):
            if is_private(absolute_path):
                raise HTTPError(HTTPStatus.NOT_FOUND)
            return super().validate_absolute_path(root_path, absolute_path)

        def write_error(self, status_code, **kwargs):
            page = not_found_page(root) if status_code == HTTPStatus.NOT_FOUND else None
            if page is None:
                super().write_error(status_code, **kwargs)
                return
            self.set_header("Content-Type", content_type(NOT_FOUND_PAGE))
            self.finish(page)

    return SiteFileHandler
