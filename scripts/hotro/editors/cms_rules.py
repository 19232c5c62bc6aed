"""What the web editor's backend may read and write (issue 14, part "cms"), used by cms_guard.py.

A request to decap-server names files by paths relative to the repository. The guard turns each
request into the paths it reads and the changes it makes (path: new bytes, or None to delete),
checks every path here, then checks the changed content with the content loader on a copy:

- pages: docs/<folders>/<name>.vi.md or .en.md;
- data: content/<folders>/<name>.yml, not content/schemas/;
- media: an image (png, jpg, webp) or a PDF in docs/assets/, whose bytes are what its name says;
- reads: anything under content/ or docs/, and Decap's media folder (cms_config.MEDIA_FOLDER);
- never an absolute path, `..`, a hidden file, a backslash, a `%`, or a symbolic link.

Each refusal is a Problem (`path: problem (expected …)`) of catalogue messages (cms.*).
"""

from __future__ import annotations

import base64
import binascii
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hotro.checks.validated import load_content
from hotro.editors.cms_config import MEDIA_FOLDER
from hotro.model.messages import language, msg, say
from hotro.model.problems import ContentError, Problem

Changes = dict[str, bytes | None]  # path: the file's new bytes, or None when it is deleted

SEGMENT = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}")
PAGE = re.compile(r"docs/(?:[a-z0-9_-]+/){0,3}[a-z0-9_-]+\.(?:vi|en)\.md")
DATA = re.compile(r"content/(?!schemas/)(?:[a-z0-9_-]+/){0,2}[a-z0-9_-]+\.yml")
MEDIA = re.compile(r"docs/assets/(?:[a-z0-9_-]+/){0,2}[a-z0-9_-]+\.(?P<ext>png|jpe?g|webp|pdf)")
READ_FOLDERS = ("content", "docs", MEDIA_FOLDER)
MAX_MEDIA = 5_000_000
MAGIC = {"png": (b"\x89PNG\r\n\x1a\n",), "jpg": (b"\xff\xd8\xff",), "jpeg": (b"\xff\xd8\xff",),
         "pdf": (b"%PDF-",), "webp": (b"RIFF",)}

NOT_PLAIN = msg("cms.not-plain")
PLAIN = msg("cms.plain")
NOT_EDITABLE = msg("cms.not-editable")
EDITABLE = msg("cms.editable")
NOT_READABLE = msg("cms.not-readable")
READABLE = msg("cms.readable")
LINKED = msg("cms.linked")
NO_LINK = msg("cms.no-link")
NOT_MEDIA = msg("cms.not-media")
MEDIA_KIND = msg("cms.media-kind", size=MAX_MEDIA)
MOVED = msg("cms.moved")
SAME_PATH = msg("cms.same-path")


def shown(path: object) -> str:
    """The path as a message shows it: as given when it is plain, else quoted and cut short."""
    text = path if isinstance(path, str) else repr(path)
    if plain(text):
        return text
    return repr(text[:120] + ("..." if len(text) > 120 else ""))


def plain(path: str) -> bool:
    parts = path.split("/")
    return 0 < len(path) <= 300 and all(SEGMENT.fullmatch(part) for part in parts)


def _link_problem(root: Path, path: str) -> Problem | None:
    """A symbolic link anywhere on the way from the repository to the file."""
    here = root
    for part in path.split("/"):
        here = here / part
        if here.is_symlink():
            return Problem(path, 0, "", LINKED, NO_LINK)
        if not here.exists():
            return None
    return None


def write_problem(root: Path, path: object, media: bool = False) -> Problem | None:
    """Why the editor may not write `path` (a page or data file; an image/PDF when media)."""
    if isinstance(path, str) and plain(path.removeprefix(f"{MEDIA_FOLDER}/")) and \
            path.startswith(f"{MEDIA_FOLDER}/"):  # Decap's upload folder: say where instead
        return Problem(path, 0, "", NOT_EDITABLE, EDITABLE)
    if not isinstance(path, str) or not plain(path):
        return Problem(shown(path), 0, "", NOT_PLAIN, PLAIN)
    if not any(p.fullmatch(path) for p in ((MEDIA,) if media else (PAGE, DATA))):
        return Problem(path, 0, "", NOT_EDITABLE, EDITABLE)
    return _link_problem(root, path)


def read_problem(root: Path, path: object) -> Problem | None:
    """Why the editor may not read `path` (a file or a folder)."""
    inside = isinstance(path, str) and any(
        path == top or path.startswith(f"{top}/") for top in READ_FOLDERS)
    rest = path.removeprefix(f"{MEDIA_FOLDER}/") if inside else ""
    if not isinstance(path, str) or not (plain(path) or path == MEDIA_FOLDER or plain(rest)):
        return Problem(shown(path), 0, "", NOT_PLAIN, PLAIN)
    if not inside:
        return Problem(path, 0, "", NOT_READABLE, READABLE)
    return _link_problem(root, path)


def media_problem(path: str, data: bytes) -> Problem | None:
    """An image or PDF whose bytes are what its name says, within the size limit."""
    match = MEDIA.fullmatch(path)
    ext = match["ext"] if match else ""
    magic_ok = any(data.startswith(m) for m in MAGIC.get(ext, ()))
    if ext == "webp":
        magic_ok = magic_ok and data[8:12] == b"WEBP"
    if not magic_ok or len(data) > MAX_MEDIA:
        return Problem(path, 0, "", NOT_MEDIA, MEDIA_KIND)
    return None


