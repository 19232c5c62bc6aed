"""No page may show a phone number that is not in the verified directory.

A wrong number is worse than none: a number written into a page's text by hand escapes the
checks that contacts.yml gets, so every phone-like number in text must be a published one,
however it is written (number_text.read: fullwidth digits, hidden characters, O for 0).
Numbers are found three ways: phonenumbers' matcher (valid numbers in any layout, brackets
included), a pattern for numbers a reader would dial even when phonenumbers finds them invalid
(0-prefixed, +country, 1800/1900 lines, brackets around the area code), and short codes.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers

from hotro.model.messages import msg
from hotro.model.number_text import MARKUP, canonical, only_spacing_differs, read
from hotro.model.phones import Phone, PhoneError, parse_phone
from hotro.model.problems import Problem

# A segment: digits with spaces, dots, dashes, brackets and + between them; its chunks are
# what spaces separate. Single character classes: linear time.
SEGMENT = re.compile(r"[0-9 .()+-]+")
DIGIT = re.compile(r"[0-9]")
CHUNK = re.compile(r"[^ ]+")
# 0912/345/679: slashes as separators; dates (01/07/2025) have too few digits to be a number.
SLASHED = re.compile(r"(?<![\w/])(?:\+84|0)[0-9]{1,3}(?:/[0-9]{2,4}){1,3}(?![\w/])")
JOIN = 40  # characters of each line looked at for a number cut by a line break
BLOCK_STARTS = "-*+#>|"  # a line starting so begins a list item, heading, quote or table row
NUMBERED_ITEM = re.compile(r"\d{1,3}[.)][ \t]")  # "3. " begins an item of a numbered list
SENTENCE_ENDS = ".!?;"  # a line ending so does not run on into the next
SHORT_CODES = frozenset(f"11{d}" for d in range(10)) - {"110"}
MAX_DIGITS = 15  # the longest number ITU-T E.164 allows
MATCHER_SPAN = 64  # longer segments are lists of figures, not one number
# Nine digits with at most three separators between two (any Vietnamese number has nine or
# more): only then is phonenumbers' matcher asked. Bounded repeats of disjoint classes: linear.
NINE_DIGITS = re.compile(r"\d(?:[ .()+-]{0,3}\d){8}")
EXPECTED = msg("checks.verified-numbers-only")


@dataclass(frozen=True)
class Found:
    offset: int    # line offset in the text
    written: str   # as it is in the file
    plain: str     # as a reader reads it

    @property
    def disguised(self) -> bool:
        return self.written != self.plain and not only_spacing_differs(self.written, self.plain)


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def looks_like_phone(token: str) -> bool:
    """Dialable short codes, toll-free 1800/1900 lines, +country numbers, 0-prefixed numbers.

    A three-digit number counts only when it is a short code (111-119, 113 …), so that
    "110 people" is a count, not a number to call.
    """
    d = digits(token)
    if token.lstrip("(").startswith("+"):
        return len(d) >= 6
    if len(d) == 3:
        return d in SHORT_CODES or is_short_code(d)
    if d.startswith(("1800", "1900")) and len(d) >= 8:
        return True
    return d.startswith("0") and len(d) >= 9


def known_numbers(published_phones: Iterable[Phone]) -> dict[str, str]:
    """The canonical form of every published number -> how content/contacts.yml writes it."""
    return {canonical(text): (phone.written or (phone.display,))[-1]
            for phone in published_phones for text in phone.texts}


def find_numbers(text: str) -> list[Found]:
    """Every phone-like number in `text`, as written and as read: in each line as it is and
    with its markup hidden, and across the break between two lines of a paragraph."""
    lines = text.split("\n")
    found = []
    for offset, line in enumerate(lines):
        found += [Found(offset, line[s:e], plain) for s, e, plain in _in_line(line)]
    for offset in range(len(lines) - 1):
        found += _across(offset, lines[offset], lines[offset + 1])
    return found


def _in_line(line: str) -> list[tuple[int, int, str]]:
    """(start, end, as read) in `line` of each number, read as it is and with markup hidden."""
    finds = []
    for reading in (read(line), *([read(line, markup=True)] if MARKUP.search(line) else [])):
        finds += [(reading.starts[s], reading.ends[e - 1], reading.plain[s:e])
                  for s, e in _spans(reading.plain)]
    chosen: list[tuple[int, int, str]] = []
    for find in sorted(finds, key=lambda f: (f[0], -f[1])):
        if chosen and find[0] < chosen[-1][1]:
            continue  # the longer find that starts first is kept
        chosen.append(find)
    return chosen


def _across(offset: int, first: str, second: str) -> list[Found]:
    """Numbers cut by a line break inside a paragraph, which readers see as one line."""
    tail, head = first.rstrip()[-JOIN:], second.lstrip()[:JOIN]
    if not (_digitish(tail[-6:]) and _digitish(head[:6])) or head[0] in BLOCK_STARTS \
            or NUMBERED_ITEM.match(head) or tail.endswith(tuple(SENTENCE_ENDS)):
        return []
    joined, cut = f"{tail} {head}", len(tail)
    return [Found(offset, f"{joined[s:cut]}\n{joined[cut + 1:e]}", plain)
            for s, e, plain in _in_line(joined) if s < cut < e]


def _digitish(text: str) -> bool:
    return any(c.isdigit() or c in "OoIl" for c in text)


def unknown_numbers(text: str, known: Container[str]) -> list[tuple[int, str]]:
    """(line offset, number as written) for each phone-like number in `text` not published."""
    return [(f.offset, f.written) for f in find_numbers(text) if canonical(f.plain) not in known]


def _spans(plain: str) -> list[tuple[int, int]]:
    """Where numbers are in one plain line; overlapping finds give the longest."""
    if not DIGIT.search(plain):
        return []  # most lines of prose
    spans = [m.span() for m in SLASHED.finditer(plain) if looks_like_phone(m.group())]
    for segment in SEGMENT.finditer(plain):
        if not DIGIT.search(plain, *segment.span()):
            continue  # the spaces between words: no group, no number
        spans += _group_spans(plain, _groups(plain, *segment.span()))
        if NINE_DIGITS.search(segment.group()) and len(segment.group()) <= MATCHER_SPAN:
            spans += _matcher_spans(plain, *segment.span())
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if chosen and start < chosen[-1][1]:
            if end > chosen[-1][1]:
                chosen[-1] = (chosen[-1][0], end)
            continue
        chosen.append((start, end))
    return chosen


@dataclass(frozen=True)
class Group:
    """Digits written together in a segment ("(028)", "3829", "0912.345.679")."""

    start: int
    end: int
    digits: int
    opens: bool   # a number may start here (not glued to a word, a date or a law number)
    closes: bool  # a number may end here


def _groups(plain: str, start: int, end: int) -> list[Group]:
    groups = []
    for chunk in CHUNK.finditer(plain, start, end):
        first, last = chunk.span()
        while first < last and plain[first] not in "+(0123456789":
            first += 1
        while last > first and not (plain[last - 1].isdigit() or (plain[last - 1] == ")"
                                    and "(" in plain[first:last])):
            last -= 1
        digits = sum(c.isdigit() for c in plain[first:last])
        if digits:
            opens = first > start or not _glued_before(plain, start)
            closes = last < end or not _glued_after(plain, end)
            groups.append(Group(first, last, digits, opens, closes))
    return groups


def _glued_before(plain: str, i: int) -> bool:
    return i > 0 and (plain[i - 1].isalnum() or plain[i - 1] in "/,_")


def _glued_after(plain: str, i: int) -> bool:
    after = plain[i:i + 2]
    return bool(after) and (after[0].isalnum() or after[0] in "/_" or
                            (after[0] in ".," and after[1:].isdigit()))


def _group_spans(plain: str, groups: list[Group]) -> list[tuple[int, int]]:
    """The longest phone-like run of groups from each group on."""
    spans, i = [], 0
    while i < len(groups):
        best = _longest(plain, groups, i) if groups[i].opens else None
        if best is None:
            i += 1
            continue
        start, end = groups[i].start, groups[best].end
        bracketed = plain[start] == "(" and plain[end - 1] == ")" and best == i
        spans.append((start + bracketed, end - bracketed))  # (111) is 111
        i = best + 1
    return spans


def _longest(plain: str, groups: list[Group], i: int) -> int | None:
    """The last group of the longest number that starts at groups[i], if any. Linear: a
    number has at most MAX_DIGITS digits, and only +, 0, 1800 or 1900 begin a long one."""
    best = None
    for j in range(i, len(groups)):
        text = plain[groups[i].start:groups[j].end]
        found = digits(text)
        if len(found) > MAX_DIGITS:
            break
        if groups[j].closes and (len(found) != 3 or i == j) and looks_like_phone(text):
            best = j
        if not _may_grow(text, found):
            break
    return best


def _may_grow(text: str, found: str) -> bool:
    """Whether more digits could still make a number: only +…, 0…, 1800 and 1900 are long."""
    return ("+" in text or found.startswith(("0", "1800", "1900"))
            or "1800".startswith(found) or "1900".startswith(found))


def _matcher_spans(plain: str, start: int, end: int) -> list[tuple[int, int]]:
    """phonenumbers' matcher on one segment, with a character of context on each side."""
    first = max(0, start - 1)
    matcher = phonenumbers.PhoneNumberMatcher(plain[first:end + 1], "VN",
                                              leniency=phonenumbers.Leniency.VALID)
    return [(first + m.start, first + m.end) for m in matcher]


@lru_cache(maxsize=1024)
def is_short_code(text: str) -> bool:
    try:
        return parse_phone(text).tel == text
    except PhoneError:
        return False


def problem(file: str, line: int, where: str, token: str) -> Problem:
    return Problem(file, line, where, msg("checks.number-unknown", number=token), EXPECTED)


def number_problems(file: str, line: int, where: str, found: Found,
                    known: dict[str, str]) -> list[Problem]:
    """An unpublished number, or a published one disguised, as the editor must read it."""
    shown = known.get(canonical(found.plain))
    if shown is None and not found.disguised:
        return [problem(file, line, where, found.written)]
    if shown is None:
        return [Problem(file, line, where, msg("checks.number-read-as-unknown",
                                               number=found.written, plain=found.plain),
                        EXPECTED)]
    if found.disguised:
        return [Problem(file, line, where, msg("checks.number-disguised", number=found.written,
                                               plain=found.plain),
                        msg("checks.ordinary-digits", shown=shown))]
    return []
