"""Keyboard use: the focus is visible, and the language switch works without a mouse."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def tab_to(page, predicate: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {predicate}; }})()"):
            return
    raise AssertionError(f"never reached: {predicate}")


def test_language_switch_by_keyboard(browser, real_site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(real_site_url + "/gia-dinh/")
    tab_to(page, "el.getAttribute('hreflang') === 'en'")
    page.keyboard.press("Enter")
    page.wait_for_url(real_site_url + "/en/gia-dinh/")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.close()


@pytest.mark.parametrize("target", ["el.id === 'quick-exit'",
                                    "el.closest('article') && el.tagName === 'A'"])
def test_focus_is_visible(browser, real_site_url, target):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(real_site_url + "/nan-nhan/")
    tab_to(page, target)
    style = page.evaluate("""(() => { const s = getComputedStyle(document.activeElement);
        return [s.outlineStyle, s.outlineWidth, s.boxShadow]; })()""")
    page.close()
    assert (style[0] != "none" and style[1] != "0px") or style[2] != "none", style
