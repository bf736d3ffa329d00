"""What the `invoke` commands in tasks.py share: their messages and checks.

Functions here raise invoke's `Exit` with a message for the editor, in
Indonesian; tasks.py only wires them to commands.
"""

import importlib
import os

from invoke import Exit

from sitebuild import scaffold
from wpimport.model import ImportFailed
from wpimport.report import format_failure, format_report

NO_TARGET = (
    "Tujuan belum ditentukan: pakai `invoke publish --dest FOLDER`, atau "
    "tetapkan DEPLOY_TARGET=pengguna@server:/srv/arsip."
)
NO_TARGET_PREVIEW = (
    "Pratinjau perlu tujuannya sendiri: `invoke publish --preview --dest "
    "pengguna@server:/srv/pratinjau` (jangan tujuan situs publik)."
)
PREVIEW_IS_PUBLIC = (
    "Tujuan pratinjau sama dengan tujuan situs publik (DEPLOY_TARGET); draf "
    "tidak boleh sampai ke situs publik. Pakai folder atau server lain untuk "
    "pratinjau."
)


def require_siteurl(command):
    if not os.environ.get("SITEURL"):
        raise Exit(
            "Tetapkan alamat publik situs lebih dulu, mis. "
            f"`SITEURL=https://alamat-situs.go.id invoke {command}`.",
            code=1,
        )


# Checking and publishing need packages that building does not
# (requirements-publish.txt): they are imported only by the tasks that use
# them, so the first command works with requirements.txt alone.
PUBLISH_REQUIREMENTS = "requirements-publish.txt"


def require(module_name):
    """Import `module_name`, or stop with the requirements file to install."""
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        raise Exit(
            f"Paket Python `{error.name}` belum terpasang; perintah ini "
            "memerlukannya untuk memeriksa atau menerbitkan situs. Pasang dengan "
            f"`.venv/bin/pip install -r {PUBLISH_REQUIREMENTS}`.",
            code=1,
        ) from None


def check_report(folder, settings, html=None):
    """(ok, report) of sitecheck over `folder`."""
    run = require("sitecheck.run")
    findings = require("sitecheck.findings")
    result = run.check_site(folder, settings, html=html)
    return result.ok, findings.summary(result.findings, result.counted, result.skipped)


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
