"""Run one command; write its wall time and peak memory as JSON.

    python bench/measure.py RESULT.json COMMAND [ARG ...]

Linux carries a process's peak resident size across `exec`: a build
started straight from the benchmark would report at least the
benchmark's own size (tens of MiB). Started from this small script, it
starts from this script's size instead. `ru_maxrss` from `os.wait4` is the
largest of the command and the descendants it waited for (pool workers),
in KiB. The command's exit code is this script's exit code.
"""

import json
import os
import subprocess
import sys
import time


def main(result_path, command):
    start = time.perf_counter()
    process = subprocess.Popen(command)
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    with open(result_path, "w", encoding="utf-8") as handle:
        json.dump({"seconds": seconds, "maxrss_kib": usage.ru_maxrss}, handle)
    return process.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
