"""What the plugin keeps during one build, and how it says a build cannot go on.

mkdocs-static-i18n runs MkDocs' build once per language in one process (on the same plugin
instance), so the 404 pages, the search index and the pages' bodies gather over the languages
of one build; the next build (`mkdocs serve` after a save) starts from a new BuildState, so a
renamed or deleted page is gone from them.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError

from hotro.load.editions import EditionView
from hotro.model.messages import language
from hotro.model.pages import DEFAULT_LANG
from hotro.model.problems import ContentError, Problem
from hotro.model.records import Content
from hotro.outputs.embeds import PageBody
from hotro.plugin.i18n_fixes import Fallback404
from hotro.render.render import PageParts
from hotro.render.search_index import SearchIndex

PROBLEMS_FILE = "HOTRO_PROBLEMS_JSON"  # set by `make site`: where the problems go, as JSON


@dataclass
class BuildState:
    """One build, over all its languages."""

    content: Content
    edition: EditionView
    langs: tuple[str, ...]
    fallback_404: Fallback404 = field(default_factory=lambda: Fallback404(DEFAULT_LANG))
    search: SearchIndex = field(default_factory=SearchIndex)
    bodies: dict[tuple[str, str], PageBody] = field(default_factory=dict)
    parts: dict[str, PageParts] = field(default_factory=dict)  # per page, markdown to HTML
    buttons: dict[tuple, str] = field(default_factory=dict)  # the quick-exit buttons, by link


def hand_over(problems: list[Problem]) -> None:
    """The problems as JSON in the file HOTRO_PROBLEMS_JSON names, when `make site` set it:
    it shows them itself, in the language asked for."""
    if path := os.environ.get(PROBLEMS_FILE):
        Path(path).write_text(json.dumps([p.to_json() for p in sorted(set(problems))],
                                         ensure_ascii=False), encoding="utf-8")


def fail(problems: list[Problem]) -> PluginError:
    """The error that stops the build: the problems in the MESSAGES language (and as JSON)."""
    hand_over(problems)
    return PluginError("\n" + ContentError(problems).report(language()))
