"""`make status`: which English texts are missing or out of date, and what is due for a check.

A report, so it exits 0; --strict exits 1 when an English text is stale or missing.
--record (`make translated`) first records every English text, or only those named with
--only, as translated from today's Vietnamese. Every line is a catalogue message, in the
language of MESSAGES (vi or en; --lang overrides it), else Vietnamese.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from hotro.checks import freshness, open_questions, plain_language
from hotro.checks.validated import load_content
from hotro.editors import translated
from hotro.editors.check_content import reminders
from hotro.load import translations
from hotro.load.translations import MISSING, STALE, STATES, UP_TO_DATE, Status
from hotro.model.command_line import Parser, add_lang, in_one_line
from hotro.model.messages import Message, Texts, language, msg, say, text
from hotro.model.problems import ContentError, Problem
from hotro.model.records import Content


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = Parser(description=__doc__.split("\n")[0])
    parser.add_argument("root", nargs="?", default=".", help="the project folder")
    parser.add_argument("--record", action="store_true",
                        help="record the English texts as translated from today's Vietnamese")
    parser.add_argument("--only", action="append", default=[], metavar="KEY_OR_FILE",
                        help="with --record: only this page, field or file (repeatable)")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 when an English text is stale or missing")
    parser.add_argument("--today", type=date.fromisoformat, default=None,
                        help="the date to check review dates against, YYYY-MM-DD")
    add_lang(parser)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    lang = language(args.lang)
    return in_one_line(_status, args, lang)


def _status(args: argparse.Namespace, lang: str) -> int:
    root = Path(args.root).resolve()
    try:
        if args.record:
            for changed in translated.record(root, args.only):
                say("status.recorded", lang, path=changed)
        content = load_content(root)
    except ContentError as err:
        print(err.report(lang), file=sys.stderr)
        return 1
    statuses = (translations.page_status(content)
                + translations.field_status(content, translations.load_records(root)))
    print(report(content, statuses, args.today or date.today(), lang))
    todo = [s for s in statuses if s.state in (STALE, MISSING)]
    return 1 if args.strict and todo else 0


STATE_COUNTS = {UP_TO_DATE: "status.up-to-date", STALE: "status.stale", MISSING: "status.missing"}
STATE_PROBLEMS = {STALE: "status.is-stale", MISSING: "status.is-missing"}


def report(content: Content, statuses: list[Status], today: date, lang: str = "en") -> str:
    """Counts per state, one line per English text to write or update, then the reminders."""
    lines = [text("status.pages", lang, states=_counts([s for s in statuses if s.kind == "page"])),
             text("status.texts", lang,
                  states=_counts([s for s in statuses if s.kind == "field"]))]
    todo = [s for s in statuses if s.state in (STALE, MISSING)]
    lines += [problem.text(lang) for problem in sorted(_as_problem(s) for s in todo)]
    lines += [problem.text(lang) for problem in freshness.overdue(content, today)]
    stale = sum(s.state == STALE for s in todo)
    lines.append(text("status.summary", lang, stale=stale, missing=len(todo) - stale,
                      reminders=reminders(content, today)))
    return "\n".join(lines + questions(content, lang) + plain_pages(content, lang))


def questions(content: Content, lang: str) -> list[str]:
    """The open questions for editors (content/open_questions.yml), each with its page."""
    found = open_questions.questions(content)
    if not found:
        return []
    lines = [text("status.questions", lang, count=len(found))]
    for question in found:
        place = question.get("page") or question.get("file") or msg("status.question-general")
        lines.append(text("status.question", lang, place=place, id=question.id,
                          question=Texts(**question["question"])))
    return lines


def plain_pages(content: Content, lang: str) -> list[str]:
    """The pages whose sentences are over the plain-language limits, one line per reminder."""
    warnings = plain_language.report(content)[1]
    if not warnings:
        return []
    return [text("status.plain", lang, count=len({w.file for w in warnings})),
            *(warning.text(lang) for warning in warnings)]


def _counts(statuses: list[Status]) -> tuple[Message, ...]:
    count = Counter(s.state for s in statuses)
    return tuple(msg(STATE_COUNTS[state], count=count[state]) for state in STATES)


def _as_problem(status: Status) -> Problem:
    return Problem(status.file, status.line, status.key, msg(STATE_PROBLEMS[status.state]),
                   status.expected)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
