"""The one HTML tokenizer: text, start tags (with attributes), end tags and comments, in linear
time, read the way a browser's tokenizer reads them.

Used by the sanitiser and the content check (`tokens`) and by the checks of the built site
(`tags`: the security scan, the link check). The standard library's HTMLParser rescans the rest
of the input at every `<` it cannot close (`"<a o"` repeated: 40 KB took 11 s), so none of them
uses it. Each regular expression here is matched at a known position, with possessive
quantifiers and alternatives that cannot both match: a page of n characters is read in O(n)
steps; where a tag, quote or comment is never closed, the rest of the input is one token.

    tokens(html)                    every token; a raw-text element's body (script, style,
                                    title …) is one text token; a tag cut off by the end is dropped
    tokens(html, look_inside=True)  the content check: comments and raw-text bodies are read as
                                    markup too, so nothing hides behind an opening never closed
    tags(page)                      the built-site checks: start tags only; a raw-text body is
                                    kept in `text` and also read as markup (inside <svg> a
                                    browser does), and a tag cut off by the end is still reported

A Token's `attrs` are what a browser keeps (the first of each name, entities decoded, None for
an attribute without a value); `written` is every attribute as written (raw values, repeats
kept), for the security scan, which must see more than a browser, never less.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from html import unescape

_COMMENT = r"<!--(?:-?>|(?s:.*?)(?:--!?>|\Z))"  # <!--> and --!> end one too, as in a browser
_BOGUS = r"<[!?/][^>]*+>?"  # <!doctype …>, <?…>, </ not followed by a letter
# A start or end tag as HTML5 tokenizes it: the name, then whitespace or '/' runs and
# attributes (a name, which may begin with '=', and an optional value), up to '>' or the end.
_TAG_NAME = r"[a-zA-Z][^\t\n\f\r />]*+"
_NAME = r"(?:=[^\t\n\f\r />=]*+|[^\t\n\f\r />=]++)"
_VALUE = r"""(?:"[^"]*+"?|'[^']*+'?|[^\t\n\f\r >]*+)"""
ATTRIBUTES = rf"(?:[\t\n\f\r /]++|{_NAME}(?:[\t\n\f\r ]*+=[\t\n\f\r ]*+{_VALUE})?)*+"
COMMENT = re.compile(_COMMENT)
BOGUS = re.compile(_BOGUS)
TAG = re.compile(rf"<(/?+)({_TAG_NAME})({ATTRIBUTES})(>?)")
# From a position, the next start tag: what comes before it (text, comments, end tags, bogus
# comments, a lone '<') is skipped in the same match, each part by the first alternative that
# fits, none given back; where no start tag follows, the match fails at the end of the input.
NEXT_START = re.compile(rf"(?:[^<]++|{_COMMENT}|</{_TAG_NAME}{ATTRIBUTES}>?|{_BOGUS}"
                        rf"|<(?![a-zA-Z]))*+<({_TAG_NAME})({ATTRIBUTES})>?")
ATTR = re.compile(rf"[\t\n\f\r /]*+({_NAME})?(?:[\t\n\f\r ]*+=[\t\n\f\r ]*+"
                  r"""(?:"([^"]*+)"?|'([^']*+)'?|([^\t\n\f\r >]*+)))?""")
# Elements whose text a browser does not read as markup (HTML namespace, scripting on).
RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript",
                      "title", "textarea", "plaintext"})
Attrs = tuple[tuple[str, str], ...]


@dataclass(slots=True)  # not frozen: that makes each of the ~500 tags of a page 3x dearer
class Token:
    kind: str               # "text", "start", "end", "comment"
    start: int              # offset in the input (tags(): after line endings are normalised)
    text: str = ""          # text: decoded; comment: as written; raw-text start tag: its body
    name: str = ""          # tag name, lower case
    attr_text: str = ""     # what follows the name in the tag, as written
    self_closing: bool = False
    inside: str = ""        # tags(): the raw-text element this tag was read in, if any

    @property
    def attrs(self) -> tuple[tuple[str, str | None], ...]:
        """The attributes a browser keeps: the first of each name, entities decoded."""
        return kept_attributes(self.attr_text)

    @property
    def written(self) -> Attrs:
        """Every attribute as written: (lower-case name, raw value, '' when none), in order."""
        return attributes(self.attr_text)


