"""Check all content without building: `make check`. Exit 1 with one line per problem.

Reminders (pages past review_by, contacts due for a check) are printed as warnings; with
--release (`make check RELEASE=1`) a published contact due for a check stops the release.
Every line is a catalogue message, in the language of --lang, else MESSAGES, else Vietnamese.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from hotro.checks import freshness, plain_language
from hotro.checks.link_check import check_links
from hotro.checks.validated import load_content
from hotro.load.editions import load_base
from hotro.model.command_line import Parser, add_lang, in_one_line
from hotro.model.messages import Message, language, msg, say
from hotro.model.problems import ContentError, Problem
from hotro.model.records import Content


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = Parser(description=__doc__.split("\n")[0])
    parser.add_argument("root", nargs="?", default=".", help="the project folder")
    parser.add_argument("--release", action="store_true",
                        help="fail when a published contact is due for a check")
    add_lang(parser)
    parser.add_argument("--today", type=date.fromisoformat, default=None,
                        help="the date to check against, YYYY-MM-DD (default: today)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    lang = language(args.lang)
    return in_one_line(_check, args, lang)


def _check(args: argparse.Namespace, lang: str) -> int:
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
        print(err.report(lang), file=sys.stderr)
        return 1
    say("check.valid", lang, pages=len(content.pages), contacts=len(content.contacts),
        published=len(content.published_contacts()), agencies=len(content.agencies),
        sources=len(content.sources))
    _plain_language(content, lang)
    return _reminders(content, args.today or date.today(), args.release, lang)


def _plain_language(content: Content, lang: str) -> None:
    """Sentence lengths of every page, then a reminder for each page over a limit (issue 17)."""
    lines, warnings = plain_language.report(content)
    for line in [*lines, *warnings]:
        print(line.text(lang))
    if warnings:
        say("check.plain-warnings", lang, count=len({w.file for w in warnings}))


def _config_problems(root: Path) -> list[Problem]:
    try:
        load_base(root / "mkdocs.yml")
    except ContentError as err:
        return err.problems
    return []


def reminders(content: Content, today: date) -> Message:
    """How many pages are past review_by and contacts due for a check, on `today`."""
    pages = len(freshness.overdue_pages(content, today))
    contacts = len(freshness.overdue_contacts(content, today))
    return msg("commands.reminders", pages=msg("commands.pages", count=pages),
               contacts=msg("commands.contacts", count=contacts), day=today.isoformat())


def _reminders(content: Content, today: date, release: bool, lang: str) -> int:
    warnings = freshness.overdue(content, today)
    for warning in warnings:
        print(warning.text(lang))
    if warnings:
        say("check.warnings", lang, reminders=reminders(content, today))
    blocking = freshness.overdue_contacts(content, today, published_only=True)
    if release and blocking:
        say("check.not-released", lang, file=sys.stderr, count=len(blocking))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
