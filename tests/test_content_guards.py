"""Issue 14, "accepted without a word": each case is now a `file:line` error an editor reads in
English and in Vietnamese (or, for the open-data CSV, a cell a spreadsheet cannot run).

Every case changes the fixture tree the way an editor (or an attacker with an editor's rights)
would, and asserts the exact lines the loader prints.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import check_vietnamese, edit, run_build
from hotro.checks.validated import load_content
from hotro.load.plugin_options import problems_in_file
from hotro.model.problems import ContentError
from hotro.outputs.csv_cells import safe_cell
from hotro.outputs.open_data import CSV_COLUMNS, directory_csv

ED = "content/editions/thu.yml"
TODAY = date(2026, 12, 3)
PLAIN = "(expected plain text; delete the invisible character)"


def _problems(tree: Path, edits, today: date = TODAY):
    for change in edits:
        edit(tree, *change)
    with pytest.raises(ContentError) as caught:
        load_content(tree, today)
    return caught.value.problems


def _second_edition(tree: Path, name: str, site_url: str) -> tuple[str, None, str]:
    text = (tree / ED).read_text(encoding="utf-8").replace("canonical: true", "canonical: false")
    text = text.replace("https://thu-nghiem.example.org/trang/", site_url)
    return (f"content/editions/{name}", None, text)


CASES = [
    ("site_url over http", [(ED, "site_url: https://", "site_url: http://")], [
        f"{ED}:3: site_url: 'http://thu-nghiem.example.org/trang/' is not in the right form "
        "(expected the full https:// address the edition is published at, ending with /; it "
        "may be a folder such as /ho-tro/, e.g. https://soyte.example.gov.vn/ho-tro/)"]),
    ("quick_exit over http", [(ED, "quick_exit: https://", "quick_exit: http://")], [
        f"{ED}:7: quick_exit: 'http://www.google.com.vn/' is not in the right form (expected a "
        "full web address starting with https:// (not http://), e.g. https://dichvucong.gov.vn/)"]),
    ("embed portal over http", [(ED, "quick_exit: https://www.google.com.vn/",
                                 "quick_exit: https://www.google.com.vn/\n"
                                 "embed_portals: [http://soyte.example.gov.vn]")], [
        f"{ED}:8: embed_portals/item 1: 'http://soyte.example.gov.vn' is not in the right form "
        "(expected scheme and host, no path, e.g. https://soyte.example.gov.vn)"]),
    ("agency website over http", [("content/agencies.yml", "  sources: [nguon-thu]",
                                   "  sources: [nguon-thu]\n  website: http://camau.gov.vn/")], [
        "content/agencies.yml:4: don-vi-thu/website: 'http://camau.gov.vn/' is not in the right "
        "form (expected a full web address starting with https:// (not http://), e.g. "
        "https://dichvucong.gov.vn/)"]),
    ("two editions at one address", [("second", "khac.yml",
                                      "https://thu-nghiem.example.org:443/trang/")], [
        "content/editions/khac.yml:3: khac/site_url: the same address as "
        "content/editions/thu.yml (expected a different address for each edition)",
        f"{ED}:3: thu/site_url: the same address as content/editions/khac.yml (expected a "
        "different address for each edition)"]),
    ("same address with a final dot", [("second", "khac.yml",
                                        "https://thu-nghiem.example.org./trang/")], [
        "content/editions/khac.yml:3: khac/site_url: the same address as "
        "content/editions/thu.yml (expected a different address for each edition)",
        f"{ED}:3: thu/site_url: the same address as content/editions/khac.yml (expected a "
        "different address for each edition)"]),
    ("site_url with ..", [(ED, "/trang/", "/trang/../trang/")], [
        f"{ED}:3: site_url: 'https://thu-nghiem.example.org/trang/../trang/' is not in the right "
        "form (expected the full https:// address the edition is published at, ending with /; it "
        "may be a folder such as /ho-tro/, e.g. https://soyte.example.gov.vn/ho-tro/)"]),
    ("an id in capitals", [("content/editions/Khac.yml", None, "agency: don-vi-thu\n")], [
        "content/editions/Khac.yml: the file name 'Khac' is not a valid id (expected lower case "
        "letters, digits and hyphens, e.g. so-y-te.yml)"]),
    (".yaml and other names", [("content/editions/khac.yaml", None, "agency: don-vi-thu\n"),
                               ("content/sources/them.YML", None, "- id: x\n"),
                               ("content/sources/cu.yml.bak", None, "- id: x\n"),
                               ("content/editions/cu/thu.yml", None, "agency: don-vi-thu\n")], [
        "content/editions/cu: this folder is never read (expected files named <name>.yml "
        "directly in content/editions/)",
        "content/editions/khac.yaml: this file is never read: only names ending in .yml are "
        "(expected a name ending in .yml, such as khac.yml)",
        "content/sources/cu.yml.bak: this file is never read: only names ending in .yml are "
        "(expected a name ending in .yml, such as cu.yml)",
        "content/sources/them.YML: this file is never read: only names ending in .yml are "
        "(expected a name ending in .yml, such as them.yml)"]),
    *[(f"edition named {name}", [("second", f"{name}.yml",
                                  f"https://thu-nghiem.example.org/{name}/")], [
        f"content/editions/{name}.yml: the name '{name}' is reserved: the built site already "
        "uses it for a language, a folder or a file (expected another name, such as the "
        "agency's id (not a language code, a section or one of: 404, assets, data, embed, feed, "
        "index, search, sitemap))"])
      for name in ("en", "vi", "assets", "404", "sitemap", "danh-ba")],
    ("future verification", [("content/contacts.yml", "verified_on: 2026-01-15",
                              "verified_on: 2099-01-01")], [
        "content/contacts.yml:13: duong-day-thu/verified_on: 2099-01-01 is after today "
        "(2026-12-03) (expected the day it really happened: today or earlier)"]),
    ("reviewed tomorrow, source dated tomorrow", [
        ("docs/danh-ba.vi.md", "reviewed: 2026-01-15", "reviewed: 2026-12-04"),
        ("content/sources/thu.yml", "date: 2026-01-10", "date: 2026-12-04")], [
        "content/sources/thu.yml:3: nguon-thu/date: 2026-12-04 is after today (2026-12-03) "
        "(expected the day it really happened: today or earlier)",
        "docs/danh-ba.vi.md:3: reviewed: 2026-12-04 is after today (2026-12-03) (expected the "
        "day it really happened: today or earlier)"]),
    ("right-to-left override in names", [
        ("content/contacts.yml", "Đường dây thử nghiệm", "Đường dây \u202eenil tseT"),
        (ED, "en: Test site", "en: Test\u200f site")], [
        f"content/contacts.yml:3: duong-day-thu/name/vi: the text has an invisible "
        f"direction-control character (U+202E) {PLAIN}",
        f"{ED}:4: thu/name/en: the text has an invisible direction-control character (U+200F) "
        f"{PLAIN}"]),
    ("direction controls in a page", [
        ("docs/danh-ba.vi.md", "Số điện thoại thử", "Số\u2066 điện thoại thử\u2069"),
        ("docs/danh-ba.vi.md", "nếu cần.", "nếu cần.\u061c")], [
        f"docs/danh-ba.vi.md:2: description: the text has an invisible direction-control "
        f"character (U+2066) {PLAIN}",
        f"docs/danh-ba.vi.md:2: description: the text has an invisible direction-control "
        f"character (U+2069) {PLAIN}",
        f"docs/danh-ba.vi.md:10: the text has an invisible direction-control character "
        f"(U+061C) {PLAIN}"]),
    ("written as a YAML escape or an HTML character reference", [
        ("content/contacts.yml", "name: {vi: Đường dây thử nghiệm,",
         'name: {vi: "Đường dây \\u202Eenil tseT",'),
        ("docs/danh-ba.vi.md", "description: Số điện thoại thử nghiệm.",
         'description: "Số điện thoại \\u2067thử nghiệm."'),
        ("docs/danh-ba.vi.md", "nếu cần.", "nếu &#x202E;cần&rlm;.")], [
        f"content/contacts.yml:3: duong-day-thu/name/vi: the text has an invisible "
        f"direction-control character (U+202E) {PLAIN}",
        f"docs/danh-ba.vi.md:2: description: the text has an invisible direction-control "
        f"character (U+2067) {PLAIN}",
        f"docs/danh-ba.vi.md:10: the text has an invisible direction-control character "
        f"(U+200F) {PLAIN}",
        f"docs/danh-ba.vi.md:10: the text has an invisible direction-control character "
        f"(U+202E) {PLAIN}"]),
    ("a menu title in mkdocs.yml", [("mkdocs.yml", "Số điện thoại: Phone numbers",
                                     "Số điện thoại: Phone\u202e numbers")], [
        f"mkdocs.yml:28: the text has an invisible direction-control character (U+202E) "
        f"{PLAIN}"]),
    ("zero-width space inside a number and a word", [
        ("docs/danh-ba.vi.md", "Gọi 0912", "Gọi 09\u200b12"),
        ("content/agencies.yml", "Test agency", "Test\u2060agency")], [
        f"content/agencies.yml:2: don-vi-thu/name/en: the text has an invisible zero-width "
        f"character (U+2060) {PLAIN}",
        # between digits: the number check says what the number reads as (number_check.py)
        "docs/danh-ba.vi.md:10: the number '09\\u200b12 345 678' is written with hidden or "
        "look-alike characters (read as '0912 345 678') (expected ordinary digits, as "
        "content/contacts.yml writes it: '0912 345 678')"]),
]


@pytest.mark.parametrize(("edits", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_accepted_without_a_word_is_now_an_error(tree, edits, expected):
    edits = [_second_edition(tree, *e[1:]) if e[0] == "second" else e for e in edits]
    problems = _problems(tree, edits)
    assert [str(p) for p in problems] == expected
    check_vietnamese(problems)


VIETNAMESE = [
    ("two editions at one address", "content/editions/khac.yml:3: khac/site_url: trùng địa chỉ "
     "với content/editions/thu.yml (cần mỗi phiên bản một địa chỉ riêng)"),
    (".yaml and other names", "content/editions/khac.yaml: tệp này không bao giờ được đọc: chỉ "
     "những tệp có tên kết thúc bằng .yml mới được đọc (cần một tên kết thúc bằng .yml, ví dụ "
     "khac.yml)"),
    ("edition named en", "content/editions/en.yml: tên 'en' đã được dành riêng: trang web tạo "
     "ra đã dùng tên này cho một ngôn ngữ, một thư mục hoặc một tệp (cần một tên khác, ví dụ mã "
     "(id) của cơ quan (không được là mã ngôn ngữ, tên một mục hay một trong các tên: 404, "
     "assets, data, embed, feed, index, search, sitemap))"),
    ("future verification", "content/contacts.yml:13: duong-day-thu/verified_on: ngày 2099-01-01 "
     "còn chưa tới (hôm nay là ngày 2026-12-03) (cần ngày việc đó thực sự diễn ra: hôm nay hoặc "
     "một ngày trước đó)"),
    ("right-to-left override in names", "content/contacts.yml:3: duong-day-thu/name/vi: đoạn "
     "chữ có một ký tự ẩn làm đảo hướng chữ (U+202E) (cần chữ thuần; hãy xóa ký tự ẩn đó)"),
    ("zero-width space inside a number and a word", "content/agencies.yml:2: "
     "don-vi-thu/name/en: đoạn chữ có một ký tự ẩn không có bề rộng (U+2060) chen vào giữa chữ "
     "hoặc số (cần chữ thuần; hãy xóa ký tự ẩn đó)"),
]


@pytest.mark.parametrize(("case", "line"), VIETNAMESE, ids=[v[0] for v in VIETNAMESE])
def test_the_new_messages_word_for_word_in_vietnamese(tree, case, line):
    edits = next(c[1] for c in CASES if c[0] == case)
    edits = [_second_edition(tree, *e[1:]) if e[0] == "second" else e for e in edits]
    assert line in ContentError(_problems(tree, edits)).report("vi").split("\n")


def test_a_policy_issued_in_the_future_but_effective_later_is_fine(tree):
    page = ("---\ndescription: Văn bản.\nreviewed: 2026-01-15\nreview_by: 2026-07-15\n"
            "sources: [nguon-thu]\npolicy:\n  id: luat\n  kind: law\n  issuer: Quốc hội\n"
            "  issued: {issued}\n  effective: 2027-07-01\n  status: in_force\n"
            "  source_url: https://vbpl.vn/luat\n  summary: Tóm tắt.\n---\n\n"
            "# Luật\n")
    path = tree / "docs" / "luat.vi.md"
    path.write_text(page.format(issued="2026-11-28"), encoding="utf-8")
    assert ("luat", "vi") in load_content(tree, TODAY).pages
    path.write_text(page.format(issued="2026-12-28"), encoding="utf-8")
    assert [str(p) for p in _problems(tree, [])] == [
        "docs/luat.vi.md:10: policy/issued: 2026-12-28 is after today (2026-12-03) (expected "
        "the day it really happened: today or earlier)"]


def test_an_http_source_address_is_still_accepted(tree):
    """Decision: a source is a citation, and some official archives (pctnxh.molisa.gov.vn)
    serve only http://; addresses the site opens for readers (quick exit, contact, agency,
    a policy's full text) and its own addresses must be https://."""
    edit(tree, "content/sources/thu.yml", "url: https://", "url: http://")
    assert load_content(tree, TODAY).sources["nguon-thu"]["url"].startswith("http://")


