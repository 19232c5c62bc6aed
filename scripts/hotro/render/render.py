"""Turn validated content into the HTML that data markers and page parts are replaced with.

Pure functions of (content, language, page): no MkDocs objects here, so they are unit-tested
directly. Templates live in overrides/partials/data/ and are autoescaped: text from YAML can
never become markup.
"""

from __future__ import annotations

import posixpath
import re
import secrets
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup

from hotro.load.translations import stale_original
from hotro.model import paths, urls
from hotro.model.pages import DEFAULT_LANG, MARKER, PageSource
from hotro.model.problems import ContentError, Problem
from hotro.model.records import Content
from hotro.model.urls import page_address, page_url, relative_href
from hotro.render.html_sanitize import web_address
from hotro.render.jsonld import directory_jsonld
from hotro.render.phone_links import link_numbers, link_numbers_html
from hotro.render.print_qr import qr_svg
from hotro.render.search_index import FILE_NAME as SEARCH_FILE
from hotro.render.template_cache import share_compiled_templates

PARTIALS = paths.PARTIALS
TEMPLATES = [PARTIALS / "data", PARTIALS]
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


@cache
def _environment() -> Environment:
    """One environment for every page, so each template is compiled once per build."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=False)
    env.filters["tel_links"] = _tel_links
    env.filters["web_address"] = web_address  # hrefs from configuration: http(s) only
    return env


def keep_compiled_templates(folder: Path) -> None:
    """Keep the data templates' compiled code in `folder` too, for the next process."""
    share_compiled_templates(_environment(), folder)


@pass_context
def _tel_links(context, text: str) -> str:
    return link_numbers_html(text, context["phones"])


def format_date(iso: str, lang: str) -> str:
    year, month, day = (int(part) for part in iso.split("-"))
    if lang == "vi":
        return f"{day:02d}/{month:02d}/{year}"
    return f"{day} {MONTHS_EN[month - 1]} {year}"


@dataclass
class PageRender:
    """Rendering for one page in one language; collects the sources its data used."""

    content: Content
    lang: str
    page: PageSource
    used_sources: list[str] = field(default_factory=list)
    site_url: str = ""
    edition: object = None  # editions.EditionView: the directory's order, embed snippets


    @cached_property
    def phones(self) -> dict[str, str]:
        """Every way a published number may be written -> what follows tel:."""
        return {text: c.phone.tel for c in self.content.published_contacts() if c.phone
                for text in c.phone.texts}

    def t(self, key: str) -> str:
        entry = self.content.ui.get(key)
        if entry is None:
            raise ContentError([Problem("content/ui.yml", 0, key, "this interface text is missing",
                                        "an entry with vi and en")])
        return self.loc(entry)

    def loc(self, text: dict | str) -> str:
        if isinstance(text, str):
            return text
        return text.get(self.lang) or text[DEFAULT_LANG]

    def date(self, iso: str) -> str:
        return format_date(iso, self.lang)

    def href(self, to_src: str) -> str:
        return relative_href(self.page.src, to_src)

    def _cite(self, ids) -> None:
        for sid in ids:
            if sid not in self.used_sources:
                self.used_sources.append(sid)

    def render(self, template: str, **context) -> str:
        helpers = {"t": self.t, "loc": self.loc, "date": self.date, "href": self.href,
                   "lang": self.lang, "content": self.content, "phones": self.phones}
        html = _environment().get_template(template).render(**helpers, **context)
        return "\n".join(line for line in html.splitlines() if line.strip())

    # Markers

    def contacts(self) -> str:
        shown = (self.edition.contacts(self.content) if self.edition
                 else self.content.published_contacts())
        for contact in shown:
            self._cite(contact["sources"])
        data = directory_jsonld(self.content, shown, self.lang, self.address())
        return self.render("contacts.html", contacts=shown) + "\n" + data

    def call_buttons(self, ids: str) -> str:
        shown = [self.content.contacts[cid] for cid in ids.split(",")]
        for contact in shown:
            self._cite(contact["sources"])
        return self.render("call-buttons.html", contacts=shown)

    def policies(self) -> str:
        """In force first, then replaced, then historical; newest first within each."""
        pages = [self.content.pages.get((p.slug, self.lang), p)
                 for p in self.content.policies().values()]
        rank = {"in_force": 0, "superseded": 1, "historical": 2}
        pages.sort(key=lambda p: p.meta["policy"].get("issued") or "", reverse=True)
        pages.sort(key=lambda p: rank[p.meta["policy"]["status"]])
        return self.render("policies.html", pages=pages)

    def process(self) -> str:
        steps = list(self.content.process.values())
        for step in steps:
            self._cite(step["sources"])
        return self.render("process.html", steps=steps)

    def search(self) -> str:
        root = relative_href(self.page.src, "index.vi.md")
        return self.render("search.html", index=root + SEARCH_FILE, root=root)

    def embeds(self) -> str:
        """For webmasters: each block of this edition, a preview link and the code to paste."""
        from hotro.outputs.embeds import (  # embeds imports this module
            MESSAGE_TYPE,
            blocks,
            default_height,
        )

        shown = []
        for block in blocks(self.content, self.edition):
            page = self.content.pages.get((block.slug, self.lang)) or self.content.pages.get(
                (block.slug, DEFAULT_LANG))
            title = page.title if block.slug else self.t(block.title_key)
            url = block.url(self.edition, self.lang)
            shown.append({"title": title, "url": url, "height": default_height(block),
                          "preview": self.href_url(url)})
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(self.edition.site_url))
        return self.render("embeds.html", blocks=shown, origin=origin, message=MESSAGE_TYPE,
                           portals=self.edition.record.get("embed_portals") or [])

    def open_data(self) -> str:
        """Links to the directory as data (one copy, at the edition's root) and to the feed."""
        home = relative_href(self.page.src, "index.vi.md")  # this language's home
        root = home if self.lang == DEFAULT_LANG else home + "../"
        return self.render("open-data.html", data=root + "data/", feed=home + "feed.xml")

    def href_url(self, url: str) -> str:
        """A full address inside this edition, as a link relative to this page."""
        here = self.edition.site_url + urls.prefix(self.lang)
        here += page_url(self.page.src)
        return posixpath.relpath(urlsplit(url).path, urlsplit(here).path) + "/"

    # Page parts

    def policy_facts(self) -> str:
        policy = self.page.meta.get("policy")
        if not policy:
            return ""
        replaced_by = self.content.policies().get(policy.get("superseded_by", ""))
        return self.render("policy-facts.html", policy=policy, replaced_by=replaced_by)

    def page_foot(self) -> str:
        own = list(self.page.meta["sources"])
        ordered = own + [sid for sid in self.used_sources if sid not in own]
        sources = [self.content.sources[sid] for sid in ordered]
        address = self.address()
        return self.render("page-foot.html", meta=self.page.meta, sources=sources,
                           address=address, qr=Markup(qr_svg(address)) if address else "")

    def address(self) -> str:
        """This page's full address in this language, for the printed QR code."""
        return page_address(self.site_url, self.lang, self.page.src) if self.site_url else ""

    def fallback_notice(self) -> str:
        return self.render("fallback-notice.html")

    def stale_notice(self) -> str:
        """On an English page made from an older Vietnamese text: say so, link the original."""
        original = stale_original(self.content, self.page)
        if original is None:
            return ""
        here = posixpath.join(self.lang, page_url(self.page.src))
        there = posixpath.relpath(page_url(original.src) or ".", here)
        return self.render("stale-notice.html", original=there + "/")


