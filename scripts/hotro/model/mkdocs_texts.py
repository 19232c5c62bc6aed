"""MkDocs' own texts, as an editor meets them, in the catalogue's words.

MkDocs logs its warnings and errors in English ("A reference to 'x.md' is included in the 'nav'
configuration, which is not found …"). The ones an editor can cause by editing mkdocs.yml or
docs/ become Problems naming `mkdocs.yml:<line>` (the line found in the base mkdocs.yml the
editor edits, not in the edition's config made from it), with catalogue messages (ids
mkdocs.*); the lines of `mkdocs serve` become catalogue messages too. These regular expressions
are for MkDocs' texts only; every other line is returned as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hotro.model.messages import Message, msg
from hotro.model.problems import Problem

LEVEL = re.compile(r"(?P<level>INFO|WARNING|ERROR|DEBUG)\s+-\s+(?P<text>.*)")
CLOCK = re.compile(r"\[\d\d:\d\d:\d\d\] ")

NAV_MISSING = re.compile(r"A reference to '(?P<file>[^']+)' is included in the 'nav' "
                         r"configuration, which is not found in the documentation files\.?")
NAV_OMITTED = re.compile(r"The following pages exist in the docs directory, but are not "
                         r"included in the \"nav\" configuration:")
LISTED = re.compile(r"\s+- (?P<file>\S.*)")
SUFFIX = re.compile(r"\.(?:vi|en)\.md$")  # mkdocs-static-i18n's docs_structure: suffix
CONFIG_VALUE = re.compile(r"Config value '(?P<key>[^']+)': (?P<error>.+)")
UNKNOWN_KEY = re.compile(r"Unrecognised configuration name: (?P<key>\S+)")

# What MkDocs says is wrong with a setting's value.
VALUE_ERRORS = (
    (re.compile(r"The path '(?P<path>.+)' isn't an existing file\.?"), "mkdocs.not-a-file"),
    (re.compile(r"The path '(?P<path>.+)' isn't an existing directory\.?"),
     "mkdocs.not-a-folder"),
    (re.compile(r"Expected (?P<wanted>.+?), but (?:a |an )?(?P<found>.+?) was given\.?"),
     "mkdocs.wrong-type"),
    (re.compile(r"Expected \w+ to be a list, got (?P<found>.+?)\.?"), "mkdocs.not-a-list"),
    (re.compile(r"Unrecognised theme name: '(?P<name>[^']+)'.*"), "mkdocs.unknown-theme"),
    (re.compile(r"The \"(?P<name>[^\"]+)\" plugin is not installed"), "mkdocs.unknown-plugin"),
)

# The lines of `mkdocs serve` (and of a build), without their level and clock.
SERVE_LINES = (
    (re.compile(r"Building documentation\.\.\."), "mkdocs.building"),
    (re.compile(r"Cleaning site directory"), "mkdocs.cleaning"),
    (re.compile(r"Documentation built in (?P<seconds>[\d.]+) seconds"), "mkdocs.built"),
    (re.compile(r"Serving on (?P<url>\S+)"), "mkdocs.serving"),
    (re.compile(r"Watching paths for changes: (?P<paths>.+)"), "mkdocs.watching"),
    (re.compile(r"Detected file changes"), "mkdocs.changed"),
    (re.compile(r"Reloading browsers"), "mkdocs.reloading"),
    (re.compile(r"Browser connected: (?P<url>\S+)"), "mkdocs.browser"),
    (re.compile(r"Shutting down\.\.\."), "mkdocs.shutting-down"),
    (re.compile(r"Aborted with a configuration error!"), "mkdocs.config-aborted"),
    (re.compile(r"Aborted with (?P<count>\d+) warnings? in strict mode!"),
     "mkdocs.strict-aborted"),
    (re.compile(r"mkdocs_static_i18n: Building '(?P<lang>[a-z]+)' documentation to "
                r"directory: (?P<folder>.+)"), "mkdocs.i18n-building"),
    (re.compile(r"mkdocs_static_i18n: Overriding '(?P<lang>[a-z]+)' config '(?P<key>[a-z_]+)' "
                r"with '(?P<value>.*)'"), "mkdocs.i18n-override"),
    (re.compile(r"mkdocs_static_i18n: Translated (?P<count>\d+) navigation elements to "
                r"'(?P<lang>[a-z]+)'"), "mkdocs.i18n-translated"),
)


@dataclass
class Config:
    """The base mkdocs.yml an editor edits: its name as shown and its text, to find lines."""

    shown: str = "mkdocs.yml"
    text: str = ""
    lines: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.lines = self.text.splitlines()

    def line_of_key(self, key: str) -> int:
        top = re.compile(rf"{re.escape(key.split('.')[0])}\s*:")
        return next((i for i, line in enumerate(self.lines, 1) if top.match(line)), 0)

    def line_of_page(self, page: str) -> int:
        """The nav line naming `page` (`- Title: page`), else the line of `nav:`."""
        entry = re.compile(rf"\s*-?\s*(?:[^:]+:\s*)?['\"]?{re.escape(page)}['\"]?\s*(?:#.*)?")
        nav = self.line_of_key("nav")
        found = (i for i, line in enumerate(self.lines[nav:], nav + 1) if entry.fullmatch(line))
        return next(found, nav)


def value_error(error: str) -> Message | str:
    for pattern, message_id in VALUE_ERRORS:
        match = pattern.fullmatch(error.strip())
        if match:
            return msg(message_id, **match.groupdict())
    return error.strip()


def _problem(config: Config, text: str) -> Problem | None:
    """The Problem behind one of MkDocs' messages, or None when it is not one of those known."""
    if match := NAV_MISSING.fullmatch(text):
        return Problem(config.shown, config.line_of_page(match["file"]), "nav",
                       msg("mkdocs.nav-missing", file=match["file"]),
                       msg("mkdocs.nav-missing-expected"))
    if (match := CONFIG_VALUE.fullmatch(text)) is None:
        return None
    key = match["key"]
    if unknown := UNKNOWN_KEY.fullmatch(match["error"].strip()):
        key = unknown["key"]
        return Problem(config.shown, config.line_of_key(key), key,
                       msg("mkdocs.unknown-key", key=key), msg("mkdocs.unknown-key-expected"))
    return Problem(config.shown, config.line_of_key(key), key,
                   msg("mkdocs.config-value", error=value_error(match["error"])),
                   msg("mkdocs.config-expected"))


