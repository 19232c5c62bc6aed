"""axe-core (bundled with axe-playwright-python, no network) in Chromium on every kind of page
(helpers.PAGE_KINDS), in both languages, on a phone and a desktop screen: no serious or critical
violation. One browser context holds axe from the start of every page; one tab visits them all."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from helpers import PAGE_KINDS

pytestmark = pytest.mark.browser
# Each kind of page, in Vietnamese and in English
ADDRESSES = sorted({prefix + address.removeprefix("en/") for address in PAGE_KINDS.values()
                    for prefix in ("", "en/")})
SCREENS = {"phone": {"width": 360, "height": 640}, "desktop": {"width": 1280, "height": 800}}


@pytest.fixture(scope="module")
def tab(browser):
    """One tab for every check; axe is in each page it opens before the page's own scripts."""
    context = browser.new_context()
    context.add_init_script(Axe().axe_script)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("address", ADDRESSES)
@pytest.mark.parametrize("screen", SCREENS)
def test_no_serious_or_critical_violation(tab, real_site_url, screen, address):
    tab.set_viewport_size(SCREENS[screen])
    tab.goto(f"{real_site_url}/{address}")
    result = tab.evaluate("axe.run({resultTypes: ['violations']})")
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
           for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == []
    assert result["passes"], "axe ran no rule: the page did not load"


def test_the_printable_checklist_has_no_unlabelled_fields(real_site):
    html = (real_site / "nguoi-co-nguy-co" / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    assert 'type="checkbox"' not in article
    assert html.count('class="checklist-box"') >= 8
