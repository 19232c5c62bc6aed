"""The one rule for "which number to call" (content/which_number.yml), kept the same everywhere.

Each situation of the rule (someone in danger now, to report or ask for help, abroad) has the
contacts to call and the wordings (`phrases`) that mean it. A sentence of a page (its Markdown
and front matter, Vietnamese and English) or of a text readers see (contacts, process steps,
agencies, sources, editions, interface texts) that uses one of those wordings may name only
that situation's numbers; a sentence that means two situations may name the numbers of either.
So "if you do not know which number to call, call 112" is refused: the rule says 111.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from hotro.checks import number_check, number_scan
from hotro.model.messages import Texts, msg
from hotro.model.number_text import canonical
from hotro.model.problems import Problem
from hotro.model.records import Content, Record

RULE_FILE = "content/which_number.yml"
UI_FILE = "content/ui.yml"
ENDS = frozenset(".!?…")          # a sentence ends with one of these and a space
RIGHT_QUOTE = "\u2019"  # the typographic apostrophe, as in don\u2019t
CLOSERS = frozenset(")\"'”»*_" + RIGHT_QUOTE)  # … or with closing quotes, brackets, emphasis
BLOCK_STARTS = ("-", "*", "+", "#", ">", "|", "!!!", "???", "<!--", "```", "~~~")
QUOTED_LENGTH = 160  # characters of a sentence quoted in a message


@dataclass(frozen=True)
class Situation:
    record: Record
    phrases: tuple[str, ...]  # normalised (see _words)
    numbers: dict[str, str]   # canonical form -> as the directory shows it, in the rule's order

    @property
    def when(self) -> Texts:
        return Texts(self.record["when"]["vi"], self.record["when"]["en"])


def check(content: Content) -> list[Problem]:
    """The rule's own references, then every sentence readers see against it."""
    problems = _rule_refs(content)
    if problems or not content.which_number:
        return problems
    rule = situations(content)
    for file, line, where, text, lines in _texts(content):
        for offset, sentence in units(text, rule):
            at = line + offset if lines else line
            problems += sentence_problems(file, at, where, sentence, rule)
    return problems


def units(text: str, rule: list[Situation]) -> Iterator[tuple[int, str]]:
    """(line offset, text) of what is checked: each sentence, and a question with the sentence
    that answers it ("Không biết gọi số nào? Hãy gọi 112."), unless that answer names a
    situation itself (it is checked alone, once)."""
    question: tuple[int, str] | None = None
    for offset, sentence in sentences(text):
        yield offset, sentence
        if question is not None and not meant(sentence, rule):
            yield question[0], f"{question[1]} {sentence}"
        ends = sentence.rstrip("".join(CLOSERS) + " ")
        question = (offset, sentence) if ends.endswith("?") and meant(sentence, rule) else None


# -- the rule's references -------------------------------------------------------------------

def _rule_refs(content: Content) -> list[Problem]:
    """Every `call` id is a published contact with a number; every source id exists."""
    problems = []
    for rec in content.which_number.values():
        for i, cid in enumerate(rec["call"]):
            line = rec.doc.line_of((rec.index, "call", i)) if rec.doc else rec.line
            contact = content.contacts.get(cid)
            if contact is None:
                problems.append(Problem(rec.file, line, f"{rec.id}/call",
                                        msg("checks.missing-id", what=msg("checks.kind-contact"),
                                            id=cid),
                                        msg("checks.id-from", home="content/contacts.yml")))
            elif not (contact.published and contact.phone):
                problems.append(Problem(rec.file, line, f"{rec.id}/call",
                                        msg("which-number.not-callable", id=cid),
                                        msg("which-number.callable")))
        problems += [Problem(rec.file, rec.line_of("sources"), f"{rec.id}/sources",
                             msg("checks.missing-id", what=msg("checks.kind-source"), id=sid),
                             msg("checks.id-from", home="content/sources/*.yml"))
                     for sid in rec["sources"] if sid not in content.sources]
    return problems


def situations(content: Content) -> list[Situation]:
    """The rule's situations in order, each with its wordings and numbers."""
    found = []
    for rec in content.which_number.values():
        numbers: dict[str, str] = {}
        for cid in rec["call"]:
            phone = content.contacts[cid].phone
            numbers.update({canonical(t): phone.display for t in phone.texts})
        phrases = tuple(_words(p) for lang in ("vi", "en") for p in rec["phrases"][lang])
        found.append(Situation(rec, tuple(p for p in phrases if p.strip()), numbers))
    return found


