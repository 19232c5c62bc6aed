"""The site in a real browser (Debian's Chromium, headless), served from a loopback server."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright import sync_api

from helpers import PAGE_KINDS
from hotro_bench.bench_pages import PHONE

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("path", "label"), [("/", "Mua bán người"),
                                             ("/en/", "Trafficking and child protection")])
def test_phone_first_screen_has_111_one_tap_away(browser, real_site_url, path, label):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(real_site_url + path)
    call = page.locator('a[href="tel:111"]').first
    sync_api.expect(call).to_be_visible()
    box = call.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 640, box  # in the first screen
    assert box["height"] >= 44 and box["width"] >= 44  # a thumb-sized target
    assert "111" in call.inner_text() and label in call.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways scroll
    context.close()


def test_first_screen_works_without_javascript(browser, real_site_url):
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(real_site_url + "/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    for number in ("111", "113", "112"):
        sync_api.expect(page.locator(f'a[href="tel:{number}"]').first).to_be_visible()
    context.close()


def test_language_switch_keeps_the_page(browser, real_site_url):
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    page.goto(real_site_url + "/chinh-sach/luat-53-2024-qh15/")
    page.locator(".md-header__option .md-select").hover()
    page.locator('a[hreflang="en"]').first.click()
    page.wait_for_url("**/en/chinh-sach/luat-53-2024-qh15/")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.locator(".md-header__option .md-select").hover()
    page.locator('a[hreflang="vi"]').first.click()
    page.wait_for_url(real_site_url + "/chinh-sach/luat-53-2024-qh15/")
    page.close()


def test_each_kind_of_page_loads_only_from_this_site(browser, real_site_url):
    """Every kind of page at once, each in its own tab, until the network is quiet: what their
    scripts fetch after loading counts too. The other pages are made of the same parts, and
    every page's HTML and stylesheet is read for what it loads (test_page_kinds.py,
    test_site_scan.py)."""
    host = urlsplit(real_site_url).netloc
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    tabs = [context.new_page() for _ in PAGE_KINDS]
    for tab, address in zip(tabs, PAGE_KINDS.values(), strict=True):
        tab.goto(f"{real_site_url}/{address}", wait_until="commit")
    for tab in tabs:
        tab.wait_for_load_state("networkidle")
    context.close()
    foreign = [u for u in requests if not u.startswith("data:") and urlsplit(u).netloc != host]
    assert foreign == []
    assert len(requests) > 30


def test_untranslated_page_in_the_browser(browser, fixture_site_url):
    page = browser.new_page()
    page.goto(fixture_site_url + "/en/huong-dan/chua-dich/")
    assert page.evaluate("document.documentElement.lang") == "vi"
    notice = page.locator(".translation-notice")
    sync_api.expect(notice).to_be_visible()
    sync_api.expect(notice).to_contain_text("not been translated into English yet")
    assert notice.get_attribute("lang") == "en"
    page.close()


def test_no_cookies_are_set(browser, real_site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(real_site_url + "/duong-day-nong/", wait_until="networkidle")
    assert context.cookies() == []
    context.close()


def test_without_javascript_each_kind_of_page_shows_its_content(browser, real_site_url):
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    for kind, address in PAGE_KINDS.items():
        if address.endswith("404.html"):
            continue
        page.goto(f"{real_site_url}/{address}")
        if "embed/" in address:  # a block for portals: no site chrome, its own quick-exit link
            assert page.locator("main h1").first.is_visible(), kind
            assert page.locator(".embed__exit").is_visible(), kind
            continue
        assert page.locator("article h1").is_visible(), kind
        assert page.locator("#quick-exit").is_visible(), kind
    for prefix in ("", "en/"):
        page.goto(f"{real_site_url}/{prefix}duong-day-nong/")
        for number in ("111", "112", "113", "114", "115", "+84981848484"):
            sync_api.expect(page.locator(f'article a[href="tel:{number}"]').first).to_be_visible()
    context.close()


def test_phone_screenshot_of_the_home_page_shows_111(browser, real_site_url, tmp_path):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(real_site_url + "/")
    shot = page.screenshot(path=str(tmp_path / "home-phone.png"))
    button = page.locator('a.help-now__call[href="tel:111"]').first
    crop = button.screenshot()
    colour = page.evaluate("getComputedStyle(document.querySelector("
                           "'a.help-now__call[href=\"tel:111\"]')).backgroundColor")
    context.close()
    assert shot.startswith(b"\x89PNG") and crop.startswith(b"\x89PNG") and len(crop) > 500
    assert colour == "rgb(183, 28, 28)"  # the red call button, in the first screen


def test_quick_exit_explains_itself_in_each_language(real_site):
    for lang, prefix in (("vi", ""), ("en", "en/")):
        for path in (real_site / prefix).glob("*/index.html"):
            if prefix == "" and path.parent.name == "en":
                continue
            html = path.read_text(encoding="utf-8")
            here = path.parent.name == "an-toan-truc-tuyen"
            href = "./" if here else "../an-toan-truc-tuyen/"
            assert f'class="quick-exit__help" href="{href}"' in html, path
        assert 'lang="' + lang + '" aria-label=' in (real_site / prefix / "index.html").read_text(
            encoding="utf-8")