def _omitted(config: Config, page: str) -> Problem:
    """A page left out of the nav, named as the nav names it (one entry for both languages)."""
    page = SUFFIX.sub(".md", page)
    return Problem(config.shown, config.line_of_key("nav"), "nav",
                   msg("mkdocs.nav-omitted", file=page),
                   msg("mkdocs.nav-omitted-expected", file=page))


def log_problems(log: list[str], config: Config) -> tuple[list[Problem], list[str]]:
    """The known problems among MkDocs' log lines, and the warning and error lines left over
    (for the other readers of MkDocs' log, such as its link warnings)."""
    problems: list[Problem] = []
    rest: list[str] = []
    listing = False
    for line in log:
        if listing and (item := LISTED.fullmatch(line)):
            problems.append(_omitted(config, item["file"].strip()))
            continue
        listing = False
        level = LEVEL.match(line.strip())
        text = CLOCK.sub("", level["text"]).strip() if level else line.strip()
        if NAV_OMITTED.fullmatch(text):
            listing = True
        elif problem := _problem(config, text):
            problems.append(problem)
        elif (level and level["level"] in ("WARNING", "ERROR")) or CONFIG_VALUE.fullmatch(text):
            rest.append(line)
    return problems, rest


def serve_line(line: str, config: Config) -> Message | Problem | str | None:
    """One line of `mkdocs serve` in the catalogue's words: a Message, a Problem, the line as it
    is when unknown, or None for a line that only continues one already shown."""
    level = LEVEL.match(line.strip())
    text = CLOCK.sub("", level["text"]).strip() if level else line.strip()
    for pattern, message_id in SERVE_LINES:
        match = pattern.fullmatch(text)
        if match:
            return msg(message_id, **match.groupdict())
    if problem := _problem(config, text):
        return problem
    if level and level["level"] == "WARNING":
        return msg("mkdocs.warning", text=text)
    if level and level["level"] == "INFO":  # a line of MkDocs or a plugin no pattern knows
        return msg("mkdocs.info", text=text)
    return line.rstrip("\n") or None
