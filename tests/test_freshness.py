"""Freshness: pages past review_by and contacts due for a check, as `make check` and
`make status` show them, with the date set by --today.

In the fixture tree every page has review_by 2026-07-15 and the published contact was
verified on 2026-01-15, so with the default 180 days it is due again by 2026-07-14.
"""

from __future__ import annotations

from datetime import date

from helpers import REPO, edit
from hotro.checks.freshness import DEFAULT_RECHECK_DAYS, overdue, recheck_due
from hotro.checks.validated import load_content
from hotro.editors import check_content, status
from hotro.editors.translated import record

CONTACT = ("content/contacts.yml:13: duong-day-thu/verified_on: last checked on 2026-01-15, so "
           "a check was due by 2026-07-14 (every 180 days) (expected the details checked "
           "against the sources again, then verified_on set to that day)")
PAGES = [f"docs/{name}:4: review_by: the page was due for a review by 2026-07-15 (expected "
         "the page checked again, then reviewed and review_by set to new dates)"
         for name in ("danh-ba.en.md", "danh-ba.vi.md", "huong-dan/chua-dich.vi.md",
                      "index.en.md", "index.vi.md")]
# make check's sentence lengths of the fixture pages (issue 17): no page is over a limit
PLAIN = ["Sentence length (average/longest; Vietnamese in syllables, at most 18/35; English in "
         "words, at most 15/30):",
         "  danh-ba: Vietnamese 4.5/6 (2 sentences); English 2.0/2 (1 sentence)",
         "  huong-dan/chua-dich: Vietnamese 4.3/7 (3 sentences); English none",
         "  index: Vietnamese 4.5/7 (2 sentences); English 4.0/7 (2 sentences)"]
RELEASE_STOPPED = ("Not released: 1 published contact is due for a check (expected each one "
                   "checked against its sources, and verified_on set to that day).")


def lines_of(tree, on: str) -> list[str]:
    return [str(p) for p in overdue(load_content(tree), date.fromisoformat(on))]


def test_nothing_is_due_on_the_last_day(tree):
    assert lines_of(tree, "2026-07-14") == []


def test_a_contact_is_due_180_days_after_it_was_verified_by_default(tree):
    contact = load_content(tree).contacts["duong-day-thu"]
    assert DEFAULT_RECHECK_DAYS == 180
    assert recheck_due(contact) == date(2026, 7, 14)
    assert lines_of(tree, "2026-07-15") == [CONTACT]


def test_pages_past_review_by_are_listed_each_file_at_its_line(tree):
    assert lines_of(tree, "2026-07-16") == [CONTACT, *PAGES]


def test_a_contact_can_ask_to_be_checked_more_often(tree):
    edit(tree, "content/contacts.yml", "verified_on: 2026-01-15",
         "verified_on: 2026-01-15\n  recheck_every_days: 30")
    assert lines_of(tree, "2026-02-14") == []
    assert lines_of(tree, "2026-02-15") == [
        "content/contacts.yml:13: duong-day-thu/verified_on: last checked on 2026-01-15, so a "
        "check was due by 2026-02-14 (every 30 days) (expected the details checked against the "
        "sources again, then verified_on set to that day)"]


def test_make_check_prints_reminders_as_warnings_and_passes(tree, capsys):
    assert check_content.main([str(tree), "--today", "2026-07-16"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "Content is valid: 5 pages, 2 contacts (1 published), 1 agencies, 1 sources.", *PLAIN,
        CONTACT, *PAGES,
        "Warnings: 5 pages past review_by, 1 contact due for a check (on 2026-07-16)."]


def test_make_check_prints_no_warning_line_when_nothing_is_due(tree, capsys):
    assert check_content.main([str(tree), "--today", "2026-07-14", "--release"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Content is valid: 5 pages, 2 contacts (1 published), 1 agencies, 1 sources.", *PLAIN]


def test_a_release_stops_on_a_published_contact_due_for_a_check(tree, capsys):
    assert check_content.main([str(tree), "--today", "2026-07-15", "--release"]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines()[1:] == [
        *PLAIN, CONTACT,
        "Warnings: 0 pages past review_by, 1 contact due for a check (on 2026-07-15)."]
    assert captured.err.splitlines() == [RELEASE_STOPPED]


def test_a_release_does_not_stop_on_overdue_pages_or_unpublished_contacts(tree, capsys):
    edit(tree, "content/contacts.yml", "  verified: false",
         "  verified: false\n  verified_on: 2025-01-01")
    edit(tree, "docs/index.vi.md", "review_by: 2026-07-15", "review_by: 2026-03-01")
    assert check_content.main([str(tree), "--today", "2026-07-14", "--release"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        *PLAIN,
        "content/contacts.yml:24: chua-kiem-tra/verified_on: last checked on 2025-01-01, so a "
        "check was due by 2025-06-30 (every 180 days) (expected the details checked against "
        "the sources again, then verified_on set to that day)",
        "docs/index.vi.md:4: review_by: the page was due for a review by 2026-03-01 (expected "
        "the page checked again, then reviewed and review_by set to new dates)",
        "Warnings: 1 page past review_by, 1 contact due for a check (on 2026-07-14)."]


def test_a_bad_interval_is_a_clear_mistake(tree, capsys):
    edit(tree, "content/contacts.yml", "verified_on: 2026-01-15",
         "verified_on: 2026-01-15\n  recheck_every_days: 731")
    assert check_content.main([str(tree)]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        "content/contacts.yml:14: duong-day-thu/recheck_every_days: 731 is greater than the "
        "maximum of 730 (expected how many days after verified_on the details must be checked "
        "again, a whole number from 1 to 730; 180 when left out, e.g. 90)")


def test_make_status_ends_with_what_is_due(tree, capsys):
    record(tree)
    assert status.main([str(tree), "--today", "2026-07-16"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-7:] == [
        CONTACT, *PAGES,
        "Summary: 0 stale, 1 missing; 5 pages past review_by, 1 contact due for a check "
        "(on 2026-07-16)."]


def test_real_content_passes_check_and_release_today(capsys):
    assert check_content.main([str(REPO)]) == 0  # whatever today is: reminders only warn
    capsys.readouterr()
    assert check_content.main([str(REPO), "--today", "2026-12-03", "--release"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Content is valid: ")
    # then only the sentence-length table: no reminder, no warning naming a file
    assert not [line for line in out[1:] if line.startswith(("docs/", "content/"))], out
