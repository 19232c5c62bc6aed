"""Phone numbers, tap-to-call linking and the small rendering helpers."""

from __future__ import annotations

import pytest

from hotro.model.phones import PhoneError, parse_phone
from hotro.model.urls import page_url, relative_href
from hotro.render.phone_links import link_numbers, link_numbers_html
from hotro.render.render import format_date


@pytest.mark.parametrize(("raw", "tel", "display"), [
    ("111", "111", "111"),
    ("112", "112", "112"),
    ("113", "113", "113"),
    ("115", "115", "115"),
    ("0912 345 678", "+84912345678", "+84 912 345 678"),
    ("+84 981 84 84 84", "+84981848484", "+84 981 848 484"),
    ("+855 23 726 274", "+85523726274", "+855 23 726 274"),
])
def test_valid_numbers(raw, tel, display):
    phone = parse_phone(raw)
    assert (phone.tel, phone.display, phone.href) == (tel, display, f"tel:{tel}")


@pytest.mark.parametrize(("raw", "message"), [
    ("1111", "'1111' is not a Vietnamese short code"),
    ("999", "'999' is not a Vietnamese short code"),
    ("18001567x", "'18001567x' has characters that are not part of a phone number"),
    ("+84 4 62 844 844", "'+84 4 62 844 844' is not a valid phone number"),
    ("+84 12", "'+84 12' is not a valid phone number"),
])
def test_invalid_numbers(raw, message):
    with pytest.raises(PhoneError, match="^" + message.replace("+", r"\+") + "$"):
        parse_phone(raw)


def test_display_must_be_the_same_number():
    assert parse_phone("+84981848484", "+84 981 84 84 84").display == "+84 981 84 84 84"
    with pytest.raises(PhoneError, match="is not the same number"):
        parse_phone("+84981848484", "+84 981 84 84 85")


NUMBERS = {"111": "111", "113": "113", "0912 345 678": "+84912345678"}


@pytest.mark.parametrize(("text", "linked"), [
    ("Gọi **111** ngay.", "Gọi **[111](tel:111)** ngay."),
    ("Call 113, or 0912 345 678.", "Call [113](tel:113), or [0912 345 678](tel:+84912345678)."),
    ("Từ ngày 1/7/2025, Luật 53/2024/QH15.", "Từ ngày 1/7/2025, Luật 53/2024/QH15."),
    ("Mã thủ tục 1115 hoặc 111584.", "Mã thủ tục 1115 hoặc 111584."),
    ("[111](tel:111) và `111`", "[111](tel:111) và `111`"),
    ("## Gọi 111", "## Gọi 111"),
    ("<!-- data:call-buttons ids=hotline-111 -->", "<!-- data:call-buttons ids=hotline-111 -->"),
    ("- 111: miễn phí", "- [111](tel:111): miễn phí"),
])
def test_link_numbers(text, linked):
    assert link_numbers(text, NUMBERS) == linked


@pytest.mark.parametrize(("src", "url"), [
    ("index.vi.md", ""), ("duong-day-nong/index.en.md", "duong-day-nong/"),
    ("chinh-sach/luat-53-2024-qh15.vi.md", "chinh-sach/luat-53-2024-qh15/"),
])
def test_page_url(src, url):
    assert page_url(src) == url


@pytest.mark.parametrize(("from_src", "to_src", "href"), [
    ("chinh-sach/index.vi.md", "chinh-sach/luat-53-2024-qh15.vi.md", "luat-53-2024-qh15/"),
    ("chinh-sach/luat-53-2024-qh15.en.md", "chinh-sach/nghi-dinh-162-2025-nd-cp.vi.md",
     "../nghi-dinh-162-2025-nd-cp/"),
    ("index.vi.md", "duong-day-nong/index.vi.md", "duong-day-nong/"),
    ("duong-day-nong/index.vi.md", "index.vi.md", "../"),
    ("index.vi.md", "index.vi.md", "./"),
])
def test_relative_href(from_src, to_src, href):
    assert relative_href(from_src, to_src) == href


def test_dates_read_naturally_in_each_language():
    assert format_date("2025-07-01", "vi") == "01/07/2025"
    assert format_date("2025-07-01", "en") == "1 July 2025"


def test_numbers_in_data_text_are_escaped_and_linked():
    html = link_numbers_html("Gọi 113 <script>x()</script> & 0912 345 678", NUMBERS)
    assert html == ('Gọi <a href="tel:113">113</a> &lt;script&gt;x()&lt;/script&gt; &amp; '
                    '<a href="tel:+84912345678">0912 345 678</a>')
