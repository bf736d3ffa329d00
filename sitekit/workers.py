"""Worker processes that never outlive the build that started them.

A build forks workers for photos, Markdown, pages and share images, and
runs Pagefind. When the build's process dies without cleaning up (a
closed terminal, `kill -9`, the OOM killer), orphaned workers would keep
running and keep holding the build lock, so every later build would hang.
On Linux the kernel kills a worker when its parent dies if the worker
asked for that (prctl PR_SET_PDEATHSIG); every worker asks as it starts.
"""

import ctypes
import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from functools import partial

_PR_SET_PDEATHSIG = 1


def _prctl():
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):  # not Linux: only the check below
        return None


def die_with_parent(parent):
    """In a new worker of process `parent`: be killed when the parent dies.

    The parent may have died between the fork and this call, which the
    kernel would not notice; then the worker leaves at once.
    """
    prctl = _prctl()
    if prctl is not None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


def process_pool(workers):
    """A forked pool (workers start in milliseconds and inherit the loaded
    modules) whose workers die with this process."""
    return ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=die_with_parent,
        initargs=(os.getpid(),),
    )


def subprocess_guard():
    """For `subprocess.run(..., preexec_fn=...)`: the program dies with us."""
    return partial(die_with_parent, os.getpid())
