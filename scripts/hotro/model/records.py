"""Validated content as records: sources, agencies, contacts, editions, and the whole Content.

Each record remembers its file and the line of every field (a YamlDoc), so any later check can
name the place an editor has to change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from hotro.model.pages import DEFAULT_LANG, PageSource
from hotro.model.phones import Phone
from hotro.model.yaml_doc import YamlDoc

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# The kinds of source (content/schemas/source.schema.json), in the order readers see them:
# the legal texts and official bodies first, then the press, organisations and the rest.
SOURCE_KINDS = ("law", "government", "press", "ngo", "other")


@dataclass
class Record:
    """One validated YAML record, with where it came from for later messages."""

    data: dict
    file: str
    line: int
    doc: YamlDoc | None = field(default=None, repr=False)
    index: int = 0

    def line_of(self, key: str) -> int:
        """The line of one of this record's fields, for messages."""
        return self.doc.line_of((self.index, key)) if self.doc else self.line

    def __getitem__(self, key: str):
        return self.data[key]

    def get(self, key: str, default=None):
        return self.data.get(key, default)

    @property
    def id(self) -> str:
        return self.data["id"]


@dataclass
class Contact(Record):
    phone: Phone | None = None

    @property
    def published(self) -> bool:
        return bool(self.data.get("verified"))


@dataclass
class Edition(Record):
    """One file of content/editions/: a mapping, named after the edition."""

    def line_of(self, key: str) -> int:
        return self.doc.line_of((key,)) if self.doc else self.line

    @property
    def id(self) -> str:
        return Path(self.file).stem


@dataclass
class Content:
    root: Path
    sources: dict[str, Record] = field(default_factory=dict)
    agencies: dict[str, Record] = field(default_factory=dict)
    contacts: dict[str, Contact] = field(default_factory=dict)
    ui: dict[str, dict] = field(default_factory=dict)
    ui_doc: YamlDoc | None = None  # content/ui.yml with its line numbers, for the checks
    process: dict[str, Record] = field(default_factory=dict)
    which_number: dict[str, Record] = field(default_factory=dict)  # the rule, in its order
    pages: dict[tuple[str, str], PageSource] = field(default_factory=dict)
    editions: dict[str, Edition] = field(default_factory=dict)
    official_hosts: list[str] = field(default_factory=list)  # content/official_hosts.yml

    def published_contacts(self) -> list[Contact]:
        return [c for c in self.contacts.values() if c.published]

    def policies(self) -> dict[str, PageSource]:
        """Policy pages in the default language, by policy id."""
        found: dict[str, PageSource] = {}
        for page in sorted(self.pages.values(), key=lambda p: p.src):
            if page.lang == DEFAULT_LANG and "policy" in page.meta:
                found.setdefault(page.meta["policy"]["id"], page)
        return found

    def sections(self) -> list[str]:
        """The sections an edition can carry: docs/ folders and top-level pages."""
        return sorted({page.slug.split("/")[0] for page in self.pages.values()})

    def directory_page(self) -> PageSource | None:
        """The page that lists every contact (the one with the data:contacts marker)."""
        return next((p for (_, lang), p in sorted(self.pages.items()) if lang == DEFAULT_LANG
                     and any(m.name == "contacts" for m in p.markers)), None)

    def canonical_edition(self) -> Edition | None:
        return next((e for e in self.editions.values() if e.get("canonical")), None)

    def sources_in_order(self, ids) -> list[Record]:
        """The sources named by `ids`, official kinds first; within a kind, as listed."""
        found = [self.sources[sid] for sid in dict.fromkeys(ids)]
        rank = {kind: i for i, kind in enumerate(SOURCE_KINDS)}
        return sorted(found, key=lambda s: rank.get(s.get("kind"), len(rank)))

    def source_host(self, source_id: str) -> str:
        return urlsplit(self.sources[source_id]["url"]).hostname or ""
