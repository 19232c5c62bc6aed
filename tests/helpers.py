"""Helpers the tests share: reading built pages the way a reader's browser would, making the
loader refuse a changed tree, and checking that a Problem reads in Vietnamese."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from hotro.checks.validated import load_content
from hotro.model import paths
from hotro.model.messages import Message
from hotro.model.problems import ContentError, Problem


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts))


def html_lang(html: str) -> str:
    match = re.search(r'<html lang="([^"]+)"', html)
    return match.group(1) if match else ""


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def tel_links(html: str) -> list[str]:
    return re.findall(r'href="tel:([^"]+)"', html)


def problems_of(tree: Path) -> list[str]:
    """The loader's messages for a content tree that must be rejected."""
    with pytest.raises(ContentError) as caught:
        load_content(tree)
    return [str(p) for p in caught.value.problems]


def problems_after(tree: Path, rel: str, old: str, new: str) -> list[str]:
    """Change one file of the tree (replace `old` by `new`) and return the loader's messages."""
    path = tree / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return problems_of(tree)


def loader_problems(tree: Path, edits: list[tuple[str, str, str]]) -> list[Problem]:
    """Change files of the tree (replace old by new) and return the loader's Problems."""
    for rel, old, new in edits:
        path = tree / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"test setup: {old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(tree)
    return caught.value.problems


# -- Vietnamese -----------------------------------------------------------------------------------

STOP_WORDS = ("expected", "missing", "is not", "unknown", "the ", "should")
# A Python repr of a text, as messages quote values ('x', "it's"), or one cut short ('abc...').
QUOTED = r"""(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|['"].*?\.\.\.')"""


def _enum_values() -> set[str]:
    """Values editors type (free, unknown …): they stay English in a Vietnamese message."""
    found: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, dict):
            found.update(str(v) for v in node.get("enum", []))
            for key, value in node.items():
                if key != "examples":
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in paths.SCHEMAS.glob("*.schema.json"):
        walk(json.loads(path.read_text(encoding="utf-8")))
    return found


ENUM_VALUES = _enum_values()


def english_left(text: str) -> list[str]:
    """Stop words left in a Vietnamese text, once quoted values and typed values are removed."""
    text = re.sub(QUOTED, " ", text)
    text = re.sub(r"\S*[/.]\S*", " ", text)  # file names and addresses
    text = re.sub(r"\S+", lambda m: " " if m[0].strip(",.;:()") in ENUM_VALUES else m[0], text)
    lowered = f" {text.lower()} "
    return [w for w in STOP_WORDS if re.search(rf"\b{re.escape(w)}", lowered)]


def check_vietnamese(problems: list[Problem]) -> None:
    """Every problem is made of catalogue Messages, reads in Vietnamese with no English words
    left, keeps its `file:line: record/field:` start, and survives a trip through JSON."""
    assert problems
    for problem in problems:
        assert isinstance(problem.problem, Message), f"plain text, not a Message: {problem}"
        assert isinstance(problem.expected, Message) or problem.expected == "", \
            f"plain text, not a Message: {problem}"
        line = problem.text("vi")
        prefix = str(Problem(problem.file, problem.line, problem.where, ""))
        vi_problem = problem.problem.text("vi")
        vi_expected = problem.expected.text("vi") if problem.expected else ""
        expected = f" (cần {vi_expected})" if vi_expected else ""
        assert line == f"{prefix}{vi_problem}{expected}", line
        left = english_left(f"{vi_problem} {vi_expected}")
        assert left == [], f"English words {left} in: {line}"
        assert vi_problem != problem.problem.text("en"), line
        assert not vi_expected or vi_expected != problem.expected.text("en"), line
        assert Problem.from_json(json.loads(json.dumps(problem.to_json()))) == problem
