"""Issue 14, part "numbers": no unverified phone number reaches readers, however it is written.

Each way of hiding a number (brackets, hidden or no-break characters, fullwidth digits, the
letters O and l, a tel: link that dials another number than it shows) is refused with one exact
line, in English and in Vietnamese; dates, law numbers and amounts are not numbers to call.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import REPO, check_vietnamese, loader_problems, run_build, serve
from hotro.checks.number_check import find_numbers, known_numbers
from hotro.checks.number_scan import text_problems
from hotro.checks.validated import load_content
from hotro.model.number_text import canonical, read
from hotro.model.phones import parse_phone
from hotro.model.protected_spans import protected_spans
from hotro.render.phone_links import link_numbers, link_numbers_html

PAGE = "docs/danh-ba.vi.md"
LINE = "Gọi 0912 345 678 nếu cần."  # line 10 of the fixture page; 0912 345 678 is verified
EXPECTED_NUMBER = ("(expected only numbers of verified contacts in content/contacts.yml; when a "
                   "number is not known, tell readers to call 111)")
EXPECTED_LINK = ("(expected a tel: link to the number of a verified contact in "
                 "content/contacts.yml, e.g. tel:111)")
EXPECTED_TEXT = "(expected link text that shows the number the link dials, e.g. [111](tel:111))"
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
NO_BREAK = ["\u00a0", "\u202f", "\u2007"]
FULLWIDTH = str.maketrans("0123456789", "".join(chr(0xFF10 + d) for d in range(10)))
WIDE_679 = "0912 345 679".translate(FULLWIDTH)  # as typed on a fullwidth keyboard
WIDE_028 = "028 3829 5555".translate(FULLWIDTH)


def unknown(written: str, read_as: str | None = None, line: int = 10, where: str = "",
            file: str = PAGE) -> str:
    shown = f" (read as {read_as!r})" if read_as else ""
    return (f"{file}:{line}: {where}the number {written!r}{shown} is not in the verified "
            f"directory {EXPECTED_NUMBER}")


CASES = [
    ("landline with brackets", "Gọi (028) 3829 5555 nếu cần.", [unknown("(028) 3829 5555")]),
    ("+84 with brackets", "Gọi +84 (28) 3829 5555 nếu cần.",
     [unknown("+84 (28) 3829 5555")]),
    ("fullwidth digits", f"Gọi {WIDE_679} nếu cần.",
     [unknown(WIDE_679, "0912 345 679")]),
    ("letter O for zero, l for one", "Gọi O912 345 67l nếu cần.",
     [unknown("O912 345 67l", "0912 345 671")]),
    ("capital I for one", "Gọi 09I2 345 679 nếu cần.",
     [unknown("09I2 345 679", "0912 345 679")]),
    ("a number after a count", "Bước 2 0912 345 679.", [unknown("0912 345 679")]),
    ("a character reference for a digit", "Gọi &#48;912 345 679.",
     [unknown("&#48;912 345 679", "0912 345 679")]),
    ("slashes between the digits", "Gọi 0912/345/679 nếu cần.", [unknown("0912/345/679")]),
    ("middle dots between the digits", "Gọi 0912\u00b7345\u00b7679 nếu cần.",
     [unknown("0912\u00b7345\u00b7679", "0912.345.679")]),
    ("digits split by Markdown emphasis", "Gọi 0912 **345** 679 nếu cần.",
     [unknown("0912 **345** 679", "0912 345 679")]),
    ("digits split by an HTML comment", "Gọi 0912<!-- x -->345 679 nếu cần.",
     [unknown("0912<!-- x -->345 679", "0912345 679")]),
    ("digits split by a line break in a paragraph", "Gọi 0912 345\n679 nếu cần.",
     [unknown("0912 345\n679")]),
    ("Zalo link to an unverified number", "[Zalo](https://zalo.me/0912345679)",
     [f"{PAGE}:10: the link 'zalo.me/0912345679' dials '0912345679', which is not in the "
      f"verified directory {EXPECTED_LINK}", unknown("0912345679")]),
    ("WhatsApp link to an unverified number", "[WhatsApp](https://wa.me/84912345679)",
     [f"{PAGE}:10: the link 'wa.me/84912345679' dials '+84912345679', which is not in the "
      f"verified directory {EXPECTED_LINK}", unknown("84912345679")]),
    ("tel: link with a percent-encoded digit", "[Gọi 111](tel:%30912345679)",
     [f"{PAGE}:10: the link 'tel:%30912345679' dials '0912345679', which is not in the "
      f"verified directory {EXPECTED_LINK}", unknown("111")]),
    ("tel: link whose text names another number", "[Gọi 113](tel:0912345678)",
     [f"{PAGE}:10: the link text 'Gọi 113' names '113', but the link dials '0912345678' "
      f"{EXPECTED_TEXT}", unknown("113")]),
    ("raw HTML tel: link with an encoded scheme",
     '<a href="&#116;el:+84912345679">0912 345 678</a>',
     [f"{PAGE}:10: the link 'tel:+84912345679' dials '+84912345679', which is not in the "
      f"verified directory {EXPECTED_LINK}", unknown("+84912345679")]),
    ("tel: scheme split by an encoded tab", '<a href="t&#9;el:0912345679">Gọi</a>',
     [f"{PAGE}:10: the link 'tel:0912345679' dials '0912345679', which is not in the verified "
      f"directory {EXPECTED_LINK}", unknown("0912345679")]),
    ("tel: link with a pause and a second number", "[0912 345 678](tel:0912345678,0912345679)",
     [f"{PAGE}:10: the link 'tel:0912345678,0912345679' dials '0912345678,0912345679', which "
      f"is not in the verified directory {EXPECTED_LINK}", unknown("0912345679")]),
    ("sms: link to an unverified number", "[Nhắn tin](sms:0912345679)",
     [f"{PAGE}:10: the link 'sms:0912345679' dials '0912345679', which is not in the verified "
      f"directory {EXPECTED_LINK}", unknown("0912345679")]),
    ("tel: link with letters", "[0912 345 678](tel:0912345678;ext=9)",
     [f"{PAGE}:10: the link 'tel:0912345678;ext=9' dials '0912345678;ext=9', which is not in "
      f"the verified directory {EXPECTED_LINK}"]),
    ("verified number with a hidden character", "Gọi 0912\u200b345 678 nếu cần.",
     [f"{PAGE}:10: the number '0912\\u200b345 678' is written with hidden or look-alike "
      "characters (read as '0912345 678') (expected ordinary digits, as content/contacts.yml "
      "writes it: '0912 345 678')"]),
    *[(f"zero-width U+{ord(c):04X}", f"Gọi 0912{c}345{c}679 nếu cần.",
       [unknown(f"0912{c}345{c}679", "0912345679")]) for c in ZERO_WIDTH],
    *[(f"no-break space U+{ord(c):04X}", f"Gọi 0912{c}345{c}679 nếu cần.",
       [unknown(f"0912{c}345{c}679")]) for c in NO_BREAK],
]


@pytest.mark.parametrize(("new", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_hidden_number_in_a_page_is_refused(tree, new, expected):
    problems = loader_problems(tree, [(PAGE, LINE, new)])
    assert [str(p) for p in problems] == sorted(expected)
    check_vietnamese(problems)


def test_messages_read_in_vietnamese(tree):
    new = (f"Gọi {WIDE_679}, 0912\u200b345 678, [Gọi 111](tel:%30912345679) hoặc "
           "[Gọi 113](tel:0912345678).")
    problems = loader_problems(tree, [(PAGE, LINE, new)])
    assert [p.text("vi") for p in problems] == [
        f"{PAGE}:10: liên kết 'tel:%30912345679' gọi tới số '0912345679', số này không có trong "
        "danh bạ đã kiểm chứng (cần một liên kết tel: tới số của một liên hệ đã kiểm chứng trong "
        "content/contacts.yml, ví dụ tel:111)",
        f"{PAGE}:10: chữ của liên kết 'Gọi 113' ghi số '113', nhưng liên kết lại gọi tới số "
        "'0912345678' (cần chữ của liên kết ghi đúng số mà liên kết gọi tới, ví dụ "
        "[111](tel:111))",
        f"{PAGE}:10: số '0912\\u200b345 678' được viết bằng ký tự ẩn hoặc ký tự trông giống chữ "
        "số (đọc là '0912345 678') (cần chữ số thông thường, viết giống như trong "
        "content/contacts.yml: '0912 345 678')",
        f"{PAGE}:10: số '111' không có trong danh bạ đã kiểm chứng (cần chỉ các số của liên hệ "
        "đã kiểm chứng trong content/contacts.yml; khi không biết số, hãy hướng dẫn người đọc "
        "gọi 111)",
        f"{PAGE}:10: số '113' không có trong danh bạ đã kiểm chứng (cần chỉ các số của liên hệ "
        "đã kiểm chứng trong content/contacts.yml; khi không biết số, hãy hướng dẫn người đọc "
        "gọi 111)",
        f"{PAGE}:10: số '{WIDE_679}' (đọc là '0912 345 679') không có trong danh bạ "
        "đã kiểm chứng (cần chỉ các số của liên hệ đã kiểm chứng trong content/contacts.yml; khi "
        "không biết số, hãy hướng dẫn người đọc gọi 111)",
    ]


def test_number_in_front_matter_is_refused(tree):
    problems = loader_problems(tree, [(PAGE, "description: Số điện thoại thử nghiệm.",
                                       "description: Gọi (028) 3829 5555.")])
    assert [str(p) for p in problems] == [unknown("(028) 3829 5555", line=2,
                                                  where="description: ")]
    check_vietnamese(problems)


def test_number_in_a_data_text_is_refused(tree):
    problems = loader_problems(tree, [("content/contacts.yml", "en: A number for testing the "
                                       "site.", f"en: Or call {WIDE_028}.")])
    assert [str(p) for p in problems] == [
        unknown(WIDE_028, "028 3829 5555", line=7,
                where="duong-day-thu/description: ", file="content/contacts.yml")]
    check_vietnamese(problems)


def test_number_in_an_edition_is_refused(tree):
    problems = loader_problems(tree, [("content/editions/thu.yml", "en: Test site}",
                                       "en: Test site - call O912 345 679}")])
    assert [str(p) for p in problems] == [
        unknown("O912 345 679", "0912 345 679", line=4, where="thu/name: ",
                file="content/editions/thu.yml")]
    check_vietnamese(problems)


KNOWN = known_numbers([parse_phone("0912 345 678"), parse_phone("111"),
                       parse_phone("+84 981 84 84 84", "+84 981 84 84 84")])


@pytest.mark.parametrize("text", [
    "Luật 53/2024/QH15 có hiệu lực từ 2025-07-01, tức 01/07/2025.",
    "Nghị định 162/2025/NĐ-CP; Quyết định 2023/QĐ-TTg; Thông tư 09/2013/TT-BLĐTBXH.",
    "Mức hỗ trợ 1.500.000 đồng, hoặc 1,500,000 VND; năm 2025 có 110 người.",
    "Thủ tục 1.001234.000.00.00.H12; mã 2.000123; Điều 150, 151 Bộ luật Hình sự.",
    "Olympic, IOM, lo lắng, I love 2FA; QH15 l0 ngày 1/7.",
    "Gọi 111, 0912 345 678 hoặc +84 981 84 84 84; [Gọi 111](tel:111).",
    '<a href="tel:+84912345678">0912 345 678</a> hoặc [0912 345 678](tel:0912345678)',
    "Gọi 0912\u00a0345\u00a0678 hoặc 0912&nbsp;345&nbsp;678.",
    "Gọi **0912 345 678** hoặc `111`; Zalo: https://zalo.me/0912345678, https://wa.me/84912345678",
    "Gọi 0912 345\n678 nếu cần.\n\n2025\n- 2026",
    "1. Gọi +84 981 84 84 84.\n2. Gọi 111.",
    "Gọi +84 981 84 84 84\n3. Gọi 111.",
    "Từ ngày 01/07/2025, 111 và +84 981 84 84 84 (24/7) vẫn hoạt động.",
])
def test_dates_laws_amounts_and_published_numbers_pass(text):
    assert text_problems("f.md", 1, "", text, KNOWN) == []


def test_real_content_passes():
    content = load_content(REPO)
    assert {c.phone.tel for c in content.published_contacts() if c.phone} >= {"111", "113"}


TELS = {"111": "111", "0912 345 678": "+84912345678"}


@pytest.mark.parametrize(("text", "linked"), [
    # a hidden digit after 111 makes 1113: never a link to 111
    ("Gọi 111\u200b3.", "Gọi 111\u200b3."),
    ("Gọi 111&#51;.", "Gọi 111&#51;."),
    # a published number written with no-break spaces or fullwidth digits shows as its record
    ("Gọi 0912\u00a0345\u00a0678.", "Gọi [0912 345 678](tel:+84912345678)."),
    (f"Gọi {'111'.translate(FULLWIDTH)}.", "Gọi [111](tel:111)."),
])
def test_phone_links_show_the_record_and_never_link_part_of_a_number(text, linked):
    assert link_numbers(text, TELS) == linked


def test_phone_links_in_data_text():
    assert str(link_numbers_html("Gọi 0912\u202f345\u202f678 & 111\u200b3", TELS)) == (
        'Gọi <a href="tel:+84912345678">0912 345 678</a> &amp; 111\u200b3')


def test_published_page_shows_the_record_form(tree, tmp_path):
    """A verified number pasted with no-break spaces is built as its record writes it."""
    page = tree / PAGE
    page.write_text(page.read_text(encoding="utf-8").replace(
        LINE, "Gọi 0912\u00a0345\u00a0678 nếu cần."), encoding="utf-8")
    result = run_build(tree / "mkdocs.yml", tree / "site")
    assert result.returncode == 0, result.stderr
    html = (tree / "site" / "thu" / "danh-ba" / "index.html").read_text(encoding="utf-8")
    assert '<a href="tel:+84912345678">0912 345 678</a> nếu cần.' in html
    assert "\u00a0345" not in html


@pytest.mark.browser
def test_reader_sees_and_dials_the_record_number(tree, browser):
    """In Chromium: the number pasted with no-break spaces is one link, showing and dialling
    the verified number as its record writes it."""
    page_file = tree / PAGE
    page_file.write_text(page_file.read_text(encoding="utf-8").replace(
        LINE, "Gọi 0912\u202f345\u202f678 nếu cần."), encoding="utf-8")
    assert run_build(tree / "mkdocs.yml", tree / "site").returncode == 0
    base, stop = serve(tree / "site" / "thu")
    try:
        page = browser.new_page()
        page.goto(base + "/danh-ba/")
        body = page.locator("article").first
        assert "Gọi 0912 345 678 nếu cần." in body.inner_text()
        links = body.locator('a[href^="tel:"]')
        shown = [(links.nth(i).inner_text(), links.nth(i).get_attribute("href"))
                 for i in range(links.count())]
        assert ("0912 345 678", "tel:+84912345678") in shown
        for text, href in shown:  # every number a tel: link shows is the number it dials
            assert [canonical(f.plain) for f in find_numbers(text)] == [canonical(href[4:])]
        page.close()
    finally:
        stop()


def test_build_refuses_a_link_that_dials_another_number(tree):
    page = tree / PAGE
    page.write_text(page.read_text(encoding="utf-8").replace(
        LINE, "[Gọi 111](tel:%30912345679)"), encoding="utf-8")
    result = run_build(tree / "mkdocs.yml", tree / "site", args=["--lang", "vi"])
    assert result.returncode != 0
    assert (f"{PAGE}:10: liên kết 'tel:%30912345679' gọi tới số '0912345679', số này không có "
            "trong danh bạ đã kiểm chứng") in result.stderr
    assert "Traceback" not in result.stderr
    assert not Path(tree / "site" / "thu").exists()


# -- Any text: no crash, and a verified number is read as itself however it is written --------

PIECES = st.sampled_from(["0", "1", "9", "8", "4", " ", "O", "o", "l", "I", "(", ")", "+",
                          "-", ".", "/", chr(0xFF10), chr(0xFF19), "&#48;", "&nbsp;", "tel:",
                          "[", "](", "Gọi ", "\n", *ZERO_WIDTH, *NO_BREAK])
HIDE = st.sampled_from(["", "", "", *ZERO_WIDTH])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=60).map("".join))
def test_any_text_is_checked_without_crashing(text):
    problems = text_problems("f.md", 1, "", text, KNOWN)
    assert all(p.problem for p in problems)
    if problems:
        check_vietnamese(problems)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["0912 345 678", "+84 981 84 84 84", "111", "0981 848 484"]),
       st.data())
def test_a_verified_number_survives_any_disguise(number, data):
    disguised = ""
    for char in number:
        hidden = data.draw(HIDE)
        if char == " ":
            char = data.draw(st.sampled_from([" ", *NO_BREAK]))
        elif char.isdigit() and data.draw(st.booleans()):
            char = char.translate(FULLWIDTH)
        disguised += char + hidden
    assert canonical(read(disguised).plain) == canonical(number)
    found = find_numbers(f"Gọi {disguised} nhé.")
    assert [canonical(f.plain) for f in found] == [canonical(number)]
    assert all(canonical(f.plain) in KNOWN for f in found)


# The spans number linking leaves alone, as the old (quadratic) expression found them.
OLD_PROTECTED = re.compile(r"!?\[[^\]]*\]\([^)]*\)|<!--.*?-->|<[^>]+>|`[^`]*`")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="[]()<>!-`x1 ", max_size=40))
def test_protected_spans_are_those_of_the_old_expression(text):
    assert protected_spans(text) == [m.span() for m in OLD_PROTECTED.finditer(text)]
