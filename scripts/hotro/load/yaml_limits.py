"""Limits on YAML before it is built into values: no anchors or aliases, bounded nesting.

An alias bomb ("billion laughs") expands a few lines into billions of values, and thousands of
nested `[` or mappings exhaust the composer's recursion. Our content never needs either, so a
first pass over the parser's events (flat, not recursive, libyaml's when PyYAML has it) refuses
them with a line number before anything is built.
"""

from __future__ import annotations

import yaml

from hotro.model.messages import Message, msg
from hotro.model.problems import ContentError, Problem

MAX_DEPTH = 50  # lists and groups of fields inside each other; real content uses at most 6
ANCHOR_PROBLEM = msg("load.yaml-anchors")
ANCHOR_EXPECTED = msg("load.yaml-anchors-expected")
DEPTH_PROBLEM = msg("load.yaml-too-deep", limit=MAX_DEPTH)
DEPTH_EXPECTED = msg("load.yaml-too-deep-expected", limit=MAX_DEPTH)
EVENT_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
OPENING = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
CLOSING = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def check_limits(text: str, shown_as: str, line_offset: int = 0) -> None:
    """Raise ContentError at the first anchor, alias or level past MAX_DEPTH in `text`.

    A syntax error is left to the reader that follows, which words it for editors.
    """
    if _clearly_within(text):
        return
    problem = _scan(text, EVENT_LOADER)
    if problem is False and EVENT_LOADER is not yaml.SafeLoader:
        # libyaml stops at its own limits (1,000 levels) before the first event: read again
        problem = _scan(text, yaml.SafeLoader)
    if problem:
        line, what, expected = problem
        raise ContentError([Problem(shown_as, line + line_offset, "", what, expected)])


def _clearly_within(text: str) -> bool:
    """True when no pass is needed: no & or *, and too few indicators for 50 levels.

    Each level of nesting needs one of [ { - : ? (a block mapping its key's colon, a block
    list its dash), so fewer than MAX_DEPTH of them in all cannot nest deeper. Most front
    matter is that short.
    """
    if "&" in text or "*" in text:
        return False
    return sum(text.count(mark) for mark in "[{-:?") < MAX_DEPTH


def _scan(text: str, loader_class: type) -> tuple[int, Message, Message] | bool | None:
    """The first problem, None when there is none, False when the text is not valid YAML."""
    try:
        loader = loader_class(text)
    except yaml.YAMLError:  # a character YAML does not allow: the reader that follows says so
        return False
    try:
        return _first_problem(loader)
    except yaml.YAMLError:
        return False
    finally:
        loader.dispose()


def _first_problem(loader: yaml.SafeLoader) -> tuple[int, Message, Message] | None:
    depth = 0
    while (event := loader.get_event()) is not None:
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            return event.start_mark.line + 1, ANCHOR_PROBLEM, ANCHOR_EXPECTED
        if isinstance(event, OPENING):
            depth += 1
            if depth > MAX_DEPTH:
                return event.start_mark.line + 1, DEPTH_PROBLEM, DEPTH_EXPECTED
        elif isinstance(event, CLOSING):
            depth -= 1
    return None
