"""The command line of every command: the language it speaks, and argparse's own error line.

A command speaks the language --lang names (where the command has it), else MESSAGES (vi or en),
else Vietnamese. argparse writes its usage and error lines in English; `Parser` writes them in
that language, with argparse's texts turned into catalogue messages (content/messages.yml,
ids cli.*). These regular expressions are for argparse's texts only (third-party texts).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from hotro.model.messages import LANGS, Message, language, msg, text

ARGPARSE_TEXTS = (
    (re.compile(r"the following arguments are required: (?P<names>.+)"), "cli.required"),
    (re.compile(r"argument (?P<name>\S+): invalid choice: (?P<value>.+?) "
                r"\(choose from (?P<choices>.+)\)"), "cli.choice"),
    (re.compile(r"argument (?P<name>\S+): invalid (?P<kind>\S+) value: (?P<value>.+)"),
     "cli.value"),
    (re.compile(r"argument (?P<name>\S+): expected one argument"), "cli.one-value"),
    (re.compile(r"unrecognized arguments: (?P<names>.+)"), "cli.unrecognized"),
)


def argparse_message(said: str) -> Message:
    """One of argparse's error texts as a catalogue message."""
    for pattern, message_id in ARGPARSE_TEXTS:
        match = pattern.fullmatch(said)
        if match:
            return msg(message_id, **match.groupdict())
    return msg("cli.other", text=said)


def chosen_language(argv: Sequence[str] | None, flag: str | None = "--lang") -> str:
    """The language of the messages: `flag`'s value in argv if valid, else MESSAGES, else vi."""
    args = list(sys.argv[1:] if argv is None else argv)
    for i, arg in enumerate(args):
        if flag and arg == flag and i + 1 < len(args) and args[i + 1] in LANGS:
            return args[i + 1]
        if flag and arg.startswith(f"{flag}=") and arg.split("=", 1)[1] in LANGS:
            return arg.split("=", 1)[1]
    return language()


class Parser(argparse.ArgumentParser):
    """argparse, with its usage and error lines in the command's language.

    `lang_flag` is the option that names the language of the messages (None: MESSAGES only,
    for a command whose --lang means something else).
    """

    def __init__(self, *args, lang_flag: str | None = "--lang", **kwargs):
        super().__init__(*args, **kwargs)
        self.lang_flag = lang_flag
        self.lang = language()

    def parse_args(self, args=None, namespace=None):  # type: ignore[override]
        self.lang = chosen_language(args, self.lang_flag)
        return super().parse_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        usage = self.format_usage().strip().removeprefix("usage: ")
        lines = [text("cli.usage", self.lang, usage=usage),
                 text("cli.error", self.lang, prog=self.prog, problem=argparse_message(message))]
        self.exit(2, "\n".join(lines) + "\n")


def add_lang(parser: argparse.ArgumentParser) -> None:
    """--lang vi|en: the language of the messages (default: MESSAGES, else Vietnamese)."""
    parser.add_argument("--lang", choices=LANGS, default=None,
                        help="language of the messages: vi or en (default: MESSAGES, else vi)")


def in_one_line(step: Callable[[argparse.Namespace, str], int], args: argparse.Namespace,
                lang: str) -> int:
    """Run a command's `step`; anything it did not expect is one catalogue line, never a
    traceback (the editor reads it; the person who looks after the code gets its name)."""
    try:
        return step(args, lang)
    except BrokenPipeError:  # the output was cut short (`make status | head`): nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as err:
        print(text("commands.failed", lang, error=f"{type(err).__name__}: {err}"),
              file=sys.stderr, flush=True)
        return 1
