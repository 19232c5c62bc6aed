"""Embeddable blocks: small standalone pages under embed/ that portals show in an iframe.

Per edition and language: the hotline card, the agency's contacts, and every page marked
`embeddable: true` (the "how to report" page among them) in a bare layout. They work
without JavaScript; embed.js only tells the host page its height, for the optional
auto-height snippet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from hotro.load.editions import EditionView
from hotro.model import paths, urls
from hotro.model.pages import DEFAULT_LANG, LANGS
from hotro.model.records import Content
from hotro.model.urls import page_url
from hotro.render.data_blocks import situations
from hotro.render.embed_blocks import FOLDER, Block, blocks
from hotro.render.page_render import page_renderer

ASSETS = paths.EMBED_ASSETS
HREF = re.compile(r'<a\b(?=[^<>]*>)([^<>]*?)\bhref="([^"<>]*)"([^<>]*)>')  # linear: bench_regex


@dataclass(frozen=True)
class PageBody:
    """A built page's content, kept by the plugin for its embed."""

    title: str
    html: str
    url: str  # site-relative, with the language prefix


def write_embeds(content: Content, edition: EditionView, site: Path, bodies: dict,
                 colours_css: str, langs: tuple[str, ...] = LANGS) -> list[Path]:
    """Write every block in each of `langs` that has pages (the default one always), and with
    the default language the shared embed.css / embed.js."""
    folder = site / FOLDER
    if DEFAULT_LANG in langs:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "embed.css").write_text((ASSETS / "embed.css").read_text(encoding="utf-8")
                                          + colours_css, encoding="utf-8")
        (folder / "embed.js").write_text((ASSETS / "embed.js").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    written = []
    with_pages = {lang for lang, _ in bodies} | {DEFAULT_LANG}
    for lang in sorted(with_pages & set(langs)):
        for block in blocks(content, edition):
            html = render_block(content, edition, block, lang, bodies.get((lang, block.slug)))
            if html is None:
                continue
            out = site / urls.prefix(lang) / FOLDER / block.path / "index.html"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(html, encoding="utf-8")
            written.append(out)
    return written


def render_block(content: Content, edition: EditionView, block: Block, lang: str,
                 body: PageBody | None) -> str | None:
    renderer = page_renderer(content, lang)
    depth = urls.prefix(lang).count("/") + 1 + block.path.count("/")  # down from the site root
    assets = "../" * depth + FOLDER + "/"
    site_home = urls.home(edition.site_url, lang)
    common = {"edition": edition, "assets": assets, "site_home": site_home,
              "site_name": edition.name(lang), "self_url": block.url(edition, lang)}
    if block.slug:
        if body is None:
            return None
        full_url = urljoin(edition.site_url, body.url)
        return renderer.render("embed/page.html", title=body.title, **common,
                               body=_absolute_links(body.html, full_url), page_url=full_url)
    contacts = edition.contacts(content)
    first = [content.contacts[cid] for cid in edition.record["contacts_first"]]
    agency = content.agencies[edition.record["agency"]]
    own = [c for c in contacts if c["agency"] == agency.id]
    template = "embed/hotline.html" if block.path == "duong-day-nong/" else "embed/contacts.html"
    directory = content.directory_page()
    return renderer.render(template, title=renderer.t(block.title_key), **common,
                           first=first, contacts=contacts, agency=agency, own=own,
                           situations=situations(renderer) if content.which_number else [],
                           directory=site_home + page_url(directory.src) if directory else "")


def _absolute_links(html: str, page_url: str) -> str:
    """Links inside a framed page open the full page in a new tab; tel: and #anchors stay."""
    def fix(match: re.Match) -> str:
        before, href, after = match.groups()
        if href.startswith(("#", "tel:", "mailto:")) or "target=" in before + after:
            return match[0]
        full = urljoin(page_url, href)
        if urlsplit(full).scheme not in ("http", "https"):
            return match[0]
        return f'<a{before}href="{full}"{after} target="_blank" rel="noopener">'

    return HREF.sub(fix, html)
