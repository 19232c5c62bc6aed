"""The loader's checks on translation records (called from checks.cross_references)."""

from __future__ import annotations

from hotro.load.schemas import validate
from hotro.load.translations import RECORDS_FILE
from hotro.load.yaml_source import load_yaml_file
from hotro.model.messages import msg
from hotro.model.pages import DEFAULT_LANG
from hotro.model.problems import ContentError, Problem
from hotro.model.records import Content


def check_translations(content: Content) -> list[Problem]:
    """translated_from only in English pages; content/translations.yml as its schema says."""
    problems = [Problem(page.shown_as, page.front.line_of(("translated_from",)),
                        "translated_from", msg("checks.original-not-translated"),
                        msg("checks.translated-from-belongs", file=f"docs/{page.slug}.en.md"))
                for page in content.pages.values()
                if page.lang == DEFAULT_LANG and "translated_from" in page.meta]
    return problems + _records_file(content)


def _records_file(content: Content) -> list[Problem]:
    path = content.root / RECORDS_FILE
    if not path.is_file():
        return []
    try:
        doc = load_yaml_file(path, RECORDS_FILE)
    except ContentError as err:
        return err.problems
    return validate(doc, "translations")
