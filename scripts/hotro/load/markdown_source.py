"""Markdown pages in docs/: front matter, data markers and unsafe HTML, with line numbers."""

from __future__ import annotations

import re
from pathlib import Path

from hotro.load.yaml_source import MAX_PAGE_BYTES, parse_yaml, read_text
from hotro.model.messages import msg
from hotro.model.pages import MARKER, Marker, PageSource, split_name
from hotro.model.problems import ContentError, Problem
from hotro.model.yaml_doc import YamlDoc

# Raw HTML an editor may not write: it could run code or load things from other hosts. Each
# pattern's message id; its first group (the tag or the scheme) is the message's parameter.
UNSAFE_HTML = [
    (re.compile(r"<\s*(script|iframe|object|embed|style|link|meta|base|form)\b", re.I),
     "load.raw-tag", "tag"),
    # [^<>], not [^>]: a failed try stops at the next "<", so a line of "<a o" is linear
    (re.compile(r"<[^<>]*\son[a-z]+\s*=", re.I), "load.event-handler", ""),
    (re.compile(r"\b(javascript|vbscript)\s*:", re.I), "load.script-link", "scheme"),
    (re.compile(r"\b(data):[a-z]+/", re.I), "load.data-address", "scheme"),
]
SAFE_HINT = msg("load.safe-markdown")


def read_page(docs: Path, path: Path) -> PageSource:
    rel = path.relative_to(docs).as_posix()
    shown = f"docs/{rel}"
    parts = split_name(rel)
    if parts is None:
        raise ContentError([Problem(shown, 0, "", msg("load.no-language"),
                                    msg("load.no-language-expected"))])
    text = read_text(path, shown, MAX_PAGE_BYTES)
    front, body, body_line = _split_front_matter(text, shown)
    page = PageSource(rel, parts[0], parts[1], front.data or {}, front, body, body_line)
    if not isinstance(page.meta, dict):
        raise ContentError([Problem(shown, 2, "front matter", msg("load.front-not-group"),
                                    msg("load.front-not-group-expected"))])
    page.markers = _find_markers(body, body_line)
    return page


def _split_front_matter(text: str, shown: str) -> tuple[YamlDoc, str, int]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ContentError([Problem(shown, 1, "front matter", msg("load.no-front-matter"),
                                    msg("load.no-front-matter-expected"))])
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            front = parse_yaml("\n".join(lines[1:i]), shown, line_offset=1)
            return front, "\n".join(lines[i + 1:]), i + 2
    raise ContentError([Problem(shown, 1, "front matter", msg("load.front-not-closed"),
                                msg("load.front-not-closed-expected"))])


def _find_markers(body: str, first_line: int) -> list[Marker]:
    found = []
    for match in MARKER.finditer(body):
        line = first_line + body.count("\n", 0, match.start())
        args = dict(arg.split("=", 1) for arg in match.group(2).split())
        found.append(Marker(match.group(1), args, line, match.group(0)))
    return found


def unsafe_html(page: PageSource) -> list[Problem]:
    problems = []
    for offset, line in enumerate(page.body.split("\n")):
        for pattern, message_id, param in UNSAFE_HTML:
            match = pattern.search(line)
            if match:
                params = {param: match.group(1).lower()} if param else {}
                problems.append(Problem(page.shown_as, page.body_line + offset, "",
                                        msg(message_id, **params), SAFE_HINT))
    return problems
