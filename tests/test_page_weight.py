"""The first view of the home and hotline pages, cold, on a phone, served compressed by nginx:
at most 80 KB on the wire in total (HTML, CSS, JS, index, images, icons)."""

from __future__ import annotations

import pytest

from conftest import PHONE

pytestmark = pytest.mark.browser
BUDGET = 80_000


def wire_bytes(browser, url: str) -> dict[str, int]:
    """Bytes on the wire per request for a cold load of `url` (fresh context, no cache)."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    sizes: dict[str, int] = {}
    urls: dict[str, str] = {}
    cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"],
                                                                   e["request"]["url"]))
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(
        urls.get(e["requestId"], e["requestId"]), e["encodedDataLength"]))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)
    context.close()
    return sizes


@pytest.mark.parametrize("path", ["/", "/duong-day-nong/", "/en/", "/en/duong-day-nong/"])
def test_first_view_is_within_budget(browser, nginx_url, path):
    sizes = wire_bytes(browser, nginx_url + path)
    assert any(url.endswith(".css") for url in sizes) and any(u.endswith(".js") for u in sizes)
    total = sum(sizes.values())
    assert total <= BUDGET, sorted(sizes.items(), key=lambda kv: -kv[1])
