"""Limits on page text that keep Python-Markdown from hanging: checked before any build.

Python-Markdown takes quadratic or worse time on some inputs well under the 1 MB file limit
(measured on 3.x: 2,000 `[` in one paragraph 4.6 s, 80 KB of `<a o` over a minute, 5,000 `*`
a RecursionError, 10 levels of quotes over 1 MB over a minute). Real pages stay far below
these limits (at most 11 `[`, 1 `<`, 28 `*`/`_` in a paragraph, 4 levels of indentation).
"""

from __future__ import annotations

import re

from hotro.model.messages import msg
from hotro.model.pages import PageSource
from hotro.model.problems import Problem

# characters Python-Markdown's inline patterns try to pair, and the most one paragraph may hold
PER_PARAGRAPH = {"[": 100, "<": 200, "`": 200, "*": 1000, "_": 1000}
MAX_DEPTH = 10       # lists and quotes inside each other (indentation of 4 columns per level)
MAX_BRACKETS = 2000  # links and footnotes: 100 in a paragraph, 2,000 in a page
MAX_HEADINGS = 500   # each repeated heading makes the table of contents look at all the others
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
QUOTE = re.compile(r"> ?")  # a quote mark and the space after it: one level, not indentation


def limit_problems(page: PageSource) -> list[Problem]:
    """Paragraphs with too many paired characters, lines nested too deep, too many headings."""
    problems: list[Problem] = []
    line = page.body_line
    start = 0
    for match in [*PARAGRAPH_BREAK.finditer(page.body), None]:
        end = match.start() if match else len(page.body)
        problems += _paragraph(page, page.body[start:end], line)
        if match:
            line += page.body.count("\n", start, match.end())
            start = match.end()
    return problems + _brackets(page) + _depth(page) + _headings(page)


def _brackets(page: PageSource) -> list[Problem]:
    """Each `[` costs about 7 ms at 100 in a paragraph: a page's total is limited too."""
    count = page.body.count("[")
    if count <= MAX_BRACKETS:
        return []
    return [Problem(page.shown_as, 0, "", msg("load.page-characters", count=count, char="'['"),
                    msg("load.page-characters-expected", limit=MAX_BRACKETS))]


def _paragraph(page: PageSource, text: str, line: int) -> list[Problem]:
    problems = []
    line += text[: len(text) - len(text.lstrip("\n"))].count("\n")  # its first line of text
    for char, limit in PER_PARAGRAPH.items():
        count = text.count(char)
        if count > limit:
            problems.append(Problem(page.shown_as, line, "",
                                    msg("load.paragraph-characters", count=count, char=repr(char)),
                                    msg("load.paragraph-characters-expected", limit=limit)))
    return problems


def _depth(page: PageSource) -> list[Problem]:
    for offset, text in enumerate(page.body.split("\n")):
        stripped = text.lstrip(" \t>")
        prefix = text[: len(text) - len(stripped)]
        depth = prefix.count(">") + len(QUOTE.sub("", prefix).expandtabs(4)) // 4
        if depth > MAX_DEPTH:
            return [Problem(page.shown_as, page.body_line + offset, "",
                            msg("load.nested-line", depth=depth),
                            msg("load.nested-line-expected", limit=MAX_DEPTH))]
    return []


def _headings(page: PageSource) -> list[Problem]:
    count = sum(1 for text in page.body.split("\n") if text.startswith("#"))
    if count <= MAX_HEADINGS:
        return []
    return [Problem(page.shown_as, 0, "", msg("load.page-headings", count=count),
                    msg("load.page-headings-expected", limit=MAX_HEADINGS))]
