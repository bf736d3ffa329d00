"""Wait for the first command's server, then check a page and a missing one.

Usage: wait_for_site.py BASE_URL SECONDS PID. Exits 1 when the process ends
or the time runs out before the site answers, or when a check fails.
"""

import os
import sys
import time
import urllib.error
import urllib.request


def status(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")
    except OSError:
        return None, ""


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def main(base, seconds, pid):
    deadline = time.monotonic() + seconds
    while status(base + "/")[0] != 200:
        if not alive(pid):
            print("Perintah berhenti sebelum situs bisa dibuka.")
            return 1
        if time.monotonic() > deadline:
            print(f"Situs belum menjawab setelah {seconds} detik.")
            return 1
        time.sleep(1)
    checks = [
        ("/", 200, "Arsip Gelar Budaya Kerja"),
        ("/gelar/2015/", 200, "KBK Cheerful"),
        ("/alamat-yang-tidak-ada/", 404, "Halaman tidak ditemukan"),
    ]
    failed = False
    for path, expected, text in checks:
        code, body = status(base + path)
        ok = code == expected and text in body
        failed |= not ok
        print(f"  {'baik' if ok else 'GAGAL'}: {path} -> {code} (harap {expected})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