# -- the texts and their sentences ------------------------------------------------------------

def _texts(content: Content) -> Iterator[tuple[str, int, str, str, bool]]:
    """(file, line, field, text, whether the text's lines are the file's lines): what the
    number check reads, the rule's own texts and the interface texts."""
    yield from number_scan.reader_texts(content)
    for rec in content.which_number.values():
        for key in ("when", "advice"):
            for value in rec[key].values():
                yield rec.file, rec.line_of(key), f"{rec.id}/{key}", value, False
    doc = content.ui_doc
    for key, texts in content.ui.items():
        for value in texts.values():
            if isinstance(value, str):
                yield UI_FILE, doc.line_of((key,)) if doc else 0, key, value, False


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """(line offset, sentence) of a Markdown text: a paragraph's lines are one text, a list
    item, heading, table row, quote or admonition line starts a new one; each is cut after
    . ! ? or … followed by a space."""
    for first, block, starts in _blocks(text.split("\n")):
        for start, sentence in _cut(block):
            yield first + bisect.bisect_right(starts, start) - 1, sentence


def _blocks(lines: list[str]) -> Iterator[tuple[int, str, list[int]]]:
    """(first line offset, the block's lines joined, where each line starts in it)."""
    first, parts, starts, indent = 0, [], [], -1
    for offset, line in enumerate(lines):
        stripped = line.strip()
        here = len(line) - len(line.lstrip())
        joins = parts and stripped and here == indent and not stripped.startswith(BLOCK_STARTS) \
            and not parts[0].startswith(BLOCK_STARTS) and not _numbered(stripped)
        if parts and not joins:
            yield first, " ".join(parts), starts
            parts, starts = [], []
        if not stripped:
            continue
        if not parts:
            first, indent = offset, here
        starts.append(sum(len(p) + 1 for p in parts))
        parts.append(stripped)
    if parts:
        yield first, " ".join(parts), starts


def _numbered(line: str) -> bool:
    """A numbered list item: 1. or 1)"""
    digits = len(line) - len(line.lstrip("0123456789"))
    return 0 < digits < len(line) and line[digits] in ".)" and line[digits + 1:digits + 2] == " "


def _cut(block: str) -> Iterator[tuple[int, str]]:
    """(start, sentence) of one block, in one pass (no pattern: linear on any text)."""
    start, i, size = 0, 0, len(block)
    while i < size:
        if block[i] not in ENDS:
            i += 1
            continue
        j = i + 1
        while j < size and (block[j] in ENDS or block[j] in CLOSERS):
            j += 1
        if j == size or block[j].isspace():
            yield start, block[start:j]
            while j < size and block[j].isspace():
                j += 1
            start = j
        i = j
    if start < size:
        yield start, block[start:]


def _words(text: str) -> str:
    """Lower case, composed, every character that is not a letter, digit or apostrophe a space:
    ' đang gặp nguy hiểm ' is found in '**Đang** gặp nguy hiểm!'."""
    text = unicodedata.normalize("NFC", text).casefold().replace(RIGHT_QUOTE, "'")
    kept = "".join(c if c.isalnum() or c == "'" else " " for c in text)
    return " " + " ".join(kept.split()) + " "


# -- one sentence ------------------------------------------------------------------------------

def meant(sentence: str, rule: list[Situation]) -> list[Situation]:
    """The situations whose wordings the sentence uses."""
    words = _words(sentence)
    return [s for s in rule if any(p in words for p in s.phrases)]


def sentence_problems(file: str, line: int, where: str, sentence: str,
                      rule: list[Situation]) -> list[Problem]:
    """A problem for each number of the sentence that none of the situations it means allows."""
    found = number_check.find_numbers(sentence)
    if not found:
        return []
    said = meant(sentence, rule)
    if not said:
        return []
    allowed: dict[str, str] = {}
    for situation in said:
        allowed.update(situation.numbers)
    wrong = list(dict.fromkeys(f.written.replace("\n", " ") for f in found
                               if canonical(f.plain) not in allowed))
    if not wrong:
        return []
    quoted = sentence if len(sentence) <= QUOTED_LENGTH else sentence[:QUOTED_LENGTH] + "..."
    return [Problem(file, line, where,
                    msg("which-number.wrong-number", numbers=", ".join(wrong),
                        situation=tuple(s.when for s in said), sentence=quoted),
                    msg("which-number.rule-numbers",
                        numbers=", ".join(dict.fromkeys(allowed.values()))))]
