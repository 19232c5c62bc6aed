"""What a reader reads of a page's Markdown: code, HTML comments and addresses blanked out.

`blank_unread(body)` returns the body with fenced code blocks, inline code, HTML comments (the
data markers among them), HTML tags and link targets replaced by spaces. Every other character,
and every line break, stays where it was, so a finding in the result keeps its line in the file.
Each pattern is linear: a failed try stops at the next line break or bracket.
"""

from __future__ import annotations

import re

FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
INLINE_CODE = re.compile(r"`[^`\n]*`")
LINK_TARGET = re.compile(r"\]\([^()\n]*\)")   # the (address) after a link's [text]
TAG = re.compile(r"<[^<>\n]*>")
COMMENT_OPEN, COMMENT_CLOSE = "<!--", "-->"


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    parts, pos = [], 0
    for start, end in spans:
        parts += [text[pos:start], re.sub(r"[^\n]", " ", text[start:end])]
        pos = end
    return "".join(parts) + text[pos:]


def _comment_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    while (start := text.find(COMMENT_OPEN, pos)) != -1:
        end = text.find(COMMENT_CLOSE, start + len(COMMENT_OPEN))
        end = len(text) if end == -1 else end + len(COMMENT_CLOSE)
        spans.append((start, end))
        pos = end
    return spans


def _fence_spans(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks (``` or ~~~, also indented inside an admonition), fence lines too."""
    spans, offset, opened = [], 0, None
    for line in text.split("\n"):
        match = FENCE.match(line)
        if opened is None and match:
            opened = (offset, match.group(1)[0])
        elif opened is not None and match and match.group(1)[0] == opened[1]:
            spans.append((opened[0], offset + len(line)))
            opened = None
        offset += len(line) + 1
    if opened is not None:
        spans.append((opened[0], len(text)))
    return spans


def blank_unread(body: str) -> str:
    """The body with everything a reader never reads as words turned into spaces."""
    text = _blank_spans(body, _fence_spans(body))
    text = _blank_spans(text, _comment_spans(text))
    for pattern in (INLINE_CODE, TAG):
        text = _blank_spans(text, [m.span() for m in pattern.finditer(text)])
    return _blank_spans(text, [(m.start() + 1, m.end()) for m in LINK_TARGET.finditer(text)])
