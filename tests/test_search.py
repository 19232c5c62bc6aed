"""Search as people type it, in Chromium: with or without diacritics, in the page's language,
and the index is fetched only when the reader opens search."""

from __future__ import annotations

import json
from urllib.parse import quote, urlsplit

import pytest

from hotro.render.search_index import fold

pytestmark = pytest.mark.browser


def results(browser, url: str) -> tuple[list[str], list[str]]:
    """(result link targets, every URL the page requested)."""
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url)
    page.wait_for_function("document.getElementById('site-search-status').textContent !== ''"
                           " && !document.getElementById('site-search-status')"
                           ".textContent.includes('…')")
    links = page.eval_on_selector_all("#site-search-results a", "els => els.map(e => e.href)")
    page.close()
    return links, requested


@pytest.mark.parametrize(("query", "expected"), [
    ("nạn nhân", "/nan-nhan/"), ("nan nhan", "/nan-nhan/"), ("NAN NHAN", "/nan-nhan/"),
    ("duong day nong", "/duong-day-nong/"), ("đường dây nóng", "/duong-day-nong/"),
    ("so lieu", "/so-lieu/"), ("bac lieu", "/thay-doi-2025/")])
def test_vietnamese_with_or_without_diacritics(browser, real_site_url, query, expected):
    links, _ = results(browser, f"{real_site_url}/tim-kiem/?q={quote(query)}")
    paths = [urlsplit(link).path for link in links]
    assert expected in paths
    assert all(not path.startswith("/en/") for path in paths)


def test_english_pages_find_english_pages(browser, real_site_url):
    links, _ = results(browser, f"{real_site_url}/en/tim-kiem/?q=victim")
    paths = [urlsplit(link).path for link in links]
    assert "/en/nan-nhan/" in paths
    assert all(path.startswith("/en/") for path in paths)


def test_typing_in_the_box_shows_results(browser, real_site_url):
    page = browser.new_page()
    page.goto(real_site_url + "/tim-kiem/")
    page.fill("#site-search-q", "tien chuoc")
    page.locator("#site-search-results a").first.wait_for()
    # the families' page answers "should we pay?"; other pages warn about ransoms too
    links = page.eval_on_selector_all("#site-search-results a", "els => els.map(e => e.href)")
    assert any("/gia-dinh/" in link for link in links), links
    page.close()


def test_no_page_but_search_downloads_the_index(browser, real_site_url):
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ("/", "/duong-day-nong/", "/en/", "/en/nan-nhan/"):
        page.goto(real_site_url + path, wait_until="networkidle")
    page.close()
    assert [url for url in requested if url.endswith(".json")] == []
    _, on_search = results(browser, f"{real_site_url}/tim-kiem/?q=111")
    assert [urlsplit(u).path for u in on_search if u.endswith(".json")] == ["/search.json"]


def test_each_language_has_its_own_index(real_site):
    vi = json.loads((real_site / "search.json").read_text(encoding="utf-8"))
    en = json.loads((real_site / "en" / "search.json").read_text(encoding="utf-8"))
    assert vi["lang"] == "vi" and en["lang"] == "en"
    assert len(vi["pages"]) == len(en["pages"]) > 20
    assert any("nạn nhân" in p["text"] for p in vi["pages"])
    assert not any("nạn nhân" in p["title"] for p in en["pages"])
    assert all("tim-kiem" not in p["url"] for p in vi["pages"] + en["pages"])


def test_fold():
    assert fold("Đường dây nóng NẠN NHÂN") == "duong day nong nan nhan"
