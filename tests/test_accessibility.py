"""axe-core (bundled with axe-playwright-python, no network) in Chromium on every page template,
in both languages, on a phone and a desktop screen: no serious or critical violation."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser
TEMPLATES = {"home": "", "directory": "duong-day-nong/",
             "policy": "chinh-sach/luat-53-2024-qh15/", "awareness": "nguoi-co-nguy-co/",
             "officials": "can-bo/", "404": "404.html",
             "webmasters": "gioi-thieu/nhung-va-du-lieu/",
             "embed": "embed/duong-day-nong/", "embed-contacts": "embed/lien-he/",
             "embed-page": "embed/trang/bao-tin/"}
SCREENS = {"phone": {"width": 360, "height": 640}, "desktop": {"width": 1280, "height": 800}}


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("template", TEMPLATES)
def test_no_serious_or_critical_violation(browser, real_site_url, axe, template, lang, screen):
    page = browser.new_page(viewport=SCREENS[screen])
    page.goto(f"{real_site_url}/{lang}{TEMPLATES[template]}")
    result = axe.run(page)
    page.close()
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
           for v in result.response["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == []
    assert result.response["passes"], "axe ran no rule: the page did not load"


def test_the_printable_checklist_has_no_unlabelled_fields(real_site):
    html = (real_site / "nguoi-co-nguy-co" / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    assert 'type="checkbox"' not in article
    assert html.count('class="checklist-box"') >= 8
