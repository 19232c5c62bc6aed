"""Phone numbers as a reader reads them: hidden characters gone, look-alike characters plain.

A number can be written so that a search for ASCII digits misses it while a reader still sees
(and dials) it: fullwidth digits (U+FF10…FF19), zero-width characters between digits, no-break or
thin spaces, the letter O for zero or l/I for one. `read(text)` gives the text as the reader
reads it (`plain`), with, for each plain character, the position it came from, so a message can
quote the number exactly as it is written in the file.

Every regular expression here is a single character class with one quantifier: linear time.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

# Zero-width spaces and joiners, word joiner, byte-order mark, bidi controls, soft hyphen
# (all "Cf"), and combining marks written over a digit ("Mn", "Me"): never seen as characters.
HIDDEN = frozenset({"Cf", "Mn", "Me"})
LOOKALIKE = {"O": "0", "o": "0", "I": "1", "l": "1"}
RUN = re.compile(r"[0-9OoIl]+")
SEPARATORS = " .-"


# An HTML character reference, which Markdown shows as its character: &#48; is 0.
ENTITY = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});")


@dataclass(frozen=True)
class Reading:
    text: str              # as written in the file
    plain: str             # as a reader reads it
    starts: Sequence[int]  # plain[i] comes from text[starts[i]:ends[i]]
    ends: Sequence[int]

    def written(self, start: int, end: int) -> str:
        """The original text of plain[start:end]."""
        return self.text[self.starts[start]:self.ends[end - 1]]


def read(text: str) -> Reading:
    """`text` as a reader reads it; lines stay lines."""
    if text.isascii() and "&" not in text:
        plain = _plain_letters(text.replace("\t", " "))
        return Reading(text, plain, range(len(text)), range(1, len(text) + 1))
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for start, end in _pieces(text):
        piece = text[start:end]
        plain = piece if len(piece) == 1 and piece.isascii() and piece != "\t" else \
            "".join(_plain_char(c) for c in html.unescape(piece))
        parts.append(plain)
        starts.extend([start] * len(plain))
        ends.extend([end] * len(plain))
    return Reading(text, _plain_letters("".join(parts)), starts, ends)


def _pieces(text: str) -> Iterator[tuple[int, int]]:
    """Each character, or each character reference as one piece."""
    position = 0
    for match in ENTITY.finditer(text) if "&" in text else ():
        yield from ((i, i + 1) for i in range(position, match.start()))
        yield match.span()
        position = match.end()
    yield from ((i, i + 1) for i in range(position, len(text)))


@lru_cache(maxsize=4096)
def _plain_char(char: str) -> str:
    """NFKC, hidden characters dropped, any script's digits as 0-9, spaces and dashes plain."""
    out = []
    for c in unicodedata.normalize("NFKC", char):
        category = unicodedata.category(c)
        digit = unicodedata.decimal(c, None)
        if category in HIDDEN:
            continue
        if digit is not None:
            out.append(str(digit))
        elif c == "\n":
            out.append(c)
        elif c.isspace() or category == "Zs":
            out.append(" ")
        elif category == "Pd" or c == "\u2212":
            out.append("-")
        else:
            out.append(c)
    return "".join(out)


def _plain_letters(plain: str) -> str:
    """O/o as 0 and l/I as 1 in runs that are part of a number, never inside a word."""
    if not any(c in LOOKALIKE for c in plain):
        return plain
    chars = list(plain)
    for match in RUN.finditer(plain):
        start, end = match.span()
        if _in_number(plain, start, end):
            chars[start:end] = [LOOKALIKE.get(c, c) for c in chars[start:end]]
    return "".join(chars)


def _in_number(plain: str, start: int, end: int) -> bool:
    run = plain[start:end]
    if run.isdigit() or _letter_at(plain, start - 1) or _letter_at(plain, end):
        return False  # nothing to change, or part of a word (Olympic, IOM, QH15)
    if any(c.isdigit() for c in run):
        return True   # 0912 345 67O, O9I2
    before, after = _digit_across(plain, start - 1, -1), _digit_across(plain, end, 1)
    return (before or after) if len(run) > 1 else (before and after)


def _letter_at(plain: str, i: int) -> bool:
    return 0 <= i < len(plain) and plain[i].isalpha()


def _digit_across(plain: str, i: int, step: int) -> bool:
    """A digit just beyond one separator at plain[i] (0912 OOO: the O run follows a number)."""
    j = i + step
    return 0 <= i < len(plain) and plain[i] in SEPARATORS and 0 <= j < len(plain) \
        and plain[j].isdigit()


def canonical(number: str) -> str:
    """One form for every way of writing a number: 0981848484 for +84 981 84 84 84 and
    0981 848 484, 111 for 111, +85523726274 for another country's +855 23 726 274."""
    plain = read(number).plain
    digits = "".join(c for c in plain if c.isdigit())
    if not (plain.lstrip(" (").startswith("+") or digits.startswith("00")):
        return digits
    digits = digits.removeprefix("00")
    if digits.startswith("84"):
        return "0" + digits[2:].removeprefix("0")  # +84 (0)28 … is 028 …
    return "+" + digits


def only_spacing_differs(written: str, plain: str) -> bool:
    """True when `written` is `plain` with no-break or thin spaces: typography, not disguise."""
    spaced = html.unescape(written) if "&" in written else written  # &nbsp;
    return "".join(" " if unicodedata.category(c) == "Zs" else c for c in spaced) == plain
