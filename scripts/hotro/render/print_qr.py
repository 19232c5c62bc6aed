"""QR codes for printed pages, made at build time (no request to any QR service).

Making a code takes about a millisecond, once per page and language: on a big site that is
seconds. Codes are kept in a folder (.cache/qr/ beside the content, one file per address), and
`prepare` makes the missing ones in a helper process while MkDocs renders the pages (measured:
even for the real site's 48 codes this is faster than making them as pages need them).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
import threading
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path

# segno is imported only to make a code: a build whose codes are all kept, or made by the
# helper, never loads it (25 ms).
VERSION = f"segno-{version('segno')}-m-mask0-s3-b2-path1"  # change it when the drawing changes
SCALE, BORDER = 3, 2
_DARK_RUN = re.compile(rb"[^\x00]+")
_cache_dir: Path | None = None
_helper: multiprocessing.Process | None = None


def make_svg(address: str) -> str:
    """An inline SVG QR code of `address`; it scales to the size the print CSS gives it."""
    # A fixed mask skips segno's scoring of all eight (3-4 times faster); any mask is a
    # valid code that phone cameras read.
    import segno

    code = segno.make(address, error="m", mask=0, boost_error=False)
    size = (len(code.matrix) + 2 * BORDER) * SCALE
    # a viewBox and no width/height, so the print CSS sizes it
    return (f'<svg viewBox="0 0 {size} {size}" class="segno"><path transform="scale({SCALE})" '
            f'class="qrline" stroke="#000" d="{dark_runs_path(code.matrix)}"/></svg>')


def dark_runs_path(matrix) -> str:
    """One stroke per run of dark modules in a row, each a relative move from the last.

    The same drawing segno's svg writer makes, in a fifth of the time: a big site makes
    thousands of these.
    """
    steps, x, y = [], 0, 0
    for row_y, row in enumerate(matrix, start=BORDER):
        for run in _DARK_RUN.finditer(bytes(row)):
            start, end = run.start() + BORDER, run.end() + BORDER
            if not steps:
                steps.append(f"M{start} {row_y + 0.5:g}h{end - start}")
            else:
                steps.append(f"m{start - x} {row_y - y}h{end - start}")
            x, y = end, row_y
    return "".join(steps)


def use_cache(folder: Path | None) -> None:
    global _cache_dir
    _cache_dir = folder


def _path(address: str) -> Path | None:
    if _cache_dir is None:
        return None
    key = hashlib.sha256(f"{VERSION}\n{address}".encode()).hexdigest()
    return _cache_dir / f"{key}.svg"


def _store(path: Path, svg: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    partial.write_text(svg, encoding="utf-8")
    os.replace(partial, path)  # readers see a whole file or none


def qr_svg(address: str) -> str:
    """The code for `address`: from the folder when made already, else made now and kept."""
    path = _path(address)
    if path is not None and path.is_file():
        return path.read_text(encoding="utf-8")
    svg = make_svg(address)
    if path is not None:
        _store(path, svg)
    return svg


def _make_missing(addresses: list[str]) -> None:
    for address in addresses:
        path = _path(address)
        if path is not None and not path.is_file():
            _store(path, make_svg(address))


def prepare(addresses: Iterable[str]) -> None:
    """Make the codes not in the folder yet, in a helper process, in the order given."""
    global _helper
    missing = [a for a in dict.fromkeys(addresses) if (p := _path(a)) and not p.is_file()]
    if not missing or _helper is not None or threading.active_count() > 1:
        return  # `mkdocs serve` runs threads, and forking beside them is unsafe
    _helper = multiprocessing.get_context("fork").Process(target=_make_missing,
                                                          args=(missing,), daemon=True)
    _helper.start()


def finish() -> None:
    """Stop the helper (pages that needed a code it had not made yet made their own)."""
    global _helper
    if _helper is not None:
        _helper.terminate()
        _helper.join()
        _helper = None
