"""The Nu HTML checker (vnu.jar) over the site.

The checker comes from the npm package vnu-jar, pinned in the project's
package.json and package-lock.json; `bash .ci/install-system-deps`
installs it into node_modules/ (`npm ci`) and Java from Debian.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .findings import Finding

PROJECT = Path(__file__).resolve().parent.parent
JAR_PATH = "node_modules/vnu-jar/build/dist/vnu.jar"  # in the project folder
JAR = PROJECT / JAR_PATH

CANNOT_RUN = "Nu HTML checker tidak bisa dijalankan"
INSTALL_HINT = (
    "jalankan `bash .ci/install-system-deps` dari folder proyek: perintah itu "
    "memasang Java (`default-jre-headless`) dan Nu HTML checker versi yang "
    "dikunci di package-lock.json (`npm ci`)."
)


def unavailable():
    """Why the checker cannot run on this machine (an Indonesian sentence),
    or None when Java and vnu.jar are both there."""
    if shutil.which("java") is None:
        return f"{CANNOT_RUN}: Java belum terpasang."
    if not JAR.is_file():
        return f"{CANNOT_RUN}: berkas {JAR_PATH} belum ada."
    return None


def vnu_command(root, report_format="json"):
    """The command that checks every HTML file under `root` (errors only)."""
    return [
        shutil.which("java") or "java",
        "-jar",
        str(JAR),
        "--errors-only",
        "--format",
        report_format,
        "--skip-non-html",
        str(root),
    ]


def parse_messages(report, root):
    """Findings from vnu's JSON report; paths relative to `root`."""
    findings = []
    for message in json.loads(report).get("messages", []):
        if message.get("type") != "error":
            continue
        path = unquote(urlsplit(message.get("url", "")).path)
        relative = os.path.relpath(path, os.path.realpath(root)) if path else root
        findings.append(
            Finding(
                "html",
                relative.replace(os.sep, "/"),
                message.get("lastLine"),
                f"HTML tidak valid: {message.get('message', '').strip()}",
                "perbaiki templat atau isi artikel yang menghasilkan bagian ini.",
            )
        )
    return findings


def check_html(root):
    problem = unavailable()
    if problem is not None:
        return [Finding("html", root, None, problem, INSTALL_HINT)]
    command = vnu_command(os.path.realpath(root))
    result = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    report = next(
        (out for out in (result.stdout, result.stderr) if out.lstrip().startswith("{")),
        None,
    )
    if report is None:
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or [""]
        return [
            Finding(
                "html",
                root,
                None,
                f"Nu HTML checker gagal berjalan ({detail[0]}).",
                INSTALL_HINT,
            )
        ]
    return parse_messages(report, root)
