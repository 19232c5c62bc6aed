"""Check all content without building: `make check`. Exit 1 with one line per problem.

Reminders (pages past review_by, contacts due for a check) are printed as warnings; with
--release (`make check RELEASE=1`) a published contact due for a check stops the release.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from hotro.checks import freshness
from hotro.checks.link_check import check_links
from hotro.checks.validated import load_content
from hotro.load.editions import load_base
from hotro.model.messages_vi import translate_line
from hotro.model.problems import ContentError, Problem
from hotro.model.records import Content


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root", nargs="?", default=".", help="the project folder")
    parser.add_argument("--release", action="store_true",
                        help="fail when a published contact is due for a check")
    parser.add_argument("--lang", choices=("vi", "en"), default="en",
                        help="language of the messages about mistakes (vi or en)")
    parser.add_argument("--today", type=date.fromisoformat, default=None,
                        help="the date to check against, YYYY-MM-DD (default: today)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        root = Path(args.root).resolve()
        broken_config = _config_problems(root)  # mkdocs.yml, read as the build reads it
        try:
            content = load_content(root, args.today)
        except ContentError as err:
            raise ContentError(err.problems + broken_config) from None
        if broken_config:
            raise ContentError(broken_config)
        if broken := check_links(content):  # as the build would find them, before building
            raise ContentError(broken)
    except ContentError as err:
        print(err.report(args.lang), file=sys.stderr)
        return 1
    print(f"Content is valid: {len(content.pages)} pages, {len(content.contacts)} contacts "
          f"({len(content.published_contacts())} published), {len(content.agencies)} agencies, "
          f"{len(content.sources)} sources.")
    return _reminders(content, args.today or date.today(), args.release, args.lang)


def _config_problems(root: Path) -> list[Problem]:
    try:
        load_base(root / "mkdocs.yml")
    except ContentError as err:
        return err.problems
    return []


def _reminders(content: Content, today: date, release: bool, lang: str) -> int:
    warnings = freshness.overdue(content, today)
    for warning in warnings:
        print(warning.text(lang) if hasattr(warning, "text") else warning)
    if warnings:
        print(translate_line(f"Warnings: {freshness.summary(content, today)}.", lang))
    blocking = freshness.overdue_contacts(content, today, published_only=True)
    if release and blocking:
        count = len(blocking)
        print(f"Not released: {count} published contact{'s are' if count != 1 else ' is'} due "
              "for a check (expected each one checked against its sources, and verified_on "
              "set to that day).", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
