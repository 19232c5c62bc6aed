"""Every message an editor can see also reads in Vietnamese (scripts/messages_vi.py).

Each mistake of the corpora (test_bad_input, test_loader, test_editions, test_build_command) is
made again on the fixture tree, so the Problems checked here are the ones the code produces, not
copies: each must have a Vietnamese problem and expectation, no English words, and the same
`file:line: record/field:` start as the English line.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

import test_bad_input
import test_build_command
import test_editions
import test_loader
from hotro.checks import freshness
from hotro.checks.link_check import check_links
from hotro.checks.site_check import check_site
from hotro.checks.source_map import EXPECTED_LINK
from hotro.checks.validated import load_content
from hotro.editors import status
from hotro.load import schemas, translations
from hotro.load.yaml_source import parse_yaml
from hotro.model.messages import Message
from hotro.model.messages_vi import (
    CONVERT,
    IS_TYPE_VI,
    REPR,
    TYPE_WORDS_VI,
    Untranslated,
    descriptions,
    parse_line,
    template_count,
    translate,
    translate_line,
    untranslated,
)
from hotro.model.problems import ContentError, Problem

STOP_WORDS = ("expected", "missing", "is not", "unknown", "the ", "should")


def _enum_values() -> set[str]:
    """Values editors type (free, unknown …): they stay English in a Vietnamese message."""
    found: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, dict):
            found.update(str(v) for v in node.get("enum", []))
            for key, value in node.items():
                if key != "examples":
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in schemas.SCHEMA_DIR.glob("*.schema.json"):
        walk(json.loads(path.read_text(encoding="utf-8")))
    return found


ENUM_VALUES = _enum_values()


def english_left(text: str) -> list[str]:
    """Stop words left in a Vietnamese text, once quoted values and typed values are removed."""
    text = re.sub(REPR, " ", text)
    text = re.sub(r"\S*[/.]\S*", " ", text)  # file names and addresses
    text = re.sub(r"\S+", lambda m: " " if m[0].strip(",.;:()") in ENUM_VALUES else m[0], text)
    lowered = f" {text.lower()} "
    return [w for w in STOP_WORDS if re.search(rf"\b{re.escape(w)}", lowered)]


def check_vietnamese(problems: list[Problem]) -> None:
    """Every problem has a full Vietnamese translation that keeps its place."""
    missing = untranslated(problems)
    assert missing == [], "no Vietnamese for:\n" + "\n".join(missing)
    for problem in problems:
        vi = translate(problem, "vi")
        line = problem.text("vi")
        assert (vi.file, vi.line, vi.where) == (problem.file, problem.line, problem.where)
        prefix = str(Problem(problem.file, problem.line, problem.where, ""))
        assert line.startswith(prefix), line
        expected = f" (cần {vi.expected})" if vi.expected else ""
        assert line == f"{prefix}{vi.problem}{expected}"
        assert (" (cần " in line) == bool(problem.expected), line
        left = english_left(f"{vi.problem} {vi.expected}")
        assert left == [], f"English words {left} in: {line}"
        assert vi.problem != problem.problem, line
        assert vi.expected != problem.expected or not problem.expected, line
        if not isinstance(problem.problem, Message) and not isinstance(problem.expected, Message):
            assert parse_line(str(problem)) == problem, str(problem)  # a Message is not parsed
        assert translate_line(str(problem)) == line


def loader_problems(tree: Path, edits: list[tuple[str, str, str]]) -> list[Problem]:
    """Change files of the tree (replace old by new) and return the loader's Problems."""
    for rel, old, new in edits:
        path = tree / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"test setup: {old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(tree)
    return caught.value.problems


def _as_list(expected) -> list[str]:
    return expected if isinstance(expected, list) else [expected]


