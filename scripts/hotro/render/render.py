"""Turn validated content into the Markdown and HTML of a page: the entry point of render/.

Pure functions of (content, language, page): no MkDocs objects here, so they are unit-tested
directly. A page's way: its phone numbers become links, each data marker is filled through
the registry (hotro.render.markers), the notices go below its title (hotro.render.page_parts),
and the sources foot comes last.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from hotro.model.pages import MARKER, PageSource
from hotro.model.records import Content
from hotro.render import markers
from hotro.render.page_parts import notices, page_foot
from hotro.render.page_render import (
    PageRender,
    format_date,
    keep_compiled_templates,
    page_renderer,
)
from hotro.render.phone_links import link_numbers

# What callers take from here: the page, the quick exit, and the template helpers
__all__ = ["PageParts", "PageRender", "checklist_boxes", "format_date",
           "keep_compiled_templates", "quick_exit", "render_page", "render_page_parts"]

BLOCK_TOKEN = "<!-- ho-tro-block {nonce} {n} -->"
TASK_ITEM = re.compile(r"^([^\S\n]*[-*] )\[( |x|X)\] ", re.M)  # not \s*: quadratic on blank lines


@dataclass
class PageParts:
    """A page ready for Markdown: its text with each HTML block we add as a short placeholder.

    Python-Markdown would parse our blocks as raw HTML on every page only to copy them through
    unchanged; the plugin puts them in after the conversion instead, with the sources foot.
    """

    markdown: str  # the page's Markdown, with markers and notices as placeholders
    blocks: dict[str, str]  # placeholder -> the HTML it stands for
    foot: str      # the sources foot: HTML that goes after the page's text

    def html(self, converted: str) -> str:
        """The converted Markdown with every block in its place."""
        for token, block in self.blocks.items():
            converted = converted.replace(token, block, 1)
        return converted

    def inlined(self) -> str:
        """The Markdown with the blocks written out in it and the foot at the end."""
        return f"{self.html(self.markdown)}\n\n{self.foot}\n"


def render_page(content: Content, page: PageSource, lang: str, markdown: str,
                site_url: str = "", edition=None) -> str:
    """The page's Markdown with markers filled, its facts box, notices and sources foot."""
    return render_page_parts(content, page, lang, markdown, site_url, edition).inlined()


def render_page_parts(content: Content, page: PageSource, lang: str, markdown: str,
                      site_url: str = "", edition=None) -> PageParts:
    """The page's Markdown with placeholders for the data blocks, facts box and notices; the
    HTML of each; and the sources foot (with its QR code)."""
    renderer = PageRender(content, lang, page, site_url=site_url, edition=edition)
    blocks: dict[str, str] = {}
    nonce = secrets.token_hex(6)  # an editor cannot write a placeholder of their own

    def hold(html: str) -> str:
        token = BLOCK_TOKEN.format(nonce=nonce, n=len(blocks))
        blocks[token] = html
        return token

    def fill(match: re.Match) -> str:
        return "\n" + hold(markers.fill(renderer, match.group(1), match.group(2))) + "\n"

    body = MARKER.sub(fill, checklist_boxes(link_numbers(markdown, renderer.phones)))
    body = _after_title(body, "\n\n".join(hold(part) for part in notices(renderer, lang)))
    return PageParts(body.rstrip(), blocks, page_foot(renderer))


def _after_title(markdown: str, insert: str) -> str:
    """Put `insert` right below the page's first-level heading (or at the top without one)."""
    if not insert:
        return markdown
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join([*lines[: i + 1], "", insert, "", *lines[i + 1:]])
    return f"{insert}\n\n{markdown}"


def quick_exit(content: Content, lang: str, url: str, help_href: str | None) -> str:
    """The quick-exit button and its hint, in the page's language."""
    return page_renderer(content, lang).render("quick-exit.html", url=url, help=help_href)


def checklist_boxes(markdown: str) -> str:
    """`- [ ] item` becomes a list item with a printed box: a checklist to tick on paper,
    with no unlabelled form fields for screen readers."""
    return TASK_ITEM.sub(lambda m: f'{m.group(1)}<span class="checklist-box" aria-hidden="true">'
                         f'{"☑" if m.group(2) != " " else "☐"}</span>', markdown)
