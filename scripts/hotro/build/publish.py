"""Publishing a built site: one build at a time, and never a moment without a complete site.

Beside the published folder (here `site`) a build keeps:

    site -> .site-builds/<n>     a symbolic link to the published generation
    .site-builds/<n>/            generations: each a complete site, renamed in once it is whole
    .site-builds/work-*/         a build's temporary folder
    .site-build.lock             locked for the whole build; holds its process id and start time

A build publishes by writing a new link beside the old one and renaming it over `site`
(os.replace: readers see the old site or the new one, never none and never a mix). An edition
build (`--edition`) makes its generation from the published one (hard links for the other
editions) plus the new edition, so each swap is the whole site. The generation before the last
is kept, the older ones and every leftover of a killed build are removed by the next build,
under the lock.

From a real `site/` folder (the scheme before this one) the first build moves the folder into
.site-builds/ and links it back: between those two renames `site` is missing for an instant.
A build killed in that instant, or a `site` removed by hand, is linked back to the newest
generation by the next build, even one that fails; so is the `site.old` a build of the old
scheme left behind when it was killed between its renames.

The lock is fcntl.lockf (a POSIX record lock): the kernel drops it when its process ends, and
unlike flock() it is not inherited by forked helper processes that could outlive the build.

Test-only pause points: SITE_BUILD_PAUSE_AT=<step>:<file> makes the build create <file> (with
its process id) when it reaches <step> and wait until <file> is removed. Steps: locked,
built, generation, swapped, adopted (between the two renames of the move from a real folder),
and mkdocs (each MkDocs process as it starts, scripts/mkdocs_run.py).
"""

from __future__ import annotations

import ctypes
import fcntl
import os
import re
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from hotro.model.messages import Message, msg
from hotro.model.processes import PR_SET_PDEATHSIG, pause

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
_state = {"stopping": False, "published": False}


class Busy(Exception):
    """Another build holds the lock; its message (a catalogue Message) names it."""

    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


class Stopped(Exception):
    """The build was asked to stop (SIGTERM, SIGINT, SIGHUP, or its parent died)."""

    def __init__(self, signum: int):
        self.signum = signum
        super().__init__(signal.Signals(signum).name)


def builds_dir(site: Path) -> Path:
    return site.with_name(f".{site.name}-builds")


def lock_file(site: Path) -> Path:
    return site.with_name(f".{site.name}-build.lock")


# -- One build at a time ----------------------------------------------------------------------


@contextmanager
def hold_lock(site: Path) -> Iterator[None]:
    """Hold the build lock of `site` until the block ends, or raise Busy at once."""
    path = lock_file(site)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise Busy(_busy_line(path, site)) from None
        started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {started}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the lock


def _busy_line(path: Path, site: Path) -> Message:
    holder = ""
    for _ in range(20):  # the holder writes who it is just after it takes the lock
        holder = path.read_text(encoding="utf-8", errors="replace").strip()
        if holder:
            break
        time.sleep(0.05)
    pid, _, started = holder.partition(" ")
    return msg("build.busy", site=str(site), pid=pid or "?", started=started or "?")


# -- Leftovers and the move from a real folder -------------------------------------------------


def tidy(site: Path) -> list[Message]:
    """Under the lock, before building: remove what killed builds left, make `site` a link to
    a complete generation if it can be one. Returns lines to show (a restored site)."""
    builds = builds_dir(site)
    builds.mkdir(exist_ok=True)
    for leftover in [*site.parent.glob(".site-build-*"), site.with_name(site.name + ".new"),
                     *builds.glob("work-*"), *builds.glob("link-*")]:
        _remove(leftover)
    lines = []
    old = site.with_name(site.name + ".old")
    if not site.exists() and old.is_dir() and not old.is_symlink():
        _adopt(old, site)  # the old scheme was killed between its two renames
        lines.append(msg("build.restored", site=str(site)))
    elif site.is_dir() and not site.is_symlink():
        _adopt(site, site)
    elif not site.exists() and (newest := _generations(builds)):
        _link(site, newest[-1])
        lines.append(msg("build.restored", site=str(site)))
    _remove(old)
    _remove_old_generations(site)
    return lines


def _adopt(folder: Path, site: Path) -> None:
    """Move a real folder into the generations and link `site` to it."""
    generation = _next_generation(builds_dir(site))
    folder.rename(generation)
    pause("adopted")
    _link(site, generation)


