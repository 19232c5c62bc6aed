"""The first view of the home and hotline pages, cold, on a phone, served compressed by nginx:
at most 80 KB on the wire in total (HTML, CSS, JS, index, images, icons)."""

from __future__ import annotations

import pytest

from hotro_bench.bench_pages import wire_transfers

pytestmark = pytest.mark.browser
BUDGET = 80_000


@pytest.mark.parametrize("path", ["/", "/duong-day-nong/", "/en/", "/en/duong-day-nong/"])
def test_first_view_is_within_budget(browser, nginx_url, path):
    sizes = {url: size for url, _, size in wire_transfers(browser, nginx_url + path)}
    assert any(url.endswith(".css") for url in sizes) and any(u.endswith(".js") for u in sizes)
    total = sum(sizes.values())
    assert total <= BUDGET, sorted(sizes.items(), key=lambda kv: -kv[1])
