"""A small content tree that is not the real province's builds too, under a sub-path."""

from __future__ import annotations

from helpers import FIXTURE_SITE_URL, html_lang, read, tel_links, visible_text
from hotro.checks.site_check import check_site


def test_fixture_site_builds_with_its_own_data(fixture_site):
    assert check_site(fixture_site, FIXTURE_SITE_URL) == []
    html = read(fixture_site, "danh-ba/index.html")
    assert tel_links(html) == ["+84912345678", "+84912345678"]  # prose and card
    text = visible_text(html)
    assert "Đường dây thử nghiệm" in text and "Từ 8 giờ đến 17 giờ" in text
    assert "Tiếng Việt, Tiếng Khmer" in text
    assert "111" not in text  # nothing from the real province's content


def test_unverified_contact_is_not_published(fixture_site):
    for lang in ("", "en/"):
        html = read(fixture_site, lang + "danh-ba/index.html")
        assert "Số chưa kiểm tra" not in html and "Unchecked number" not in html
        assert "+842838295555" not in html


def test_untranslated_page_shows_vietnamese_with_an_english_notice(fixture_site):
    html = read(fixture_site, "en/huong-dan/chua-dich/index.html")
    assert html_lang(html) == "vi"
    assert 'class="admonition note translation-notice" lang="en"' in html
    text = visible_text(html)
    assert "This page has not been translated into English yet" in text
    assert "Trang này chưa có bản tiếng Anh." in text
    assert html_lang(read(fixture_site, "huong-dan/chua-dich/index.html")) == "vi"
    assert "translation-notice" not in read(fixture_site, "huong-dan/chua-dich/index.html")


def test_home_page_language_switch_works_under_a_sub_path(fixture_site):
    vi, en = read(fixture_site, "index.html"), read(fixture_site, "en/index.html")
    assert 'href="/trang/en/" hreflang="en"' in vi
    assert 'href="/trang/" hreflang="vi"' in en


def test_english_nav_and_site_name(fixture_site):
    text = visible_text(read(fixture_site, "en/index.html"))
    assert "Test site" in text and "Phone numbers" in text and "Untranslated guide" in text
