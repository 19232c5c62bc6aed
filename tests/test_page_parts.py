"""Data blocks and notices go into a page after its Markdown conversion, exactly as before."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from hotro.checks.link_check import EXTENSIONS
from hotro.checks.validated import load_content
from hotro.load.editions import view
from hotro.render.render import render_page_parts

REPO = Path(__file__).resolve().parent.parent
SITE_URL = "https://ho-tro.example.gov.vn/"


@pytest.fixture(scope="module")
def content():
    return load_content(REPO)


def convert(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text)


def every_page_in_every_language(content):
    for (slug, _), page in sorted(content.pages.items()):
        for lang in ("vi", "en"):
            if content.pages.get((slug, lang), page) is page:  # its own, or the fallback
                yield page, lang


def test_every_page_reads_as_if_the_blocks_had_gone_through_markdown(content):
    edition = view(content, None, SITE_URL)
    checked = with_blocks = 0
    for page, lang in every_page_in_every_language(content):
        parts = render_page_parts(content, page, lang, page.body, SITE_URL, edition)
        through_markdown = parts.markdown
        for token, block in parts.blocks.items():
            through_markdown = through_markdown.replace(token, block)
        assert parts.html(convert(parts.markdown)) == convert(through_markdown), page.src
        checked += 1
        with_blocks += bool(parts.blocks)
    assert checked > 40 and with_blocks >= 10


def test_the_page_shows_its_block_and_no_placeholder(content):
    page = content.pages[("tim-kiem", "vi")]
    parts = render_page_parts(content, page, "vi", page.body, SITE_URL)
    html = parts.html(convert(parts.markdown))
    assert html.count('<form id="site-search"') == 1
    assert "ho-tro-block" not in html and "data:search" not in html


def test_a_placeholder_an_editor_writes_stays_a_comment(content):
    page = content.pages[("tim-kiem", "vi")]
    parts = render_page_parts(content, page, "vi", page.body + "\n\n<!-- ho-tro-block 0 0 -->\n",
                              SITE_URL)
    html = parts.html(convert(parts.markdown))
    assert "<!-- ho-tro-block 0 0 -->" in html
    assert html.count('<form id="site-search"') == 1
