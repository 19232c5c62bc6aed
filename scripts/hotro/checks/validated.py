"""Validated content: read (hotro.load.content), then checked across files, cached per process.

`load_content(root)` either returns the validated records or raises ContentError listing every
problem as `file:line: record/field: problem`. The plugin, the editors' commands and the tests
all call it.
"""

from __future__ import annotations

import os
import pickle
from datetime import date
from pathlib import Path

from hotro.checks import checks, gap_wording, open_questions
from hotro.checks.content_guards import check_guards
from hotro.load.content import read_content
from hotro.load.invisible_chars import invisible_characters
from hotro.model.problems import ContentError
from hotro.model.records import Content


def load_content(root: Path, today: date | None = None) -> Content:
    """Read, validate and cross-check everything under root/content and root/docs.

    `today` is the day dates are checked against (default: today in Vietnam)."""
    content, problems = read_content(root)
    if not problems:
        problems += checks.cross_references(content)
    problems += check_guards(content, today) + invisible_characters(root)  # issue 14
    problems += gap_wording.check(content) + open_questions.check(content)  # issue 17
    if problems:
        raise ContentError(problems)
    return content


_cache: dict[Path, tuple[tuple, Content]] = {}


def load_content_cached(root: Path) -> Content:
    """load_content, read again only when a file under content/ or docs/ changed.

    mkdocs-static-i18n runs the whole build once per language in one process, and
    `mkdocs serve` rebuilds after each save: both would otherwise read everything again.
    """
    stamp = _stamp(root)
    cached = _cache.get(root) or _handed_over(root)
    if cached and cached[0] == stamp:
        return cached[1]
    content = load_content(root)
    _cache[root] = (stamp, content)
    return content


HANDOVER = "HO_TRO_CONTENT_PICKLE"  # set by build_site.py for the MkDocs processes it starts


def hand_over(content: Content, path: Path) -> dict[str, str]:
    """Save the validated content for the builds about to start; the environment to give them.

    Each edition builds in its own process; reading the validated copy instead of reading and
    checking every file again saves seconds per edition on a big site.
    """
    path.write_bytes(pickle.dumps((content.root, _stamp(content.root), content),
                                  protocol=pickle.HIGHEST_PROTOCOL))
    return {HANDOVER: str(path)}


def _handed_over(root: Path) -> tuple[tuple, Content] | None:
    path = os.environ.get(HANDOVER)
    if not path or not os.path.isfile(path):
        return None
    saved_root, stamp, content = pickle.loads(Path(path).read_bytes())
    return (stamp, content) if saved_root == root else None


def _stamp(root: Path) -> tuple:
    files = [p for folder in ("content", "docs") for p in sorted((root / folder).rglob("*"))]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files if p.is_file())
