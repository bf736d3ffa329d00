"""The one parser of `content/redirects.yaml`, for the build and the importer.

      redirects:
        - from: /2015/09/30/gelar-budaya-kerja-2015/
          to: /berita/2015/gelar-budaya-kerja-2015/

Pure functions: text or parsed YAML in, (redirects, problems) out, every
problem with file, line and field. A file with nothing but comments (or
nothing at all) lists no redirects. Checking where the redirects lead is
the build's work (plugins/gelar/redirects.py).
"""

import dataclasses
import posixpath
import re
from urllib.parse import unquote

from sitekit.problems import ContentError, Problem
from sitekit.sources import read_source
from sitekit.text import decode_utf8
from sitekit.textcheck import first_forbidden
from sitekit.yamlsource import Mapping, Sequence, parse_yaml

# A site path: starts with "/", no query, fragment, spaces, backslashes or
# "..". Matched whole (fullmatch): `$` would also accept a final newline.
_PATH = re.compile(r"/[^\s?#\\]*")
# An old dynamic address such as WordPress's "/?p=123": a path and a query.
_QUERY_ADDRESS = re.compile(r"/[^\s?#\\]*\?[^\s#]+")
_FIELDS = ("from", "to")
# An imported archive of many thousand posts has a redirects file of a
# few megabytes; far more is a mistake.
MAX_BYTES = 16 * 1024 * 1024


@dataclasses.dataclass(frozen=True)
class Redirect:
    source: str  # the old path, "/2015/09/30/gelar-budaya-kerja-2015/"
    target: str  # where it goes, "/berita/2015/gelar-budaya-kerja-2015/"
    # Where it was asked for, as editors see it; not part of its identity.
    path: str = dataclasses.field(default="", compare=False)
    line: int | None = dataclasses.field(default=None, compare=False)
    field: str = dataclasses.field(default="", compare=False)

    def problem(self, message, hint):
        return Problem(self.path, self.line, self.field, message, hint)

    @property
    def has_query(self):
        """An old dynamic address: no static page can stand at it, since the
        query goes to the page of its path; nginx and a small script on that
        page send readers on instead."""
        return "?" in self.source


def _safe_segments(path):
    """No `..` segment, no control character, no backslash: what a path
    must also be once percent-decoded (`%2e%2e` is `..`, `%00` a NUL)."""
    return (
        ".." not in path.split("/")
        and "\\" not in path
        and first_forbidden(path) is None
    )


def is_site_path(value):
    return (
        isinstance(value, str)
        and _PATH.fullmatch(value) is not None
        and "//" not in value
        and _safe_segments(value)
        and _safe_segments(unquote(value))
    )


def is_old_address(value):
    """What `from` may be: a site path, or an old path with a query."""
    if is_site_path(value):
        return True
    if not isinstance(value, str) or not _QUERY_ADDRESS.fullmatch(value):
        return False
    return is_site_path(value.split("?", 1)[0]) and first_forbidden(value) is None


def page_path(save_as):
    """The address of an output file: `a/index.html` is `/a/`."""
    save_as = posixpath.normpath(save_as.replace("\\", "/")).lstrip("/")
    if save_as == "index.html":
        return "/"
    if save_as.endswith("/index.html"):
        return "/" + save_as[: -len("index.html")]
    return "/" + save_as


def save_as_for(source):
    """Where the redirect page for `source` is written in the output."""
    path = unquote(source).lstrip("/")
    if not path or path.endswith("/"):
        return path + "index.html"
    if "." in path.rsplit("/", 1)[-1]:
        return path  # an old file name such as /berita.php or /lama.html
    return path + "/index.html"


def written_key(source):
    """What two old addresses share when they would be one redirect page:
    `/x` and `/x/` are both written to x/index.html; a query address is
    its own."""
    return source if "?" in source else page_path(save_as_for(source))


def path_problem(path, line, field, value):
    return Problem(
        path,
        line,
        field,
        f"`{value}` bukan alamat di situs ini.",
        "tulis alamat yang diawali `/`, tanpa nama domain, tanpa `?`, `#`, "
        "spasi, `\\` atau `..` (juga tidak sebagai kode `%2e%2e` atau `%00`), "
        "mis. `/berita/2015/gelar-budaya-kerja-2015/`.",
    )


def from_yaml(data, path):
    """(redirects, problems) from the parsed redirects file."""
    problems = []
    if not isinstance(data, Mapping) or set(data) != {"redirects"}:
        line = getattr(data, "line", 1)
        return [], [
            Problem(
                path,
                line,
                None,
                "berkas pengalihan harus berisi satu kolom `redirects` berupa daftar.",
                "tulis `redirects:` lalu butir `- from: /lama/` dan `to: /baru/`.",
            )
        ]
    items = data["redirects"]
    if items is None:
        return [], []
    if not isinstance(items, Sequence):
        return [], [
            Problem(
                path,
                data.line_of("redirects"),
                "redirects",
                "harus berupa daftar.",
                "tulis setiap pengalihan di baris sendiri diawali `- from: `.",
            )
        ]
    redirects = []
    for index, item in enumerate(items):
        line = items.line_of(index)
        name = f"redirects[{index}]"
        if not isinstance(item, Mapping):
            problems.append(
                Problem(
                    path,
                    line,
                    name,
                    "harus berupa pemetaan dengan kolom `from` dan `to`.",
                    "tulis `- from: /lama/` dan di bawahnya `  to: /baru/`.",
                )
            )
            continue
        valid = True
        for key in item:
            if key not in _FIELDS:
                problems.append(
                    Problem(
                        path,
                        item.line_of(key),
                        f"{name}.{key}",
                        "kolom tidak dikenal.",
                        "setiap pengalihan hanya punya `from` dan `to`.",
                    )
                )
        for key in _FIELDS:
            value = item.get(key)
            if value is None:
                problems.append(
                    Problem(
                        path,
                        item.line,
                        f"{name}.{key}",
                        "wajib diisi tetapi tidak ada.",
                        f"tambahkan `{key}: /alamat/`.",
                    )
                )
                valid = False
            elif not (is_old_address if key == "from" else is_site_path)(value):
                problems.append(
                    path_problem(path, item.line_of(key), f"{name}.{key}", value)
                )
                valid = False
        if valid:
            redirects.append(
                Redirect(
                    item["from"],
                    item["to"],
                    path,
                    item.line_of("from"),
                    f"{name}.from",
                )
            )
    return redirects, problems


def parse_text(text, path):
    """(redirects, problems) from the text of a redirects file at `path`."""
    if not any(
        line.strip() and not line.lstrip().startswith("#") for line in text.splitlines()
    ):
        return [], []
    try:
        return from_yaml(parse_yaml(text, path), path)
    except ContentError as error:
        return [], error.problems


def read_file(path, shown, root):
    """(redirects, problems) from the redirects file at `path`, named `shown`
    in problems; it must be a regular file inside `root` (content/)."""
    try:
        text = decode_utf8(read_source(path, shown, root, MAX_BYTES), shown)
    except ContentError as error:
        return [], error.problems
    return parse_text(text, shown)
