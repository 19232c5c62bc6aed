"""Invisible characters in content: refused, with the file, line and field (issue 14).

- Bidirectional controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) anywhere in
  content/**/*.yml, docs/**/*.md or mkdocs.yml (menu titles): a right-to-left override shows a
  name or a number backwards (the text reads as another than it is), and no Vietnamese or
  English text needs one.
- Zero-width characters (U+200B, U+200C, U+200D, U+2060, U+FEFF) touching a letter or a digit:
  they split a word or a number so that search and the number check no longer see it, and no
  Vietnamese text uses them. Between symbols (an emoji sequence joined by U+200D) they are kept.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from hotro.load.markdown_source import read_page
from hotro.load.yaml_source import MAX_BYTES, parse_yaml
from hotro.model.messages import Message, msg
from hotro.model.problems import ContentError, Problem
from hotro.model.yaml_doc import YamlDoc

DIRECTION = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
# A zero-width character between two digits is left to the number check (number_check.py),
# which says what the number reads as; one touching a letter splits a word.
LETTER = r"[^\W\d]"
INVISIBLE = re.compile(f"[{DIRECTION}]|(?<={LETTER})[{ZERO_WIDTH}]|[{ZERO_WIDTH}](?={LETTER})")
IS_DIRECTION = re.compile(f"[{DIRECTION}]")
EXPECTED = msg("load.plain-text-expected")


def invisible_characters(root: Path) -> list[Problem]:
    """One problem per invisible character in the content's YAML files and pages, and in
    mkdocs.yml (its menu titles are shown on every page)."""
    files = [*sorted((root / "content").rglob("*.yml")), *sorted((root / "docs").rglob("*.md")),
             root / "mkdocs.yml"]
    problems = []
    for path in files:
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            continue  # the loader has already said what is wrong with it
        text = path.read_bytes().decode("utf-8", errors="replace")
        if INVISIBLE.search(_shown(text)) or "\\u" in text or "\\U" in text:
            problems += _in_file(root, path, text)
    return problems


def _shown(text: str) -> str:
    """The text as a browser shows it: `&#x202E;` and `&rlm;` are the characters themselves."""
    return html.unescape(text) if "&" in text else text


def _in_file(root: Path, path: Path, text: str) -> list[Problem]:
    rel = path.relative_to(root).as_posix()
    doc, body_line = _structure(root, path, rel, text)
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        for match in INVISIBLE.finditer(_shown(line)):
            where = _where(doc, number, match.group(), rel) if number < body_line else ""
            problems.append(Problem(rel, number, where, describe(match.group()), EXPECTED))
    return problems + _escaped(doc, rel, {p.where for p in problems})


def _escaped(doc: YamlDoc | None, rel: str, found: set[str]) -> list[Problem]:
    """Characters written as YAML escapes ("\\u202e"): in the values, not in the lines."""
    problems = []
    for path, raw in doc.raws.items() if doc else ():
        where = _format(doc, path, rel)
        for match in INVISIBLE.finditer(raw) if where not in found else ():
            problems.append(Problem(rel, doc.line_of(path), where, describe(match.group()),
                                    EXPECTED))
    return problems


def describe(char: str) -> Message:
    code = f"U+{ord(char):04X}"
    if IS_DIRECTION.match(char):
        return msg("load.invisible-direction", code=code)
    return msg("load.invisible-zero-width", code=code)


def _structure(root: Path, path: Path, rel: str, text: str) -> tuple[YamlDoc | None, int]:
    """The file's YAML (a page's front matter) and the first line that is not YAML."""
    if rel == "mkdocs.yml":  # a config: its keys are no `record/field` an editor knows
        return None, len(text) + 2
    try:
        if path.suffix == ".md":
            page = read_page(root / "docs", path)
            return page.front, page.body_line
        return parse_yaml(text, rel), len(text) + 2
    except ContentError:
        return None, len(text) + 2


def _where(doc: YamlDoc | None, line: int, char: str, rel: str) -> str:
    """`record/field` of the value on `line` that has `char` (several share a line in
    `{vi: …, en: …}`), or of the nearest value above it (a block of text, a comment)."""
    if doc is None:
        return ""
    above = [(at + doc.line_offset, char in doc.raws.get(path, ""), len(path), path)
             for path, at in doc.lines.items() if path and at + doc.line_offset <= line]
    if not above:
        return ""
    return _format(doc, max(above)[3], rel)


def _format(doc: YamlDoc, path: tuple, rel: str) -> str:
    """`record-id/field/…` for a path into the YAML, as the schema messages write it."""
    parts = []
    node = doc.data
    for step in path:
        if isinstance(step, int) and isinstance(node, list):
            item = node[step]
            rid = item.get("id") if isinstance(item, dict) else None
            parts.append(rid if isinstance(rid, str) and rid else f"item {step + 1}")
        else:
            parts.append(str(step))
        node = node[step] if isinstance(node, list | dict) else None
    if rel.startswith("content/editions/"):
        parts.insert(0, Path(rel).stem)
    return "/".join(parts)
