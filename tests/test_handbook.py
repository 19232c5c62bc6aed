"""The handbook's content rules, checked on the real content and the built pages."""

from __future__ import annotations

import re

import pytest

from helpers import REPO, read, visible_text
from hotro.checks.number_check import known_numbers, unknown_numbers
from hotro.checks.site_check import html_files
from hotro.checks.validated import load_content
from hotro.model.urls import page_url

CONTENT = load_content(REPO)
SLUGS = sorted({slug for slug, _ in CONTENT.pages})
HANDBOOK = ["can-giup-ngay", "nan-nhan", "gia-dinh", "nguoi-co-nguy-co", "can-bo",
            "thay-doi-2025", "so-lieu", "an-toan-truc-tuyen", "thuat-ngu",
            "gioi-thieu/quyen-rieng-tu", "gioi-thieu/tiep-can", "gioi-thieu/bao-loi",
            "chinh-sach/luat-66-2011-qh12", "chinh-sach/nghi-dinh-62-2012-nd-cp",
            "chinh-sach/nghi-dinh-09-2013-nd-cp"]
# Bodies abolished on 1 Jul 2025 must never be named as if they still worked.
DISTRICT_BODIES = re.compile(r"(UBND|Ủy ban nhân dân|Công an|Phòng [A-ZĐ][^ ]*) (huyện|quận|thị xã)"
                             r"|(district|District) (People's Committee|police|Police|office)")
# People named in the research notes; officials change and are never named on the site.
OFFICIALS = ["Lữ Quang Ngời", "Lê Thành Long", "Chen Zhi"]


@pytest.mark.parametrize("slug", SLUGS)
def test_every_page_exists_in_both_languages(slug):
    assert (slug, "vi") in CONTENT.pages and (slug, "en") in CONTENT.pages


@pytest.mark.parametrize("slug", HANDBOOK)
def test_the_handbook_pages_are_there(slug):
    assert (slug, "vi") in CONTENT.pages and (slug, "en") in CONTENT.pages


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_built_page_shows_only_verified_numbers(real_site, lang):
    known = known_numbers(c.phone for c in CONTENT.published_contacts() if c.phone)
    prefix = "" if lang == "vi" else "en/"
    for slug in SLUGS:
        text = visible_text(read(real_site, prefix + page_url(slug + ".vi.md") + "index.html"))
        assert unknown_numbers(text, known) == [], slug


def test_every_tel_link_is_a_published_number(real_site):
    published = {c.phone.tel for c in CONTENT.published_contacts() if c.phone}
    for path in html_files(real_site):
        tels = set(re.findall(r'href="tel:([^"]+)"', path.read_text(encoding="utf-8")))
        assert tels <= published, (path, tels - published)


@pytest.mark.parametrize("page", CONTENT.pages.values(), ids=lambda p: p.src)
def test_no_district_body_or_official_is_named(page):
    assert not DISTRICT_BODIES.search(page.body), page.src
    for name in OFFICIALS:
        assert name not in page.body, (page.src, name)


def _names(agency, lang):
    return [agency["name"][lang], *(n[lang] for n in agency.get("former_names", []))]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_former_body_is_named_with_the_body_that_does_the_work_today(real_site, lang):
    """Readers who know the old name find the current one on the same page."""
    prefix = "" if lang == "vi" else "en/"
    former = [a for a in CONTENT.agencies.values() if "successor" in a.data]
    checked, missing = 0, []
    for slug in SLUGS:
        text = visible_text(read(real_site, prefix + page_url(slug + ".vi.md") + "index.html"))
        for agency in former:
            old = [n.removesuffix(" (cũ)").removesuffix(" (former)") for n in _names(agency, lang)]
            if any(name in text for name in old):
                current = CONTENT.agencies[agency["successor"]]["name"][lang]
                checked += 1
                if current not in text:
                    missing.append((slug, agency.id, current))
    assert missing == []
    assert checked >= 3


def test_the_process_diagram_reads_without_javascript(real_site):
    html = read(real_site, "can-bo/index.html")
    steps = re.findall(r'<li class="process__step"', html)
    assert len(steps) == len(CONTENT.process) >= 5
    text = visible_text(html[html.index('class="process"'):])
    first = next(iter(CONTENT.process.values()))
    assert first["title"]["vi"] in text and first["who"]["vi"] in text


def test_superseded_documents_link_to_what_replaced_them(real_site):
    for policy_id, page in CONTENT.policies().items():
        policy = page.meta["policy"]
        if policy["status"] == "superseded":
            html = read(real_site, page_url(page.src) + "index.html")
            target = CONTENT.policies()[policy["superseded_by"]]
            facts = html[html.index('class="policy-facts'):html.index("</dl>")]
            assert page_url(target.src).split("/")[-2] + "/" in facts, policy_id