LOADER_CASES = [
    *[(f"bad_input: {name}", rel, old, new, _as_list(expected))
      for name, rel, old, new, expected in test_bad_input.CORPUS],
    *[(f"loader: {name}", rel, old, new, _as_list(expected))
      for name, rel, old, new, expected in test_loader.CASES],
    *[(f"editions: {name}", test_editions.ED, old, new, _as_list(expected))
      for name, old, new, expected in test_editions.CASES],
]


@pytest.mark.parametrize(("rel", "old", "new", "expected"), [c[1:] for c in LOADER_CASES],
                         ids=[c[0] for c in LOADER_CASES])
def test_every_corpus_message_reads_in_vietnamese(tree, rel, old, new, expected):
    problems = loader_problems(tree, [(rel, old, new)])
    assert [str(p) for p in problems] == expected  # the same mistake as the English test
    check_vietnamese(problems)


# Mistakes the other tests make by hand rather than through a table.
def _huge(tree: Path) -> None:
    page = tree / "docs" / "danh-ba.vi.md"
    page.write_text(page.read_text(encoding="utf-8") + "x" * 1_100_000, encoding="utf-8")


def _write(rel: str, text: str):
    return lambda tree: (tree / rel).write_text(text, encoding="utf-8")


def _bytes(rel: str, change):
    return lambda tree: (tree / rel).write_bytes(change((tree / rel).read_bytes()))


def _rename(rel: str, new: str):
    return lambda tree: (tree / rel).rename(tree / new)


def _unlink(rel: str):
    return lambda tree: (tree / rel).unlink()


POLICY = ("---\ndescription: Văn bản.\nreviewed: 2026-01-15\nreview_by: 2026-07-15\n"
          "sources: [nguon-thu]\npolicy:\n  id: luat-cu\n  kind: law\n  issuer: Quốc hội\n"
          "  status: {status}\n  source_url: https://thu-nghiem.example.org/luat\n"
          "  summary: Tóm tắt.\n---\n\n# Luật\n")
ED = test_editions.ED
OTHER_CASES = {
    "huge file": _huge,
    "empty data file": _write("content/agencies.yml", ""),
    "English page alone": _unlink("docs/danh-ba.vi.md"),
    "no language in the name": _write("docs/extra.md", "# Extra\n"),
    "byte-order mark": _bytes("content/agencies.yml", lambda b: b"\xef\xbb\xbf" + b),
    "not UTF-8": _bytes("content/agencies.yml",
                        lambda b: b.replace("Đơn vị".encode(), b"\xd0\xf5n v\xec")),
    "no edition": _unlink(ED),
    "bad edition file name": _rename(ED, "content/editions/Thu Nghiem.yml"),
    "policy without superseded_by": _write("docs/luat-cu.vi.md",
                                           POLICY.format(status="superseded")),
    "policy id twice": lambda tree: (
        _write("docs/luat-cu.vi.md", POLICY.format(status="in_force"))(tree),
        _write("docs/luat-moi.vi.md", POLICY.format(status="superseded").replace(
            "superseded\n", "superseded\n  superseded_by: khong-co\n"))(tree)),
    "control character": _write("content/agencies.yml", "- id: a\x07\n"),
    "front matter not a group of fields": _write("docs/extra.vi.md", "---\n- a\n---\n# X\n"),
    "unknown marker arguments": lambda tree: _write(
        "docs/danh-ba.vi.md", (tree / "docs/danh-ba.vi.md").read_text(encoding="utf-8")
        .replace("<!-- data:contacts -->", "<!-- data:contacts ids=a -->"))(tree),
    "a data: address in a page": lambda tree: _write(
        "docs/danh-ba.vi.md", (tree / "docs/danh-ba.vi.md").read_text(encoding="utf-8")
        + "\n![x](data:image/png;base64,AAAA)\n")(tree),
    "a translated_from in a Vietnamese page": lambda tree: _write(
        "docs/danh-ba.vi.md", (tree / "docs/danh-ba.vi.md").read_text(encoding="utf-8")
        .replace("sources: []", "sources: []\ntranslated_from: 3f2a9c0b1d4e"))(tree),
    "recheck days out of range": lambda tree: _write(
        "content/contacts.yml", (tree / "content/contacts.yml").read_text(encoding="utf-8")
        .replace("  cost: standard\n", "  cost: standard\n  recheck_every_days: 0\n", 1))(tree),
    "a section twice": lambda tree: _write(
        ED, (tree / ED).read_text(encoding="utf-8")
        .replace("sections: all", "sections: [index, index]"))(tree),
}


