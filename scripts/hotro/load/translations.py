"""Translation status: is each English text made from the Vietnamese as it is today?

An English page records the Vietnamese it was translated from in its front matter
(`translated_from`); the English of each {vi, en} text in content/ is recorded in
content/translations.yml. Both hold text_hash() (hotro.model.fingerprints) of the Vietnamese.
The functions here are pure; hotro.editors.translated writes those records (`make translated`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hotro.load.yaml_source import load_yaml_file
from hotro.model.fingerprints import text_hash
from hotro.model.messages import Message, msg
from hotro.model.pages import DEFAULT_LANG, PageSource
from hotro.model.records import Content

RECORDS_FILE = "content/translations.yml"
RECORDS_HEADER = (
    "# yaml-language-server: $schema=schemas/translations.schema.json\n"
    "# For each English text in content/, a fingerprint of the Vietnamese it was translated\n"
    "# from. Written by `make translated`; `make status` lists the texts changed since.\n")
MISSING, STALE, UP_TO_DATE = "missing", "stale", "up to date"
STATES = (UP_TO_DATE, STALE, MISSING)


@dataclass(frozen=True)
class Status:
    kind: str           # "page" or "field"
    key: str            # a page's slug, or a field key such as contacts.yml#hotline-111/name
    file: str
    line: int
    state: str          # MISSING, STALE or UP_TO_DATE
    expected: Message | str = ""  # what the editor should do, for the report


@dataclass(frozen=True)
class TextField:
    key: str
    file: str
    line: int
    text: dict


# Pages


def page_status(content: Content) -> list[Status]:
    """One status per Vietnamese page: its English page is missing, stale or up to date."""
    return [_page_state(page, content.pages.get((slug, "en")))
            for (slug, lang), page in sorted(content.pages.items()) if lang == DEFAULT_LANG]


def _page_state(original: PageSource, english: PageSource | None) -> Status:
    if english is None:
        return Status("page", original.slug, original.shown_as, 1, MISSING,
                      msg("render.translation-page-missing", slug=original.slug))
    recorded = english.meta.get("translated_from")
    line = english.front.line_of(("translated_from",)) if recorded else 1
    if recorded == text_hash(original.body):
        return Status("page", english.slug, english.shown_as, line, UP_TO_DATE)
    if recorded is None:
        expected = msg("render.translation-page-unchecked", file=original.shown_as)
    else:
        expected = msg("render.translation-page-changed", file=original.shown_as)
    return Status("page", english.slug, english.shown_as, line, STALE, expected)


# Fields: {vi, en} texts in content/


def text_fields(content: Content) -> list[TextField]:
    """Every {vi, en} text in content/, keyed `<file under content/>#<record>/<field>`."""
    found: list[TextField] = []
    records = [*content.contacts.values(), *content.agencies.values(),
               *content.sources.values(), *content.process.values(),
               *content.which_number.values()]
    for record in records:
        prefix = f"{_under_content(record.file)}#{record.id}/"
        for path, text in _texts(record.data):
            line = record.doc.line_of((record.index, *path)) if record.doc else record.line
            found.append(TextField(prefix + _key_path(path), record.file, line, text))
    for edition in content.editions.values():
        for path, text in _texts(edition.data):
            found.append(TextField(f"{_under_content(edition.file)}#{_key_path(path)}",
                                   edition.file, edition.doc.line_of(path), text))
    lines = _ui_lines(content.root)
    found += [TextField(f"ui.yml#{key}", "content/ui.yml", lines.get(key, 0), text)
              for key, text in content.ui.items() if _is_text(text)]
    return found


def _texts(data: dict) -> list[tuple[tuple, dict]]:
    """(path, text) for each field that is a text, or a list of texts (agencies' former names)."""
    found = []
    for key, value in data.items():
        if _is_text(value):
            found.append(((key,), value))
        elif isinstance(value, list):
            found += [((key, i), item) for i, item in enumerate(value) if _is_text(item)]
    return found


def _is_text(value: object) -> bool:
    """{vi, en} strings; not lists of wordings in each language (which_number.yml phrases)."""
    return (isinstance(value, dict) and "vi" in value and set(value) <= {"vi", "en"}
            and all(isinstance(v, str) for v in value.values()))


def _key_path(path: tuple) -> str:
    # list items are counted from 1 in keys, as editors count them
    return "/".join(str(p + 1) if isinstance(p, int) else p for p in path)


def _under_content(file: str) -> str:
    return file.removeprefix("content/")


def _ui_lines(root: Path) -> dict[str, int]:
    """The line of each ui.yml entry: the loader keeps the texts, not where they are."""
    path = root / "content" / "ui.yml"
    if not path.is_file():
        return {}
    doc = load_yaml_file(path, "content/ui.yml")
    return {key: doc.line_of((key,)) for key in doc.data or {}}


def field_status(content: Content, records: dict[str, str]) -> list[Status]:
    """One status per {vi, en} text, against the fingerprints in content/translations.yml."""
    return [_field_state(field, records.get(field.key)) for field in text_fields(content)]


def _field_state(field: TextField, recorded: str | None) -> Status:
    if not field.text.get("en"):
        return Status("field", field.key, field.file, field.line, MISSING,
                      msg("render.translation-field-missing"))
    if recorded == text_hash(field.text["vi"]):
        return Status("field", field.key, field.file, field.line, UP_TO_DATE)
    expected = msg("render.translation-field-unchecked" if recorded is None
                   else "render.translation-field-changed")
    return Status("field", field.key, field.file, field.line, STALE, expected)


def load_records(root: Path) -> dict[str, str]:
    """content/translations.yml as {field key: fingerprint}; the loader has validated it."""
    path = root / RECORDS_FILE
    data = load_yaml_file(path, RECORDS_FILE).data if path.is_file() else None
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
