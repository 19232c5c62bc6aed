"""Processes a build starts: they end with it, and tests can hold them at a named step."""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import time
from pathlib import Path

PAUSE_ENV = "SITE_BUILD_PAUSE_AT"
PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent() -> None:
    """For the build's helper processes (page reader, link checkers): SIGTERM when the build
    dies, even by SIGKILL, instead of waiting forever for work that never comes."""
    if not sys.platform.startswith("linux"):
        return
    ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    parent = multiprocessing.parent_process()
    if parent is not None and parent.pid != os.getppid():  # it died before the line above
        os._exit(1)


def pause(step: str) -> None:
    """Tests only: wait at `step` while the file named by SITE_BUILD_PAUSE_AT exists."""
    wanted, _, flag = os.environ.get(PAUSE_ENV, "").partition(":")
    if wanted != step or not flag:
        return
    Path(flag).write_text(str(os.getpid()), encoding="utf-8")
    while Path(flag).exists():
        time.sleep(0.02)
