"""`make status`: which English texts are missing or out of date, and what is due for a check.

A report, so it exits 0; --strict exits 1 when an English text is stale or missing.
--record (`make translated`) first records every English text, or only those named with
--only, as translated from today's Vietnamese.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from hotro.checks import freshness
from hotro.checks.validated import load_content
from hotro.editors import translated
from hotro.load import translations
from hotro.load.translations import MISSING, STALE, STATES, Status
from hotro.model.problems import ContentError, Problem
from hotro.model.records import Content


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root", nargs="?", default=".", help="the project folder")
    parser.add_argument("--record", action="store_true",
                        help="record the English texts as translated from today's Vietnamese")
    parser.add_argument("--only", action="append", default=[], metavar="KEY_OR_FILE",
                        help="with --record: only this page, field or file (repeatable)")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 when an English text is stale or missing")
    parser.add_argument("--today", type=date.fromisoformat, default=None,
                        help="the date to check review dates against, YYYY-MM-DD")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    root = Path(args.root).resolve()
    try:
        if args.record:
            for changed in translated.record(root, args.only):
                print(f"Recorded: {changed}")
        content = load_content(root)
    except ContentError as err:
        print(err.report(), file=sys.stderr)
        return 1
    statuses = (translations.page_status(content)
                + translations.field_status(content, translations.load_records(root)))
    print(report(content, statuses, args.today or date.today()))
    todo = [s for s in statuses if s.state in (STALE, MISSING)]
    return 1 if args.strict and todo else 0


def report(content: Content, statuses: list[Status], today: date) -> str:
    """Counts per state, one line per English text to write or update, then the reminders."""
    lines = [_counts("Pages", [s for s in statuses if s.kind == "page"]),
             _counts("Texts in content/", [s for s in statuses if s.kind == "field"])]
    todo = [s for s in statuses if s.state in (STALE, MISSING)]
    lines += [str(problem) for problem in sorted(_as_problem(s) for s in todo)]
    lines += [str(problem) for problem in freshness.overdue(content, today)]
    stale = sum(s.state == STALE for s in todo)
    lines.append(f"Summary: {stale} stale, {len(todo) - stale} missing; "
                 f"{freshness.summary(content, today)}.")
    return "\n".join(lines)


def _counts(label: str, statuses: list[Status]) -> str:
    count = Counter(s.state for s in statuses)
    return f"{label}: " + ", ".join(f"{count[state]} {state}" for state in STATES) + "."


def _as_problem(status: Status) -> Problem:
    return Problem(status.file, status.line, status.key, status.state, status.expected)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
