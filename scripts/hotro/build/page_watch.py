"""Read an edition's pages while MkDocs is still writing them, on a CPU the build leaves free.

Reading every built page is most of the link check's and the security scan's time on a big
edition, and MkDocs builds on one CPU. When a machine has a CPU to spare (one edition built on
two, as in a CI job per edition), a helper process reads each page soon after MkDocs writes it,
for both checks at once (site_check.PageReader). The checks then trust a page read early only if
the file's bytes are still the same (a hash of them), and read every other page themselves: a
page caught half written, or written again later, is read again.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from hotro.checks.site_check import PageReader
from hotro.checks.site_pages import Early, digest, html_files
from hotro.model.processes import die_with_parent

INTERVAL_S = 0.5


def read_new_pages(site: Path, early: Early, stamps: dict[str, tuple[int, int]],
                   read: PageReader | None = None) -> None:
    """Read the pages written or changed since the last call (by size and time)."""
    for path in html_files(site):
        rel = path.relative_to(site).as_posix()
        try:
            stat = path.stat()
            stamp = (stat.st_size, stat.st_mtime_ns)
            if stamps.get(rel) == stamp:
                continue
            data = path.read_bytes()
            text = data.decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # gone, or caught mid-write: the link check reads it
        stamps[rel] = stamp
        early[rel] = (digest(data), (read or PageReader())(text))


def _watch(site: str, read: PageReader, stop, conn) -> None:
    die_with_parent()  # a killed build never sets `stop`
    early: Early = {}
    stamps: dict[str, tuple[int, int]] = {}
    while True:
        stopping = stop.is_set()  # one last round after the build ended: every page is read
        read_new_pages(Path(site), early, stamps, read)
        if stopping:
            break
        stop.wait(INTERVAL_S)
    conn.send(early)
    conn.close()


class PageWatcher:
    """A helper process reading the pages of `site` (as `read` reads them: give it the one the
    checks will use, site_check.page_reader); `finish()`, called when the build has ended, lets
    it read what is new once more and returns every page it read."""

    def __init__(self, site: Path, read: PageReader | None = None):
        context = multiprocessing.get_context("spawn")  # the build runs threads: no fork
        self._stop = context.Event()
        self._receive, send = context.Pipe(duplex=False)
        args = (str(site), read or PageReader(), self._stop, send)
        self._process = context.Process(target=_watch, args=args, daemon=True)
        self._process.start()
        send.close()

    def finish(self) -> Early:
        self._stop.set()
        try:
            early = self._receive.recv()
        except EOFError:  # the helper died: the link check reads everything itself
            early = {}
        self._process.join()
        return early
