"""The content checks (hotro.checks) speak through the message catalogue.

Broken content that makes every check of checks/ speak at least once: each problem's parts are
Messages of content/messages.yml (never English strings matched back), its Vietnamese line has
no English left, and every `checks.*` text of the catalogue is said by some mistake here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from helpers import check_vietnamese, edit, english_left, make_tree
from hotro.checks import freshness
from hotro.checks.markup_check import refused
from hotro.checks.validated import load_content
from hotro.model.messages import Message, catalogue
from hotro.model.problems import ContentError, Problem

TODAY = date(2026, 12, 3)
ED = "content/editions/thu.yml"
# Texts that only appear inside other texts: words, numbers and counts.
INSIDE = {"checks.kind-source", "checks.kind-agency", "checks.kind-contact", "checks.kind-policy",
          "checks.home-policy", "checks.no-value", "checks.decimal", "checks.count-pages",
          "checks.count-contacts", "checks.reminders"}
FRONT = ("---\ndescription: {description}\nreviewed: 2026-01-15\nreview_by: 2026-07-15\n"
         "sources: [nguon-thu]\n{extra}---\n\n# {title}\n")
POLICY = ("policy:\n  id: {id}\n  kind: law\n  issuer: Quốc hội\n  status: {status}\n"
          "  source_url: https://vbpl.vn/luat\n  summary: {summary}\n{more}")
BROKEN_BODY = """
Gọi 0987 654 321, O912 345 678 hoặc O987 654 329.

[Gọi 111](tel:0987654321) hoặc [0912 345 679](tel:0912345678).

<span data-x="1">a</span>

<span id="__config">b</span>

<span class="md-x">c</span>

<marquee>d</marquee>

