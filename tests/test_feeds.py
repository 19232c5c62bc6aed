"""The Atom feed as a feed reader parses it: namespace, required elements, order, escaping."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from hotro.outputs.feeds import FeedEntry, atom_feed

NS = {"a": "http://www.w3.org/2005/Atom"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SITE = "https://ho-tro.example.gov.vn/"
FEED = SITE + "feed.xml"
ENTRIES = [
    FeedEntry("Danh bạ", SITE + "danh-ba/", "2026-11-29", "Số 111 được kiểm tra lại."),
    FeedEntry("Chính sách", SITE + "chinh-sach/", "2026-10-01", "Nghị định mới."),
    FeedEntry("Bảo hộ & <hỗ trợ>", SITE + "bao-ho/", "2026-11-29", "Gọi <111> & 113"),
]


def feed(entries=ENTRIES) -> str:
    return atom_feed(entries, feed_url=FEED, site_url=SITE, title="Cập nhật & tin mới",
                     lang="vi", author="Ban biên tập")


def test_feed_has_the_atom_namespace_and_required_elements():
    root = ET.fromstring(feed())
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    assert root.get(XML_LANG) == "vi"
    assert root.findtext("a:id", namespaces=NS) == FEED
    assert root.findtext("a:title", namespaces=NS) == "Cập nhật & tin mới"
    assert root.findtext("a:updated", namespaces=NS) == "2026-11-29T00:00:00Z"
    assert root.findtext("a:author/a:name", namespaces=NS) == "Ban biên tập"
    links = {link.get("rel"): link.get("href") for link in root.findall("a:link", NS)}
    assert links == {"self": FEED, "alternate": SITE}
    for entry in root.findall("a:entry", NS):
        for name in ("id", "title", "updated", "summary"):
            assert entry.findtext(f"a:{name}", namespaces=NS), name
        assert entry.find("a:link", NS).get("href") == entry.findtext("a:id", namespaces=NS)


def test_entries_are_newest_first_then_by_title():
    root = ET.fromstring(feed())
    entries = root.findall("a:entry", NS)
    assert [e.findtext("a:title", namespaces=NS) for e in entries] == [
        "Bảo hộ & <hỗ trợ>", "Danh bạ", "Chính sách"]
    assert [e.findtext("a:updated", namespaces=NS) for e in entries] == [
        "2026-11-29T00:00:00Z", "2026-11-29T00:00:00Z", "2026-10-01T00:00:00Z"]


def test_ampersands_and_angle_brackets_are_escaped():
    text = feed()
    assert "Bảo hộ &amp; &lt;hỗ trợ&gt;" in text
    assert "<hỗ trợ>" not in text
    summaries = [e.findtext("a:summary", namespaces=NS)
                 for e in ET.fromstring(text).findall("a:entry", NS)]
    assert "Gọi <111> & 113" in summaries


def test_same_entries_in_any_order_give_the_same_text():
    assert feed(ENTRIES) == feed(list(reversed(ENTRIES)))
    assert feed().startswith('<?xml version="1.0" encoding="utf-8"?>\n<feed ')
    assert feed().endswith("</feed>\n")


def test_an_empty_feed_is_still_valid():
    root = ET.fromstring(feed([]))
    assert root.findall("a:entry", NS) == []
    assert root.findtext("a:updated", namespaces=NS) == "1970-01-01T00:00:00Z"
    assert root.findtext("a:id", namespaces=NS) == FEED


@pytest.mark.parametrize(("url", "updated"), [
    (SITE, "20261129"), (SITE, "2026-11-31"), ("danh-ba/", "2026-11-29")])
def test_an_entry_needs_an_absolute_url_and_a_real_date(url, updated):
    with pytest.raises(ValueError):
        FeedEntry("x", url, updated, "y")
