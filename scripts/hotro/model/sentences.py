"""Sentences of a page and their length, for the plain-language figures (issue 17).

A page's body, once hotro.model.reader_text has blanked what is not read, is cut into blocks:
a paragraph, a list item, a heading, an admonition's title, a table cell. Each block is cut into
sentences at ".", "!", "?" or "…" followed by a space, except after a known abbreviation
("TP.", "e.g.") or before a word in lower case. A sentence's length is its number of words
with a letter or a digit: for Vietnamese, each space-separated word is one syllable.
Table cells that are only numbers or dates are not sentences.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from hotro.model.reader_text import blank_unread

HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t#]*$")
ADMONITION = re.compile(r"^(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+\"([^\"\n]*)\")?")
LIST_ITEM = re.compile(r"^(?:[-*+]|\d{1,3}[.)])[ \t]+")
TABLE_RULE = re.compile(r"^\|?[ \t]*:?-{2,}:?[ \t]*(\|[ \t]*:?-{2,}:?[ \t]*)*\|?$")
ATTR_LIST = re.compile(r"\{:?[ \t]*[#.][^{}\n]*\}")
NUMBERS_ONLY = re.compile("^[\\d\\s.,:/%+()\u2013-]*$")  # digits, dates, ranges (en dash)
# a sentence ends at . ! ? or …, after which may come closing quotes, brackets or emphasis
CLOSERS = "\"'\u201d\u2019\u00bb)]*_"  # straight and curly closing quotes, », brackets, emphasis
END = re.compile("[.!?\u2026]+[" + re.escape(CLOSERS) + "]*(?=\\s|$)")
# Abbreviations whose final dot does not end a sentence (compared in lower case)
ABBREVIATIONS = frozenset({
    "tp.", "tx.", "tt.", "q.", "p.", "ts.", "ths.", "pgs.", "gs.", "bs.", "ks.", "st.",
    "e.g.", "i.e.", "cf.", "vs.", "dr.", "mr.", "mrs.", "ms.", "p.o."})
# ... and those that do not end one before a number ("Form No. 07", "Art. 27"), though they can
# end a sentence otherwise ("The answer is no.")
BEFORE_NUMBER = frozenset({"no.", "nos.", "art.", "arts.", "a.m.", "p.m.", "số."})


@dataclass(frozen=True)
class Sentence:
    line: int
    text: str
    length: int


def length(sentence: str) -> int:
    """Words (in Vietnamese: syllables) with at least one letter or digit."""
    return sum(any(c.isalnum() for c in word) for word in sentence.split())


def split(block: str) -> list[tuple[int, str]]:
    """(offset, sentence) for each sentence of one block of prose."""
    found, start = [], 0
    for match in END.finditer(block):
        if _continues(block, match):
            continue
        if piece := block[start:match.end()].strip():
            found.append((start + len(block[start:]) - len(block[start:].lstrip()), piece))
        start = match.end()
    if rest := block[start:].strip():
        found.append((start + len(block[start:]) - len(block[start:].lstrip()), rest))
    return found


def _continues(block: str, match: re.Match) -> bool:
    """A dot that does not end the sentence: an abbreviation, or a word in lower case next."""
    word = block[:match.end()].rsplit(None, 1)[-1].lstrip("([\"'“*_").lower()
    after = block[match.end():].lstrip()
    if word.rstrip(CLOSERS) in ABBREVIATIONS:
        return True
    if word in BEFORE_NUMBER and after[:1].isdigit():
        return True
    return bool(after) and after[0].islower()


def blocks(body: str) -> list[tuple[int, str]]:
    """(line offset in the body, text) for each block of prose; a block may span lines."""
    found: list[tuple[int, list[str]]] = []
    paragraph = False  # whether the next plain line continues the last block
    for number, raw in enumerate(blank_unread(body).split("\n")):
        line = ATTR_LIST.sub(" ", raw).strip()
        if not line or TABLE_RULE.match(line):
            paragraph = False
            continue
        pieces, paragraph = _pieces(line, paragraph)
        if pieces is None:
            found[-1][1].append(line)
        else:
            found += [(number, [piece]) for piece in pieces]
    return [(number, "\n".join(lines)) for number, lines in found]


def _pieces(line: str, paragraph: bool) -> tuple[list[str] | None, bool]:
    """The new blocks a line starts (None: it continues the last one), and whether the next
    plain line continues."""
    if heading := HEADING.match(line):
        return [heading.group(1)], False
    if admonition := ADMONITION.match(line):
        return [admonition.group(1) or ""], False
    if line.startswith("|"):
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        return [cell for cell in cells if not NUMBERS_ONLY.match(cell)], False
    if item := LIST_ITEM.match(line):
        return [line[item.end():]], True
    return (None if paragraph else [line]), True


def sentences(body: str, first_line: int = 1) -> list[Sentence]:
    """Every sentence of a page's body, with the line it starts on in the file."""
    text = unicodedata.normalize("NFC", body)
    found = []
    for offset, block in blocks(text):
        for at, piece in split(block):
            line = first_line + offset + block.count("\n", 0, at)
            found.append(Sentence(line, " ".join(piece.split()), length(piece)))
    return [s for s in found if s.length]


@dataclass(frozen=True)
class Figures:
    """How long a page's sentences are: their number, average and longest length."""

    count: int
    average: float
    longest: Sentence | None

    @classmethod
    def of(cls, found: list[Sentence]) -> Figures:
        if not found:
            return cls(0, 0.0, None)
        total = sum(s.length for s in found)
        return cls(len(found), total / len(found), max(found, key=lambda s: s.length))
