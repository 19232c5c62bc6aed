"""Links between pages, checked from the Markdown before anything is built (`make check`).

Each page's links to other pages (and to headings on them) must lead somewhere in both
languages. The messages are the ones the build gives for the same mistakes, so an editor sees
one wording whichever command found it.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

import markdown

from hotro.checks.site_check import parse_html
from hotro.checks.source_map import EXPECTED_LINK, line_of
from hotro.load.editions import view
from hotro.model.pages import DEFAULT_LANG, PageSource
from hotro.model.problems import Problem
from hotro.model.records import Content
from hotro.render.render import render_page

# Linear on any input: link text holds brackets one level deep and a `[` deeper (even escaped)
# ends the try, so no stretch of text is read again from each `[` in it; no quantifier gives
# back what it took.
_TEXT = r"(?:[^\[\]\\]|\\[^\[])*+"
LINK = re.compile(rf"!?\[(?:[^\[\]\\]|\\[^\[]|\[{_TEXT}\])*+\]"
                  r"""\(\s*+<?([^()\[\]\s>]++)>?(?:\s++"[^"\n]*+")?\s*+\)""")
CODE = re.compile(r"```.*?```|`[^`\n]*+`", re.S)
SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*+:")
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc"]


def check_links(content: Content) -> list[Problem]:
    """Every broken page link or heading link, as `file:line: link …` problems."""
    problems = []
    for page in sorted(content.pages.values(), key=lambda p: p.src):
        for link in LINK.findall(CODE.sub("", page.body)):
            problem = _check(content, page, link)
            if problem:
                problems.append(Problem(page.shown_as, line_of(page, link), "",
                                        f"link {link!r}: {problem}", EXPECTED_LINK))
    return problems


def _check(content: Content, page: PageSource, link: str) -> str | None:
    if SCHEME.match(link):
        return None  # tel:, mailto: and web addresses are checked elsewhere
    if link.startswith("/"):
        return "this absolute link does not lead to a page of this site"
    path, _, fragment = link.partition("#")
    if not path:
        target = page
    else:
        where = posixpath.normpath(posixpath.join(posixpath.dirname(page.src), unquote(path)))
        if where.startswith(".."):
            return "this unrecognized relative link does not lead to a page of this site"
        if not where.endswith(".md"):
            return None if (content.root / "docs" / where).is_file() else (
                "the target is not found among documentation files")
        target = _page(content, where.removesuffix(".md"), page.lang)
        if target is None:
            return "the target is not found among documentation files"
    if fragment and unquote(fragment) not in anchors(content, target, page.lang):
        if not path:
            return "there is no such anchor on this page"
        return f"the doc {target.src!r} does not contain an anchor '#{fragment}'"
    return None


def _page(content: Content, slug: str, lang: str) -> PageSource | None:
    """The page a link to `slug` opens in `lang` (the Vietnamese one when not translated)."""
    return content.pages.get((slug, lang)) or content.pages.get((slug, DEFAULT_LANG))


_anchors: dict[tuple[int, str, str], frozenset[str]] = {}


def anchors(content: Content, page: PageSource, lang: str) -> frozenset[str]:
    """The ids on the built page: headings, {#id} attributes and the data blocks' own."""
    key = (id(content), page.src, lang)
    if key not in _anchors:
        text = render_page(content, page, lang, page.body, edition=view(content, None))
        html = markdown.Markdown(extensions=EXTENSIONS).convert(text)
        _anchors[key] = frozenset(parse_html(html).ids)
    return _anchors[key]
