"""Reading files from content/: only regular files inside content/, bounded.

A symlink in content/ may point anywhere on the machine (`/etc/passwd`,
a private folder); a folder or a dangling link may carry the name of a
data file. `link_problems` looks at every link in content/ before Pelican
reads anything (Pelican follows links, into /etc if asked); every file
the build reads on its own (year files, album.yaml, redirects.yaml, album
folders and photos) goes through `read_source` or `outside_problem`; and
every article, page and static file Pelican read is checked again by
sitekit/contentcheck.py (a `{static}/../x` link needs no symlink). So
nothing outside content/ is ever published, and a wrong kind of file is
an Indonesian message, not a traceback.
"""

import os

from sitekit.problems import ContentError, Problem, display_path

_LINK_HINT = (
    "salin berkasnya ke dalam folder content/ (bukan tautan simbolik), atau "
    "hapus tautan itu."
)


def resolves_inside(path, root):
    """Whether `path`, all symlinks followed, is inside folder `root`."""
    real, top = os.path.realpath(path), os.path.realpath(root)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def outside_problem(path, root, what="berkas ini"):
    """A Problem when `path` resolves outside `root` (through a symlink or
    `..`), naming the link and where it leads; None when it is inside."""
    if resolves_inside(path, root):
        return None
    target = os.path.realpath(path)
    return Problem(
        display_path(path),
        None,
        None,
        f"{what} menunjuk ke `{target}`, di luar folder {display_path(root)}/; "
        "berkas dari luar folder itu tidak pernah diterbitkan.",
        _LINK_HINT,
    )


def link_problems(root):
    """A Problem for every symlink in `root` that leads outside it, leads
    nowhere, or leads to a folder holding the link (Pelican would walk it
    forever). Links are not followed while looking."""
    problems = []
    for folder, dirs, files in os.walk(root):
        for name in sorted(dirs + files):
            path = os.path.join(folder, name)
            if not os.path.islink(path):
                continue
            if not os.path.exists(path):
                problems.append(kind_problem(path, display_path(path)))
                continue
            outside = outside_problem(path, root, "tautan simbolik ini")
            target = os.path.realpath(path)
            parent = os.path.realpath(folder)
            if outside is not None:
                problems.append(outside)
            elif os.path.isdir(target) and (parent + os.sep).startswith(
                target.rstrip(os.sep) + os.sep
            ):
                problems.append(
                    Problem(
                        display_path(path),
                        None,
                        None,
                        f"tautan simbolik ini menunjuk ke folder yang memuatnya "
                        f"(`{display_path(target)}/`), jadi berputar tanpa "
                        "akhir.",
                        "hapus tautan itu.",
                    )
                )
    return problems


def kind_problem(path, shown):
    """A Problem when `path` is not a regular file (a folder, a dangling
    symlink, something else); None for a file."""
    if os.path.isfile(path):
        return None
    if os.path.islink(path) and not os.path.exists(path):
        message = (
            f"tautan simbolik ke `{os.readlink(path)}`, yang tidak ada (tautan putus)."
        )
        hint = "hapus tautan itu, atau salin berkas yang benar ke tempatnya."
    elif os.path.isdir(path):
        message = "ini folder, padahal nama ini dipakai untuk berkas."
        hint = "ganti nama folder itu, atau pindahkan isinya dan hapus foldernya."
    elif not os.path.lexists(path):
        message = "berkas tidak ditemukan."
        hint = "periksa nama berkasnya."
    else:
        message = "bukan berkas biasa."
        hint = "ganti dengan berkas teks biasa."
    return Problem(shown, None, None, message, hint)


def read_source(path, shown, root, max_bytes):
    """The bytes of content file `path` (named `shown` in problems), or a
    ContentError: outside `root`, not a regular file, unreadable, or
    larger than `max_bytes`."""
    dangling = os.path.islink(path) and not os.path.exists(path)
    problem = (None if dangling else outside_problem(path, root)) or kind_problem(
        path, shown
    )
    if problem is not None:
        raise ContentError([Problem(shown, None, None, problem.message, problem.hint)])
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise ContentError([too_large(shown, size, max_bytes)])
        with open(path, "rb") as handle:
            return handle.read(max_bytes + 1)
    except OSError as error:
        raise ContentError([unreadable(shown, error)]) from None


def unreadable(shown, error):
    return Problem(
        shown,
        None,
        None,
        f"berkas tidak dapat dibaca ({error.strerror or error}).",
        "periksa hak baca berkas itu, atau salin ulang berkasnya.",
    )


def too_large(shown, size, max_bytes):
    def kb(n):
        return f"{n // 1024:,} KB".replace(",", ".")

    return Problem(
        shown,
        None,
        None,
        f"berkas ini {kb(size)}, lebih besar dari batas {kb(max_bytes)}.",
        "berkas data sebesar itu hampir pasti salah (mis. berkas lain yang "
        "tersalin ke sini); periksa isinya, atau pecah datanya.",
    )