@pytest.mark.parametrize("change", list(OTHER_CASES.values()), ids=list(OTHER_CASES))
def test_other_loader_mistakes_read_in_vietnamese(tree, change):
    change(tree)
    with pytest.raises(ContentError) as caught:
        load_content(tree)
    check_vietnamese(caught.value.problems)


def _edits_by_file(cases) -> list[list[tuple[str, str, str, str]]]:
    """Cases grouped so that no two in a group change the same file (one build per group)."""
    groups: list[list] = []
    for case in cases:
        group = next((g for g in groups if all(c[1] != case[1] for c in g)), None)
        if group is None:
            groups.append(group := [])
        group.append(case)
    return groups


EXTRA_BUILD_CASES = [
    ("anchor on the same page", "docs/danh-ba.vi.md", "Gọi 0912 345 678 nếu cần.",
     "Gọi 0912 345 678 nếu cần. [Lên đầu](#khong-co)", "docs/danh-ba.vi.md:10: link "
     "'#khong-co': there is no such anchor on this page"),
]


def test_every_build_message_reads_in_vietnamese(tmp_path):
    """test_build_command's mistakes: the loader's, and the link mistakes the link check finds
    before anything is built (with the wording MkDocs uses for them)."""
    from conftest import make_tree

    produced: list[Problem] = []
    in_links = []
    for i, case in enumerate(test_build_command.BROKEN + EXTRA_BUILD_CASES):
        name, rel, old, new, message = case
        tree = make_tree(tmp_path / f"tree-{i}")
        path = tree / rel
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
        try:
            content = load_content(tree)
        except ContentError as err:
            assert any(message in str(p) for p in err.problems), (name, err.report())
            check_vietnamese(err.problems)
            continue
        found = check_links(content)
        assert any(message in str(p) for p in found), (name, [str(p) for p in found])
        produced += found
        in_links.append(name)
    assert len(in_links) >= 5  # broken link, anchors, outside the site, absolute path
    check_vietnamese(produced)


def test_built_site_findings_read_in_vietnamese(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "page.html").write_text('<html lang="vi"><h1 id="a">A</h1></html>', encoding="utf-8")
    (site / "index.html").write_text(
        '<html lang="vi"><a href="missing/">x</a> <a href="page.html#nope">x</a> '
        '<img src="https://other.example/x.png"> <a href="ftp://x.example/">x</a> '
        '<a href="/khac/">x</a></html>', encoding="utf-8")
    findings = check_site(site, "https://thu-nghiem.example.org/trang/")
    assert len(findings) == 5, findings
    check_vietnamese([Problem("docs/index.vi.md", 3, "", f.problem, EXPECTED_LINK)
                      for f in findings])
    # theme pages (404.html) are printed as site/<page>: problem, without an expectation
    for finding in findings:
        line = translate_line(str(finding))
        assert line.startswith("site/index.html: ") and english_left(line[17:]) == [], line
    assert translate_line(str(findings[0])) == (
        "site/index.html: liên kết 'missing/' trỏ tới missing/index.html, nhưng tệp này không "
        "tồn tại")


