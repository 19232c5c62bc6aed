"""The real site, built in strict mode in a fresh process, read as a reader's browser gets it."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from helpers import REAL_SITE_URL, REPO, html_lang, read, tel_links, visible_text
from hotro.checks.site_check import FETCHING, check_site, html_files, parse_html
from hotro.checks.validated import load_content
from hotro.model.urls import page_url

CONTENT = load_content(REPO)
# Every page's URL, from the content itself: "", "duong-day-nong/", "chinh-sach/luat-…/" …
PAGES = sorted(page_url(p.src) for p in CONTENT.pages.values() if p.lang == "vi")


def test_every_internal_link_and_anchor_resolves(real_site):
    assert check_site(real_site, REAL_SITE_URL) == []


@pytest.mark.parametrize("page", PAGES)
def test_both_languages_exist_with_the_right_lang(real_site, page):
    assert html_lang(read(real_site, page + "index.html")) == "vi"
    assert html_lang(read(real_site, "en/" + page + "index.html")) == "en"


def test_404_pages_are_in_their_language(real_site):
    root, english = read(real_site, "404.html"), read(real_site, "en/404.html")
    assert html_lang(root) == "vi" and html_lang(english) == "en"
    assert "Hỗ trợ nạn nhân bị mua bán người" in visible_text(root)
    assert "Support for victims of human trafficking" in visible_text(english)


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_directory_lists_every_published_contact(real_site, lang_prefix):
    html = read(real_site, lang_prefix + "duong-day-nong/index.html")
    text = visible_text(html)
    lang = lang_prefix.rstrip("/") or "vi"
    for contact in CONTENT.published_contacts():
        assert contact["name"][lang] in text, contact.id
        if contact.phone:
            assert contact.phone.tel in tel_links(html), contact.id
            assert contact.phone.display in text
        else:
            assert f'href="mailto:{contact["email"]}"' in html


def test_unverified_contacts_are_never_published(real_site):
    hidden = [c for c in CONTENT.contacts.values() if not c.published]
    assert hidden, "the real content keeps at least one unverified contact on file"
    for path in html_files(real_site):
        html = path.read_text(encoding="utf-8")
        for contact in hidden:
            assert contact.phone.tel not in html, (path, contact.id)
            assert contact.phone.display not in visible_text(html), (path, contact.id)


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_home_page_puts_111_113_112_first(real_site, lang_prefix):
    html = read(real_site, lang_prefix + "index.html")
    main = html[html.index('<article'):]
    assert tel_links(main)[:3] == ["111", "113", "112"]


def test_numbers_in_prose_are_tap_to_call(real_site):
    html = read(real_site, "chinh-sach/nghi-dinh-162-2025-nd-cp/index.html")
    body = html[html.index('<article'):]
    assert "111" in tel_links(body)
    assert "tel:112584" not in body  # a procedure code, not a phone number


def test_no_page_loads_anything_from_another_host(real_site):
    for path in html_files(real_site):
        page = parse_html(path.read_text(encoding="utf-8"))
        for tag, attr, url in page.links:
            if (tag, attr) in FETCHING:
                assert not re.match(r"^(https?:)?//", url), (path, tag, url)
    for css in real_site.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css.read_text(encoding="utf-8")), css


def test_no_web_fonts_or_analytics(real_site):
    html = read(real_site, "index.html")
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
    assert "gtag(" not in html and "googletagmanager" not in html


@pytest.mark.parametrize("page", PAGES[1:])
def test_language_switch_keeps_the_same_page(real_site, page):
    vi, en = read(real_site, page + "index.html"), read(real_site, "en/" + page + "index.html")
    depth = "../" * page.count("/")
    assert f'href="{depth}en/{page}" hreflang="en"' in vi
    assert f'href="{depth}../{page}" hreflang="vi"' in en


def test_navigation_titles_keep_diacritics(real_site):
    text = visible_text(read(real_site, "chinh-sach/index.html"))
    for title in ("Trang chủ", "Đường dây nóng", "Văn bản chính sách",
                  "Luật Phòng, chống mua bán người 2024", "Kế hoạch của tỉnh Bạc Liêu (2022)"):
        assert title in text
    english = visible_text(read(real_site, "en/chinh-sach/index.html"))
    assert "Hotlines" in english and "Policy documents" in english


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_every_page_shows_its_sources_and_review_date(real_site, lang_prefix):
    for page in PAGES:
        html = read(real_site, lang_prefix + page + "index.html")
        src = CONTENT.pages[(_slug(page), lang_prefix.rstrip("/") or "vi")]
        foot = html[html.index('class="page-foot"'):]
        for sid in src.meta["sources"]:
            assert f'href="{_escape(CONTENT.sources[sid]["url"])}"' in foot, (page, sid)
        assert 'datetime="' + src.meta["reviewed"] + '"' in foot


def test_directory_cites_the_sources_of_its_contacts(real_site):
    foot = read(real_site, "duong-day-nong/index.html").split('class="page-foot"')[1]
    for contact in CONTENT.published_contacts():
        for sid in contact["sources"]:
            assert _escape(CONTENT.sources[sid]["url"]) in foot


def test_policy_pages_show_their_status(real_site):
    law = visible_text(read(real_site, "chinh-sach/luat-53-2024-qh15/index.html"))
    assert "53/2024/QH15" in law and "Đang có hiệu lực" in law and "01/07/2025" in law
    plan = visible_text(read(real_site, "en/chinh-sach/ke-hoach-bac-lieu-2022/index.html"))
    assert "Historical, for reference" in plan


def test_sitemap_and_search_index_exist(real_site):
    sitemap = read(real_site, "sitemap.xml")
    assert "<loc>https://ho-tro.example.gov.vn/duong-day-nong/</loc>" in sitemap
    assert (real_site / "search.json").is_file() and (real_site / "en" / "search.json").is_file()
    assert not (real_site / "search").exists()  # no Material search index


def _slug(page: str) -> str:
    """The page pair's name for a URL: '' -> 'index', 'a/b/' -> 'a/b' or 'a/b/index'."""
    if (page + "index", "vi") in CONTENT.pages:
        return page + "index"
    return page.rstrip("/")


