"""A linear-time HTML tokenizer: text, start tags (with attributes), end tags and comments.

The standard library's HTMLParser rescans the rest of the input at every `<` it cannot close
(`"<a o"` repeated: 40 KB takes 11 s, 80 KB a minute), so the sanitiser and the content check
use this one. Every position is looked at a bounded number of times: where a tag, quote or
comment is never closed, the rest of the input is one token, and the search for the next `>`
or `-->` is remembered. It follows the HTML tokenizer where it matters for safety (tag and
attribute names lower-cased, entities decoded in values, quoted values may hold `>`); the
sanitiser writes every token out again, escaped, so any other difference only drops markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import unescape

TAG_NAME = re.compile(r"[a-zA-Z][^\t\n\f\r />]*")
SPACE = re.compile(r"[\t\n\f\r /]*")
ATTR_NAME = re.compile(r"[^\t\n\f\r />][^\t\n\f\r /=>]*")
UNQUOTED = re.compile(r"[^\t\n\f\r >]*")
RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "textarea",
                      "title", "plaintext", "noscript"})


@dataclass
class Token:
    kind: str                 # "text", "start", "end", "comment"
    start: int                # offset in the input
    text: str = ""            # text: the decoded text; comment: the raw comment
    name: str = ""            # tag name, lower case
    attrs: list[tuple[str, str | None]] = field(default_factory=list)
    self_closing: bool = False


class _Finder:
    """`str.find` that remembers a failed search, so a missing `>` is looked for once."""

    def __init__(self, text: str):
        self.text = text
        self.cache: dict[str, tuple[int, int]] = {}  # needle -> (searched from, found at)

    def find(self, needle: str, start: int) -> int:
        since, found = self.cache.get(needle, (len(self.text) + 1, -1))
        if since <= start and (found == -1 or found >= start):
            return found
        found = self.text.find(needle, start)
        self.cache[needle] = (start, found)
        return found


def tokens(html: str, *, look_inside: bool = False) -> Iterator[Token]:
    """The tokens of `html` in order. With `look_inside` (the content check), the text of
    comments and of raw-text elements (<script>, <textarea>, ...) is read as markup too, so
    nothing an editor wrote is hidden behind an opening that is never closed."""
    finder, pos, end = _Finder(html), 0, len(html)
    while pos < end:
        lt = html.find("<", pos)
        if lt == -1:
            yield Token("text", pos, unescape(html[pos:]))
            return
        if lt > pos:
            yield Token("text", pos, unescape(html[pos:lt]))
        if look_inside and html.startswith("<!--", lt):
            yield Token("comment", lt, "<!--")
            pos = lt + 4
            continue
        token, pos = _markup(html, lt, finder)
        if token.kind == "start" and token.name in RAW_TEXT and not look_inside:
            yield token
            close = _raw_end(html, pos, token.name)
            if close > pos:
                yield Token("text", pos, html[pos:close])
            pos = close
            continue
        yield token


def _raw_end(html: str, pos: int, name: str) -> int:
    """Where the raw text of <name> ends: at its end tag, or at the end of the input."""
    found = re.compile(rf"</{name}[\t\n\f\r />]", re.I).search(html, pos)
    return found.start() if found else len(html)


def _markup(html: str, lt: int, finder: _Finder) -> tuple[Token, int]:
    """The token that starts at `<` (html[lt]) and the position after it."""
    nxt = html[lt + 1:lt + 2]
    if html.startswith("<!--", lt):
        close = finder.find("-->", lt + 4)
        stop = len(html) if close == -1 else close + 3
        return Token("comment", lt, html[lt:stop]), stop
    if nxt in ("!", "?") or (nxt == "/" and not TAG_NAME.match(html, lt + 2)):
        gt = finder.find(">", lt + 1)
        stop = len(html) if gt == -1 else gt + 1
        return Token("comment", lt, html[lt:stop]), stop
    if nxt == "/":
        name = TAG_NAME.match(html, lt + 2)
        gt = finder.find(">", name.end())
        stop = len(html) if gt == -1 else gt + 1
        return Token("end", lt, name=name.group().lower()), stop
    name = TAG_NAME.match(html, lt + 1)
    if not name:
        return Token("text", lt, "<"), lt + 1
    return _start_tag(html, lt, name, finder)


def _start_tag(html: str, lt: int, name: re.Match, finder: _Finder) -> tuple[Token, int]:
    token = Token("start", lt, name=name.group().lower())
    pos, end = name.end(), len(html)
    while pos < end:
        pos = SPACE.match(html, pos).end()
        if pos >= end:
            break
        if html[pos] == ">":
            token.self_closing = html[pos - 1] == "/"
            return token, pos + 1
        attr = ATTR_NAME.match(html, pos)
        pos = SPACE.match(html, attr.end()).end() if attr else pos + 1
        value: str | None = None
        if pos < end and html[pos] == "=":
            value, pos = _value(html, pos + 1, finder)
        if attr and all(n != attr.group().lower() for n, _ in token.attrs):
            token.attrs.append((attr.group().lower(), value))
    return Token("text", lt, ""), end  # never closed: a browser drops it too


def _value(html: str, pos: int, finder: _Finder) -> tuple[str, int]:
    pos = re.compile(r"[\t\n\f\r ]*").match(html, pos).end()
    quote = html[pos:pos + 1]
    if quote in ('"', "'"):
        close = finder.find(quote, pos + 1)
        if close == -1:
            return unescape(html[pos + 1:]), len(html)
        return unescape(html[pos + 1:close]), close + 1
    raw = UNQUOTED.match(html, pos)
    return unescape(raw.group()), raw.end()