def test_reminders_and_translation_status_read_in_vietnamese(tree):
    content = load_content(tree)
    reminders = freshness.overdue(content, date(2100, 1, 1))
    assert {p.where.split("/")[-1] for p in reminders} == {"review_by", "verified_on"}
    statuses = (translations.page_status(content)
                + translations.field_status(content, translations.load_records(tree)))
    todo = [status._as_problem(s) for s in statuses if s.state != translations.UP_TO_DATE]
    assert {p.problem for p in todo} == {"missing", "stale"}
    check_vietnamese(reminders + todo)
    stale = Problem("docs/a.en.md", 3, "translated_from", "stale",
                    "the English brought in line with the changed docs/a.vi.md, then make "
                    "translated")
    check_vietnamese([stale])


BROKEN_YAML = ["a:\n\tb: 1", "a: [1, 2", "a: {b: 1", "a: b: c", "- a\nb: c", "a: 'x", 'a: "x',
               "a: @x", "a: `x", "a: *nope", "a: 1\na: 2", "a: !!python/object:os.system x",
               "a: 1\n---\nb: 2", "a: \x07", 'a: "\\q"', "a: &x 1\nb: &x 2",
               "a:\n  b: 1\n c: 2", "[a, b]]", "a: 1\n...\nb", "a: !x!y 1",
               "%YAML 1.1\n%YAML 1.1\n---\na", "a: 'x' y", "key\nother: 1"]


@pytest.mark.parametrize("text", BROKEN_YAML)
def test_yaml_syntax_errors_read_in_vietnamese(text):
    with pytest.raises(ContentError) as caught:
        parse_yaml(text, "content/agencies.yml")
    check_vietnamese(caught.value.problems)


def _sub_schemas(node: dict):
    """Every schema inside `node` (properties, definitions, items, branches), and itself."""
    yield node
    for key in ("properties", "$defs"):
        for value in node.get(key, {}).values():
            yield from _sub_schemas(value)
    for key in ("items", "additionalProperties", "propertyNames"):
        if isinstance(node.get(key), dict):
            yield from _sub_schemas(node[key])
    for key in ("oneOf", "anyOf", "allOf"):
        for value in node.get(key, []):
            yield from _sub_schemas(value)


def _resolved(sub: dict, root: dict) -> dict:
    """schemas._deref, for references inside the same file too."""
    ref = sub.get("$ref", "")
    if not ref.startswith("#/"):
        return schemas._deref(sub)
    target = root
    for step in ref[2:].split("/"):
        target = target[step]
    return {**target, **{k: v for k, v in sub.items() if k != "$ref"}}


@pytest.mark.parametrize("path", sorted(schemas.SCHEMA_DIR.glob("*.schema.json")),
                         ids=lambda p: p.name)
def test_every_schema_expectation_reads_in_vietnamese(path):
    """What schemas._expected makes of any field, alone and after a type (the "expected")."""
    schema = json.loads(path.read_text(encoding="utf-8"))
    for sub in _sub_schemas(schema):
        text = schemas._expected(_resolved(sub, schema))
        if not text:
            continue
        for expected in (text, f"text or a whole number; {text}"):
            check_vietnamese([Problem(path.name, 1, "x", "this field is missing", expected)])


def test_the_catalogue_knows_the_words_of_schemas_py():
    assert set(TYPE_WORDS_VI) == set(schemas.TYPE_WORDS.values())
    words = {schemas._type_word(v) for v in (True, 1, 1.5, "x", [], {}, None)}
    assert words == set(IS_TYPE_VI)
    assert set(CONVERT) >= {"value", "desc", "yaml", "why"}
    assert template_count() >= 150


def test_every_description_has_its_own_vietnamese():
    known = descriptions()
    assert known and all(vi and vi != en for en, vi in known.items())
    for en, vi in known.items():
        assert english_left(vi) == [], (en, vi)


