"""The bad-input corpus: every kind of editor mistake gives a clear message and no build.

Each case changes one file of the fixture content tree and asserts the exact lines an editor
sees (`file:line: record/field: problem (expected …)`). More cases live in test_loader.py
(loader messages) and test_build_command.py (mistakes only the build can see).
"""

from __future__ import annotations

import pytest

from helpers import problems_after, problems_of, table_size

CORPUS = [
    (
        "name is text not vi/en",
        "content/agencies.yml",
        "name: {vi: Đơn vị thử nghiệm, en: Test agency}",
        "name: Đơn vị thử nghiệm",
        [
            "content/agencies.yml:2: don-vi-thu/name: 'Đơn vị thử nghiệm' is text (expected a group of fields; text with a Vietnamese version (vi, required) and an English one (en))"
        ],
    ),
    (
        "language code wrong",
        "content/contacts.yml",
        "languages: [vi, km]",
        "languages: [vi, Khmer]",
        [
            "content/contacts.yml:11: duong-day-thu/languages/item 2: 'Khmer' is not in the right form (expected a language code of two or three small letters, such as vi, en or km, e.g. vi)"
        ],
    ),
    (
        "bad email",
        "content/contacts.yml",
        "  cost: standard\n",
        "  cost: standard\n  email: not-an-email\n",
        [
            "content/contacts.yml:11: duong-day-thu/email: 'not-an-email' is not in the right form (expected an email address such as name@example.vn (needed for email), e.g. baohocongdan@gmail.com)"
        ],
    ),
    (
        "verified not boolean",
        "content/contacts.yml",
        "verified: true",
        "verified: có",
        [
            "content/contacts.yml:12: duong-day-thu/verified: 'có' is text (expected true or false; true only when the details were checked against the cited sources; unverified contacts are never published, e.g. true)"
        ],
    ),
    (
        "unknown successor",
        "content/agencies.yml",
        "  sources: [nguon-thu]",
        "  sources: [nguon-thu]\n  successor: khong-co",
        [
            "content/agencies.yml:4: don-vi-thu/successor: agency 'khong-co' does not exist (expected an id from content/agencies.yml)",
            "content/contacts.yml:2: duong-day-thu/agency: agency 'don-vi-thu' no longer exists; its work moved to 'khong-co' (expected the id of the body that runs the line today)",
            "content/editions/thu.yml:1: thu/agency: 'don-vi-thu' no longer exists; its work moved to 'khong-co' (expected a current agency)",
        ],
    ),
    (
        "agency unknown source",
        "content/agencies.yml",
        "sources: [nguon-thu]",
        "sources: [khong-co]",
        [
            "content/agencies.yml:3: don-vi-thu/sources: source 'khong-co' does not exist (expected an id from content/sources/*.yml)"
        ],
    ),
    (
        "unknown front matter field",
        "docs/danh-ba.vi.md",
        "sources: []",
        "sources: []\nauthor: An",
        [
            "docs/danh-ba.vi.md:6: author: unknown field 'author' (expected only these fields: title, description, reviewed, review_by, sources, embeddable, policy, hide, search, translated_from)"
        ],
    ),
    (
        "front matter never closed",
        "docs/danh-ba.vi.md",
        "sources: []\n---",
        "sources: []",
        [
            "docs/danh-ba.vi.md:1: front matter: the front matter is never closed (expected a line --- after the last front-matter field)"
        ],
    ),
    (
        "no front matter",
        "docs/danh-ba.vi.md",
        "---\ndescription",
        "description",
        [
            "docs/danh-ba.vi.md:1: front matter: the page has no front matter (expected a first line ---, then description, reviewed, review_by and sources, then a line ---)"
        ],
    ),
    (
        "date written d/m/y",
        "docs/danh-ba.vi.md",
        "reviewed: 2026-01-15",
        "reviewed: 15/01/2026",
        [
            "docs/danh-ba.vi.md:3: reviewed: '15/01/2026' is not a real date (expected a real date written YYYY-MM-DD)"
        ],
    ),
    (
        "source date impossible",
        "content/sources/thu.yml",
        "date: 2026-01-10",
        "date: 2026-13-10",
        [
            "content/sources/thu.yml:3: nguon-thu/date: '2026-13-10' is not a real date (expected a real date written YYYY-MM-DD)"
        ],
    ),
    (
        "javascript url in a source",
        "content/sources/thu.yml",
        "url: https://thu-nghiem.example.org/nguon",
        "url: javascript:alert(1)",
        [
            "content/sources/thu.yml:2: nguon-thu/url: 'javascript:alert(1)' is not in the right form (expected a full web address starting with https:// or http://, e.g. https://dichvucong.gov.vn/)"
        ],
    ),
    (
        "html in a text field",
        "content/contacts.yml",
        "description: {vi: Số dùng để thử trang., en: A number for testing the site.}",
        "description: {vi: <b>Số</b> dùng để thử trang., en: A number for testing the site.}",
        [
            "content/contacts.yml:7: duong-day-thu/description: HTML or script is not allowed in a text field (expected plain text)"
        ],
    ),
    (
        "script in a text field",
        "content/contacts.yml",
        "audience: {vi: Người thử nghiệm, en: Testers}",
        'audience: {vi: Người thử nghiệm, en: "<script>alert(1)</script>"}',
        [
            "content/contacts.yml:8: duong-day-thu/audience: HTML or script is not allowed in a text field (expected plain text)"
        ],
    ),
    (
        "event handler in a text field",
        "content/agencies.yml",
        "name: {vi: Đơn vị thử nghiệm, en: Test agency}",
        'name: {vi: Đơn vị thử nghiệm, en: "<img src=x onerror=alert(1)>"}',
        [
            "content/agencies.yml:2: don-vi-thu/name: HTML or script is not allowed in a text field (expected plain text)"
        ],
    ),
    (
        "html in page description",
        "docs/danh-ba.vi.md",
        "description: Số điện thoại thử nghiệm.",
        "description: <b>Số</b> điện thoại.",
        [
            "docs/danh-ba.vi.md:2: description: HTML or script is not allowed in a text field (expected plain text)"
        ],
    ),
    (
        "file is a mapping not a list",
        "content/contacts.yml",
        "- id: duong-day-thu",
        "contact:\n- id: duong-day-thu",
        [
            "content/contacts.yml:1: this is a group of fields (expected a list, each item on a line that starts with '- ')"
        ],
    ),
    (
        "tab indentation",
        "content/agencies.yml",
        "  sources: [nguon-thu]",
        "\tsources: [nguon-thu]",
        [
            "content/agencies.yml:3: YAML syntax error: found character '\\t' that cannot start any token (expected valid YAML; check the indentation, colons and quotes)"
        ],
    ),
    (
        "call-buttons without ids",
        "docs/index.vi.md",
        "<!-- data:call-buttons ids=duong-day-thu -->",
        "<!-- data:call-buttons -->",
        ["docs/index.vi.md:10: data:call-buttons: wrong arguments (expected ids=...)"],
    ),
    (
        "call-buttons unknown id",
        "docs/index.vi.md",
        "ids=duong-day-thu",
        "ids=khong-co",
        [
            "docs/index.vi.md:10: data:call-buttons: contact 'khong-co' does not exist (expected an id from content/contacts.yml)"
        ],
    ),
    (
        "ui text missing en",
        "content/ui.yml",
        'contact.call: {vi: "Gọi", en: "Call"}',
        'contact.call: {vi: "Gọi"}',
        [
            "content/ui.yml:3: contact.call/en: this field is missing (expected the English text, e.g. Hotline)"
        ],
    ),
    (
        "hours in a wrong form",
        "content/contacts.yml",
        'hours: {vi: "Từ 8 giờ đến 17 giờ", en: "8 am to 5 pm"}',
        "hours: 8-17",
        [
            "content/contacts.yml:9: duong-day-thu/hours: '8-17' is not allowed here (expected \"24/7\", or the opening hours in vi and en; leave out when not known, e.g. 24/7)"
        ],
    ),
    (
        "empty id",
        "content/contacts.yml",
        "- id: duong-day-thu",
        "- id: ''",
        [
            "content/contacts.yml:1: item 1/id: '' is not in the right form (expected a stable id in lower case letters, digits and hyphens, e.g. hotline-111)"
        ],
    ),
    (
        "id with capitals",
        "content/contacts.yml",
        "- id: duong-day-thu",
        "- id: Duong-Day",
        [
            "content/contacts.yml:1: Duong-Day/id: 'Duong-Day' is not in the right form (expected a stable id in lower case letters, digits and hyphens, e.g. hotline-111)"
        ],
    ),
    (
        "short code for display",
        "content/contacts.yml",
        "  cost: standard\n",
        "  cost: standard\n  display: '113'\n",
        [
            "content/contacts.yml:11: duong-day-thu/display: the display text '113' is not the same number as '0912 345 678' (expected a Vietnamese short code such as 111, or a full number such as +84 981 84 84 84)"
        ],
    ),
]