def _generations(builds: Path) -> list[Path]:
    found = [p for p in builds.iterdir() if p.name.isdigit() and p.is_dir()]
    return sorted(found, key=lambda p: int(p.name))


def _next_generation(builds: Path) -> Path:
    numbers = [int(p.name) for p in _generations(builds)]
    return builds / str(max(numbers, default=0) + 1)


def _current(site: Path) -> Path | None:
    """The generation `site` links to, if it is one of ours and is there."""
    if not site.is_symlink():
        return None
    target = builds_dir(site) / Path(os.readlink(site)).name
    return target if target.is_dir() and re.fullmatch(r"\d+", target.name) else None


def _remove_old_generations(site: Path) -> None:
    """Keep the published generation and the one before it; remove the others."""
    current = _current(site)
    if current is None:
        return
    kept = [g for g in _generations(builds_dir(site)) if int(g.name) <= int(current.name)]
    for generation in _generations(builds_dir(site)):
        if generation not in kept[-2:]:
            _remove(generation)


def remove_site(site: Path) -> None:
    """`site` gone with its generations and lock (benchmarks; `make clean` does the same)."""
    for path in (site, builds_dir(site), lock_file(site)):
        _remove(path)


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path, ignore_errors=True)


# -- Building and publishing -------------------------------------------------------------------


def work_folder(site: Path) -> Path:
    """A new temporary folder for one build, beside the generations (same file system)."""
    return Path(tempfile.mkdtemp(prefix="work-", dir=builds_dir(site)))


def publish(built: Path, site: Path, edition: str | None = None) -> None:
    """Make `built` (every edition, or only `edition`) the published site in one rename."""
    if edition:
        built = _with_other_editions(built, site, edition)
    generation = _next_generation(builds_dir(site))
    built.rename(generation)
    try:
        pause("generation")
        _link(site, generation, swap=True)
    except Stopped:
        if not _state["published"]:
            _remove(generation)
        raise
    pause("swapped")
    _remove_old_generations(site)


def _with_other_editions(edition_dir: Path, site: Path, edition: str) -> Path:
    """A whole site beside `edition_dir`: the published editions but this one, then this one."""
    staged = edition_dir.parent.with_name(edition_dir.parent.name + "-whole")
    staged.mkdir()
    current = _current(site) or (site if site.is_dir() else None)
    for entry in sorted(current.iterdir()) if current else []:
        if entry.name == edition:
            continue
        if entry.is_dir():
            shutil.copytree(entry, staged / entry.name, copy_function=_hard_link, symlinks=True)
        else:
            _hard_link(entry, staged / entry.name)
    edition_dir.rename(staged / edition)
    return staged


def _hard_link(source: str | Path, dest: str | Path) -> None:
    try:
        os.link(source, dest)
    except OSError:  # another file system, or no hard links: a copy
        shutil.copy2(source, dest)


def _link(site: Path, generation: Path, swap: bool = False) -> None:
    """Point `site` at `generation` by renaming a new link over it (relative, so the folder
    can move). With swap, signals wait until the rename is done and recorded."""
    link = builds_dir(site) / f"link-{generation.name}"
    _remove(link)
    link.symlink_to(Path(builds_dir(site).name) / generation.name)
    if not swap:
        os.replace(link, site)
        return
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        os.replace(link, site)
        _state["published"] = True
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


# -- Stopping ----------------------------------------------------------------------------------


def stop_with_parent() -> None:
    """Ask Linux to send SIGTERM when the parent (make) dies; stop now if it already has."""
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != parent:
        raise Stopped(signal.SIGTERM)


def stop_on_signals() -> None:
    """SIGTERM, SIGINT and SIGHUP end the helper processes and raise Stopped (once)."""
    for signum in STOP_SIGNALS:
        signal.signal(signum, _on_signal)


def _on_signal(signum: int, _frame: object) -> None:
    if _state["published"]:
        return  # the new site is out: finish tidying up and say so
    _end_children()
    if not _state["stopping"]:
        _state["stopping"] = True
        raise Stopped(signum)


def stopping() -> bool:
    """True once the build was asked to stop: start no new process."""
    return _state["stopping"]


def _end_children() -> None:
    """SIGTERM to every process this one started (MkDocs, the page reader, link checkers)."""
    me = os.getpid()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
            if int(fields[1]) == me:
                os.kill(int(stat.parent.name), signal.SIGTERM)
        except (OSError, ValueError, IndexError):
            continue