def test_a_text_not_in_the_catalogue():
    odd = Problem("content/agencies.yml", 3, "x", "something new went wrong", "something else")
    with pytest.raises(Untranslated):
        translate(odd, "vi")
    assert untranslated([odd]) == ["something new went wrong", "something else"]
    # an editor still gets the line: the unknown part stays English
    assert odd.text("vi") == "content/agencies.yml:3: x: something new went wrong (cần something " \
                             "else)"
    assert translate_line("INFO - some MkDocs line") == "INFO - some MkDocs line"
    with pytest.raises(ValueError):
        odd.text("fr")


def test_english_stays_exactly_as_it_was():
    problem = Problem("content/contacts.yml", 6, "duong-day-thu/number", "'1111' is not a "
                      "Vietnamese short code", "a Vietnamese short code such as 111, or a full "
                      "number such as +84 981 84 84 84")
    assert problem.text() == problem.text("en") == str(problem)
    assert translate(problem, "en") is problem
    error = ContentError([problem])
    assert error.report() == error.report("en") == str(error) == (
        f"{problem}\n1 problem found; nothing was built.")
    assert translate_line(str(problem), "en") == str(problem)


def test_a_vietnamese_report():
    problems = [Problem("content/contacts.yml", 5, "duong-day-thu/channel",
                        "'fax' is not one of the allowed values",
                        "one of: voice, sms, email, zalo, web"),
                Problem("docs/danh-ba.vi.md", 2, "reviewed", "this field is missing",
                        "the date an editor last checked the page, YYYY-MM-DD, e.g. 2026-11-29")]
    assert ContentError(problems).report("vi") == (
        "content/contacts.yml:5: duong-day-thu/channel: 'fax' không nằm trong các giá trị được "
        "phép (cần một trong các giá trị: voice, sms, email, zalo, web)\n"
        "docs/danh-ba.vi.md:2: reviewed: thiếu trường này (cần ngày gần nhất biên tập viên kiểm "
        "tra trang, dạng NNNN-TT-NN, ví dụ 2026-11-29)\n"
        "Có 2 lỗi cần sửa; trang web chưa được tạo.")
    assert translate_line("1 problem found; nothing was built.") == (
        "Có 1 lỗi cần sửa; trang web chưa được tạo.")
    assert translate_line("3 problems in editions thu, khac; nothing was published.") == (
        "Có 3 lỗi trong các phiên bản thu, khac; chưa đăng gì, trang web đang chạy vẫn giữ "
        "nguyên.")
    assert translate_line("Edition thu:") == "Phiên bản thu:"


