"""Freshness: pages past their review_by date and contacts due to be checked again.

These are reminders, not mistakes: `make check` prints them and carries on, and only a release
(`make check RELEASE=1`) stops on a published contact that is overdue. Nothing here goes into
the built site, so builds stay reproducible whatever the date.
"""

from __future__ import annotations

from datetime import date, timedelta

from hotro.model.messages import Message, msg
from hotro.model.problems import Problem
from hotro.model.records import Contact, Content

DEFAULT_RECHECK_DAYS = 180


def overdue(content: Content, today: date) -> list[Problem]:
    """Every page past review_by and every contact past its recheck date, by file and line."""
    return sorted(overdue_pages(content, today) + overdue_contacts(content, today))


def overdue_pages(content: Content, today: date) -> list[Problem]:
    problems = []
    for page in content.pages.values():
        due = date.fromisoformat(page.meta["review_by"])
        if today > due:
            problems.append(Problem(
                page.shown_as, page.front.line_of(("review_by",)), "review_by",
                msg("checks.review-due", day=due.isoformat()), msg("checks.review-again")))
    return sorted(problems)


def recheck_due(contact: Contact) -> date | None:
    """The day by which a contact's details must be checked again (None: never checked)."""
    if "verified_on" not in contact.data:
        return None
    days = contact.get("recheck_every_days", DEFAULT_RECHECK_DAYS)
    return date.fromisoformat(contact["verified_on"]) + timedelta(days=days)


def overdue_contacts(content: Content, today: date, published_only: bool = False
                     ) -> list[Problem]:
    problems = []
    for contact in content.contacts.values():
        due = recheck_due(contact)
        if due is None or today <= due or (published_only and not contact.published):
            continue
        days = contact.get("recheck_every_days", DEFAULT_RECHECK_DAYS)
        problems.append(Problem(
            contact.file, contact.line_of("verified_on"), f"{contact.id}/verified_on",
            msg("checks.recheck-due", day=contact["verified_on"], due=due.isoformat(),
                days=days),
            msg("checks.recheck-again")))
    return sorted(problems)


def summary(content: Content, today: date) -> Message:
    """What counts the reminders, for the end of a report (str() is the English)."""
    pages, contacts = len(overdue_pages(content, today)), len(overdue_contacts(content, today))
    return msg("checks.reminders", pages=msg("checks.count-pages", count=pages),
               contacts=msg("checks.count-contacts", count=contacts), day=today.isoformat())
