"""The address rules of the site, in one place: language prefixes and page addresses.

The default language (Vietnamese) is at the site's root, every other language under /<lang>/;
a page `docs/a/b.vi.md` is built as the folder `a/b/` (MkDocs' directory URLs).
"""

from __future__ import annotations

import posixpath

from hotro.model.pages import DEFAULT_LANG


def prefix(lang: str) -> str:
    """The path a language's pages sit under: '' for the default language, 'en/' for English."""
    return "" if lang == DEFAULT_LANG else f"{lang}/"


def home(site_url: str, lang: str) -> str:
    """The address of a language's home page on a site that lives at site_url."""
    return site_url + prefix(lang)


def page_url(src: str) -> str:
    """The directory URL MkDocs gives a page: 'chinh-sach/x.vi.md' -> 'chinh-sach/x/'."""
    stem = src.rsplit(".", 2)[0]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def page_address(site_url: str, lang: str, src: str) -> str:
    """The full address of the page built from `src` in `lang`."""
    return site_url.rstrip("/") + "/" + prefix(lang) + page_url(src)


def relative_href(from_src: str, to_src: str) -> str:
    """A link from one page to another, relative, so it works under /, /en/ and any sub-path."""
    here = page_url(from_src) or "."
    there = page_url(to_src) or "."
    rel = posixpath.relpath(there, here)
    return "./" if rel == "." else rel + "/"
