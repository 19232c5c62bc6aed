"""Translation status: which English is missing or stale, the reader's notice, `make status`.

Each test starts from the fixture tree as `make translated` leaves it (every English text
recorded), changes the Vietnamese, and asserts what an editor or a reader then sees.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import REPO, make_tree, run_build, serve
from helpers import problems_after, problems_of, read, visible_text
from hotro.checks.validated import load_content
from hotro.editors import status
from hotro.editors.translated import record, set_translated_from
from hotro.load.schemas import SCHEMA_DIR, validator
from hotro.load.translations import (
    RECORDS_FILE,
    field_status,
    load_records,
    page_status,
    text_fields,
    text_hash,
)

EN_PAGES = ["docs/danh-ba.en.md", "docs/index.en.md"]


def edit(tree: Path, rel: str, old: str, new: str) -> None:
    path = tree / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def states(tree: Path) -> dict[str, str]:
    content = load_content(tree)
    found = page_status(content) + field_status(content, load_records(tree))
    return {s.key: s.state for s in found}


def status_lines(tree: Path, capsys, *args: str) -> tuple[int, list[str]]:
    code = status.main([str(tree), "--today", "2026-03-01", *args])
    return code, capsys.readouterr().out.splitlines()


@pytest.fixture
def recorded(tree) -> Path:
    """The fixture tree after `make translated`: every English text up to date."""
    record(tree)
    return tree


def test_the_fingerprint_ignores_line_endings_and_trailing_spaces():
    assert text_hash("# Tiêu đề\n\nMột câu.\n") == text_hash("# Tiêu đề  \r\n\r\nMột câu.")
    assert text_hash("# Tiêu đề\n\nMột câu.") != text_hash("# Tiêu đề\n\nHai câu.")
    assert len(text_hash("x")) == 12


def test_before_any_record_english_is_stale_and_a_missing_page_is_missing(tree):
    found = states(tree)
    assert {k: found[k] for k in ("index", "danh-ba", "huong-dan/chua-dich")} == {
        "index": "stale", "danh-ba": "stale", "huong-dan/chua-dich": "missing"}
    assert found["contacts.yml#duong-day-thu/description"] == "stale"


def test_record_marks_everything_up_to_date_changing_one_line_per_page(tree):
    before = {rel: (tree / rel).read_bytes() for rel in EN_PAGES}
    changed = record(tree)
    assert changed == [*EN_PAGES, RECORDS_FILE]
    for rel in EN_PAGES:
        old, new = before[rel].decode().split("\n"), (tree / rel).read_text().split("\n")
        slug = rel.removeprefix("docs/").removesuffix(".en.md")
        fingerprint = text_hash(load_content(tree).pages[(slug, "vi")].body)
        assert new == [*old[:5], f"translated_from: {fingerprint}", *old[5:]]
    assert {k: v for k, v in states(tree).items() if v != "up to date"} == {
        "huong-dan/chua-dich": "missing"}
    assert record(tree) == []  # nothing left to record: no file is written again


def test_the_translations_file_names_its_schema_and_is_sorted(recorded):
    lines = (recorded / RECORDS_FILE).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# yaml-language-server: $schema=schemas/translations.schema.json"
    entries = [line for line in lines if not line.startswith("#")]
    assert entries == sorted(entries)
    description = text_hash("Số dùng để thử trang.")
    assert f"contacts.yml#duong-day-thu/description: {description}" in entries
    assert "editions/thu.yml#name: " + text_hash("Trang thử nghiệm") in entries
    assert "ui.yml#contact.call: " + text_hash("Gọi") in entries


def test_changing_the_vietnamese_body_makes_the_english_stale(recorded, capsys):
    edit(recorded, "docs/danh-ba.vi.md", "Gọi 0912 345 678 nếu cần.", "Gọi 0912 345 678 ngay.")
    assert states(recorded)["danh-ba"] == "stale"
    code, lines = status_lines(recorded, capsys)
    assert code == 0
    assert ("docs/danh-ba.en.md:6: danh-ba: stale (expected the English brought in line with "
            "the changed docs/danh-ba.vi.md, then make translated)") in lines


def test_front_matter_and_line_ending_changes_keep_the_english_up_to_date(recorded):
    edit(recorded, "docs/danh-ba.vi.md", "reviewed: 2026-01-15", "reviewed: 2026-02-01")
    edit(recorded, "docs/danh-ba.vi.md", "description: Số điện thoại thử nghiệm.",
         "description: Các số điện thoại thử nghiệm.\ntitle: Danh bạ")
    path = recorded / "docs/danh-ba.vi.md"
    path.write_bytes(path.read_bytes().replace(b"\n", b"   \r\n"))
    assert states(recorded)["danh-ba"] == "up to date"


def test_recording_again_changes_only_the_translated_from_line(recorded):
    edit(recorded, "docs/index.vi.md", "# Trang đầu", "# Trang đầu tiên")
    path = recorded / "docs/index.en.md"
    before = path.read_text(encoding="utf-8").split("\n")
    assert states(recorded)["index"] == "stale"
    assert record(recorded, ["index"]) == ["docs/index.en.md"]
    after = path.read_text(encoding="utf-8").split("\n")
    assert [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] == [5]
    assert states(recorded)["index"] == "up to date"


def test_set_translated_from_keeps_crlf_and_every_other_byte():
    text = "---\r\ndescription: X.\r\ntranslated_from: 000000000000\r\n---\r\n\r\n# X\r\n"
    assert set_translated_from(text, "abcdef012345") == text.replace("000000000000",
                                                                      "abcdef012345")
    fresh = "---\r\ndescription: X.\r\n---\r\n# X\r\n"
    assert set_translated_from(fresh, "123456789012") == (
        '---\r\ndescription: X.\r\ntranslated_from: "123456789012"\r\n---\r\n# X\r\n')


def test_a_changed_vietnamese_field_makes_its_english_stale(recorded, capsys):
    edit(recorded, "content/contacts.yml", "description: {vi: Số dùng để thử trang.",
         "description: {vi: Số dùng để thử nghiệm trang.")
    found = states(recorded)
    assert found["contacts.yml#duong-day-thu/description"] == "stale"
    assert found["contacts.yml#duong-day-thu/name"] == "up to date"
    _, lines = status_lines(recorded, capsys)
    assert ("content/contacts.yml:7: contacts.yml#duong-day-thu/description: stale (expected "
            "the English (en) brought in line with the changed Vietnamese (vi), then make "
            "translated)") in lines
    record(recorded, ["content/contacts.yml"])
    assert states(recorded)["contacts.yml#duong-day-thu/description"] == "up to date"


def test_a_field_without_english_is_missing(recorded):
    # The schemas require en today; the status must still say so if that ever changes.
    content = load_content(recorded)
    del content.contacts["duong-day-thu"].data["audience"]["en"]
    found = {s.key: s for s in field_status(content, load_records(recorded))}
    missing = found["contacts.yml#duong-day-thu/audience"]
    assert (missing.file, missing.line, missing.state, str(missing.expected)) == (
        "content/contacts.yml", 8, "missing", "an English text (en) beside the Vietnamese (vi)")


def test_the_status_report_as_an_editor_reads_it(recorded, capsys):
    edit(recorded, "docs/index.vi.md", "# Trang đầu", "# Trang đầu tiên")
    edit(recorded, "content/sources/thu.yml", "Nguồn thử nghiệm.", "Nguồn để thử nghiệm.")
    fields = len(text_fields(load_content(recorded)))
    code, lines = status_lines(recorded, capsys)
    assert code == 0
    assert lines == [
        "Pages: 1 up to date, 1 stale, 1 missing.",
        f"Texts in content/: {fields - 1} up to date, 1 stale, 0 missing.",
        "content/sources/thu.yml:4: sources/thu.yml#nguon-thu/about: stale (expected the "
        "English (en) brought in line with the changed Vietnamese (vi), then make translated)",
        "docs/huong-dan/chua-dich.vi.md:1: huong-dan/chua-dich: missing (expected an English "
        "page docs/huong-dan/chua-dich.en.md translated from this one)",
        "docs/index.en.md:6: index: stale (expected the English brought in line with the "
        "changed docs/index.vi.md, then make translated)",
        "Summary: 2 stale, 1 missing; 0 pages past review_by, 0 contacts due for a check "
        "(on 2026-03-01).",
    ]
    assert status_lines(recorded, capsys, "--strict")[0] == 1


def test_status_strict_passes_only_when_nothing_is_stale_or_missing(recorded, capsys):
    (recorded / "docs/huong-dan/chua-dich.vi.md").unlink()
    code, lines = status_lines(recorded, capsys, "--strict")
    assert (code, lines[-1]) == (0, "Summary: 0 stale, 0 missing; 0 pages past review_by, "
                                    "0 contacts due for a check (on 2026-03-01).")


def test_status_record_reports_the_files_it_wrote(tree, capsys):
    code, lines = status_lines(tree, capsys, "--record", "--only", "docs/index.en.md")
    assert code == 0
    assert lines[:2] == ["Recorded: docs/index.en.md", "Pages: 1 up to date, 1 stale, 1 missing."]
    assert not (tree / RECORDS_FILE).exists()  # no field was recorded
    assert states(tree)["index"] == "up to date" and states(tree)["danh-ba"] == "stale"


def test_status_on_broken_content_shows_the_problems_and_fails(tree, capsys):
    edit(tree, "content/contacts.yml", "channel: voice", "channel: fax")
    assert status.main([str(tree)]) == 1
    assert "duong-day-thu/channel: 'fax' is not one of the allowed values" in (
        capsys.readouterr().err)


def test_a_vietnamese_page_may_not_say_what_it_was_translated_from(tree):
    assert problems_after(tree, "docs/index.vi.md", "sources: [nguon-thu]\n",
                          "sources: [nguon-thu]\ntranslated_from: 0123456789ab\n") == [
        "docs/index.vi.md:6: translated_from: a Vietnamese page is the original, it is not "
        "translated from anything (expected no translated_from here; it belongs in "
        "docs/index.en.md)"]


def test_a_wrong_fingerprint_is_a_clear_mistake(recorded):
    page = recorded / "docs/index.en.md"
    good = page.read_text(encoding="utf-8")
    page.write_text(re.sub("translated_from: .*", "translated_from: abc", good),
                    encoding="utf-8")
    assert problems_of(recorded) == [
        "docs/index.en.md:6: translated_from: 'abc' is not in the right form (expected "
        "English pages only: a fingerprint of the Vietnamese text this English was made from, "
        "12 characters 0-9 and a-f, written by make translated, e.g. 3f2a9c0b1d4e)"]
    page.write_text(good, encoding="utf-8")
    (recorded / RECORDS_FILE).write_text("ui.yml#contact.call: zzz\n", encoding="utf-8")
    assert problems_of(recorded) == [
        "content/translations.yml:1: ui.yml#contact.call: 'zzz' is not in the right form "
        "(expected 12 characters, 0-9 and a-f, written by make translated, e.g. 3f2a9c0b1d4e)"]


def test_the_translations_schema_documents_its_keys_and_values():
    schema = json.loads((SCHEMA_DIR / "translations.schema.json").read_text(encoding="utf-8"))
    for part in (schema["propertyNames"], schema["$defs"]["fingerprint"]):
        assert part["title"] and part["description"] and part["examples"]
    for example in schema["examples"]:
        assert list(validator("translations").iter_errors(example)) == []


# The reader's side: a stale English page says so, right below its title.


@pytest.fixture(scope="module")
def stale_site(tmp_path_factory) -> Path:
    tree = make_tree(tmp_path_factory.mktemp("stale") / "tree")
    record(tree)
    edit(tree, "docs/index.vi.md", "# Trang đầu", "# Trang đầu tiên")
    edit(tree, "docs/danh-ba.vi.md", "reviewed: 2026-01-15", "reviewed: 2026-02-01")
    result = run_build(tree / "mkdocs.yml", tree / "site")
    assert result.returncode == 0, result.stderr
    return tree / "site" / "thu"


NOTICE = ("This translation may be out of date This English text may be out of date: the "
          "Vietnamese page was changed after it was translated. The Vietnamese page is the "
          "reference. Read the Vietnamese page")


def test_a_stale_english_page_shows_the_notice_below_its_title(stale_site):
    html = read(stale_site, "en/index.html")
    text = visible_text(html)
    assert f"Start {NOTICE} +84 912 345 678" in text  # right below the title
    assert '<a href="../" hreflang="vi">Read the Vietnamese page</a>' in html
    assert 'role="note" lang="en"' in html


def test_up_to_date_and_vietnamese_pages_have_no_stale_notice(stale_site):
    for rel in ("en/danh-ba/index.html", "index.html", "danh-ba/index.html",
                "en/huong-dan/chua-dich/index.html"):
        assert "stale-translation" not in read(stale_site, rel), rel


@pytest.mark.browser
def test_the_notice_shows_without_javascript_and_passes_axe(browser, stale_site):
    from axe_playwright_python.sync_playwright import Axe

    base, stop = serve(stale_site)
    no_js = browser.new_context(java_script_enabled=False)
    page = no_js.new_page()
    try:
        page.goto(f"{base}/en/")
        assert page.locator(".stale-translation").is_visible()
        page.locator(".stale-translation a").click()
        assert page.evaluate("document.documentElement.lang") == "vi"
        no_js.close()
        page = browser.new_page()  # axe runs as a script, so this check needs JavaScript
        page.goto(f"{base}/en/")
        result = Axe().run(page)
        page.close()
    finally:
        stop()
    bad = [(v["id"], v["impact"]) for v in result.response["violations"]
           if v["impact"] in ("serious", "critical")]
    assert bad == []
    assert result.response["passes"]


# The real content: the English was reviewed against the Vietnamese on 2026-11-29.


def test_real_content_has_no_stale_or_missing_english(capsys):
    code, lines = status_lines(REPO, capsys, "--strict")
    assert code == 0
    assert lines[0].endswith(" up to date, 0 stale, 0 missing.")
    assert lines[1].endswith(" up to date, 0 stale, 0 missing.")
    assert lines[2].startswith("Summary: 0 stale, 0 missing;")


def test_real_translations_file_names_its_schema():
    first = (REPO / RECORDS_FILE).read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == "# yaml-language-server: $schema=schemas/translations.schema.json"
