"""No page may show a phone number that is not in the verified directory.

A wrong number is worse than none: a number written into a page's text by hand escapes the
checks that contacts.yml gets, so every phone-like number in text must be a published one.
"""

from __future__ import annotations

import re

from phones import PhoneError, parse_phone
from problems import Problem

TOKEN = re.compile(r"(?<![\w/.,+-])(\+?\d[\d .-]{1,16}\d)(?![\w/-]|[.,]\d)")
EXPECTED = ("only numbers of verified contacts in content/contacts.yml; when a number is not "
            "known, tell readers to call 111")


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def looks_like_phone(token: str) -> bool:
    """Dialable short codes, toll-free 1800/1900 lines, +country numbers, 0-prefixed numbers.

    A three-digit number counts only when it is a real short code (113, 111 …), so that
    "110 people" is a count, not a number to call.
    """
    d = digits(token)
    if token.startswith("+"):
        return len(d) >= 6
    if len(d) == 3:
        return is_short_code(d)
    if d.startswith(("1800", "1900")) and len(d) >= 8:
        return True
    return d.startswith("0") and len(d) >= 9


def known_numbers(published_phones) -> set[str]:
    """Digits of every way a published number may be written (0981…, +84981…, 111)."""
    return {digits(text) for phone in published_phones for text in phone.texts}


def unknown_numbers(text: str, known: set[str]) -> list[tuple[int, str]]:
    """(line offset, token) for each phone-like number in `text` that is not published."""
    found = []
    for offset, line in enumerate(text.split("\n")):
        for match in TOKEN.finditer(line):
            token = match.group(1).strip(" .-")
            for part in _split_lists(token):
                if looks_like_phone(part) and digits(part) not in known:
                    found.append((offset, part))
    return found


def _split_lists(token: str) -> list[str]:
    """'113 114' or '111 113' in a list are separate short codes, not one long number."""
    parts = token.split()
    if len(parts) > 1 and all(len(p) == 3 and p.isdigit() for p in parts):
        return parts
    return [token]


def problem(file: str, line: int, where: str, token: str) -> Problem:
    return Problem(file, line, where, f"the number {token!r} is not in the verified directory",
                   EXPECTED)


def is_short_code(text: str) -> bool:
    try:
        return parse_phone(text).tel == text
    except PhoneError:
        return False
