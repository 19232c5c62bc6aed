"""The blocks an edition offers portals to embed, and their addresses.

The data:embeds marker lists them for webmasters; hotro.outputs.embeds writes their pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from hotro.model import urls
from hotro.model.pages import DEFAULT_LANG
from hotro.model.records import Content
from hotro.render.page_render import EditionLike

FOLDER = "embed"
MESSAGE_TYPE = "ho-tro-embed-height"  # what embed.js posts to the host page
HEIGHTS = {"duong-day-nong/": 760, "lien-he/": 560}  # the hotline card shows the rule too
PAGE_HEIGHT = 640


@dataclass(frozen=True)
class Block:
    path: str          # under embed/, e.g. 'duong-day-nong/' or 'trang/bao-tin/'
    title_key: str     # ui.yml key of its name, or '' for a page (its own title)
    slug: str = ""     # the page, for page blocks

    def url(self, edition: EditionLike, lang: str) -> str:
        return f"{edition.site_url}{urls.prefix(lang)}{FOLDER}/{self.path}"


def default_height(block: Block) -> int:
    """The iframe height in the snippet, in pixels, when the auto-height script is not used."""
    return HEIGHTS.get(block.path, PAGE_HEIGHT)


def blocks(content: Content, edition: EditionLike) -> list[Block]:
    """Every block of the edition: the two data blocks, then its embeddable pages."""
    found = [Block("duong-day-nong/", "embed.hotline"), Block("lien-he/", "embed.contacts")]
    for (slug, lang), page in sorted(content.pages.items()):
        if lang == DEFAULT_LANG and page.meta.get("embeddable") and edition.carries(slug):
            found.append(Block(f"trang/{slug}/", "", slug))
    return found
