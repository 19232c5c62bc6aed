"""Data blocks and notices go into a page after its Markdown conversion, exactly as before."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import markdown
import pytest

from hotro.checks import checks
from hotro.checks.link_check import EXTENSIONS
from hotro.checks.validated import load_content
from hotro.load.editions import view
from hotro.model import paths
from hotro.model.problems import ContentError
from hotro.render import markers
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


def test_every_marker_is_known_once_to_the_renderer_and_the_checks(content):
    """One registry: the checks take its names and arguments, the renderer its functions."""
    assert checks.MARKERS is markers.ARGS
    assert set(markers.ARGS) == set(markers.MARKERS)
    for kind in markers.MARKERS.values():
        assert (paths.PARTIALS / "data" / kind.template).is_file(), kind.name
    used = {m.name for page in content.pages.values() for m in page.markers}
    assert used <= set(markers.MARKERS) and "contacts" in used


def test_the_search_page_is_the_one_page_left_out_of_the_search_index(content):
    left_out = [slug for (slug, lang), page in sorted(content.pages.items())
                if lang == "vi" and not markers.searched(page)]
    assert left_out == ["tim-kiem"]


def test_a_missing_interface_text_names_the_file_in_both_languages(content):
    page = content.pages[("tim-kiem", "vi")]
    broken = dataclasses.replace(content, ui={key: text for key, text in content.ui.items()
                                              if key != "search.label"})
    with pytest.raises(ContentError) as caught:
        render_page_parts(broken, page, "vi", page.body, SITE_URL)
    problem, = caught.value.problems
    assert problem.text("en") == ("content/ui.yml: search.label: this interface text is "
                                  "missing (expected an entry with vi and en)")
    assert problem.text("vi") == ("content/ui.yml: search.label: thiếu đoạn chữ giao diện này "
                                  "(cần một mục có vi và en)")
