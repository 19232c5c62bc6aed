"""content/wording.yml and content/open_questions.yml, read and schema-checked (issue 17).

Both files are optional: a content tree without wording.yml has no gap phrases and the house's
default sentence limits; one without open_questions.yml has no open questions.
"""

from __future__ import annotations

from pathlib import Path

from hotro.load.schemas import validate
from hotro.load.yaml_source import load_yaml_file
from hotro.model.problems import ContentError, Problem
from hotro.model.records import Record
from hotro.model.wording import Wording

WORDING_FILE = "content/wording.yml"
QUESTIONS_FILE = "content/open_questions.yml"


def read_wording(root: Path) -> tuple[Wording, list[Problem]]:
    """The wording rules of the tree at root, and the problems of their file."""
    path = root / WORDING_FILE
    if not path.is_file():
        return Wording.from_data(None), []
    try:
        doc = load_yaml_file(path, WORDING_FILE)
    except ContentError as err:
        return Wording.from_data(None), err.problems
    problems = validate(doc, "wording")
    return Wording.from_data(None if problems else doc.data), problems


def read_questions(root: Path) -> tuple[list[Record], list[Problem]]:
    """The open questions of the tree at root (those the schema accepts), and the problems."""
    path = root / QUESTIONS_FILE
    if not path.is_file():
        return [], []
    try:
        doc = load_yaml_file(path, QUESTIONS_FILE)
    except ContentError as err:
        return [], err.problems
    problems = validate(doc, "open_questions")
    bad = {p.where.split("/")[0] for p in problems}
    records = [Record(item, doc.file, doc.line_of((i,)), doc, i)
               for i, item in enumerate(doc.data if isinstance(doc.data, list) else [])
               if isinstance(item, dict) and isinstance(item.get("id"), str)
               and item["id"] not in bad and f"item {i + 1}" not in bad]
    return records, problems