def test_files_an_operating_system_leaves_are_not_content(tree):
    for name in (".DS_Store", "Thumbs.db", "desktop.ini"):
        edit(tree, f"content/editions/{name}", None, "")
    assert sorted(load_content(tree, TODAY).editions) == ["thu"]


def test_dates_of_today_and_future_review_by_are_accepted(tree):
    edit(tree, "content/contacts.yml", "verified_on: 2026-01-15", "verified_on: 2026-12-03")
    edit(tree, "docs/danh-ba.vi.md", "review_by: 2026-07-15", "review_by: 2099-07-15")
    assert load_content(tree, TODAY).contacts["duong-day-thu"]["verified_on"] == "2026-12-03"


def test_the_day_after_is_refused_only_from_the_day_before(tree):
    edit(tree, "content/contacts.yml", "verified_on: 2026-01-15", "verified_on: 2026-12-04")
    load_content(tree, date(2026, 12, 4))
    with pytest.raises(ContentError):
        load_content(tree, TODAY)


def test_an_emoji_joined_by_zero_width_joiner_is_kept(tree):
    edit(tree, "docs/danh-ba.vi.md", "nếu cần.", "nếu cần. 👩\u200d⚕️")
    assert ("danh-ba", "vi") in load_content(tree, TODAY).pages


