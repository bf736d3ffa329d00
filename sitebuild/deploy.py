"""Copy the built site to the web server (rsync over SSH) or a folder."""

import os
import shutil
import subprocess


class DeployFailed(Exception):
    """The copy did not finish; the message is for the editor."""


def is_remote(target):
    """`user@host:/path` or `host:/path` is remote; a plain path is not."""
    head = target.split("/", 1)[0]
    return ":" in head and not os.path.isabs(target)


def rsync_command(source, target, dry_run=False, rsync="rsync"):
    """The rsync command copying the folder `source` into `target`.

    --delete removes pages that no longer exist; --delay-updates moves
    every changed file into place at the end, so readers of the live site
    see the old or the new version of a page, not a half-copied one.
    """
    command = [
        rsync,
        "--recursive",
        "--links",
        "--times",
        "--checksum",
        "--delete",
        "--delay-updates",
        "--chmod=D755,F644",
        "--itemize-changes",
    ]
    if is_remote(target):
        command += ["--rsh", "ssh", "--compress"]
    if dry_run:
        command.append("--dry-run")
    # A trailing "/" copies what is inside `source` (following the output
    # symlink), not the folder itself.
    return [*command, source.rstrip("/") + "/", target.rstrip("/") + "/"]


def removed_pages(changes):
    """Pages that rsync's itemized `changes` would delete from the server.

    A page whose address moved gets a redirect page at its old path, so
    it is replaced, not deleted; a deleted page is a link that breaks.
    """
    removed = []
    for line in changes:
        if line.startswith("*deleting"):
            path = line.split(None, 1)[1].strip()
            if path.endswith(".html"):
                removed.append(path)
    return removed


def deploy(source, target, dry_run=False):
    """Run rsync; return its list of changes. Raise DeployFailed."""
    rsync = shutil.which("rsync")
    if rsync is None:
        raise DeployFailed(
            "rsync tidak terpasang. Pasang dengan `apt-get install -y rsync` "
            "(atau `bash .ci/install-system-deps`)."
        )
    if not is_remote(target) and not dry_run:
        os.makedirs(target, exist_ok=True)
    command = rsync_command(source, target, dry_run, rsync)
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise DeployFailed(
            f"rsync gagal (kode {result.returncode}): {result.stderr.strip()}\n"
            "Periksa alamat tujuan, kunci SSH dan hak tulis di server."
        )
    return result.stdout.splitlines()


def removed_message(removed, target):
    """What the editor reads when publishing would remove published pages."""
    shown = "\n".join(f"  - /{path.removesuffix('index.html')}" for path in removed)
    return (
        f"{len(removed)} halaman yang sudah terbit di {target} akan hilang:\n"
        f"{shown}\n"
        "Tautan wartawan ke alamat itu akan putus. Bila alamatnya pindah (mis. "
        "`Slug:` diganti), tulis alamat lama di `Redirect-from:` artikelnya atau "
        "di content/redirects.yaml. Bila memang sengaja dihapus, ulangi dengan "
        "`invoke publish --allow-removed`. Server tidak diubah."
    )
