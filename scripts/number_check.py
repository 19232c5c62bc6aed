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
from dataclasses import dataclass

from number_text import canonical, only_spacing_differs, read
from phones import PhoneError, parse_phone
from problems import Problem

# One character class with a bounded quantifier, then fixed lookarounds: linear time.
TOKEN = re.compile(r"(?<![\w/.,+-])(\+?\(?\+?\d[\d .()-]{1,22}\d)(?![\w/-]|[.,]\d)")
SHORT_CODES = frozenset(f"11{d}" for d in range(10)) - {"110"}
# Nine digits with at most three separators between two (any Vietnamese number has nine or
# more): only then is phonenumbers' matcher asked. Bounded repeats of disjoint classes: linear.
NINE_DIGITS = re.compile(r"\d(?:[ .()+-]{0,3}\d){8}")
EXPECTED = ("only numbers of verified contacts in content/contacts.yml; when a number is not "
            "known, tell readers to call 111")


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


def known_numbers(published_phones) -> dict[str, str]:
    """The canonical form of every published number -> how content/contacts.yml writes it."""
    return {canonical(text): (phone.written or (phone.display,))[-1]
            for phone in published_phones for text in phone.texts}


def find_numbers(text: str) -> list[Found]:
    """Every phone-like number in `text`, as written and as read, line by line."""
    found = []
    for offset, line in enumerate(text.split("\n")):
        reading = read(line)
        for start, end in _spans(reading.plain):
            found.append(Found(offset, reading.written(start, end),
                               reading.plain[start:end]))
    return found


def unknown_numbers(text: str, known) -> list[tuple[int, str]]:
    """(line offset, number as written) for each phone-like number in `text` not published."""
    return [(f.offset, f.written) for f in find_numbers(text) if canonical(f.plain) not in known]


def _spans(plain: str) -> list[tuple[int, int]]:
    """Where numbers are in one plain line; overlapping finds give the longest."""
    spans = _token_spans(plain)
    if NINE_DIGITS.search(plain):
        spans += _matcher_spans(plain)
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if chosen and start < chosen[-1][1]:
            if end > chosen[-1][1]:
                chosen[-1] = (chosen[-1][0], end)
            continue
        chosen.append((start, end))
    return chosen


def _token_spans(plain: str) -> list[tuple[int, int]]:
    spans = []
    for match in TOKEN.finditer(plain):
        token = match.group(1)
        parts = token.split()
        if len(parts) > 1 and all(len(p) == 3 and p.isdigit() for p in parts):
            # '113 114' or '111 113' in a list are separate short codes, not one long number
            at = match.start(1)
            for part in parts:
                at = plain.index(part, at)
                if looks_like_phone(part):
                    spans.append((at, at + 3))
                at += 3
        elif (cut := _phone_start(token)) is not None:
            spans.append((match.start(1) + cut, match.end(1)))
    return spans


def _phone_start(token: str) -> int | None:
    """Where the number in `token` starts: 0, or after a count before it ("Bước 5 0912 …")."""
    starts = [0] + [i + 1 for i, c in enumerate(token) if c == " " and token[i + 1] != " "]
    for start in starts:
        part = token[start:]
        if part[0] in "+(0123456789" and looks_like_phone(part):
            return start + (part.startswith("(") and ")" not in part)  # "(111" in "(111)"
    return None


def _matcher_spans(plain: str) -> list[tuple[int, int]]:
    import phonenumbers

    matcher = phonenumbers.PhoneNumberMatcher(plain, "VN", leniency=phonenumbers.Leniency.VALID)
    return [(m.start, m.end) for m in matcher]


def is_short_code(text: str) -> bool:
    try:
        return parse_phone(text).tel == text
    except PhoneError:
        return False


def problem(file: str, line: int, where: str, token: str) -> Problem:
    return Problem(file, line, where, f"the number {token!r} is not in the verified directory",
                   EXPECTED)


def number_problems(file: str, line: int, where: str, found: Found,
                    known: dict[str, str]) -> list[Problem]:
    """An unpublished number, or a published one disguised, as the editor must read it."""
    shown = known.get(canonical(found.plain))
    if shown is None and not found.disguised:
        return [problem(file, line, where, found.written)]
    if shown is None:
        return [Problem(file, line, where, f"the number {found.written!r} (read as "
                        f"{found.plain!r}) is not in the verified directory", EXPECTED)]
    if found.disguised:
        return [Problem(file, line, where, f"the number {found.written!r} is written with "
                        f"hidden or look-alike characters (read as {found.plain!r})",
                        f"ordinary digits, as content/contacts.yml writes it: {shown!r}")]
    return []
