"""Fixes for three mkdocs-static-i18n 1.3.1 bugs (research/mkdocs-stack.md §1.3, §1.9, and the
language switch of the 404 page below)."""

from __future__ import annotations

import re
from pathlib import Path


def fix_html_lang(html: str, file_lang: str | None, build_lang: str) -> str:
    """A fallback page keeps the build language's lang attribute; use the text's language."""
    if file_lang and file_lang != build_lang:
        return html.replace(f'<html lang="{build_lang}"', f'<html lang="{file_lang}"', 1)
    return html


def forget_page_alternates(extra) -> None:
    """The plugin gives each page its language switch as an attribute of `config.extra`, not
    as its `alternate` key, and the attribute outlives the page. The next language's 404 page,
    made before that language's pages, got the last page's links (the English 404 page's
    "Tiếng Việt" led to the accessibility page). Without the attribute it gets the homes."""
    getattr(extra, "__dict__", {}).pop("alternate", None)


HEAD_ALTERNATE = re.compile(r'(?<!\s)\n?\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def drop_head_alternates(html: str) -> str:
    """Material's script fetches a sitemap.xml for each <link rel="alternate" hreflang> on every
    page view (18 KB, and 404s under /en/). The sitemap already carries the hreflang pairs."""
    head_end = html.find("</head>")
    return HEAD_ALTERNATE.sub("", html[:head_end]) + html[head_end:]


class Fallback404:
    """The i18n plugin leaves the last language's 404 page at the root; keep each one."""

    def __init__(self, default_lang: str):
        self.default_lang = default_lang
        self.pages: dict[str, str] = {}

    def keep(self, lang: str, html: str) -> None:
        self.pages[lang] = html

    def write(self, site_dir: Path) -> None:
        for lang, html in self.pages.items():
            target = site_dir / ("404.html" if lang == self.default_lang else f"{lang}/404.html")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8")
