"""No "we don't know" to readers (issue 17): a reader text that reports a gap in our research.

A frightened reader cannot act on "no source confirms this": every page and data text tells
them what to do instead, and the open question goes to content/open_questions.yml. The phrases
are content/wording.yml's `gap_phrases`; each one found in a page body (code, HTML comments
and addresses left out), a page's title, description or policy texts, or a data text
(contacts, agencies, process steps, ui.yml, editions, sources' `about`, which_number.yml) is an
error naming the file, the line and the phrase.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from hotro.load.wording_files import read_wording
from hotro.load.yaml_source import load_yaml_file
from hotro.model.messages import msg
from hotro.model.problems import ContentError, Problem
from hotro.model.reader_text import blank_unread
from hotro.model.records import Content, Record
from hotro.model.wording import Wording, normalise
from hotro.model.yaml_doc import YamlDoc

EXPECTED = msg("gaps.expected")
WHICH_NUMBER = "content/which_number.yml"
# Fields that hold ids, addresses or fixed values, never words shown to readers.
NOT_TEXT = frozenset({"id", "sources", "agency", "successor", "contacts_first", "sections",
                      "superseded_by", "source_url", "url", "site_url", "number", "display",
                      "channel", "cost", "kind", "status", "translated_from",
                      "quick_exit_url", "embed_portals"})
FRONT_TEXTS = ("title", "description", "policy")


def check(content: Content) -> list[Problem]:
    """Every gap phrase in the reader texts of `content`, and the problems of wording.yml."""
    wording, problems = read_wording(content.root)
    for file, line, where, text in _texts(content):
        problems += text_problems(wording, file, line, where, text)
    for page in content.pages.values():
        problems += body_problems(wording, page.shown_as, page.body_line, page.body)
    return problems


def body_problems(wording: Wording, file: str, first_line: int, body: str) -> list[Problem]:
    """The gap phrases of a page's body, each on its own line."""
    text = normalise(blank_unread(body))
    return [_problem(file, first_line + text.count("\n", 0, found.start), "", found.phrase)
            for found in wording.gaps(text)]


def text_problems(wording: Wording, file: str, line: int, where: str, text: str
                  ) -> list[Problem]:
    """The gap phrases of one data text, at the line of its field."""
    return [_problem(file, line, where, found.phrase)
            for found in wording.gaps(normalise(text))]


def _problem(file: str, line: int, where: str, phrase: str) -> Problem:
    return Problem(file, line, where, msg("gaps.found", phrase=phrase), EXPECTED)


def _texts(content: Content) -> Iterator[tuple[str, int, str, str]]:
    """(file, line, field, text) of every reader text outside page bodies."""
    for page in content.pages.values():
        front = {key: page.meta[key] for key in FRONT_TEXTS if key in page.meta}
        yield from _strings(page.front, page.shown_as, front, (), "")
    records: list[Record] = [*content.contacts.values(), *content.agencies.values(),
                             *content.process.values()]
    for record in records:
        if getattr(record, "published", True):  # an unverified contact is never shown
            yield from _strings(record.doc, record.file, record.data, (record.index,),
                                record.id)
    for source in content.sources.values():
        yield from _strings(source.doc, source.file, {"about": source.get("about")},
                            (source.index,), source.id)
    for edition in content.editions.values():
        yield from _strings(edition.doc, edition.file, edition.data, (), edition.id)
    if content.ui_doc is not None:
        yield from _strings(content.ui_doc, "content/ui.yml", content.ui, (), "")
    yield from _which_number(content.root)


def _which_number(root: Path) -> Iterator[tuple[str, int, str, str]]:
    """content/which_number.yml, when there is one (its own loader checks its shape)."""
    if not (root / WHICH_NUMBER).is_file():
        return
    try:
        doc = load_yaml_file(root / WHICH_NUMBER, WHICH_NUMBER)
    except ContentError:
        return  # its loader reports the mistake
    yield from _strings(doc, WHICH_NUMBER, doc.data, (), "")


def _strings(doc: YamlDoc | None, file: str, value: object, path: tuple, label: str
             ) -> Iterator[tuple[str, int, str, str]]:
    if isinstance(value, str):
        line = doc.line_of(path) if doc else 0
        yield file, line, label, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in NOT_TEXT:
                yield from _strings(doc, file, item, (*path, key), _join(label, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(doc, file, item, (*path, i), label)


def _join(label: str, key: object) -> str:
    return f"{label}/{key}" if label else str(key)