[tệp](ftp://thu-nghiem.example.org/a)

![ảnh](https://other.example/x.png)

<!-- data:khong-co -->

<!-- data:contacts ids=a -->

<!-- data:call-buttons -->

<!-- data:call-buttons ids=khong-co,chua-kiem-tra -->

<!-- data:process -->
"""


def _page(description: str, title: str, extra: str = "") -> str:
    return FRONT.format(description=description, title=title, extra=extra)


# Mistakes found across files (checks.cross_references): the files stay valid one by one.
ACROSS = [
    ("content/agencies.yml", None,
     "- id: don-vi-thu\n  name: {vi: Đơn vị thử nghiệm, en: Test agency}\n"
     "  sources: [nguon-thu]\n"
     "- id: don-vi-cu\n  name: {vi: Đơn vị cũ, en: Old agency}\n  successor: don-vi-thu\n"
     "  sources: [nguon-thu]\n"
     "- id: don-vi-la\n  name: {vi: Đơn vị lạ, en: Odd agency}\n  successor: khong-co\n"
     "  sources: [nguon-la]\n"),
    ("content/contacts.yml", "  agency: don-vi-thu\n", "  agency: don-vi-cu\n"),
    ("content/contacts.yml", "description: {vi: Chưa kiểm tra.",
     "description: {vi: <b>Chưa</b> kiểm tra."),
    (ED, "agency: don-vi-thu", "agency: don-vi-cu"),
    (ED, "contacts_first: [duong-day-thu]", "contacts_first: [khong-co, chua-kiem-tra]"),
    (ED, "sections: all", "sections: [danh-ba, tin-tuc]\ncolours: {primary: \"#ffcc00\"}\n"
     "logo: assets/images/khong-co.svg"),
    (ED, "canonical: true", "canonical: false"),
    ("docs/danh-ba.vi.md", "sources: []", "sources: [khong-co]\ntranslated_from: 3f2a9c0b1d4e"),
    ("docs/danh-ba.vi.md", "<!-- data:contacts -->", BROKEN_BODY),
    ("docs/mot-minh.en.md", None, _page("Alone.", "Alone")),
    ("docs/luat-a.vi.md", None, _page("Luật A.", "Luật A", POLICY.format(
        id="luat-a", status="superseded", summary="Tóm tắt.",
        more="  number: 01/2025\n  superseded_by: khong-co\n"))),
    ("docs/luat-a.en.md", None, _page("Law A.", "Law A", POLICY.format(
        id="luat-a", status="in_force", summary="Summary.", more=""))),
    ("docs/luat-b.vi.md", None, _page("Luật B.", "Luật B", POLICY.format(
        id="luat-a", status="in_force", summary="Tóm tắt.", more=""))),
    ("docs/luat-b.en.md", None, _page("Law B.", "Law B")),
]


def _edition(name: str, site_url: str) -> tuple[str, None, str]:
    return (f"content/editions/{name}", None,
            f"agency: khong-co\ncanonical: true\nsite_url: {site_url}\n"
            "name: {vi: Bản khác, en: Other}\nsections: all\ncontacts_first: [duong-day-thu]\n"
            "quick_exit: https://www.google.com.vn/\n")


# Mistakes the guards find in files the loader accepts (content_guards), and two joint editions.
GUARDS = [
    _edition("assets.yml", "https://thu-nghiem.example.org/trang/"),
    ("content/editions/cu/ghi-chu.yml", None, "a: 1\n"),
    ("content/editions/ghi-chu.txt", None, "a\n"),
    ("content/sources/thu.yml", "date: 2026-01-10", "date: 2099-01-10"),
]


def _problems(tmp_path: Path, name: str, edits) -> list[Problem]:
    tree = make_tree(tmp_path / name)
    for change in edits:
        edit(tree, *change)
    with pytest.raises(ContentError) as caught:
        load_content(tree, TODAY)
    return caught.value.problems


@pytest.fixture(scope="module")
def said(tmp_path_factory) -> list[Problem]:
    """Every problem the checks find in the broken trees, and the reminders of a late day."""
    base = tmp_path_factory.mktemp("checks")
    problems = _problems(base, "across", ACROSS) + _problems(base, "guards", GUARDS)
    content = load_content(make_tree(base / "good"), TODAY)
    return problems + freshness.overdue(content, date(2100, 1, 1))


def _ids(message: Message) -> set[str]:
    """The id of a message and of the messages inside it."""
    found = {message.id}
    for _, value in message.params:
        for inner in value if isinstance(value, tuple) else (value,):
            if isinstance(inner, Message):
                found |= _ids(inner)
    return found


def _checks_problems(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if isinstance(p.problem, Message)
            and p.problem.id.startswith("checks.")]


def test_every_text_of_the_checks_is_said(said):
    """Each checks.* entry of the catalogue is the problem or expectation of some mistake."""
    used = set().union(*(_ids(part) for p in said for part in (p.problem, p.expected)
                         if isinstance(part, Message)))
    known = {key for key in catalogue() if key.startswith("checks.")}
    assert known - INSIDE - used == set()
    assert INSIDE - {"checks.count-pages", "checks.count-contacts", "checks.reminders"} <= used


def test_the_checks_problems_are_messages(said):
    mine = _checks_problems(said)
    assert len(mine) >= 40
    for problem in mine:
        assert isinstance(problem.expected, Message), str(problem)
        assert Problem.from_json(problem.to_json()) == problem


def test_the_checks_problems_read_in_vietnamese(said):
    mine = _checks_problems(said)
    check_vietnamese(mine)
    for problem in mine:
        line = problem.text("vi")
        assert problem.problem.text("vi") in line and problem.expected.text("vi") in line
        assert problem.problem.text("vi") != str(problem.problem)


def test_the_english_stays_as_it_was(said):
    lines = {str(p) for p in said}
    assert (f"{ED}:6: thu/colours/primary: #ffcc00 is too light: white text on it has a "
            "contrast of 1.5:1 (expected a darker colour, at least 4.5:1 against white)") in lines
    assert ("docs/danh-ba.vi.md:5: sources: source 'khong-co' does not exist (expected an id "
            "from content/sources/*.yml)") in lines
    assert any(line.endswith("policy/superseded_by: policy 'khong-co' does not exist (expected "
                             "an id from the policy: id of a page)") for line in lines)
    assert any(line.endswith("policy/number: None differs from the Vietnamese page's "
                             "'01/2025' (expected the same value as docs/luat-a.vi.md)")
               for line in lines)


def test_words_and_numbers_follow_the_language(said):
    vi = {p.text("vi") for p in said}
    assert (f"{ED}:6: thu/colours/primary: màu #ffcc00 quá nhạt: chữ trắng trên nền màu này chỉ "
            "có độ tương phản 1,5:1 (cần một màu đậm hơn, có độ tương phản với màu trắng ít nhất "
            "4,5:1)") in vi
    assert any(line.endswith("policy/number: giá trị trống khác với giá trị '01/2025' ở trang "
                             "tiếng Việt (cần cùng giá trị như trong docs/luat-a.vi.md)")
               for line in vi)
    assert any("không có văn bản chính sách nào mang mã 'khong-co' (cần một mã (id) có trong "
               "trường policy: id của một trang)" in line for line in vi)


def test_the_sanitisers_refusals_in_words():
    assert str(refused(("attribute", "onclick"))) == "the attribute onclick is not allowed"
    assert str(refused(("id", "__config"))) == "the id '__config' is not allowed"
    assert str(refused(("scheme", "ftp"))) == "a ftp: address is not allowed"
    assert refused(("element", "marquee")).text("vi") == "không được dùng thẻ này trong trang"


def test_the_reminders_summary(tree):
    content = load_content(tree, TODAY)
    one = freshness.summary(content, date(2026, 7, 15))
    assert str(one) == "0 pages past review_by, 1 contact due for a check (on 2026-07-15)"
    late = freshness.summary(content, date(2100, 1, 1))
    assert str(late) == "5 pages past review_by, 1 contact due for a check (on 2100-01-01)"
    assert late.text("vi") == ("5 trang quá hạn review_by, 1 liên hệ đến hạn kiểm tra lại "
                               "(tính đến ngày 2100-01-01)")
    assert english_left(late.text("vi")) == []
