"""Open questions for editors (issue 17): content/open_questions.yml.

What we do not know yet is never told to readers; it is written here, with the page or data
file it concerns, so that `make status` reminds the editors. Each question's page and file must
exist, its sources must be known ids, and no two questions share an id.
"""

from __future__ import annotations

from hotro.load.wording_files import read_questions
from hotro.model.messages import msg
from hotro.model.problems import Problem
from hotro.model.records import Content, Record

PAGE_EXPECTED = msg("questions.page-expected")
FILE_EXPECTED = msg("questions.file-expected")


def check(content: Content) -> list[Problem]:
    """The problems of content/open_questions.yml: its schema, then what it points at."""
    questions, problems = read_questions(content.root)
    seen: set[str] = set()
    for question in questions:
        if question.id in seen:
            problems.append(Problem(question.file, question.line_of("id"), f"{question.id}/id",
                                    msg("load.id-twice"), msg("load.id-once")))
        seen.add(question.id)
        problems += _places(content, question) + _sources(content, question)
    return problems


def questions(content: Content) -> list[Record]:
    """The open questions the schema accepts, in the order of the file."""
    return read_questions(content.root)[0]


def _places(content: Content, question: Record) -> list[Problem]:
    problems = []
    page, file = question.get("page"), question.get("file")
    if page and not (content.root / page).is_file():
        problems.append(Problem(question.file, question.line_of("page"), f"{question.id}/page",
                                msg("questions.no-page", page=page), PAGE_EXPECTED))
    if file and not (content.root / file).is_file():
        problems.append(Problem(question.file, question.line_of("file"), f"{question.id}/file",
                                msg("questions.no-file", file=file), FILE_EXPECTED))
    return problems


def _sources(content: Content, question: Record) -> list[Problem]:
    return [Problem(question.file, question.line_of("sources"), f"{question.id}/sources",
                    msg("checks.missing-id", what=msg("checks.kind-source"), id=rid),
                    msg("checks.id-from", home="content/sources/*.yml"))
            for rid in question.get("sources", []) if rid not in content.sources]
