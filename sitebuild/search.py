"""The search index: Pagefind over the built site, before it goes live.

`build` calls `index_site` on the staging folder after Pelican has written
it, so a failed index leaves the previous site in place like any other
failed build. Pagefind reads the language from <html lang="id"> and stems
Indonesian words (a search for `laksana` finds `pelaksanaan`); only
elements marked `data-pagefind-body` are indexed.
"""

import subprocess
import sys


def pagefind_command(output_dir, bundle):
    """The Pagefind run for `output_dir`, writing its files to `bundle`."""
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(output_dir),
        "--output-subdir",
        bundle,
        "--silent",
    ]


def index_site(output_dir, settings):
    """Write the search index into `output_dir`; returns notes for the editor.

    Does nothing when the pembaca plugin (which makes the search page) is off.
    """
    from sitebuild.build import BuildFailed  # build imports this module

    if "PEMBACA_SEARCH_BUNDLE_URL" not in settings:
        return []
    bundle = settings["PEMBACA_SEARCH_BUNDLE_URL"].strip("/")
    try:
        result = subprocess.run(
            pagefind_command(output_dir, bundle),
            capture_output=True,
            text=True,
            timeout=600,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise BuildFailed(
            f"Indeks pencarian tidak bisa dibuat: {error}. "
            "Pastikan paket pagefind terpasang: `pip install -r requirements.txt`."
        ) from None
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()
        raise BuildFailed(
            "Indeks pencarian (Pagefind) gagal dibuat. Pastikan paket pagefind "
            "terpasang (`pip install -r requirements.txt`).\n" + detail
        )
    return []
