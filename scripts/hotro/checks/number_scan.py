"""Where numbers and tel: links are looked for: page bodies, front matter and data texts.

Each text goes through number_check (numbers as a reader reads them) and tel_check (what a
link dials); problems carry the file, line and field of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hotro.checks import number_check, tel_check
from hotro.model.problems import Problem
from hotro.model.records import Content

ADDRESS = re.compile(r"https?://\S*")  # a web address alone: its digits are not for readers
# Fields that hold ids of other records (checked to exist), never text shown to readers.
ID_FIELDS = frozenset({"id", "sources", "agency", "successor", "contacts_first", "sections",
                       "superseded_by"})


def check(content: Content) -> list[Problem]:
    """Every number and tel: link in content that a reader sees."""
    known = number_check.known_numbers(c.phone for c in content.published_contacts()
                                       if c.phone)
    problems = []
    for file, line, where, text, lines in reader_texts(content):
        problems += text_problems(file, line, where, text, known, lines)
    return problems


def text_problems(file: str, line: int, where: str, text: str, known: dict[str, str],
                  lines: bool = True) -> list[Problem]:
    """The problems of one text starting at `line` (each line its own when `lines`)."""
    problems = []
    for found in number_check.find_numbers(text):
        at = line + found.offset if lines else line
        problems += number_check.number_problems(file, at, where, found, known)
    for link in tel_check.find_links(text):
        at = line + link.offset if lines else line
        problems += tel_check.link_problems(file, at, where, link, known)
    return problems


def reader_texts(content: Content) -> Iterator[tuple[str, int, str, str, bool]]:
    """(file, line, field, text, whether the text's lines are the file's lines) of every text
    readers see: page bodies, front matter and the records' text fields (also read by
    checks/which_number.py)."""
    for page in content.pages.values():
        yield page.shown_as, page.body_line, "", page.body, True
        for path, value in _strings(page.meta, ()):
            yield (page.shown_as, page.front.line_of(path), "/".join(map(str, path)), value,
                   False)
    records = [*content.contacts.values(), *content.process.values(),
               *content.agencies.values(), *content.sources.values(),
               *content.editions.values()]
    for record in records:
        if not getattr(record, "published", True):
            continue  # an unverified contact is never shown
        for path, value in _strings(record.data, ()):
            yield (record.file, record.line_of(path[0]), f"{record.id}/{path[0]}", value,
                   False)


def _strings(value: object, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        if not ADDRESS.fullmatch(value.strip()):
            yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ID_FIELDS:
                yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, (*path, i))
