"""Two things never share an address: the check of the whole output plan.

Three ways for two outputs to meet, each a problem naming both sources
with file and line where they have one:
- the same file (an article saved as `sitemap.xml`);
- a file where another output needs a folder (a page at
  `feeds/kbk/cheerful.atom.xml/index.html` and the feed itself);
- a file inside a folder one source owns whole (the theme's files, the
  search bundle Pagefind writes after Pelican).
"""

from sitekit.outputs import normalise, planned_outputs
from sitekit.problems import ContentError, Problem, display_path
from sitekit.text import file_metadata_line


def find_collisions(planned):
    """[(kind, path, [outputs])] for every shared address in `planned`
    (Outputs); kind is "same", "folder" or "inside"."""
    files, folders = {}, {}
    for output in planned:
        if not output.save_as:
            continue  # an empty SAVE_AS turns the output off
        owners = folders if output.is_folder else files
        owners.setdefault(normalise(output.save_as), []).append(output)
    found = [("same", path, outs) for path, outs in files.items() if len(outs) > 1]
    found += [("same", path, outs) for path, outs in folders.items() if len(outs) > 1]
    for path, outs in files.items():
        parts = path.split("/")
        for end in range(1, len(parts)):
            prefix = "/".join(parts[:end])
            if prefix in files:
                found.append(("folder", prefix, files[prefix][:1] + outs[:1]))
            if prefix in folders:
                found.append(("inside", prefix, folders[prefix][:1] + outs[:1]))
    for path, outs in folders.items():
        if path in files:
            found.append(("inside", path, outs[:1] + files[path][:1]))
    return found


def location(output):
    """(file shown to editors, line) of an output, (None, None) without one."""
    if not output.path:
        return None, None
    line = output.line
    if line is None and output.key:
        line = file_metadata_line(output.path, output.key)
    return display_path(output.path), line


def describe(output):
    """The source of an output as a message names it, with its line."""
    _path, line = location(output)
    return output.source + (f":{line}" if line else "")


def collision_problem(kind, path, outputs):
    """The problem of one collision, told from the source an editor can
    change (content before built-in pages)."""
    first = min(outputs, key=lambda output: (output.key is None, output.path is None))
    others = [output for output in outputs if output is not first]
    named = ", ".join(describe(other) for other in others)
    if kind == "same":
        message = f"alamat `{path}` juga dihasilkan oleh {named}."
    elif kind == "folder" and first is outputs[0]:
        message = (
            f"alamat `{path}` juga dipakai sebagai folder oleh {named} "
            f"(`{normalise(others[0].save_as)}`)."
        )
    elif kind == "folder":
        message = (
            f"alamat `{normalise(first.save_as)}` berada di dalam `{path}`, yang "
            f"juga dihasilkan sebagai berkas oleh {named}."
        )
    else:
        inner = outputs[1]
        message = (
            f"alamat `{normalise(inner.save_as)}` berada di folder `{path}/`, "
            f"yang seluruhnya milik {describe(outputs[0])}."
        )
    return Problem(
        describe(first),
        None,
        None,
        message,
        "dua hal tidak boleh berbagi alamat: ganti `Slug:` (atau `Save_as:`) "
        "salah satunya, atau id KBK-nya, atau nama folder albumnya.",
    )


def check_unique_outputs(generators):
    """Raise ContentError naming both sources of every shared output."""
    collisions = find_collisions(planned_outputs(generators))
    if collisions:
        raise ContentError(collision_problem(*found) for found in collisions)
