"""Leaflets and the hotline card print on A4 with no site chrome, and carry a QR code back."""

from __future__ import annotations

import re

import pytest

from helpers import REAL_SITE_URL

pytestmark = pytest.mark.browser
CHROME = [".md-header", ".md-sidebar--primary", ".quick-exit", ".md-footer"]


@pytest.mark.parametrize("path", ["duong-day-nong/", "nguoi-co-nguy-co/", "en/gia-dinh/"])
def test_print_has_no_chrome_and_a_qr_code_back_to_the_page(browser, real_site_url, path):
    page = browser.new_page(viewport={"width": 794, "height": 1123})
    page.goto(f"{real_site_url}/{path}")
    qr = page.locator(".page-qr")
    assert not qr.is_visible()  # on screen the QR code stays out of the way
    page.emulate_media(media="print")
    for selector in CHROME:
        assert not page.locator(selector).first.is_visible(), selector
    assert qr.is_visible()
    assert qr.locator("figcaption").inner_text().endswith(REAL_SITE_URL + path)
    assert page.locator("article h1").is_visible()
    pdf = page.pdf(format="A4")
    page.close()
    assert pdf.startswith(b"%PDF")
    box = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    assert box and abs(float(box.group(1)) - 595.9) < 1 and abs(float(box.group(2)) - 842) < 1
