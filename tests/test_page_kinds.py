"""Every built page, read as HTML (no browser): what the browser tests prove on one page of
each kind (helpers.PAGE_KINDS) holds for every page, because every page is made of the same
parts and carries what the browser looked at."""

from __future__ import annotations

import re

from helpers import PAGE_KINDS, built_pages, elements, page_parts


def test_the_pages_the_browser_opens_show_every_part_of_every_page(real_site):
    """The browser tests open one page of each kind (PAGE_KINDS): every element, class, script
    and stylesheet of every built page is on one of them, so what the browser proves about
    their look and behaviour holds for the rest."""
    pages = built_pages(real_site)
    opened = set().union(*(page_parts(address, pages[address])
                           for address in PAGE_KINDS.values()))
    assert {address: sorted(page_parts(address, html) - opened)
            for address, html in pages.items()} == {address: [] for address in pages}


def test_every_page_has_its_heading_and_quick_exit_in_its_html(real_site):
    """What test_browser.py sees without JavaScript on each kind of page, read in every page's
    HTML: the heading in the article (in <main> for a block) and the quick-exit link, not
    hidden."""
    missing = {}
    for address, html in built_pages(real_site).items():
        found = elements(html)
        block = address.startswith(("embed/", "en/embed/"))
        heading = [e for e in found if e.tag == "h1" and e.shown()
                   and any(outer.tag == ("main" if block else "article") for outer in e.within)]
        exit_link = [e for e in found if e.tag == "a" and e.attrs.get("href") and e.shown()
                     and ("embed__exit" in e.classes() if block
                          else e.attrs.get("id") == "quick-exit")]
        if not (heading and exit_link):
            missing[address] = (len(heading), len(exit_link))
    assert missing == {}


def test_no_stylesheet_loads_from_another_host(real_site):
    """What a stylesheet fetches (url(), @import) is on this site or data: (inline icons)."""
    loads = {css.relative_to(real_site).as_posix(): re.findall(
        r"""(?:url\(\s*|@import\s+)["']?([^"')\s;]+)""", css.read_text(encoding="utf-8"))
        for css in real_site.rglob("*.css")}
    assert len(loads) >= 3 and sum(map(len, loads.values())) > 10
    assert {name: [u for u in urls if re.match(r"(?i)([a-z][a-z0-9+.-]*:|//)", u)
                   and not u.lower().startswith("data:")]
            for name, urls in loads.items()} == {name: [] for name in loads}
