"""The content loader: the one place that reads and validates content/ and docs/.

Hooks, editors' commands and tests all call `load_content(root)`. It either returns validated
records or raises ContentError listing every problem as `file:line: record/field: problem`.
"""

from __future__ import annotations

import os
import pickle
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from hotro.load import docs_files, markdown_limits
from hotro.load.markdown_source import DEFAULT_LANG, PageSource, read_page
from hotro.load.yaml_source import YamlDoc, load_yaml_file
from hotro.model.phones import EXPECTED as PHONE_EXPECTED
from hotro.model.phones import Phone, PhoneError, parse_phone
from hotro.model.problems import ContentError, Problem

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


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
    pages: dict[tuple[str, str], PageSource] = field(default_factory=dict)
    editions: dict[str, Edition] = field(default_factory=dict)

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

    def source_host(self, source_id: str) -> str:
        return urlsplit(self.sources[source_id]["url"]).hostname or ""


_cache: dict[Path, tuple[tuple, Content]] = {}


def load_content_cached(root: Path) -> Content:
    """load_content, read again only when a file under content/ or docs/ changed.

    mkdocs-static-i18n runs the whole build once per language in one process, and
    `mkdocs serve` rebuilds after each save: both would otherwise read everything again.
    """
    stamp = _stamp(root)
    cached = _cache.get(root) or _handed_over(root)
    if cached and cached[0] == stamp:
        return cached[1]
    content = load_content(root)
    _cache[root] = (stamp, content)
    return content


HANDOVER = "HO_TRO_CONTENT_PICKLE"  # set by build_site.py for the MkDocs processes it starts


def hand_over(content: Content, path: Path) -> dict[str, str]:
    """Save the validated content for the builds about to start; the environment to give them.

    Each edition builds in its own process; reading the validated copy instead of reading and
    checking every file again saves seconds per edition on a big site.
    """
    path.write_bytes(pickle.dumps((content.root, _stamp(content.root), content),
                                  protocol=pickle.HIGHEST_PROTOCOL))
    return {HANDOVER: str(path)}


def _handed_over(root: Path) -> tuple[tuple, Content] | None:
    path = os.environ.get(HANDOVER)
    if not path or not os.path.isfile(path):
        return None
    saved_root, stamp, content = pickle.loads(Path(path).read_bytes())
    return (stamp, content) if saved_root == root else None


def _stamp(root: Path) -> tuple:
    files = [p for folder in ("content", "docs") for p in sorted((root / folder).rglob("*"))]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files if p.is_file())


def load_content(root: Path, today: date | None = None) -> Content:
    """Read, validate and cross-check everything under root/content and root/docs.

    `today` is the day dates are checked against (default: today in Vietnam)."""
    # Here, not at the top: a build handed validated content never loads jsonschema.
    from hotro.checks import checks
    from hotro.checks.content_guards import check_guards
    from hotro.load.invisible_chars import invisible_characters
    content = Content(root=root)
    problems: list[Problem] = docs_files.links_in(root / "content")
    for step in (_load_sources, _load_agencies, _load_contacts, _load_ui, _load_process,
                 _load_pages, _load_editions):
        try:
            problems += step(content)
        except ContentError as err:
            problems += err.problems
    if not problems:
        problems += checks.cross_references(content)
    problems += check_guards(content, today) + invisible_characters(root)  # issue 14
    if problems:
        raise ContentError(problems)
    return content


def _validate(*args) -> list[Problem]:
    """schemas.validate, imported on first use (see load_content)."""
    from hotro.load.schemas import validate

    return validate(*args)


def _doc(content: Content, rel: str) -> YamlDoc | None:
    path = content.root / rel
    return load_yaml_file(path, rel) if path.is_file() else None


def _records(doc: YamlDoc, schema: str, kind=Record) -> tuple[dict, list[Problem]]:
    """Schema-checked records by id; a record with errors is left out."""
    problems = _validate(doc, schema)
    bad = {p.where.split("/")[0] for p in problems}
    records: dict = {}
    for i, item in enumerate(doc.data if isinstance(doc.data, list) else []):
        rid = item.get("id") if isinstance(item, dict) else None
        if not isinstance(rid, str) or rid in bad or f"item {i + 1}" in bad:
            continue
        if rid in records:
            problems.append(Problem(doc.file, doc.line_of((i, "id")), f"{rid}/id",
                                    "this id is used twice", "each id once"))
            continue
        records[rid] = kind(item, doc.file, doc.line_of((i,)), doc, i)
    return records, problems


