"""Every tel: (sms:, callto:, zalo.me/, wa.me/) link in a page reaches a published number.

`[Gọi 111](tel:%30912345679)` reads as a call to 111 but dials 0912345679. Targets are read
as the browser reads them (HTML entities and percent escapes decoded); a target must be a
plain number (digits, spaces, + ( ) . -) of a verified contact, and a number in the link's text
must be the number the link dials. Linear time: each scheme is found once, the text of a link
is looked for in a bounded window, and the search goes on after each target.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import unquote

from hotro.checks.number_check import find_numbers
from hotro.model.messages import msg
from hotro.model.number_text import canonical, read
from hotro.model.problems import Problem

SCHEME = re.compile(r"\b(tel|sms|callto):", re.I)
# Chat links named by a phone number: zalo.me/0912345678, wa.me/84912345678.
CHAT = re.compile(r"\b(?:zalo\.me|wa\.me)/(\+?[0-9]{9,15})(?![0-9A-Za-z])", re.I)
TARGET = re.compile(r"[^\s\"'<>)\]]*")
PLAIN_NUMBER = re.compile(r"\+?[0-9 ().-]{1,40}")
WINDOW = 300  # how far a link's text is looked for, in characters
EXPECTED_TARGET = msg("checks.tel-target")
EXPECTED_TEXT = msg("checks.tel-text")


@dataclass(frozen=True)
class TelLink:
    offset: int         # line offset in the text
    link: str           # scheme and target as written (entities decoded)
    dialled: str        # what the phone dials: the target percent-decoded
    text: str | None    # the link's text, when the link has one beside it


def find_links(text: str) -> list[TelLink]:
    links = []
    for offset, line in enumerate(text.split("\n")):
        line = html.unescape(line) if "&" in line else line
        # a browser drops tabs and line breaks inside an address: t&#9;el: is tel:
        line = line.replace("\t", "").replace("\r", "").replace("\n", "")
        pos = 0
        while (match := SCHEME.search(line, pos)) is not None:
            start, end = match.end(), _target_end(line, match)
            target = line[start:end]
            links.append(TelLink(offset, match.group(0) + target, unquote(target),
                                 _link_text(line, match.start(), end)))
            pos = max(end, start)
        links += [_chat_link(offset, line, match) for match in CHAT.finditer(line)]
    return links


def _chat_link(offset: int, line: str, match: re.Match) -> TelLink:
    """A chat link reaches the number in its address; wa.me's has no + (84912345678)."""
    number = match.group(1)
    if not number.startswith(("+", "0")):
        number = "+" + number
    return TelLink(offset, match.group(0), number, _link_text(line, match.start(), match.end()))


def _target_end(line: str, match: re.Match) -> int:
    quote = line[match.start() - 1] if match.start() else ""
    if quote in ("'", '"'):
        end = line.find(quote, match.end())
        return len(line) if end == -1 else end
    return TARGET.match(line, match.end()).end()


def _link_text(line: str, start: int, end: int) -> str | None:
    """[text](tel:…) or <a href="tel:…">text</a>: the text, else None."""
    i = start
    while i > 0 and start - i < 3 and line[i - 1] in " <":
        i -= 1
    if line[max(0, i - 2):i] == "](":
        opening = line.rfind("[", max(0, i - 2 - WINDOW), i - 2)
        return line[opening + 1:i - 2] if opening != -1 else None
    tag_end = line.find(">", end, end + WINDOW)
    closing = line.find("</", tag_end, tag_end + WINDOW) if tag_end != -1 else -1
    if closing == -1:
        return None
    return re.sub(r"<[^<>]{0,300}>", "", line[tag_end + 1:closing])


def link_problems(file: str, line: int, where: str, link: TelLink,
                  known: dict[str, str]) -> list[Problem]:
    dialled = canonical(link.dialled)
    if PLAIN_NUMBER.fullmatch(link.dialled) is None or dialled not in known:
        return [Problem(file, line, where, msg("checks.link-dials-unknown", link=link.link,
                                               dialled=link.dialled), EXPECTED_TARGET)]
    shown = _numbers_in(link.text or "")
    return [Problem(file, line, where, msg("checks.link-text-differs", text=link.text,
                                           number=number, dialled=link.dialled), EXPECTED_TEXT)
            for number, plain in shown if canonical(plain) != dialled]


def _numbers_in(text: str) -> list[tuple[str, str]]:
    """(as written, as read) for each number in a link's text, or the text when it is one."""
    found = [(f.written, f.plain) for f in find_numbers(text)]
    plain = read(text).plain.strip()
    if not found and PLAIN_NUMBER.fullmatch(plain) and any(c.isdigit() for c in plain):
        found.append((text, plain))
    return found
