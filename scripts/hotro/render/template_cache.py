"""Compile each template once, not once per language, edition and build.

mkdocs-static-i18n runs MkDocs' whole build once per language, and every build makes a new
Jinja environment, so Material's templates were parsed and compiled again for English (and
again after every save under `mkdocs serve`). A bytecode cache kept in memory hands each new
environment the code an earlier one compiled. Given a folder (the plugin uses .cache/templates/
beside the content), the code is also kept on disk, so the next edition's process and the next
build load it instead of compiling Material's templates again: about 0.3 s per process.

Environments share code only when every setting that changes the compiled code is the same
(on disk, also the same Jinja and Python); a changed template file is compiled again (Jinja
compares a checksum of its source).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
from pathlib import Path

import jinja2
from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket

_SETTINGS = ("block_start_string", "block_end_string", "variable_start_string",
             "variable_end_string", "comment_start_string", "comment_end_string",
             "line_statement_prefix", "line_comment_prefix", "trim_blocks", "lstrip_blocks",
             "newline_sequence", "keep_trailing_newline", "optimized", "newstyle_gettext",
             "is_async")


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates by template and source checksum, for the life of the process, and
    in `folder` when one is given."""

    def __init__(self, folder: Path | None = None) -> None:
        self._code: dict[str, tuple[str, object]] = {}
        self.folder = folder

    def load_bytecode(self, bucket: Bucket) -> None:
        found = self._code.get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.code = found[1]
        elif self.folder is not None:
            self._load_file(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = (bucket.checksum, bucket.code)
        if self.folder is not None:
            self._dump_file(bucket)

    def _load_file(self, bucket: Bucket) -> None:
        try:
            with open(self.folder / bucket.key, "rb") as saved:
                bucket.load_bytecode(saved)  # resets the bucket if the source changed since
        except Exception:  # whatever is wrong with a saved file: compile the template again
            bucket.reset()
        if bucket.code is not None:
            self._code[bucket.key] = (bucket.checksum, bucket.code)

    def _dump_file(self, bucket: Bucket) -> None:
        """Write the code whole or not at all: edition builds run side by side."""
        out = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=self.folder, prefix=bucket.key,
                                             suffix=".tmp", delete=False) as out:
                bucket.write_bytecode(out)
            os.replace(out.name, self.folder / bucket.key)
        except OSError:  # a read-only checkout still builds; it just compiles every time
            if out is not None:
                with contextlib.suppress(OSError):
                    os.remove(out.name)


_caches: dict[tuple, MemoryBytecodeCache] = {}


def settings_key(env: Environment) -> tuple:
    """What the compiled code of a template depends on besides its source.

    Not the loader's search path: a bucket is keyed by the template's file, and the language
    builds differ there only by a folder mkdocs-static-i18n adds once per build.
    """
    escape = env.autoescape if isinstance(env.autoescape, bool) else repr(env.autoescape)
    return (escape, tuple(sorted(env.extensions)), _passes(env.filters), _passes(env.tests),
            env.finalize is not None and _pass_arg(env.finalize),
            *(getattr(env, name, None) for name in _SETTINGS))


def _passes(functions: dict) -> tuple:
    """The filters or tests by name, with what each is passed (the code calls them so)."""
    return tuple(sorted((name, _pass_arg(f)) for name, f in functions.items()))


def _pass_arg(function) -> str:
    found = getattr(function, "jinja_pass_arg", None)  # set by @pass_context and its kin
    return found.name if found is not None else ""


def share_compiled_templates(env: Environment, folder: Path | None = None) -> Environment:
    """Give `env` the cache of every earlier environment configured like it; with `folder`,
    also the code saved there by earlier processes."""
    key = settings_key(env)
    # An autoescape function is known by its repr, which holds its address in this process:
    # its code is kept in memory only.
    if folder is not None and isinstance(env.autoescape, bool):
        folder = Path(folder) / _version_folder(key)
    else:
        folder = None
    cache = _caches.get((key, folder))
    if cache is None:
        cache = _caches[(key, folder)] = MemoryBytecodeCache(folder)
    env.bytecode_cache = cache
    return env


def _version_folder(key: tuple) -> str:
    """A folder name for the settings, this Jinja and this Python: code from any other is
    never loaded."""
    text = repr((key, jinja2.__version__, sys.version))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
