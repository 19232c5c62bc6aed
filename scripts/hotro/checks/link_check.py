"""Links between pages, checked from the Markdown before anything is built (`make check`).

Each page's links to other pages (and to headings on them) must lead somewhere in both
languages. The messages are the ones the build gives for the same mistakes, so an editor sees
one wording whichever command found it; where a link leads and whether an anchor is there
are decided by site_check.py's rules, the one link authority.
"""

from __future__ import annotations

import re

import markdown

from hotro.checks.site_check import SCHEME, anchor_missing, local_target, parse_html
from hotro.checks.source_map import EXPECTED_LINK, line_of
from hotro.load.editions import view
from hotro.model.messages import Message, msg
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
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc"]


def check_links(content: Content) -> list[Problem]:
    """Every broken page link or heading link, as `file:line: link …` problems."""
    problems = []
    for page in sorted(content.pages.values(), key=lambda p: p.src):
        for link in LINK.findall(CODE.sub("", page.body)):
            problem = _check(content, page, link)
            if problem:
                problems.append(Problem(page.shown_as, line_of(page, link), "",
                                        msg("site.link-why", link=link, why=problem),
                                        EXPECTED_LINK))
    return problems


def _check(content: Content, page: PageSource, link: str) -> Message | None:
    if SCHEME.match(link):
        return None  # tel:, mailto: and web addresses are checked elsewhere
    if link.startswith("/"):
        return msg("site.why-absolute")
    where = local_target(page.src, link)
    if where is None:
        return msg("site.why-relative")
    path, _, fragment = link.partition("#")
    target = page
    if path:
        if not where.endswith(".md"):
            return None if (content.root / "docs" / where).is_file() else (
                msg("site.why-not-found"))
        target = _page(content, where.removesuffix(".md"), page.lang)
        if target is None:
            return msg("site.why-not-found")
    if fragment and anchor_missing(anchors(content, target, page.lang), fragment):
        if not path:
            return msg("site.why-no-anchor-here")
        return msg("site.why-no-anchor", doc=target.src, anchor=f"#{fragment}")
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
