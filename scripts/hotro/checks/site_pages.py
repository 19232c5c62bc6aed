"""The pages of a built edition, each read once: by the page watcher while MkDocs writes them
(build/page_watch.py) or after the build, in as many processes as there are CPUs to spare.

A page read early is used only if the file still has the same bytes (a hash of them): a page
caught half written, or written again later, is read again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

PARALLEL_FROM = 200  # pages; below this, starting processes costs more than it saves
Early = dict[str, tuple[bytes, Any]]  # page (relative path) -> (hash of its bytes, as read)
Mapper = Callable[[Callable[[Path], Any], list[Path]], Iterable[Any]]


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def read_all(files: list[Path], names: list[str], early: Early, read: Callable[[Path], Any],
             mapper: Mapper) -> list[Any]:
    """Every page as `read` makes it: taken from `early` when its bytes are unchanged, else read
    now (through `mapper`: map, or a process pool's)."""
    done: dict[str, Any] = {}
    todo = []
    for path, rel in zip(files, names, strict=True):
        kept = early.get(rel)
        if kept is not None and kept[0] == digest(path.read_bytes()):
            done[rel] = kept[1]
        else:
            todo.append((rel, path))
    done.update(zip([rel for rel, _ in todo], mapper(read, [p for _, p in todo]), strict=True))
    return [done[rel] for rel in names]
