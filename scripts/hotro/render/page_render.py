"""The rendering of one page in one language: the helpers every data template uses.

Templates live in overrides/partials/data/ and are autoescaped: text from YAML can never
become markup. What a marker shows is in hotro.render.data_blocks, what the page around it
gets (facts box, notices, sources foot) in hotro.render.page_parts.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context

from hotro.model import paths, urls
from hotro.model.pages import DEFAULT_LANG, PageSource
from hotro.model.records import Contact, Content
from hotro.model.urls import page_address, page_url, relative_href
from hotro.render.html_sanitize import web_address
from hotro.render.phone_links import link_numbers_html
from hotro.render.template_cache import share_compiled_templates
from hotro.render.ui_text import ui_text

PARTIALS = paths.PARTIALS
TEMPLATES = [PARTIALS / "data", PARTIALS]
HOME_SRC = "index.vi.md"  # the home page; relative_href to it leads to the language's root
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


class EditionLike(Protocol):
    """What rendering needs of the edition being built (hotro.load.editions.EditionView)."""

    site_url: str
    record: Any

    def carries(self, slug: str) -> bool: ...

    def contacts(self, content: Content) -> list[Contact]: ...

    def name(self, lang: str) -> str: ...


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
    edition: EditionLike | None = None  # the directory's order, embed snippets

    @cached_property
    def phones(self) -> dict[str, str]:
        """Every way a published number may be written -> what follows tel:."""
        return {text: c.phone.tel for c in self.content.published_contacts() if c.phone
                for text in c.phone.texts}

    def t(self, key: str) -> str:
        return self.loc(ui_text(self.content, key))

    def loc(self, text: dict | str) -> str:
        if isinstance(text, str):
            return text
        return text.get(self.lang) or text[DEFAULT_LANG]

    def date(self, iso: str) -> str:
        return format_date(iso, self.lang)

    def href(self, to_src: str) -> str:
        return relative_href(self.page.src, to_src)

    def cite(self, ids) -> None:
        """Note sources the page's data used, for its sources foot."""
        for sid in ids:
            if sid not in self.used_sources:
                self.used_sources.append(sid)

    def render(self, template: str, **context) -> str:
        helpers = {"t": self.t, "loc": self.loc, "date": self.date, "href": self.href,
                   "lang": self.lang, "content": self.content, "phones": self.phones}
        html = _environment().get_template(template).render(**helpers, **context)
        return "\n".join(line for line in html.splitlines() if line.strip())

    def address(self) -> str:
        """This page's full address in this language, for the printed QR code."""
        return page_address(self.site_url, self.lang, self.page.src) if self.site_url else ""

    def href_url(self, url: str) -> str:
        """A full address inside this edition, as a link relative to this page."""
        here = self.edition.site_url + urls.prefix(self.lang) + page_url(self.page.src)
        return posixpath.relpath(urlsplit(url).path, urlsplit(here).path) + "/"


def page_renderer(content: Content, lang: str) -> PageRender:
    """A renderer for parts that belong to no page of docs/ (quick exit, embeds)."""
    page = PageSource(HOME_SRC, "index", lang, {}, None, "", 1)
    return PageRender(content, lang, page)
