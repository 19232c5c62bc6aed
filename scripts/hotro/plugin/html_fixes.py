"""The two changes to Material's HTML that no template block can make, checked.

What a block of overrides/main.html can change is changed there (the canonical link, the head's
hreflang links). Two changes are left for the built page: the quick-exit button goes first in
<body> (Material's <body> tag has no block after it), and a fallback page's <html lang> names its
text's language (Material's lang comes from the theme's language). Each rewrite raises
HtmlChanged when what it looks for is not there, so a Material upgrade that moves it stops the
build instead of quietly dropping the button or the language.
"""

from __future__ import annotations

from hotro.model.messages import Message, msg


class HtmlChanged(Exception):
    """A rewrite did not find the part of Material's HTML it changes."""

    def __init__(self, part: str, change: Message):
        self.part, self.change = part, change
        super().__init__(str(self.problem()))

    def problem(self) -> Message:
        return msg("plugin.html-changed", part=self.part, change=self.change)


def first_in_body(html: str, snippet: str) -> str:
    """`snippet` first inside <body>, so it comes first in the keyboard order."""
    start = html.find("<body")
    end = html.find(">", start)
    if start < 0 or end < 0:
        raise HtmlChanged("<body>", msg("plugin.change.quick-exit"))
    return html[: end + 1] + "\n" + snippet + html[end + 1:]


def fix_html_lang(html: str, file_lang: str | None, build_lang: str) -> str:
    """A fallback page keeps the build language's lang attribute; use the text's language."""
    if not file_lang or file_lang == build_lang:
        return html
    tag = f'<html lang="{build_lang}"'
    if tag not in html:
        raise HtmlChanged(tag + ">", msg("plugin.change.html-lang"))
    return html.replace(tag, f'<html lang="{file_lang}"', 1)
