"""A disk that refuses to be written, told in Indonesian.

A full disk (ENOSPC), a quota (EDQUOT), a read-only file system (EROFS)
or missing permissions (EACCES, EPERM) can stop a build anywhere: while
taking the lock, making the new folder, writing a page or copying a
photo. `build` and `validate` turn such an error into BuildFailed with
this message, after the new folder is removed; the live site is never
touched (sitebuild/versions.py).
"""

import errno

from sitekit.problems import display_path

_CAUSES = {
    errno.ENOSPC: (
        "disk penuh: tidak ada ruang tersisa untuk menulis",
        "kosongkan ruang disk (mis. hapus build lama dengan `invoke clean`, "
        "atau folder cache/), lalu ulangi.",
    ),
    errno.EDQUOT: (
        "kuota disk habis saat menulis",
        "kosongkan ruang atau minta kuota lebih besar, lalu ulangi.",
    ),
    errno.EROFS: (
        "folder ini hanya bisa dibaca (sistem berkas read-only):",
        "pasang ulang disk itu agar bisa ditulis, atau bangun situs di folder "
        "lain dengan `invoke build --output FOLDER`.",
    ),
    errno.EACCES: (
        "tidak ada izin menulis",
        "periksa pemilik dan hak akses folder proyek, output/ dan "
        "output.builds/ (mis. `ls -ld output.builds`).",
    ),
    errno.EPERM: (
        "tidak ada izin menulis",
        "periksa pemilik dan hak akses folder proyek, output/ dan "
        "output.builds/ (mis. `ls -ld output.builds`).",
    ),
}

KEPT = "Situs lama di output/ tidak diubah."


def disk_fix(error):
    """How to fix an OSError the disk raised, or None for any other error."""
    cause = _CAUSES.get(getattr(error, "errno", None))
    return None if cause is None else cause[1]


def disk_message(error):
    """The editor's message for an OSError the disk raised, or None for
    any other error (a bug, which should stay a traceback)."""
    cause = _CAUSES.get(getattr(error, "errno", None))
    if cause is None:
        return None
    what, fix = cause
    # A copy names its source first and the file it could not write second.
    target = error.filename2 or error.filename
    where = f" `{display_path(str(target))}`" if target else ""
    reason = f" ({error.strerror})" if error.strerror else ""
    return f"Build berhenti: {what}{where}{reason}. Cara memperbaiki: {fix} {KEPT}"