def _escape(url: str) -> str:
    return url.replace("&", "&amp;")


def test_output_has_no_leftover_markers(real_site):
    for path in html_files(real_site):
        assert "<!-- data:" not in path.read_text("utf-8"), path


def test_the_build_did_not_write_into_docs():
    assert not list(Path(REPO / "docs").rglob("*.html"))


@pytest.mark.parametrize(("lang_prefix", "last"), [
    ("", "Kế hoạch năm 2022 của tỉnh Bạc Liêu cũ"),
    ("en/", "The former Bạc Liêu province's 2022 plan")])
def test_policy_list_names_each_document_and_puts_in_force_first(real_site, lang_prefix, last):
    html = read(real_site, lang_prefix + "chinh-sach/index.html")
    listing = html[html.index('class="policy-list"'):html.index("</ul>", html.index("policy-list"))]
    titles = [unescape(t) for t in re.findall(r'<a href="[^"]+">([^<]+)</a>', listing)]
    assert len(titles) == len(CONTENT.policies())
    assert titles[-1].startswith(last)
    statuses = re.findall(r'policy-status--(\w+)', listing)
    rank = {"in_force": 0, "superseded": 1, "historical": 2}
    assert statuses == sorted(statuses, key=rank.get)
    assert statuses[0] == "in_force" and set(statuses) == set(rank)


def test_numbers_in_contact_descriptions_are_tap_to_call(real_site):
    html = read(real_site, "en/duong-day-nong/index.html")
    card = html[html.index('id="emergency-112"'):]
    card = card[:card.index("</section>")]
    assert tel_links(card) == ["112", "113", "114", "115"]
