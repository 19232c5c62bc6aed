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
DIGIT = re.compile(r"[0-9]")
NEAR_DIGIT = re.compile(r"[0-9][ .-]?[OoIl]|[OoIl][ .-]?[0-9]")
SEPARATORS = " .-"


# An HTML character reference, which Markdown shows as its character: &#48; is 0.
ENTITY = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});")
TAG_OR_ENTITY = re.compile(r"<!--|</?[A-Za-z][^<>]{0,300}>|" + ENTITY.pattern)
MARKUP = re.compile(r"[<*_~`\\]")
MARKDOWN_MARKS = frozenset("*_~`\\")


@dataclass(frozen=True)
class Reading:
    text: str              # as written in the file
    plain: str             # as a reader reads it
    starts: Sequence[int]  # plain[i] comes from text[starts[i]:ends[i]]
    ends: Sequence[int]

    def written(self, start: int, end: int) -> str:
        """The original text of plain[start:end]."""
        return self.text[self.starts[start]:self.ends[end - 1]]


def read(text: str, markup: bool = False) -> Reading:
    """`text` as a reader reads it; lines stay lines. With `markup`, what Markdown and HTML
    hide is hidden too: tags, comments and * _ ~ ` \\ (0912 **345** 679 reads 0912 345 679)."""
    if not (markup and MARKUP.search(text)) and _reads_as_itself(text):  # most lines
        return Reading(text, _plain_letters(text), range(len(text)), range(1, len(text) + 1))
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for start, end in _pieces(text, markup):
        piece = text[start:end]
        if markup and ((len(piece) > 1 and piece[0] == "<") or piece in MARKDOWN_MARKS):
            continue  # shown as nothing
        plain = piece if len(piece) == 1 and piece.isascii() and piece != "\t" else \
            "".join(_plain_char(c) for c in html.unescape(piece))
        parts.append(plain)
        starts.extend([start] * len(plain))
        ends.extend([end] * len(plain))
    return Reading(text, _plain_letters("".join(parts)), starts, ends)


def _pieces(text: str, markup: bool) -> Iterator[tuple[int, int]]:
    """Each character, or each character reference (and with `markup`, each tag or comment)
    as one piece. An unclosed comment is looked for once: linear time."""
    position, pattern, comments = 0, TAG_OR_ENTITY if markup else ENTITY, True
    while (match := pattern.search(text, position)) is not None:
        start, end = match.span()
        if match.group() == "<!--":
            close = text.find("-->", end) if comments else -1
            comments = close != -1
            end = close + 3 if comments else end
        yield from ((i, i + 1) for i in range(position, start))
        if match.group() == "<!--" and not comments:
            yield from ((i, i + 1) for i in range(start, end))
        else:
            yield start, end
        position = end
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
        elif c in "\u00b7\u2022\u2027\u30fb\u2219":  # middle dots and bullets between digits
            out.append(".")
        else:
            out.append(c)
    return "".join(out)


# Characters that read as themselves (ASCII but tab and &, Vietnamese letters …), as found.
SAME = {chr(c) for c in range(32, 127)} - {"&"}  # & only when not a character reference


def _reads_as_itself(text: str) -> bool:
    if SAME.issuperset(text):
        return True
    if "&" in text and ENTITY.search(text):
        return False
    new = set(text) - SAME - {"&"}
    if any(_plain_char(c) != c for c in new):
        return False
    SAME.update(new)
    return True


def _plain_letters(plain: str) -> str:
    """O/o as 0 and l/I as 1 in runs that are part of a number, never inside a word.

    A run of digits and look-alike letters with a digit in it (67O, O9I2) is read as digits;
    so is a run of look-alike letters only, one separator away from such a run (0912 345 OOO:
    two letters or more, or one with digits on both sides). Each character is looked at a
    bounded number of times: linear time.
    """
    if NEAR_DIGIT.search(plain) is None:
        return plain  # a look-alike letter counts only beside a digit
    chars: list[str] | None = None
    done = 0
    for match in DIGIT.finditer(plain):
        if match.start() < done:
            continue
        start, end = _back(plain, match.start(), done), RUN.match(plain, match.start()).end()
        done = end
        if _letter_at(plain, start - 1) or _letter_at(plain, end):
            continue  # part of a word: QH15, H12, 2FA
        for span in ((start, end), *_lone_neighbours(plain, start, end)):
            if any(plain[i] in LOOKALIKE for i in range(*span)):
                chars = chars or list(plain)
                chars[span[0]:span[1]] = [LOOKALIKE.get(c, c) for c in plain[span[0]:span[1]]]
    return plain if chars is None else "".join(chars)


def _back(plain: str, i: int, floor: int) -> int:
    """Where the run of look-alike letters that ends at plain[i] starts."""
    while i > floor and plain[i - 1] in LOOKALIKE:
        i -= 1
    return i


def _lone_neighbours(plain: str, start: int, end: int) -> list[tuple[int, int]]:
    """Runs of look-alike letters alone, one separator before or after plain[start:end]."""
    spans = []
    if end + 1 < len(plain) and plain[end] in SEPARATORS:
        after = RUN.match(plain, end + 1)
        if after and not DIGIT.search(after.group()):
            spans.append(after.span())
    if start >= 2 and plain[start - 1] in SEPARATORS and plain[start - 2] in LOOKALIKE:
        spans.append((_back(plain, start - 2, 0), start - 1))
    return [(s, e) for s, e in spans if not (_letter_at(plain, s - 1) or _letter_at(plain, e))
            and (e - s > 1 or (_digit_across(plain, s - 1, -1) and _digit_across(plain, e, 1)))]


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
    if digits.startswith("84") and len(digits) >= 11:
        return "0" + digits[2:].removeprefix("0")  # 84 981 848 484: no national number is so long
    if not (plain.lstrip(" (").startswith("+") or digits.startswith("00")):
        return digits
    digits = digits.removeprefix("00")
    if digits.startswith("84"):
        return "0" + digits[2:].removeprefix("0")  # +84 (0)28 … is 028 …
    return "+" + digits


def only_spacing_differs(written: str, plain: str) -> bool:
    """True when `written` is `plain` with no-break or thin spaces or a line break inside a
    paragraph: typography, not disguise."""
    spaced = ENTITY.sub(lambda m: " " if html.unescape(m[0]).isspace() else m[0], written)
    return "".join(" " if c.isspace() or unicodedata.category(c) == "Zs" else c
                   for c in spaced) == plain