def _yaml_files(content: Content, folder: str) -> list[str]:
    base = content.root / folder
    return [p.relative_to(content.root).as_posix() for p in sorted(base.glob("*.yml"))]


def _load_sources(content: Content) -> list[Problem]:
    problems: list[Problem] = []
    for rel in _yaml_files(content, "content/sources"):
        records, found = _records(_doc(content, rel), "source")
        problems += found
        for rid, rec in records.items():
            if rid in content.sources:
                other = content.sources[rid].file
                problems.append(Problem(rec.file, rec.line, f"{rid}/id",
                                        f"this source id is also used in {other}", "each id once"))
            content.sources.setdefault(rid, rec)
    return problems + _same_url_twice(content)


def _same_url_twice(content: Content) -> list[Problem]:
    """One source, one id: a page's source list must not show the same address twice."""
    first: dict[str, Record] = {}
    problems = []
    for rec in content.sources.values():
        other = first.setdefault(rec["url"], rec)
        if other is not rec:
            problems.append(Problem(rec.file, rec.line_of("url"), f"{rec.id}/url",
                                    f"this address is already source {other.id!r}",
                                    f"one record per address; cite {other.id!r} instead"))
    return problems


def _required(content: Content, rel: str, what: str) -> tuple[YamlDoc | None, list[Problem]]:
    doc = _doc(content, rel)
    return doc, [] if doc else [Problem(rel, 0, "", "the file is missing", what)]


def _load_agencies(content: Content) -> list[Problem]:
    doc, missing = _required(content, "content/agencies.yml", "a list of agencies")
    if doc is None:
        return missing
    content.agencies, problems = _records(doc, "agency")
    return problems


def _load_contacts(content: Content) -> list[Problem]:
    doc, missing = _required(content, "content/contacts.yml", "a list of contacts")
    if doc is None:
        return missing
    content.contacts, problems = _records(doc, "contact", Contact)
    for contact in content.contacts.values():
        problems += _attach_phone(contact)
    return problems


def _attach_phone(contact: Contact) -> list[Problem]:
    """Parse the number as the editor typed it (the raw YAML text, not a YAML integer)."""
    if "number" not in contact.data:
        return []
    raw = contact.doc.raws.get((contact.index, "number"), str(contact["number"]))
    try:
        contact.phone = parse_phone(raw, contact.get("display"))
    except PhoneError as err:
        field_name = "display" if "display text" in str(err) else "number"
        return [Problem(contact.file, contact.line_of(field_name),
                        f"{contact.id}/{field_name}", str(err), PHONE_EXPECTED)]
    return []


def _load_process(content: Content) -> list[Problem]:
    """Optional: the steps of the process diagram (data:process)."""
    doc = _doc(content, "content/process.yml")
    if doc is None:
        return []
    content.process, problems = _records(doc, "process")
    return problems


def _load_ui(content: Content) -> list[Problem]:
    doc, missing = _required(content, "content/ui.yml", "interface texts")
    if doc is None:
        return missing
    problems = _validate(doc, "ui")
    if not problems:
        content.ui, content.ui_doc = doc.data, doc
    return problems


def _load_pages(content: Content) -> list[Problem]:
    docs = content.root / "docs"
    pages, problems = docs_files.scan(docs)  # other files: an allowlist; links refused
    for path in pages:
        try:
            page = read_page(docs, path)
        except ContentError as err:
            problems += err.problems
            continue
        found = _validate(page.front, "page", page.meta) + markdown_limits.limit_problems(page)
        problems += found
        if not found:
            content.pages[(page.slug, page.lang)] = page
    return problems


def _load_editions(content: Content) -> list[Problem]:
    """content/editions/<id>.yml: one file per agency edition of the site."""
    problems: list[Problem] = []
    files = _yaml_files(content, "content/editions")
    if not files:
        return [Problem("content/editions/", 0, "", "there is no edition",
                        "at least one file such as content/editions/tinh-ca-mau.yml")]
    for rel in files:
        doc = _doc(content, rel)
        stem = Path(rel).stem
        if not ID_PATTERN.match(stem):
            problems.append(Problem(rel, 0, "", f"the file name {stem!r} is not a valid id",
                                    "lower case letters, digits and hyphens, e.g. so-y-te.yml"))
            continue
        found = _validate(doc, "edition")
        problems += found
        if not found:
            content.editions[stem] = Edition(doc.data, rel, 1, doc)
    return problems
