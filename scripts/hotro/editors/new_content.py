"""`make new`: start a page pair, a contact or an edition from the schemas, ready to fill in.

    python -m hotro.editors.new_content --page chinh-sach/ten-trang
    python -m hotro.editors.new_content --contact so-y-te-tu-van --agency so-y-te-ca-mau
        [--number N]
    python -m hotro.editors.new_content --edition so-y-te-moi --agency so-y-te-ca-mau

What it writes loads with the content loader, yet nothing unchecked reaches readers: a page's
description is left empty (the schema's minLength, so `make check` names the line until it is
written), and a contact is `verified: false` (never published). A mistake in the request is one
line, `file: problem (expected …)`, and exit status 1; nothing is written then. Everything it
prints is in the language of MESSAGES (vi or en; default vi). The pieces are in editors/new/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from hotro.editors.new.common import Refused, add_months, refuse, schema
from hotro.editors.new.pages import nav_pastes, new_page, page_text
from hotro.editors.new.records import new_contact, new_edition
from hotro.model.command_line import Parser
from hotro.model.messages import language, msg, say

__all__ = ["add_months", "main", "nav_pastes", "page_text", "run", "schema"]


def run(args: argparse.Namespace, lang: str = "vi") -> str:
    chosen = [k for k in ("page", "contact", "edition") if getattr(args, k) is not None]
    if len(chosen) != 1:
        problem = msg("new.nothing") if not chosen else msg("new.one-at-a-time")
        raise refuse("make new", problem, msg("new.usage"))
    root = Path(args.root).resolve()
    if args.page is not None:
        return new_page(root, args.page, args.today, lang)
    if args.contact is not None:
        return new_contact(root, args.contact, args.agency, args.number, lang)
    return new_edition(root, args.edition, args.agency, lang)


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = Parser(description=__doc__.split("\n\n")[0], lang_flag=None)
    parser.add_argument("--page", help="a page pair, e.g. chinh-sach/ten-trang")
    parser.add_argument("--contact", help="a contact id for content/contacts.yml")
    parser.add_argument("--edition", help="an edition id for content/editions/")
    parser.add_argument("--agency", help="the agency id (contacts and editions)")
    parser.add_argument("--number", help="the contact's phone number, when known")
    parser.add_argument("--root", default=".", help="the project folder")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(),
                        help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    lang = language()
    try:
        print(run(args, lang))
    except Refused as err:
        print(err.problem.text(lang), file=sys.stderr)
        return 1
    except Exception as err:  # one line, never a traceback
        say("commands.failed", lang, file=sys.stderr, error=f"{type(err).__name__}: {err}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