@pytest.mark.parametrize(
    ("rel", "old", "new", "expected"), [c[1:] for c in CORPUS], ids=[c[0] for c in CORPUS]
)
def test_bad_input(tree, rel, old, new, expected):
    assert problems_after(tree, rel, old, new) == expected


def test_a_huge_file_is_refused_before_it_is_read(tree):
    page = tree / "docs" / "danh-ba.vi.md"
    page.write_text(page.read_text(encoding="utf-8") + "x" * 1_100_000, encoding="utf-8")
    size = page.stat().st_size
    assert problems_of(tree) == [
        f"docs/danh-ba.vi.md: the file is too large ({size:,} bytes) (expected at most 200,000 "
        "bytes; split it into smaller files)"
    ]


def test_an_empty_data_file(tree):
    (tree / "content" / "agencies.yml").write_text("", encoding="utf-8")
    assert problems_of(tree) == [
        "content/agencies.yml:1: this is empty (expected a list, each item on a line that starts "
        "with '- ')"
    ]


def test_corpus_size():
    """The issue asks for at least 40 kinds of mistake across the corpus files."""
    cases, broken = table_size("test_loader.py", "CASES"), table_size("test_build_command.py",
                                                                       "BROKEN")
    assert len(CORPUS) + cases + broken + 7 >= 40