def test_today_is_the_day_in_vietnam():
    from datetime import datetime

    from hotro.checks.content_guards import vietnam_today

    evening_utc = datetime(2026, 12, 2, 17, 30, tzinfo=UTC)  # 00:30 on 3 December
    assert vietnam_today(evening_utc) == date(2026, 12, 3)
    assert vietnam_today(evening_utc.replace(hour=16)) == date(2026, 12, 2)


def test_make_check_takes_the_day_from_the_command_line(tree, capsys):
    from hotro.editors.check_content import main

    edit(tree, "content/contacts.yml", "verified_on: 2026-01-15", "verified_on: 2026-12-04")
    assert main([str(tree), "--today", "2026-12-04"]) == 0
    assert main([str(tree), "--today", "2026-12-03"]) == 1
    assert "duong-day-thu/verified_on: 2026-12-04 is after today (2026-12-03)" in (
        capsys.readouterr().err)


# -- the open-data CSV ----------------------------------------------------------------------

FORMULAS = {"name_vi": '=HYPERLINK("https://evil.example/","Bấm vào đây")',
            "name_en": "+cmd|' /C calc'!A0", "audience_vi": "-Người thử nghiệm",
            "audience_en": "@SUM(A1:A9)", "organization_name_en": "\tTest agency"}


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(tree):
    edit(tree, "content/contacts.yml", "name: {vi: Đường dây thử nghiệm, en: Test line}",
          "name: {vi: '" + FORMULAS["name_vi"].replace("'", "''") + "', en: \"+cmd|' /C "
          "calc'!A0\"}")
    edit(tree, "content/contacts.yml", "audience: {vi: Người thử nghiệm, en: Testers}",
          "audience: {vi: '-Người thử nghiệm', en: '@SUM(A1:A9)'}")
    edit(tree, "content/agencies.yml", "en: Test agency", 'en: "\\tTest agency"')
    row = next(csv.DictReader(io.StringIO(directory_csv(load_content(tree, TODAY)))))
    assert {key: row[key] for key in FORMULAS} == {k: "'" + v for k, v in FORMULAS.items()}
    assert (row["number"], row["display"]) == ("+84912345678", "+84 912 345 678")


