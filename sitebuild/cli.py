"""What the `invoke` commands in tasks.py share: their messages and checks.

Functions here raise invoke's `Exit` with a message for the editor, in
Indonesian; tasks.py only wires them to commands.
"""

import os

from invoke import Exit

from sitebuild import scaffold
from sitecheck.findings import summary
from sitecheck.run import check_site
from wpimport.model import ImportFailed
from wpimport.report import format_failure, format_report


def require_siteurl(command):
    if not os.environ.get("SITEURL"):
        raise Exit(
            "Tetapkan alamat publik situs lebih dulu, mis. "
            f"`SITEURL=https://alamat-situs.go.id invoke {command}`.",
            code=1,
        )


def check_report(folder, settings, html=None):
    """(ok, report) of sitecheck over `folder`."""
    result = check_site(folder, settings, html=html)
    return result.ok, summary(result.findings, result.counted, result.skipped)


def port_taken(bind, port, error, command):
    return (
        f"Tidak bisa membuka http://{bind}:{port}/ ({error.strerror}). "
        "Hentikan program lain yang memakai port itu, atau pakai "
        f"`invoke {command} --port 8001`."
    )


def report_import(run_import, source):
    try:
        result = run_import()
    except ImportFailed as error:
        raise Exit(format_failure(error, source), code=1) from None
    print(format_report(result))


def check_input(slug, **values):
    """Refuse scaffold values that would write a wrong file (scaffold.py)."""
    problem = scaffold.input_problem(slug, **values)
    if problem:
        raise Exit(problem, code=1)


def create_file(path, text, root):
    shown = os.path.relpath(path, root)
    try:
        scaffold.create(path, text)
    except FileExistsError:
        raise Exit(f"{shown} sudah ada; berkas tidak ditimpa.", code=1) from None
    print(f"Dibuat: {shown}")
