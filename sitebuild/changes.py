"""What a publish will change, told by kind of page, in Indonesian.

rsync's itemized list (`--itemize-changes`) names every file it would
create, update or delete. Editors care about pages: which articles,
editions, KBKs and albums are new, changed or gone; the rest (pictures,
feeds, downloads, lists) is counted. Pure functions over those lines.
"""

import re

# (setting of the page's SAVE_AS, how editors call that kind of page)
KINDS = (
    ("ARTICLE_SAVE_AS", "Berita"),
    ("GELAR_SAVE_AS", "Gelar"),
    ("KBK_SAVE_AS", "KBK"),
    ("GALERI_SAVE_AS", "Album"),
)
ACTIONS = ("baru", "berubah", "dihapus")
OTHER_PAGES = "Halaman lain"


def save_as_pattern(save_as):
    """`berita/{date:%Y}/{slug}/index.html` as a regular expression."""
    parts = re.split(r"\{[^}]*\}", save_as)
    return re.compile("^" + "[^/]+".join(map(re.escape, parts)) + "$")


def itemized(lines):
    """(action, path) for each file in rsync's itemized changes."""
    for line in lines:
        if line.startswith("*deleting"):
            path = line.split(None, 1)[1].strip()
            if not path.endswith("/"):
                yield "dihapus", path
        elif line[:2] in (">f", "<f"):
            flags, path = line.split(None, 1)
            yield ("baru" if "+++" in flags else "berubah"), path.strip()


def other_kind(path):
    if path.endswith(".html"):
        return "halaman lain"
    if path.endswith((".xml", ".atom")):
        return "umpan/peta situs"
    if path.endswith((".csv", ".json")):
        return "unduhan/data"
    if path.endswith((".gz", ".br")):
        return "salinan terkompresi"
    return "berkas lain (gambar, gaya, skrip)"


def summarise(lines, settings):
    """{kind: {action: [address]}} for pages, {(kind, action): count} else."""
    patterns = [
        (save_as_pattern(settings[key]), label)
        for key, label in KINDS
        if settings.get(key)
    ]
    # Every other page that would disappear is named too: a link breaks.
    labels = [label for _p, label in patterns] + [OTHER_PAGES]
    pages = {label: {action: [] for action in ACTIONS} for label in labels}
    others = {}
    for action, path in itemized(lines):
        label = next((label for p, label in patterns if p.match(path)), None)
        if label is None and action == "dihapus" and path.endswith(".html"):
            label = OTHER_PAGES
        if label:
            pages[label][action].append("/" + path.removesuffix("index.html"))
        else:
            key = (other_kind(path), action)
            others[key] = others.get(key, 0) + 1
    return pages, others


def report(lines, settings, target):
    """The Indonesian listing of what copying to `target` changes."""
    pages, others = summarise(lines, settings)
    out = [f"Yang berubah di {target}:"]
    for label, actions in pages.items():
        for action in ACTIONS:
            found = sorted(actions[action])
            if found:
                out.append(f"  {label} {action} ({len(found)}):")
                out += [f"    - {address}" for address in found]
    if others:
        counted = ", ".join(
            f"{count} {kind} {action}"
            for (kind, action), count in sorted(others.items())
        )
        out.append(f"  Lainnya: {counted}.")
    if len(out) == 1:
        out.append("  tidak ada; server sudah sama dengan situs ini.")
    return "\n".join(out)
