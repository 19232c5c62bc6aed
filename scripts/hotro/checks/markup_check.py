"""The content check of a page's HTML and attribute lists: the same allowlist as the sanitiser.

`make check` names the file, the line and the element or attribute that is not allowed, so the
editor knows what to remove; the sanitiser (html_sanitize.py) would drop it from the built page
anyway. Raw HTML is read with the linear tokenizer, attribute lists (`{: #id .class key=value }`,
from the attr_list extension) with a pattern that cannot cross a brace; both in linear time.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from html import unescape

from hotro.model.html_tokens import tokens
from hotro.model.messages import Message, msg
from hotro.model.pages import PageSource
from hotro.model.problems import Problem
from hotro.render.html_sanitize import Refusal, attribute_problem, element_problem, url_problem

NEWLINE = re.compile("\n")
ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*)\}")
# Items start after a space only: tried inside a long word, [^\s=]* would rescan the rest of it
# from every position (quadratic: 1.2 s for 10 KB of "<script", minutes for a 200 KB line).
ATTR_ITEM = re.compile(r"""(?<!\S)([^\s=#.][^\s=]*+)=("[^"\n]*"|'[^'\n]*'|[^\s"']\S*)"""
                       r"""|(?<!\S)([#.])(\S+)""")
# a Markdown link or image target: ](address) or [label]: address
LINK_TARGET = re.compile(r"\]\([ \t]*<?([^)\s>]*)|^ {0,3}\[([^\]\n]{1,999})\]:[ \t]*<?([^\s>]+)",
                         re.M)
IMAGE_REFERENCE = re.compile(r"!\[([^[\]\n]{0,999})\] ?\[([^[\]\n]{0,999})\]")
LOOK_BACK = 1000  # how far back the [ of an image's ![alt] is looked for
MD_IN_HTML = "markdown"  # md_in_html's switch: it never reaches the built page
ATTR_LIST_WHERE = "{:}"
IMAGE_HINT = msg("checks.image-hint")
SAFE_HINT = msg("checks.safe-markdown")
# What the editor reads for each kind of refusal of the sanitiser (html_sanitize.Refusal).
REFUSED = {"attribute": "checks.attribute-not-allowed", "id": "checks.id-not-allowed",
           "class": "checks.class-not-allowed", "scheme": "checks.scheme-not-allowed",
           "image": "checks.image-not-allowed", "element": "checks.element-not-allowed"}


def markup_problems(page: PageSource, skip_lines: set[int] | frozenset[int] = frozenset()
                    ) -> list[Problem]:
    """Each element, attribute and address in the page's text that the allowlist refuses; lines
    in `skip_lines` already have a problem of their own."""
    findings = list(_findings(page.body))
    if not findings:
        return []  # most pages: no need to know where the lines start
    starts = [match.start() for match in NEWLINE.finditer(page.body)]

    def line_of(offset: int) -> int:
        return page.body_line + bisect_right(starts, offset - 1)

    found = {Problem(page.shown_as, line_of(offset), where, what,
                     IMAGE_HINT if what.id == REFUSED["image"] else SAFE_HINT)
             for offset, where, what in findings}
    return sorted(p for p in found if p.line not in skip_lines)


def refused(refusal: Refusal) -> Message:
    """A refusal of the sanitiser as the editor reads it: "the attribute onclick is not …"."""
    kind, value = refusal
    return msg(REFUSED[kind]) if kind in ("image", "element") else msg(REFUSED[kind], value=value)


def _findings(body: str) -> Iterator[tuple[int, str, Message]]:
    """(offset, where, problem) for everything refused, in no particular order."""
    yield from _html_findings(body)
    yield from _attr_list_findings(body)
    yield from _link_findings(body)


def _html_findings(body: str) -> Iterator[tuple[int, str, Message]]:
    for token in tokens(body, look_inside=True):
        if token.kind != "start" or body.endswith("](", 0, token.start):
            continue  # [text](<address>) is a link, read by _link_findings
        where = f"<{token.name}>"
        problem = element_problem(token.name)
        if problem:
            yield token.start, where, refused(problem)
            continue
        for name, value in token.attrs:
            problem = None if name == MD_IN_HTML else attribute_problem(token.name, name, value)
            if problem:
                yield token.start, where, refused(problem)


def _attr_list_findings(body: str) -> Iterator[tuple[int, str, Message]]:
    for match in ATTR_LIST.finditer(body):
        for item in ATTR_ITEM.finditer(match.group(1)):
            name, value, mark, word = item.groups()
            if mark:
                name, value = ("id" if mark == "#" else "class"), word
            else:
                value = value.strip("\"'")
            problem = attribute_problem("", name.lower(), value)
            if problem:
                yield match.start(), ATTR_LIST_WHERE, refused(problem)


def _link_findings(body: str) -> Iterator[tuple[int, str, Message]]:
    """Markdown links and images: the same rules as href and src."""
    images = {(ref or alt).strip().lower() for alt, ref in IMAGE_REFERENCE.findall(body)}
    for match in LINK_TARGET.finditer(body):
        inline, label, reference = match.groups()
        if inline is not None:
            bracket = body.rfind("[", max(0, match.start() - LOOK_BACK), match.start())
            is_image = bracket > 0 and body[bracket - 1] == "!"
        else:
            is_image = label.strip().lower() in images
        target = inline if inline is not None else reference
        problem = url_problem("src" if is_image else "href", unescape(target))
        if problem:
            yield match.start(), "<img>" if is_image else "<a>", refused(problem)
