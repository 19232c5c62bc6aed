"""Our own search index: one small file per language, fetched only when a reader searches.

Material's search downloads one index of both languages on every first page view and cannot
match Vietnamese typed without diacritics. Here each language gets `search.json` at its root
(plain text per page); the search page's script folds diacritics on both sides, so "nan nhan"
finds "nạn nhân" and "duong day nong" finds "đường dây nóng".
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from hotro.model import urls
from hotro.model.pages import DEFAULT_LANG

# Linear on any page (bench_regex.py): a script ends at its </script> or the next <script.
TAGS = re.compile(r"<(script|style)\b[^<]*(?:<(?!/?\1\b)[^<]*)*</\1>|<[^<>]+>", re.I)
SPACE = re.compile(r"\s+")
FILE_NAME = "search.json"


def fold(text: str) -> str:
    """Lower case without diacritics: the form both queries and pages are compared in."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower()


def plain_text(page_html: str) -> str:
    return SPACE.sub(" ", html.unescape(TAGS.sub(" ", page_html))).strip()


@dataclass
class SearchIndex:
    """Pages collected during the build, per language, written once at the end."""

    pages: dict[str, dict[str, dict]] = field(default_factory=dict)

    def add(self, lang: str, url: str, title: str, page_html: str) -> None:
        # keyed by URL: `mkdocs serve` rebuilds replace a page's entry
        entries = self.pages.setdefault(lang, {})
        entries[url] = {"url": url, "title": title, "text": plain_text(page_html)}

    def write(self, site_dir: Path, default_lang: str = DEFAULT_LANG) -> None:
        """Each language's index at its root, as hotro.model.urls places it (`default_lang`
        is no longer needed: the address rules say which language is at the site's root)."""
        for lang, entries in self.pages.items():
            root = site_dir / urls.prefix(lang)
            root.mkdir(parents=True, exist_ok=True)
            data = {"lang": lang, "pages": [entries[url] for url in sorted(entries)]}
            (root / FILE_NAME).write_text(json.dumps(data, ensure_ascii=False,
                                                     separators=(",", ":")), encoding="utf-8")
