"""Links to pages an edition leaves out: the text stays, the link goes.

MkDocs only logs such links at INFO (so --strict lets them through) and leaves an href that
leads nowhere in this edition. Every link in an edition must stay inside it.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit

from hotro.model import urls
from hotro.model.pages import DEFAULT_LANG
from hotro.model.urls import page_url

# Linear on any page (bench_regex.py): a tag never spans a "<", a link text never holds "<a".
ANCHOR = re.compile(r"<a\b(?P<attrs>[^<>]*)>(?P<text>[^<]*(?:<(?!/?a\b)[^<]*)*)</a>")
HREF = re.compile(r'\bhref="(?P<href>[^"]*)"')


def left_out_urls(slugs, lang: str) -> set[str]:
    """Site-relative URLs ('so-lieu/', 'en/so-lieu/') of the pages left out."""
    prefix = urls.prefix(lang)
    return {prefix + page_url(f"{slug}.{DEFAULT_LANG}.md") for slug in slugs}


def unlink_left_out(html: str, page_url: str, gone: set[str]) -> str:
    """`html` of the page at `page_url` with links into `gone` turned into plain text."""
    if not gone:
        return html

    def replace(match: re.Match) -> str:
        href = HREF.search(match["attrs"])
        if href and _target(page_url, href["href"]) in gone:
            return f'<span class="left-out">{match["text"]}</span>'
        return match[0]

    return ANCHOR.sub(replace, html)


def _target(page_url: str, href: str) -> str | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    joined = posixpath.normpath(posixpath.join("/" + page_url, parts.path)).lstrip("/")
    return joined + "/" if joined and not joined.endswith("/") else joined
