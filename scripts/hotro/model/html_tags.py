"""Read the tags of an HTML page the way a browser's tokenizer does, in linear time.

For the security scan of the built site (site_scan.py): every start tag with its attributes,
including the tags in places where a browser may still see them. Each regular expression here
is matched at a known position and uses possessive quantifiers and alternatives that cannot
both match, so no input makes one backtrack: a page of n characters is read in O(n) steps.

Differences from a browser only ever show more tags, never fewer: the text of raw-text elements
(script, style, title, noscript …) is also read as markup, because inside <svg> or with
scripting off a browser reads some of them as markup; a tag cut off by the end of the page is
still reported; attributes repeated in a tag are all reported (a browser keeps the first).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

COMMENT = re.compile(r"<!--(?:-?>|(?s:.*?)(?:--!?>|\Z))")
BOGUS = re.compile(r"<[!?/][^>]*+>?")  # <!doctype …>, <?…>, </ not followed by a letter
# A start or end tag as HTML5 tokenizes it: the name, then whitespace or '/' runs and
# attributes (a name, which may begin with '=', and an optional value), up to '>' or the end.
_NAME = r"(?:=[^\t\n\f\r />=]*+|[^\t\n\f\r />=]++)"
_VALUE = r"""(?:"[^"]*+"?|'[^']*+'?|[^\t\n\f\r >]*+)"""
ATTRIBUTES = rf"(?:[\t\n\f\r /]++|{_NAME}(?:[\t\n\f\r ]*+=[\t\n\f\r ]*+{_VALUE})?)*+"
TAG = re.compile(rf"<(/?+)([a-zA-Z][^\t\n\f\r />]*+)({ATTRIBUTES})>?")
ATTR = re.compile(rf"[\t\n\f\r /]*+({_NAME})?(?:[\t\n\f\r ]*+=[\t\n\f\r ]*+"
                  r"""(?:"([^"]*+)"?|'([^']*+)'?|([^\t\n\f\r >]*+)))?""")
# Elements whose text a browser does not read as markup (HTML namespace, scripting on).
RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript",
                      "title", "textarea"})
Attrs = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Tag:
    name: str       # lower case
    attrs: Attrs    # (lower-case name, raw value), every one, in order
    start: int      # offset of the '<' in the page (after line endings are normalised)
    text: str = ""  # the raw text of a raw-text element (a script's body …)


def tags(page: str) -> Iterator[Tag]:
    """Every start tag of `page`, in order; raw-text contents are also read as markup."""
    page = page.replace("\r\n", "\n").replace("\r", "\n")
    yield from _tags(page, 0, len(page), raw=True)


def _tags(page: str, pos: int, end: int, raw: bool) -> Iterator[Tag]:
    """The tags from `pos` to `end`; with raw=False, raw-text elements are read as markup
    (one level only, so each character is read at most twice)."""
    while (pos := page.find("<", pos, end)) != -1:
        if page.startswith("<!--", pos, end):
            pos = COMMENT.match(page, pos, end).end()
            continue
        match = TAG.match(page, pos, end)
        if match is None:
            bogus = BOGUS.match(page, pos, end)
            pos = bogus.end() if bogus else pos + 1  # a lone '<' is text
            continue
        start, pos = pos, match.end()
        if match[1]:
            continue  # an end tag: browsers ignore its attributes
        name = match[2].lower()
        if raw and name in RAW_TEXT:
            found = _closing(name).search(page, pos, end)
            stop = found.start() if found else end
            yield Tag(name, attributes(match[3]), start, page[pos:stop])
            yield from _tags(page, pos, stop, raw=False)  # what a browser in <svg> would see
            pos = stop
            continue
        yield Tag(name, attributes(match[3]), start)


@lru_cache(maxsize=100_000)
def attributes(text: str) -> Attrs:
    """The attributes in a tag's text after its name (pages repeat the same tags)."""
    found = []
    pos = 0
    while pos < len(text):
        match = ATTR.match(text, pos)
        if match.end() == pos:
            break
        pos = match.end()
        if match[1]:
            value = next((v for v in match.groups()[1:] if v is not None), "")
            found.append((match[1].lower(), value))
    return tuple(found)


@cache
def _closing(name: str) -> re.Pattern:
    return re.compile(rf"</{name}(?=[\t\n\f\r />]|\Z)", re.I)