def tokens(html: str, *, look_inside: bool = False) -> Iterator[Token]:
    """The tokens of `html` in order (see the module's docstring)."""
    pos, end = 0, len(html)
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
        token, pos = _markup(html, lt, end)
        yield token
        if token.kind == "start" and token.name in RAW_TEXT and not look_inside:
            close = _raw_end(html, pos, end, token.name)
            if close > pos:
                yield Token("text", pos, html[pos:close])
            pos = close


def _markup(html: str, lt: int, end: int) -> tuple[Token, int]:
    """The token that starts at `<` (html[lt]) and the position after it."""
    if html.startswith("<!--", lt):
        stop = COMMENT.match(html, lt, end).end()
        return Token("comment", lt, html[lt:stop]), stop
    match = TAG.match(html, lt, end)
    if match is None:
        bogus = BOGUS.match(html, lt, end)
        if bogus is None:
            return Token("text", lt, "<"), lt + 1  # a lone '<' is text
        return Token("comment", lt, bogus.group()), bogus.end()
    name = match[2].lower()
    if match[1]:  # an end tag (one cut off by the end still closes what is open)
        return Token("end", lt, name=name), match.end()
    if not match[4]:
        return Token("text", lt, ""), end  # a start tag never closed: a browser drops it too
    return Token("start", lt, name=name, attr_text=match[3],
                 self_closing=match[3].endswith("/")), match.end()


def tags(page: str) -> Iterator[Token]:
    """Every start tag of `page`, in order; raw-text contents are also read as markup."""
    page = page.replace("\r\n", "\n").replace("\r", "\n")
    yield from _tags(page, 0, len(page), "")


def _tags(page: str, pos: int, end: int, inside: str) -> Iterator[Token]:
    """The start tags from `pos` to `end`; inside a raw-text element (`inside`), raw-text
    elements are read as markup (one level only, so each character is read at most twice)."""
    following = NEXT_START.match
    while (match := following(page, pos, end)) is not None:
        pos = match.end()
        start, name = match.start(1) - 1, match[1].lower()
        if not inside and name in RAW_TEXT:
            stop = _raw_end(page, pos, end, name)
            yield Token("start", start, page[pos:stop], name, match[2])
            yield from _tags(page, pos, stop, name)  # what a browser in <svg> would see
            pos = stop
            continue
        yield Token("start", start, "", name, match[2], inside=inside)


def _raw_end(html: str, pos: int, end: int, name: str) -> int:
    """Where the raw text of <name> ends: at its end tag, or at the end of the input."""
    found = _closing(name).search(html, pos, end)
    return found.start() if found else end


@cache
def _closing(name: str) -> re.Pattern:
    return re.compile(rf"</{name}(?=[\t\n\f\r />]|\Z)", re.I)


@lru_cache(maxsize=100_000)
def attributes(text: str) -> Attrs:
    """The attributes in a tag's text after its name (pages repeat the same tags)."""
    return tuple((name, "" if value is None else value) for name, value in _scan(text))


@lru_cache(maxsize=100_000)
def kept_attributes(text: str) -> tuple[tuple[str, str | None], ...]:
    """The attributes a browser keeps of a tag's text: the first of each name, decoded."""
    kept: dict[str, str | None] = {}
    for name, value in _scan(text):
        if name not in kept:
            kept[name] = None if value is None else unescape(value)
    return tuple(kept.items())


def _scan(text: str) -> Iterator[tuple[str, str | None]]:
    """(lower-case name, value as written or None) of every attribute, in order."""
    pos = 0
    while pos < len(text):
        match = ATTR.match(text, pos)
        if match.end() == pos:
            break
        pos = match.end()
        if match[1]:
            yield match[1].lower(), next((v for v in match.groups()[1:] if v is not None), None)