BLOCK_TOKEN = "<!-- ho-tro-block {nonce} {n} -->"


@dataclass
class PageParts:
    """A page ready for Markdown: its text with each HTML block we add as a short placeholder.

    Python-Markdown would parse our blocks as raw HTML on every page only to copy them through
    unchanged; the hooks put them in after the conversion instead, with the sources foot.
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

    body = checklist_boxes(link_numbers(markdown, renderer.phones))
    body = MARKER.sub(lambda m: _fill(renderer, m.group(1), m.group(2), hold), body)
    head = []
    if page.lang != lang:
        head.append(renderer.fallback_notice())
    head.append(renderer.stale_notice())
    head.append(renderer.policy_facts())
    body = _after_title(body, "\n\n".join(hold(part) for part in head if part))
    return PageParts(body.rstrip(), blocks, renderer.page_foot())


def _fill(renderer: PageRender, name: str, arg_text: str, hold) -> str:
    args = dict(arg.split("=", 1) for arg in arg_text.split())
    method = getattr(renderer, name.replace("-", "_"))
    return "\n" + hold(method(**args)) + "\n"


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
    page = PageSource("index.vi.md", "index", lang, {}, None, "", 1)
    return PageRender(content, lang, page).render("quick-exit.html", url=url, help=help_href)


def insert_after_body(html: str, snippet: str) -> str:
    """Put `snippet` first inside <body>, so it comes first in the keyboard order."""
    start = html.find("<body")
    end = html.find(">", start)
    if start < 0 or end < 0:
        return html
    return html[: end + 1] + "\n" + snippet + html[end + 1:]


TASK_ITEM = re.compile(r"^([^\S\n]*[-*] )\[( |x|X)\] ", re.M)  # not \s*: quadratic on blank lines


def checklist_boxes(markdown: str) -> str:
    """`- [ ] item` becomes a list item with a printed box: a checklist to tick on paper,
    with no unlabelled form fields for screen readers."""
    return TASK_ITEM.sub(lambda m: f'{m.group(1)}<span class="checklist-box" aria-hidden="true">'
                         f'{"☑" if m.group(2) != " " else "☐"}</span>', markdown)