# The most common mistakes, word for word: the English line of the corpus, then what a
# Vietnamese editor reads.
EXACT = {
    "bad phone number": (
        "content/contacts.yml:6: duong-day-thu/number: '1111' is not a Vietnamese short code "
        "(expected a Vietnamese short code such as 111, or a full number such as "
        "+84 981 84 84 84)",
        "content/contacts.yml:6: duong-day-thu/number: '1111' không phải là một số ngắn của Việt "
        "Nam (cần một số ngắn của Việt Nam như 111, hoặc một số đầy đủ như +84 981 84 84 84)"),
    "missing field": (
        "content/contacts.yml:1: duong-day-thu/cost: this field is missing (expected free, "
        "standard (normal call charges) or unknown (not confirmed by a source), e.g. free)",
        "content/contacts.yml:1: duong-day-thu/cost: thiếu trường này (cần free (miễn phí), "
        "standard (cước gọi thông thường) hoặc unknown (chưa có nguồn xác nhận), ví dụ free)"),
    "impossible date": (
        "content/contacts.yml:13: duong-day-thu/verified_on: '2026-02-30' is not a real date "
        "(expected a real date written YYYY-MM-DD)",
        "content/contacts.yml:13: duong-day-thu/verified_on: '2026-02-30' không phải là một ngày "
        "có thật (cần một ngày có thật, viết theo dạng NNNN-TT-NN (năm-tháng-ngày))"),
    "unknown agency": (
        "content/contacts.yml:2: duong-day-thu/agency: agency 'khong-co' does not exist "
        "(expected an id from content/agencies.yml)",
        "content/contacts.yml:2: duong-day-thu/agency: không có cơ quan nào mang mã 'khong-co' "
        "(cần một mã (id) có trong content/agencies.yml)"),
    "unverified contact on a page": (
        "docs/index.vi.md:10: data:call-buttons: contact 'chua-kiem-tra' is not verified, so it "
        "cannot be shown (expected a verified contact)",
        "docs/index.vi.md:10: data:call-buttons: liên hệ 'chua-kiem-tra' chưa được kiểm chứng "
        "nên không thể hiện trên trang (cần một liên hệ đã được kiểm chứng)"),
    "broken YAML": (
        "content/agencies.yml:4: YAML syntax error: expected ',' or ']', but got '<stream end>' "
        "(expected valid YAML; check the indentation, colons and quotes)",
        "content/agencies.yml:4: lỗi cú pháp YAML: tệp đã hết mà vẫn thiếu ',' hoặc ']' (cần "
        "YAML hợp lệ; hãy kiểm tra thụt lề, dấu hai chấm và dấu nháy)"),
    "broken link": (
        "docs/index.vi.md:12: link 'khong-co.md': the target is not found among documentation "
        "files (expected a link to a page of this site that exists, e.g. "
        "../duong-day-nong/index.md)",
        "docs/index.vi.md:12: liên kết 'khong-co.md': không tìm thấy trang đích trong thư mục "
        "docs/ (cần một liên kết tới một trang có thật của trang web này, ví dụ "
        "../duong-day-nong/index.md)"),
    "number not in the directory": (
        "docs/danh-ba.vi.md:10: the number '028 3829 5555' is not in the verified directory "
        "(expected only numbers of verified contacts in content/contacts.yml; when a number is "
        "not known, tell readers to call 111)",
        "docs/danh-ba.vi.md:10: số '028 3829 5555' không có trong danh bạ đã kiểm chứng (cần chỉ "
        "các số của liên hệ đã kiểm chứng trong content/contacts.yml; khi không biết số, hãy "
        "hướng dẫn người đọc gọi 111)"),
    "script in Markdown": (
        "docs/danh-ba.vi.md:10: raw <script> is not allowed in a page (expected plain Markdown: "
        "text, lists, tables, links to pages or https:// addresses)",
        "docs/danh-ba.vi.md:10: không được viết thẻ <script> trong trang (cần Markdown thông "
        "thường: chữ, danh sách, bảng, liên kết tới các trang hoặc tới địa chỉ https://)"),
    "unknown section": (
        "content/editions/thu.yml:5: thu/sections: unknown section 'tin-tuc' (expected one of: "
        "danh-ba, huong-dan, index)",
        "content/editions/thu.yml:5: thu/sections: không có mục nào tên 'tin-tuc' (cần một trong "
        "các giá trị: danh-ba, huong-dan, index)"),
    "text where vi/en is needed": (
        "content/agencies.yml:2: don-vi-thu/name: 'Đơn vị thử nghiệm' is text (expected a group "
        "of fields; text with a Vietnamese version (vi, required) and an English one (en))",
        "content/agencies.yml:2: don-vi-thu/name: 'Đơn vị thử nghiệm' là chữ (cần một nhóm "
        "trường; nội dung có bản tiếng Việt (vi, bắt buộc) và bản tiếng Anh (en))"),
}


def _english_lines() -> set[str]:
    lines = {line for case in LOADER_CASES for line in case[4]}
    return lines | {message for *_, message in test_build_command.BROKEN}


@pytest.mark.parametrize(("english", "vietnamese"), list(EXACT.values()), ids=list(EXACT))
def test_the_most_common_mistakes_word_for_word(english, vietnamese):
    # the English line is one the code gives today (a prefix of it, for the build's messages)
    assert any(english == line or english.startswith(line) for line in _english_lines())
    assert translate_line(english) == vietnamese
    assert parse_line(english).text("vi") == vietnamese
