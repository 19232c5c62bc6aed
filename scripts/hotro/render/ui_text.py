"""Interface texts from content/ui.yml ({vi, en} by key), for pages, JSON-LD and open data."""

from __future__ import annotations

from hotro.model.messages import msg
from hotro.model.problems import ContentError, Problem
from hotro.model.records import Content

UI_FILE = "content/ui.yml"


def ui_text(content: Content, key: str) -> dict:
    """An interface text {vi, en}; a missing one stops the build with a problem to fix."""
    entry = content.ui.get(key)
    if entry is None:
        raise ContentError([Problem(UI_FILE, 0, key, msg("render.ui-text-missing"),
                                    msg("render.ui-text-expected"))])
    return entry


def language_name(content: Content, code: str, lang: str) -> str:
    """The name of the language `code` (e.g. km), written in `lang`."""
    return ui_text(content, f"language.{code}")[lang]
