"""Make every published phone number in a page's text a tap-to-call link.

Editors write "gọi 111" in prose; a reader on a phone must be able to tap it. Only numbers of
published contacts are linked, and never inside links, HTML, code or headings.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup, escape

from hotro.model.number_text import read
from hotro.model.protected_spans import (
    protected_spans,  # left alone: links, HTML, comments, inline code
)


def number_pattern(displays: list[str]) -> re.Pattern | None:
    if not displays:
        return None
    alternatives = "|".join(re.escape(d) for d in sorted(set(displays), key=len, reverse=True))
    # Not part of a longer number, a date (1/7/2025), a document number (53/2024) or a word.
    return re.compile(rf"(?<![\w/.,+-])({alternatives})(?![\w/-]|[.,]\d)")


def link_numbers(markdown: str, tel_by_display: dict[str, str]) -> str:
    pattern = number_pattern(list(tel_by_display))
    if pattern is None:
        return markdown
    out, fenced = [], False
    for line in markdown.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        # most lines hold no number: a number in a piece of a line is one in the whole line
        if fenced or line.lstrip().startswith("#") or not pattern.search(read(line).plain):
            out.append(line)
            continue
        out.append(_link_line(line, pattern, tel_by_display))
    return "\n".join(out)


def _link_line(line: str, pattern: re.Pattern, tel_by_display: dict[str, str]) -> str:
    pieces, last = [], 0
    for start, end in protected_spans(line):
        pieces.append(_link_text(line[last:start], pattern, tel_by_display))
        pieces.append(line[start:end])
        last = end
    pieces.append(_link_text(line[last:], pattern, tel_by_display))
    return "".join(pieces)


def _link_text(text: str, pattern: re.Pattern, tel_by_display: dict[str, str]) -> str:
    return _sub(text, pattern, lambda n: f"[{n}](tel:{tel_by_display[n]})")


def link_numbers_html(text: str, tel_by_display: dict[str, str]) -> Markup:
    """Plain text from YAML, escaped, with its published numbers as tel: links."""
    safe = str(escape(text))
    pattern = number_pattern(list(tel_by_display))
    if pattern is None:
        return Markup(safe)
    return Markup(_sub(safe, pattern, lambda n: f'<a href="tel:{tel_by_display[n]}">{n}</a>'))


def _sub(text: str, pattern: re.Pattern, link: Callable[[str], str]) -> str:
    """Numbers found as a reader reads `text` (number_text.read), linked and shown as their
    contact writes them: 111 followed by a hidden 3 is 1113, never a link to 111; a number
    written with no-break spaces shows as the record writes it."""
    reading = read(text)
    pieces, last = [], 0
    for match in pattern.finditer(reading.plain):
        start, end = reading.starts[match.start(1)], reading.ends[match.end(1) - 1]
        pieces += [text[last:start], link(match.group(1))]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)