class Refused(Exception):
    """The request names something the editor may not touch: every reason, as Problems."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


READ_ACTIONS = {"info", "entriesByFolder", "entriesByFiles", "getEntry", "getMedia",
                "getMediaFile", "getDeployPreview"}
WRITE_ACTIONS = {"persistEntry", "persistMedia", "deleteFile", "deleteFiles"}
READ_KEYS = {"entriesByFolder": "folder", "getEntry": "path", "getMedia": "mediaFolder",
             "getMediaFile": "path"}
Item = tuple[object, bytes | None, bool]  # path as sent, new bytes (None: deleted), media


class Malformed(ValueError):
    """A field missing or of the wrong kind."""


def field(params: object, key: str, kind: type = str) -> Any:
    value = params.get(key) if isinstance(params, dict) else None
    if not isinstance(value, kind):
        raise Malformed(key)
    return value


def read_paths(action: str, params: object) -> list[object]:
    """The files and folders a read action names."""
    if action in ("info", "getDeployPreview"):
        return []
    if action == "entriesByFiles":
        return [field(f, "path") for f in field(params, "files", list)]
    return [field(params, READ_KEYS[action])]


def asset_bytes(asset: object) -> bytes:
    """Strict base64 (Node reads any strict base64 the same way; a loose one is refused)."""
    if field(asset, "encoding") != "base64":
        raise Malformed("encoding")
    try:
        return base64.b64decode(field(asset, "content"), validate=True)
    except binascii.Error as err:
        raise Malformed("content") from err


def data_file(item: object) -> tuple[Item, Problem | None]:
    path, raw = field(item, "path"), field(item, "raw")
    new_path = item.get("newPath") if isinstance(item, dict) else None
    moved = new_path is not None and new_path != path
    try:
        data = raw.encode("utf-8")
    except UnicodeEncodeError as err:
        raise Malformed("raw") from err
    return (path, data, False), Problem(shown(path), 0, "", MOVED, SAME_PATH) if moved else None


def write_items(action: str, params: object) -> tuple[list[Item], list[Problem]]:
    """What a write action changes, and the moves it asks for (refused)."""
    if action == "persistMedia":
        asset = field(params, "asset", dict)
        return [(field(asset, "path"), asset_bytes(asset), True)], []
    if action in ("deleteFile", "deleteFiles"):
        paths = [field(params, "path")] if action == "deleteFile" else field(params, "paths", list)
        return [(path, None, False) for path in paths], []
    files = field(params, "dataFiles", list) if isinstance(params, dict) and \
        "dataFiles" in params else [field(params, "entry", dict)]
    found = [data_file(item) for item in files]
    assets = [(field(a, "path"), asset_bytes(a), True) for a in field(params, "assets", list)]
    return [item for item, _ in found] + assets, [moved for _, moved in found if moved]


def item_problem(root: Path, item: Item) -> Problem | None:
    path, data, media = item
    if data is None:  # a delete: of a page, a data file or a media file
        problem = write_problem(root, path)
        return write_problem(root, path, media=True) \
            if problem and problem.problem == NOT_EDITABLE else problem
    problem = write_problem(root, path, media)
    if problem is None and media:
        return media_problem(str(path), data)
    return problem


def check_request(root: Path, action: str, params: object) -> Changes:
    """The changes a request makes, once every path in it is one the editor may touch.
    Raises Refused with every reason, or Malformed."""
    if action in READ_ACTIONS:
        problems = [read_problem(root, path) for path in read_paths(action, params)]
        items: list[Item] = []
    else:
        items, problems = write_items(action, params)
        problems += [item_problem(root, item) for item in items]
    found = [p for p in problems if p is not None]
    if found:
        raise Refused(found)
    return {str(path): data for path, data, _ in items}


CHECK_FAILED = msg("cms.check-failed")
CHECKABLE = msg("cms.checkable")


def _key(problem: Problem) -> tuple[str, str, str, str]:
    return problem.file, problem.where, problem.problem, problem.expected  # lines move


def problems_with(root: Path, changes: Changes) -> list[Problem]:
    """The loader's problems for content/ and docs/ of `root` with the changes made (on a copy)."""
    with tempfile.TemporaryDirectory(prefix="cms-check-") as scratch:
        copy = Path(scratch)
        for folder in ("content", "docs"):
            if (root / folder).is_dir():
                shutil.copytree(root / folder, copy / folder, symlinks=True)
        for rel, data in changes.items():
            target = copy / rel
            if data is None:
                target.unlink(missing_ok=True)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        try:
            load_content(copy)
        except ContentError as err:
            return err.problems
        except Exception as err:  # any crash of the loader refuses the edit
            failed = f"{type(err).__name__}: {err}"[:240]
            say("cms.loader-failed", language(), file=sys.stderr, error=failed)
            return [Problem("content", 0, "", CHECK_FAILED, CHECKABLE)]
    return []


def new_problems(root: Path, changes: Changes) -> list[Problem]:
    """The problems an edit brings: those of the content with it, less those already there."""
    if not changes:
        return []
    after = problems_with(root, changes)
    if not after:
        return []
    before = {_key(p) for p in problems_with(root, {})}
    return [p for p in after if _key(p) not in before]
