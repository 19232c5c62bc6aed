"""Compile each theme template once per process instead of once per language.

mkdocs-static-i18n runs MkDocs' whole build once per language, and every build makes a new
Jinja environment, so Material's templates were parsed and compiled again for English (and
again after every save under `mkdocs serve`). A bytecode cache kept in memory hands each new
environment the code an earlier one compiled. Environments share code only when every
setting that changes the compiled code is the same; a changed template file is compiled again
(Jinja compares a checksum of its source).
"""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket

_SETTINGS = ("block_start_string", "block_end_string", "variable_start_string",
             "variable_end_string", "comment_start_string", "comment_end_string",
             "line_statement_prefix", "line_comment_prefix", "trim_blocks", "lstrip_blocks",
             "newline_sequence", "keep_trailing_newline", "optimized", "newstyle_gettext")


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates by template and source checksum, for the life of the process."""

    def __init__(self) -> None:
        self._code: dict[str, tuple[str, object]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        found = self._code.get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.code = found[1]

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = (bucket.checksum, bucket.code)


_caches: dict[tuple, MemoryBytecodeCache] = {}


def settings_key(env: Environment) -> tuple:
    """What the compiled code of a template depends on besides its source.

    Not the loader's search path: a bucket is keyed by the template's file, and the language
    builds differ there only by a folder mkdocs-static-i18n adds once per build.
    """
    escape = env.autoescape if isinstance(env.autoescape, bool) else repr(env.autoescape)
    return (escape, tuple(sorted(env.extensions)),
            *(getattr(env, name, None) for name in _SETTINGS))


def share_compiled_templates(env: Environment) -> Environment:
    """Give `env` the cache of every earlier environment configured like it."""
    env.bytecode_cache = _caches.setdefault(settings_key(env), MemoryBytecodeCache())
    return env
