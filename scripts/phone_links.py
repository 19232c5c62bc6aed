"""Make every published phone number in a page's text a tap-to-call link.

Editors write "gọi 111" in prose; a reader on a phone must be able to tap it. Only numbers of
published contacts are linked, and never inside links, HTML, code or headings.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# Spans left alone: Markdown links/images, HTML tags and comments, inline code.
PROTECTED = re.compile(r"!?\[[^\]]*\]\([^)]*\)|<!--.*?-->|<[^>]+>|`[^`]*`")


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
        if fenced or line.lstrip().startswith("#") or not pattern.search(line):
            out.append(line)
            continue
        out.append(_link_line(line, pattern, tel_by_display))
    return "\n".join(out)


def _link_line(line: str, pattern: re.Pattern, tel_by_display: dict[str, str]) -> str:
    pieces, last = [], 0
    for span in PROTECTED.finditer(line):
        pieces.append(_link_text(line[last:span.start()], pattern, tel_by_display))
        pieces.append(span.group(0))
        last = span.end()
    pieces.append(_link_text(line[last:], pattern, tel_by_display))
    return "".join(pieces)


def _link_text(text: str, pattern: re.Pattern, tel_by_display: dict[str, str]) -> str:
    return pattern.sub(lambda m: f"[{m.group(1)}](tel:{tel_by_display[m.group(1)]})", text)


def link_numbers_html(text: str, tel_by_display: dict[str, str]) -> Markup:
    """Plain text from YAML, escaped, with its published numbers as tel: links."""
    safe = str(escape(text))
    pattern = number_pattern(list(tel_by_display))
    if pattern is None:
        return Markup(safe)
    return Markup(pattern.sub(
        lambda m: f'<a href="tel:{tel_by_display[m.group(1)]}">{m.group(1)}</a>', safe))
