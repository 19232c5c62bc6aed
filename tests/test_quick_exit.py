"""Quick exit in Chromium: button, Esc twice, Shift three times, not while typing, Back."""

from __future__ import annotations

import pytest
from playwright import sync_api

from hotro_bench.bench_pages import PHONE

pytestmark = pytest.mark.browser
TARGET = "https://www.google.com.vn/"
START = "https://start.example/"


@pytest.fixture
def site(fixture_site_url):
    return fixture_site_url


@pytest.fixture
def page(browser):
    """A page whose history starts on a neutral page; the exit target answers 'neutral'.

    page.seen collects what the leaving page looked like: the page reports its own class and
    title to the console as they change (the old page is gone once the browser has left).
    """
    context = browser.new_context()
    page = context.new_page()
    page.route(START, lambda route: route.fulfill(body="<title>start</title>start",
                                                  content_type="text/html"))
    page.route(TARGET, lambda route: route.fulfill(body="<title>neutral</title>neutral",
                                                   content_type="text/html"))
    page.seen = []
    page.on("console", lambda message: page.seen.append(message.text))
    page.goto(START)
    yield page
    context.close()


WATCH = """() => new MutationObserver(() => console.log(
    'state|' + document.documentElement.className + '|' + document.title)).observe(
    document.documentElement, {attributes: true, subtree: true, childList: true,
                               characterData: true})"""


def open_site(page, url: str) -> None:
    page.goto(url)
    page.evaluate(WATCH)


def assert_left_hidden(page) -> None:
    page.wait_for_url(TARGET)
    states = [m.split("|") for m in page.seen if m.startswith("state|")]
    hidden = [s for s in states if "quick-exit--gone" in s[1]]
    assert hidden, states
    assert hidden[-1][2] in ("", "\u200b")  # the title was blanked before leaving
    page.go_back()
    assert page.url == START  # the site's page was replaced in the history


def test_quick_exit_is_first_in_keyboard_order(page, site):
    open_site(page, site + "/danh-ba/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "quick-exit"
    assert page.evaluate("document.activeElement.textContent") == "Thoát nhanh"
    hint = page.locator("#quick-exit").get_attribute("aria-describedby")
    assert "Esc" in page.locator(f"#{hint}").text_content()


def test_button_hides_the_page_and_leaves_for_good(page, site):
    open_site(page, site + "/danh-ba/")
    page.click("#quick-exit")
    assert_left_hidden(page)


@pytest.mark.parametrize(("key", "times"), [("Escape", 2), ("Shift", 3)])
def test_keyboard_shortcut_leaves(page, site, key, times):
    open_site(page, site + "/en/danh-ba/")
    for _ in range(times):
        page.keyboard.press(key)
    assert_left_hidden(page)


def test_shortcut_is_ignored_while_typing(page, site):
    open_site(page, site + "/")
    page.evaluate("""() => {
        const box = document.createElement('input'); box.id = 'box';
        document.querySelector('article').prepend(box); }""")
    page.focus("#box")
    for key in ("Shift", "Shift", "Shift", "Escape", "Escape"):
        page.keyboard.press(key)
    page.wait_for_timeout(300)
    assert page.url == site + "/"
    assert not page.evaluate("document.documentElement.classList.contains('quick-exit--gone')")


def test_one_escape_or_two_shifts_do_nothing(page, site):
    open_site(page, site + "/")
    page.keyboard.press("Escape")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url == site + "/"


def test_without_javascript_it_is_a_plain_link(browser, site):
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(site + "/danh-ba/")
    button = page.locator("#quick-exit")
    sync_api.expect(button).to_be_visible()
    assert button.get_attribute("href") == TARGET
    box = button.bounding_box()
    assert box["y"] + box["height"] <= 640 and box["height"] >= 44  # within a thumb's reach
    context.close()


def test_page_is_hidden_at_once_and_again_when_restored_from_cache(browser, site):
    """The target answers 204, so the browser stays on the old document and we can look at it:
    hidden and untitled at once; a back/forward-cache restore (pageshow, persisted) hides it
    again and leaves again."""
    context = browser.new_context()
    page = context.new_page()
    hits: list[str] = []

    def no_content(route):
        hits.append(route.request.url)
        route.fulfill(status=204)

    page.route(TARGET, no_content)
    page.goto(site + "/danh-ba/")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert hits == [TARGET]
    assert page.evaluate("document.documentElement.classList.contains('quick-exit--gone')")
    assert page.evaluate("document.title") in ("", "\u200b")
    assert page.evaluate("getComputedStyle(document.body).display") == "none"
    page.evaluate("document.documentElement.classList.remove('quick-exit--gone')")
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    page.wait_for_timeout(300)
    assert page.evaluate("document.documentElement.classList.contains('quick-exit--gone')")
    assert hits == [TARGET, TARGET]
    context.close()
