"""Only what is meant to be published goes from docs/ to the site: a type allowlist with checks.

MkDocs copies every file of docs/ into the site and follows symbolic links. So the loader walks
docs/ first (without following links) and refuses, each with a `docs/<path>: problem` message:
symbolic links (to a file or a folder, anywhere), anything that is not a regular file, and
every type but Markdown pages, images (PNG, JPEG, WebP, GIF: their first bytes checked, at most
2 MB), SVG drawings without scripts, embedded HTML, event attributes or references to other
files, and PDF documents (at most 10 MB). Theme files (HTML, CSS, JavaScript) live in overrides/.

Hidden files and folders (names starting with ".") are skipped, not refused: MkDocs never
publishes them (its `.*` exclusion is always on, editions only add to it), and editors' tools
leave them behind (.DS_Store, .gitkeep). A hidden symbolic link is still refused.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from hotro.load.svg_check import svg_problems
from hotro.model.messages import Message, msg
from hotro.model.problems import Problem

MAX_IMAGE = 2_000_000
MAX_PDF = 10_000_000
MAX_SVG = 1_000_000
# The first bytes of each image type (a WebP is a RIFF file whose bytes 8-12 are WEBP).
SIGNATURES = {
    ".png": ("PNG", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("JPEG", (b"\xff\xd8\xff",)),
    ".jpeg": ("JPEG", (b"\xff\xd8\xff",)),
    ".gif": ("GIF", (b"GIF87a", b"GIF89a")),
    ".webp": ("WEBP", (b"RIFF",)),
}
ALLOWED = msg("load.allowed-types")


def scan(docs: Path) -> tuple[list[Path], list[Problem]]:
    """The Markdown files of docs/ to read as pages, and the problems of every other file."""
    pages: list[Path] = []
    problems: list[Problem] = []
    for folder, dirs, files in os.walk(docs):  # never follows a link: each is refused below
        base = Path(folder)
        for name in sorted(dirs):
            if (base / name).is_symlink():
                problems.append(_linked(docs, base / name))
            if name.startswith(".") or (base / name).is_symlink():
                dirs.remove(name)
        for name in sorted(files):
            path = base / name
            found = _file_problems(docs, path)
            if found is None:
                pages.append(path)
            problems += found or []
    return sorted(pages), problems


def links_in(folder: Path) -> list[Problem]:
    """Every symbolic link under `folder` (content/): data is read from there, and a link
    could bring in a file from outside the repository."""
    shown = folder.name
    return [Problem(f"{shown}/{(Path(base) / name).relative_to(folder).as_posix()}", 0, "",
                    msg("load.symlink", folder=shown), msg("load.symlink-expected", folder=shown))
            for base, dirs, files in os.walk(folder)
            for name in sorted([*dirs, *files]) if (Path(base) / name).is_symlink()]


def _shown(docs: Path, path: Path) -> str:
    return f"docs/{path.relative_to(docs).as_posix()}"


def _linked(docs: Path, path: Path) -> Problem:
    return Problem(_shown(docs, path), 0, "", msg("load.symlink", folder="docs"),
                   msg("load.symlink-expected", folder="docs"))


def _file_problems(docs: Path, path: Path) -> list[Problem] | None:
    """None for a page to read; else the file's problems (none for an accepted file)."""
    if path.is_symlink():
        return [_linked(docs, path)]
    if path.name.startswith("."):
        return []
    shown = _shown(docs, path)
    info = path.lstat()
    if not stat.S_ISREG(info.st_mode):
        return [Problem(shown, 0, "", msg("load.not-regular"), msg("load.not-regular-expected"))]
    suffix = path.suffix.lower()
    if suffix == ".md" and path.suffix == ".md":
        return None
    if suffix in SIGNATURES:
        return _image_problems(path, shown, info.st_size, *SIGNATURES[suffix])
    if suffix == ".svg":
        return _too_large(shown, info.st_size, MAX_SVG) or svg_problems(path, shown)
    if suffix == ".pdf":
        return _pdf_problems(path, shown, info.st_size)
    problem = msg("load.file-type", type=suffix) if suffix else msg("load.file-no-type")
    return [Problem(shown, 0, "", problem, ALLOWED)]


def _image_problems(path: Path, shown: str, size: int, kind: str,
                    signatures: tuple[bytes, ...]) -> list[Problem]:
    if found := _too_large(shown, size, MAX_IMAGE):
        return found
    head = _head(path)
    if head.startswith(signatures) and (kind != "WEBP" or head[8:12] == b"WEBP"):
        return []
    return [_not_kind(shown, msg("load.not-image", kind=kind))]


def _pdf_problems(path: Path, shown: str, size: int) -> list[Problem]:
    if found := _too_large(shown, size, MAX_PDF):
        return found
    return [] if _head(path).startswith(b"%PDF-") else [_not_kind(shown, msg("load.not-pdf"))]


def _head(path: Path) -> bytes:
    with path.open("rb") as file:
        return file.read(16)


def _not_kind(shown: str, problem: Message) -> Problem:
    return Problem(shown, 0, "", problem, msg("load.wrong-content-expected"))


def _too_large(shown: str, size: int, limit: int) -> list[Problem]:
    if size <= limit:
        return []
    return [Problem(shown, 0, "", msg("load.file-too-large", size=size),
                    msg("load.type-too-large-expected", limit=limit))]
