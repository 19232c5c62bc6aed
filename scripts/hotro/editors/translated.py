"""`make translated`: record the English texts as translated from today's Vietnamese.

The records are the fingerprints hotro.load.translations compares: a page's translated_from
front-matter field, and content/translations.yml for the texts of data files.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path

import yaml

from hotro.checks.validated import load_content
from hotro.load.translations import (
    RECORDS_FILE,
    RECORDS_HEADER,
    load_records,
    text_fields,
    text_hash,
)
from hotro.model.pages import DEFAULT_LANG, PageSource
from hotro.model.records import Content

# Recording: `make translated`


def record(root: Path, only: Collection[str] = ()) -> list[str]:
    """Record every English text as translated from today's Vietnamese; the files changed.

    `only` limits it to some keys or files (as `make status` shows them), so an editor who
    updated one translation does not mark the others as done.
    """
    content = load_content(root)
    wanted = set(only)
    changed = [page.shown_as for page in _pages_to_record(content, wanted)
               if _record_page(root, page, text_hash(content.pages[(page.slug, "vi")].body))]
    if _record_fields(root, content, wanted):
        changed.append(RECORDS_FILE)
    return changed


def _chosen(wanted: set[str], key: str, file: str) -> bool:
    return not wanted or key in wanted or file in wanted


def _pages_to_record(content: Content, wanted: set[str]) -> list[PageSource]:
    return [page for (slug, lang), page in sorted(content.pages.items())
            if lang != DEFAULT_LANG and (slug, DEFAULT_LANG) in content.pages
            and _chosen(wanted, slug, page.shown_as)]


def _record_page(root: Path, page: PageSource, fingerprint: str) -> bool:
    path = root / page.shown_as
    text = path.read_bytes().decode("utf-8")
    new = set_translated_from(text, fingerprint)
    if new != text:
        path.write_bytes(new.encode("utf-8"))
    return new != text


FIELD_LINE = re.compile(r"^translated_from:[^\r\n]*", re.M)


def set_translated_from(text: str, fingerprint: str) -> str:
    """The page with `translated_from` set in its front matter; every other byte unchanged."""
    lines = text.splitlines(keepends=True)
    closing = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    end = sum(len(line) for line in lines[:closing])
    head = text[:end]
    value = f"translated_from: {_scalar(fingerprint)}"
    match = FIELD_LINE.search(head, len(lines[0]))
    if match:
        return text[: match.start()] + value + text[match.end():]
    newline = "\r\n" if lines[0].endswith("\r\n") else "\n"
    return head + value + newline + text[end:]


def _scalar(fingerprint: str) -> str:
    """Quoted only when YAML would read it as something else (all digits is a number)."""
    return fingerprint if yaml.safe_load(fingerprint) == fingerprint else f'"{fingerprint}"'


def _record_fields(root: Path, content: Content, wanted: set[str]) -> bool:
    old = load_records(root)
    new = {}
    for field in text_fields(content):
        if field.text.get("en") and _chosen(wanted, field.key, field.file):
            new[field.key] = text_hash(field.text["vi"])
        elif field.key in old:
            new[field.key] = old[field.key]
    text = RECORDS_HEADER + "".join(f"{key}: {_scalar(value)}\n"
                                    for key, value in sorted(new.items()))
    path = root / RECORDS_FILE
    old_text = path.read_bytes().decode("utf-8") if path.is_file() else RECORDS_HEADER
    if old_text == text:
        return False
    path.write_bytes(text.encode("utf-8"))
    return True
