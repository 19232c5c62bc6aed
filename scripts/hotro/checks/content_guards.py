"""Guards on content that no schema can say (issue 14, part "editions").

- every file in content/editions/ and content/sources/ is read: anything not named *.yml is an
  error, never silently ignored;
- an edition's id is not a name the built site already uses (a language prefix, a top-level
  folder or file, a section), and no two editions share an address;
- dates that record something that already happened (a contact's verified_on, a page's
  reviewed, a policy's issued, a source's date) are not after the build's day.

`today` is passed in (tests and `make check --today`); by default it is the day in Vietnam,
where the editors work: a contact checked on the morning of 3 December in Cà Mau is not
"in the future" for a server whose clock still says 2 December (UTC).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

from hotro.model.messages import msg
from hotro.model.pages import LANGS
from hotro.model.problems import Problem
from hotro.model.records import Content, Edition

VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")  # no daylight saving time
READ_FOLDERS = ("content/editions", "content/sources")
# Files an operating system leaves in folders; nobody takes them for content.
SYSTEM_FILES = (".DS_Store", "Thumbs.db", "desktop.ini")
# What a built edition has at its top level besides its sections (site/<id>/...): the English
# prefix, the theme's and our files. An edition with one of these ids would mix with them
# wherever editions sit side by side (site/, a shared docroot).
BUILT_NAMES = ("404", "assets", "data", "embed", "feed", "index", "search", "sitemap")
RESERVED_EXPECTED = msg("checks.another-name", names=", ".join(BUILT_NAMES))
FUTURE_EXPECTED = msg("checks.past-date")


def vietnam_today(now: dt.datetime | None = None) -> dt.date:
    """The day it is in Vietnam at `now` (default: now)."""
    return (now or dt.datetime.now(dt.UTC)).astimezone(VIETNAM).date()


def check_guards(content: Content, today: dt.date | None = None) -> list[Problem]:
    """Every problem of this module; the records checked are those the loader accepted."""
    problems = [p for folder in READ_FOLDERS for p in unread_files(content.root, folder)]
    problems += reserved_ids(content) + shared_addresses(content)
    return problems + future_dates(content, today or vietnam_today())


def unread_files(root: Path, folder: str) -> list[Problem]:
    """Files and folders in `folder` that the loader would skip: only <name>.yml is read."""
    base = root / folder
    if not base.is_dir():
        return []
    problems = []
    for path in sorted(p for p in base.iterdir() if p.name not in SYSTEM_FILES):
        rel = path.relative_to(root).as_posix()
        if path.is_dir():
            problems.append(Problem(rel, 0, "", msg("checks.folder-never-read"),
                                    msg("checks.yml-files-in", folder=folder)))
        elif not path.name.endswith(".yml"):
            suggestion = (path.name.lstrip(".").split(".")[0].lower() or "name") + ".yml"
            problems.append(Problem(rel, 0, "", msg("checks.file-never-read"),
                                    msg("checks.yml-name", file=suggestion)))
    return problems


def reserved_ids(content: Content) -> list[Problem]:
    """An edition's id names its folder site/<id>/: it must not be a name the site uses."""
    taken = {*LANGS, *BUILT_NAMES, *content.sections()}
    return [Problem(e.file, 0, "", msg("checks.reserved-name", id=e.id), RESERVED_EXPECTED)
            for e in content.editions.values() if e.id in taken]


def _address(url: str) -> str:
    """An edition's address as a browser compares it: host in lower case without a final dot,
    no :443 (the schema already refuses /./ and /../ in the path)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").rstrip(".")
    port = f":{parts.port}" if parts.port not in (None, 443) else ""
    return f"{parts.scheme.lower()}://{host}{port}{parts.path}"


def shared_addresses(content: Content) -> list[Problem]:
    """Two editions at one address would overwrite each other's pages and canonical links."""
    by_address: dict[str, list[Edition]] = {}
    for edition in sorted(content.editions.values(), key=lambda e: e.file):
        by_address.setdefault(_address(edition["site_url"]), []).append(edition)
    problems = []
    for editions in by_address.values():
        for edition in editions if len(editions) > 1 else ():
            others = ", ".join(e.file for e in editions if e is not edition)
            problems.append(Problem(edition.file, edition.line_of("site_url"),
                                    f"{edition.id}/site_url",
                                    msg("checks.same-address", files=others),
                                    msg("checks.own-address")))
    return problems


def future_dates(content: Content, today: dt.date) -> list[Problem]:
    """Dates of things that already happened cannot be after today (review_by, valid_to and a
    policy's effective date may be)."""
    problems = []
    for contact in content.contacts.values():
        problems += _future(contact.get("verified_on"), today, contact.file,
                            contact.line_of("verified_on"), f"{contact.id}/verified_on")
    for source in content.sources.values():
        problems += _future(source.get("date"), today, source.file, source.line_of("date"),
                            f"{source.id}/date")
    for page in content.pages.values():
        problems += _future(page.meta.get("reviewed"), today, page.shown_as,
                            page.front.line_of(("reviewed",)), "reviewed")
        issued = (page.meta.get("policy") or {}).get("issued")
        problems += _future(issued, today, page.shown_as,
                            page.front.line_of(("policy", "issued")), "policy/issued")
    return problems


def _future(value: object, today: dt.date, file: str, line: int, where: str) -> list[Problem]:
    if value is None:
        return []
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    if day <= today:
        return []
    return [Problem(file, line, where, msg("checks.future-date", day=day.isoformat(),
                                           today=today.isoformat()), FUTURE_EXPECTED)]
