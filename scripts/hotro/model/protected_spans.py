"""The spans of a Markdown line that number linking leaves alone, found in linear time.

Markdown links and images `[text](target)`, HTML comments, HTML tags and inline code: the same
spans as the regular expression

    !?\\[[^\\]]*\\]\\([^)]*\\)|<!--.*?-->|<[^>]+>|`[^`]*`

whose search took quadratic time on a line of unclosed openers ("[[[[…", "<<<<…"): here each
closing string is looked for once per position it can be found at, and remembered.
"""

from __future__ import annotations

import re

OPENER = re.compile(r"!?\[|<!--|<|`")


class _Finder:
    """str.find, remembering the last answer for each closing string."""

    def __init__(self, line: str):
        self.line = line
        self.known: dict[str, tuple[int, int]] = {}  # closing -> (searched from, found at)

    def find(self, closing: str, start: int) -> int:
        searched, found = self.known.get(closing, (-1, -1))
        if searched != -1 and searched <= start and (found == -1 or found >= start):
            return found
        found = self.line.find(closing, start)
        self.known[closing] = (start, found)
        return found


def protected_spans(line: str) -> list[tuple[int, int]]:
    spans, pos, finder = [], 0, _Finder(line)
    while (match := OPENER.search(line, pos)) is not None:
        end = _close(line, match, finder)
        if end is None:
            pos = match.start() + 1
            continue
        spans.append((match.start(), end))
        pos = end
    return spans


def _close(line: str, match: re.Match, finder: _Finder) -> int | None:
    """Where the span opened by `match` ends, or None when it is not closed."""
    opener, after = match.group(), match.end()
    if opener == "`":
        end = finder.find("`", after)
        return None if end == -1 else end + 1
    if opener.endswith("["):
        close = finder.find("]", after)
        if close == -1 or line[close + 1:close + 2] != "(":
            return None
        end = finder.find(")", close + 2)
        return None if end == -1 else end + 1
    if opener == "<!--" and (end := finder.find("-->", after)) != -1:
        return end + 3
    end = finder.find(">", match.start() + 1)
    return None if end <= match.start() + 1 else end + 1
