"""The loader on valid and invalid content: each mistake gives one exact, editor-facing line."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import problems_after, problems_of
from hotro.checks.validated import load_content
from hotro.model.problems import ContentError


def test_fixture_tree_is_valid(tree):
    content = load_content(tree)
    assert list(content.contacts) == ["duong-day-thu", "chua-kiem-tra"]
    assert [c.id for c in content.published_contacts()] == ["duong-day-thu"]
    assert content.contacts["duong-day-thu"].phone.tel == "+84912345678"
    assert sorted(content.pages) == [("danh-ba", "en"), ("danh-ba", "vi"),
                                     ("huong-dan/chua-dich", "vi"), ("index", "en"),
                                     ("index", "vi")]


def test_real_content_is_valid():
    content = load_content(Path(__file__).resolve().parent.parent)
    published = {c.phone.tel for c in content.published_contacts() if c.phone}
    assert {"111", "112", "113", "114", "115", "+84981848484"} <= published


CASES = [
    ("bad phone number", "content/contacts.yml", 'number: "0912 345 678"', 'number: "1111"',
     "content/contacts.yml:6: duong-day-thu/number: '1111' is not a Vietnamese short code "
     "(expected a Vietnamese short code such as 111, or a full number such as "
     "+84 981 84 84 84)"),
    ("foreign-format number", "content/contacts.yml", 'number: "0912 345 678"',
     'number: "+84 4 62 844 844"',
     "content/contacts.yml:6: duong-day-thu/number: '+84 4 62 844 844' is not a valid phone "
     "number (expected a Vietnamese short code such as 111, or a full number such as "
     "+84 981 84 84 84)"),
    ("letters in a number", "content/contacts.yml", 'number: "0912 345 678"',
     'number: "hotline"',
     "content/contacts.yml:6: duong-day-thu/number: 'hotline' has characters that are not "
     "part of a phone number (expected a Vietnamese short code such as 111, or a full number "
     "such as +84 981 84 84 84)"),
    ("unknown agency", "content/contacts.yml", "agency: don-vi-thu", "agency: khong-co",
     "content/contacts.yml:2: duong-day-thu/agency: agency 'khong-co' does not exist "
     "(expected an id from content/agencies.yml)"),
    ("missing field", "content/contacts.yml", "  audience: {vi: Người thử nghiệm, en: Testers}\n",
     "", "content/contacts.yml:1: duong-day-thu/audience: this field is missing (expected who "
     "should use it, in vi and en)"),
    ("cost no longer unknown", "content/contacts.yml", "  cost: standard\n", "  cost: unknown\n",
     "content/contacts.yml:10: duong-day-thu/cost: 'unknown' is not one of the allowed values "
     "(expected one of: free, standard)"),
    ("value not allowed", "content/contacts.yml", "channel: voice", "channel: fax",
     "content/contacts.yml:5: duong-day-thu/channel: 'fax' is not one of the allowed values "
     "(expected one of: voice, sms, email, zalo, web)"),
    ("impossible date", "content/contacts.yml", "verified_on: 2026-01-15",
     "verified_on: 2026-02-30",
     "content/contacts.yml:13: duong-day-thu/verified_on: '2026-02-30' is not a real date "
     "(expected a real date written YYYY-MM-DD)"),
    ("verified without a date", "content/contacts.yml", "  verified_on: 2026-01-15\n", "",
     "content/contacts.yml:1: duong-day-thu/verified_on: this field is missing (expected the "
     "date someone last checked the details against the sources, YYYY-MM-DD, e.g. 2026-11-29)"),
    ("missing translation", "content/contacts.yml",
     "description: {vi: Số dùng để thử trang., en: A number for testing the site.}",
     "description: {vi: Số dùng để thử trang.}",
     "content/contacts.yml:7: duong-day-thu/description/en: this field is missing (expected "
     "the English text, e.g. Hotline)"),
    ("unknown field", "content/contacts.yml", "cost: standard", "cost: standard\n  fax: 1",
     "content/contacts.yml:11: duong-day-thu/fax: unknown field 'fax' (expected only these "
     "fields: id, agency, name, short_name, channel, number, display, email, url, description, "
     "audience, hours, cost, cost_sources, languages, is_emergency, verified, verified_on, "
     "recheck_every_days, sources, note)"),
    ("duplicate id", "content/contacts.yml", "id: chua-kiem-tra", "id: duong-day-thu",
     "content/contacts.yml:16: duong-day-thu/id: this id is used twice (expected each id once)"),
    ("same source twice", "content/sources/thu.yml", "  kind: other",
     "  kind: other\n- id: nguon-thu-2\n  url: https://thu-nghiem.example.org/nguon\n"
     "  about: {vi: Nguồn thử nghiệm., en: A test source.}\n  kind: other",
     "content/sources/thu.yml:7: nguon-thu-2/url: this address is already source 'nguon-thu' "
     "(expected one record per address; cite 'nguon-thu' instead)"),
    ("line run by a former body", "content/agencies.yml", "  sources: [nguon-thu]",
     "  sources: [nguon-thu]\n  successor: don-vi-moi\n- id: don-vi-moi\n"
     "  name: {vi: Đơn vị mới, en: New agency}\n  sources: [nguon-thu]",
     ["content/contacts.yml:2: duong-day-thu/agency: agency 'don-vi-thu' no longer exists; its "
      "work moved to 'don-vi-moi' (expected the id of the body that runs the line today)",
      "content/editions/thu.yml:1: thu/agency: 'don-vi-thu' no longer exists; its work moved to "
      "'don-vi-moi' (expected a current agency)"]),
    ("broken YAML", "content/agencies.yml", "  sources: [nguon-thu]", "  sources: [nguon-thu",
     "content/agencies.yml:4: YAML syntax error: expected ',' or ']', but got '<stream end>' "
     "(expected valid YAML; check the indentation, colons and quotes)"),
    ("duplicate key", "content/agencies.yml", "  sources: [nguon-thu]",
     "  sources: [nguon-thu]\n  sources: []",
     "content/agencies.yml:4: sources: this key appears twice (expected each key once per "
     "record)"),
    ("unknown source on a page", "docs/danh-ba.vi.md", "sources: []", "sources: [khong-co]",
     ["docs/danh-ba.en.md:5: sources: differs from the Vietnamese page (expected the same "
      "sources as docs/danh-ba.vi.md)",
      "docs/danh-ba.vi.md:5: sources: source 'khong-co' does not exist (expected an id from "
      "content/sources/*.yml)"]),
    ("page without review date", "docs/danh-ba.vi.md", "reviewed: 2026-01-15\n", "",
     "docs/danh-ba.vi.md:2: reviewed: this field is missing (expected the date an editor last "
     "checked the page, YYYY-MM-DD, e.g. 2026-11-29)"),
    ("script in Markdown", "docs/danh-ba.vi.md", "Gọi 0912 345 678 nếu cần.",
     "Gọi <script>alert(1)</script> nếu cần.",
     "docs/danh-ba.vi.md:10: raw <script> is not allowed in a page (expected plain Markdown: "
     "text, lists, tables, links to pages or https:// addresses)"),
    ("event handler in Markdown", "docs/danh-ba.vi.md", "Gọi 0912 345 678 nếu cần.",
     '<img src="x.png" onerror="steal()">',
     "docs/danh-ba.vi.md:10: an HTML event handler (on...=) is not allowed (expected plain "
     "Markdown: text, lists, tables, links to pages or https:// addresses)"),
    ("javascript link", "docs/danh-ba.vi.md", "Gọi 0912 345 678 nếu cần.",
     "[bấm](javascript:alert(1))",
     "docs/danh-ba.vi.md:10: a javascript: link is not allowed (expected plain Markdown: text, "
     "lists, tables, links to pages or https:// addresses)"),
    ("number not in the directory", "docs/danh-ba.vi.md", "Gọi 0912 345 678 nếu cần.",
     "Gọi 0912 345 678 hoặc 028 3829 5555 nếu cần.",
     "docs/danh-ba.vi.md:10: the number '028 3829 5555' is not in the verified directory "
     "(expected only numbers of verified contacts in content/contacts.yml; when a number is not "
     "known, tell readers to call 111)"),
    ("unknown short code in a data text", "content/contacts.yml",
     "{vi: Số dùng để thử trang., en: A number for testing the site.}",
     "{vi: Số dùng để thử trang., en: Or call 113.}",
     "content/contacts.yml:7: duong-day-thu/description: the number '113' is not in the "
     "verified directory (expected only numbers of verified contacts in content/contacts.yml; "
     "when a number is not known, tell readers to call 111)"),
    ("unknown marker", "docs/danh-ba.vi.md", "<!-- data:contacts -->", "<!-- data:hotlines -->",
     "docs/danh-ba.vi.md:12: data:hotlines: unknown data marker (expected one of: "
     "data:contacts, data:call-buttons, data:policies, data:process, data:search, data:embeds, "
     "data:open-data, data:which-number)"),
    ("unverified contact on a page", "docs/index.vi.md", "ids=duong-day-thu",
     "ids=duong-day-thu,chua-kiem-tra",
     "docs/index.vi.md:10: data:call-buttons: contact 'chua-kiem-tra' is not verified, so it "
     "cannot be shown (expected a verified contact)"),
]


@pytest.mark.parametrize(("rel", "old", "new", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_mistake_gives_exact_message(tree, rel, old, new, expected):
    expected = expected if isinstance(expected, list) else [expected]
    assert problems_after(tree, rel, old, new) == expected


def test_english_page_without_vietnamese(tree):
    (tree / "docs" / "danh-ba.vi.md").unlink()
    assert problems_of(tree) == [
        "docs/danh-ba.en.md:1: this page has no Vietnamese version (expected "
        "docs/danh-ba.vi.md beside it)"]


def test_page_without_language_in_its_name(tree):
    (tree / "docs" / "extra.md").write_text("# Extra\n", encoding="utf-8")
    assert problems_of(tree) == [
        "docs/extra.md: the file name has no language (expected <name>.vi.md for Vietnamese "
        "and <name>.en.md for English)"]


def test_byte_order_mark(tree):
    path = tree / "content" / "agencies.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert problems_of(tree) == [
        "content/agencies.yml:1: the file starts with a byte-order mark (expected UTF-8 without "
        "BOM; save the file again as plain UTF-8)"]


def test_not_utf8(tree):
    path = tree / "content" / "agencies.yml"
    path.write_bytes(path.read_bytes().replace("Đơn vị".encode(), b"\xd0\xf5n v\xec"))
    assert problems_of(tree) == [
        "content/agencies.yml:2: the file is not valid UTF-8 text (expected UTF-8; save the "
        "file again as UTF-8)"]


def test_every_problem_is_reported_at_once(tree):
    contacts = tree / "content" / "contacts.yml"
    text = contacts.read_text(encoding="utf-8")
    contacts.write_text(text.replace("channel: voice", "channel: fax", 1), encoding="utf-8")
    page = tree / "docs" / "danh-ba.en.md"
    page.write_text(page.read_text(encoding="utf-8").replace("2026-01-15", "15/01/2026"),
                    encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(tree)
    assert len(caught.value.problems) == 2
    assert caught.value.report().endswith("2 problems found; nothing was built.")


def test_policy_pages(tree):
    front = (
        "---\ndescription: Văn bản.\nreviewed: 2026-01-15\nreview_by: 2026-07-15\n"
        "sources: [nguon-thu]\npolicy:\n  id: {pid}\n  kind: law\n  issuer: Quốc hội\n"
        "  status: {status}\n  source_url: https://vbpl.vn/luat\n"
        "  summary: Tóm tắt.\n---\n\n# Luật\n")
    docs = tree / "docs"
    (docs / "luat-cu.vi.md").write_text(front.format(pid="luat-cu", status="superseded"),
                                        encoding="utf-8")
    (docs / "luat-moi.vi.md").write_text(front.format(pid="luat-cu", status="in_force"),
                                         encoding="utf-8")
    assert problems_of(tree) == [
        "docs/luat-cu.vi.md:6: policy/superseded_by: this field is missing (expected the id of "
        "the policy page that replaced it (needed when the status is superseded), "
        "e.g. law-53-2024)"]
    text = (docs / "luat-cu.vi.md").read_text(encoding="utf-8")
    (docs / "luat-cu.vi.md").write_text(
        text.replace("status: superseded", "status: superseded\n  superseded_by: luat-moi"),
        encoding="utf-8")
    assert problems_of(tree) == [
        "docs/luat-cu.vi.md:11: policy/superseded_by: policy 'luat-moi' does not exist "
        "(expected an id from the policy: id of a page)",
        "docs/luat-moi.vi.md:7: policy/id: 'luat-cu' is also the id of docs/luat-cu.vi.md "
        "(expected a policy id used by one page pair)"]
