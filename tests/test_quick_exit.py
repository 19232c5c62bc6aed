"""Quick exit in Chromium: button, Esc twice, Shift three times, not while typing, Back."""

from __future__ import annotations

import pytest
from conftest import serve
from playwright import sync_api
from test_browser import ARGS, CHROMIUM, PHONE

pytestmark = pytest.mark.browser
TARGET = "https://www.google.com.vn/"
START = "https://start.example/"


@pytest.fixture(scope="module")
def site(fixture_site):
    base, stop = serve(fixture_site)
    yield base
    stop()


@pytest.fixture
def page(browser_instance):
    """A page whose history starts on a neutral page; the exit target answers 'neutral'."""
    context = browser_instance.new_context()
    page = context.new_page()
    held: list = []
    page.route(START, lambda route: route.fulfill(body="<title>start</title>start",
                                                  content_type="text/html"))
    page.route(TARGET, lambda route: held.append(route))
    page.held = held
    page.goto(START)
    yield page
    context.close()


@pytest.fixture(scope="module")
def browser_instance():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def release(page) -> None:
    """Let the held navigation to the exit target finish, then check where we are."""
    page.wait_for_function("document.documentElement.classList.contains('quick-exit--gone')")
    assert page.evaluate("document.title") in ("", "\u200b")  # blanked before leaving
    for _ in range(50):
        if page.held:
            break
        page.wait_for_timeout(50)
    page.held.pop().fulfill(body="<title>neutral</title>neutral", content_type="text/html")
    page.wait_for_url(TARGET)


def test_quick_exit_is_first_in_keyboard_order(page, site):
    page.goto(site + "/danh-ba/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "quick-exit"
    assert page.evaluate("document.activeElement.textContent") == "Thoát nhanh"
    hint = page.locator("#quick-exit").get_attribute("aria-describedby")
    assert "Esc" in page.locator(f"#{hint}").text_content()


def test_button_leaves_and_back_does_not_return(page, site):
    page.goto(site + "/danh-ba/")
    page.click("#quick-exit")
    release(page)
    page.go_back()
    assert page.url == START  # the site's page was replaced in the history


@pytest.mark.parametrize(("key", "times"), [("Escape", 2), ("Shift", 3)])
def test_keyboard_shortcut_leaves(page, site, key, times):
    page.goto(site + "/en/danh-ba/")
    for _ in range(times):
        page.keyboard.press(key)
    release(page)
    page.go_back()
    assert page.url == START


def test_shortcut_is_ignored_while_typing(page, site):
    page.goto(site + "/")
    page.evaluate("""() => {
        const box = document.createElement('input'); box.id = 'box';
        document.querySelector('article').prepend(box); }""")
    page.focus("#box")
    for key in ("Shift", "Shift", "Shift", "Escape", "Escape"):
        page.keyboard.press(key)
    page.wait_for_timeout(300)
    assert page.url == site + "/"
    assert page.held == []
    assert not page.evaluate("document.documentElement.classList.contains('quick-exit--gone')")


def test_one_escape_or_two_shifts_do_nothing(page, site):
    page.goto(site + "/")
    page.keyboard.press("Escape")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url == site + "/" and page.held == []


def test_without_javascript_it_is_a_plain_link(browser_instance, site):
    context = browser_instance.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(site + "/danh-ba/")
    button = page.locator("#quick-exit")
    sync_api.expect(button).to_be_visible()
    assert button.get_attribute("href") == TARGET
    box = button.bounding_box()
    assert box["y"] + box["height"] <= 640 and box["height"] >= 44  # within a thumb's reach
    context.close()