@pytest.mark.parametrize(("value", "column", "shown"), [
    ("+84981848484", "number", "+84981848484"),        # E.164, as the published schema says
    ("+84 981 84 84 84", "display", "+84 981 84 84 84"),
    ("+84 981 84 84 84", "name_vi", "'+84 981 84 84 84"),  # the exception is for numbers only
    ("+84=1+1", "display", "'+84=1+1"),
    ("=1+1", "number", "'=1+1"),
    ("\r=1", "hours", "'\n=1"),
    ("Tên\r=HYPERLINK(1)", "name_vi", "Tên\n=HYPERLINK(1)"),  # quoted: stays in its cell
    ("Tổng đài 111", "name_vi", "Tổng đài 111"),
    ("", "email", ""),
])
def test_safe_cell(value, column, shown):
    assert safe_cell(value, column) == shown


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("=+-@\t\r'\n\",;0123456789 ().aZ|!đ"), max_size=12),
       st.sampled_from(CSV_COLUMNS))
def test_no_cell_read_back_from_the_csv_starts_a_formula(value, column):
    """Whatever the text: a cell read back as a spreadsheet reads it either starts with no
    formula character, or is a phone-number cell of digits and + - ( ) . and spaces; and the
    text is there, whole, after the apostrophe."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([safe_cell(value, column)])
    cell = next(csv.reader(io.StringIO(out.getvalue())))[0]
    harmless = column in ("number", "display") and set(cell) <= set("0123456789+-(). ")
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")) or harmless
    lines = value.replace("\r\n", "\n").replace("\r", "\n")  # one cell, never a new row
    assert cell in (lines, "'" + lines)


# -- the base config's quick exit -----------------------------------------------------------

VI_HTTP_BASE_QUICK_EXIT = (
    "mkdocs.yml:32: plugins/hotro/quick_exit/url: 'http://www.google.com.vn/' không phải là địa "
    "chỉ https:// (cần một địa chỉ https:// đầy đủ, ví dụ https://www.google.com.vn/)")


def _http_base_quick_exit(tree: Path) -> None:
    edit(tree, "mkdocs.yml", "  hotro: {}\n",
          "  hotro:\n    quick_exit:\n      url: http://www.google.com.vn/\n")


def test_the_base_quick_exit_must_be_https(tree):
    _http_base_quick_exit(tree)
    import yaml

    config = yaml.safe_load((tree / "mkdocs.yml").read_text(encoding="utf-8"))
    problems = problems_in_file(config, tree / "mkdocs.yml")
    assert [str(p) for p in problems] == [
        "mkdocs.yml:32: plugins/hotro/quick_exit/url: 'http://www.google.com.vn/' is not an "
        "https:// address (expected a full https:// address, e.g. https://www.google.com.vn/)"]
    assert [p.text("vi") for p in problems] == [VI_HTTP_BASE_QUICK_EXIT]


def test_make_site_refuses_an_http_base_quick_exit(tree):
    _http_base_quick_exit(tree)
    result = run_build(tree / "mkdocs.yml", tree / "site", args=["--lang", "vi"])
    assert result.returncode == 1
    assert result.stderr.split("\n")[0] == VI_HTTP_BASE_QUICK_EXIT
    assert not (tree / "site").exists()
