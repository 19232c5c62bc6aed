"""Reading content/ and docs/ into records: every file read, schema-checked, with line numbers.

`read_content(root)` reads everything and returns the records with every problem found on the
way; hotro.checks.validated.load_content adds the checks across files and is what the plugin,
the commands and the tests call.
"""

from __future__ import annotations

from pathlib import Path

from hotro.load import docs_files, markdown_limits
from hotro.load.markdown_source import read_page
from hotro.load.schemas import validate
from hotro.load.yaml_source import load_yaml_file
from hotro.model.messages import Message, msg
from hotro.model.phones import EXPECTED as PHONE_EXPECTED
from hotro.model.phones import PhoneError, parse_phone
from hotro.model.problems import ContentError, Problem
from hotro.model.records import ID_PATTERN, Contact, Content, Edition, Record
from hotro.model.yaml_doc import YamlDoc


def read_content(root: Path) -> tuple[Content, list[Problem]]:
    """Every record under root/content and root/docs, and every problem found reading them."""
    content = Content(root=root)
    problems: list[Problem] = docs_files.links_in(root / "content")
    for step in (_load_sources, _load_agencies, _load_contacts, _load_ui, _load_process,
                 _load_official_hosts, _load_which_number,
                 _load_pages, _load_editions):
        try:
            problems += step(content)
        except ContentError as err:
            problems += err.problems
    return content, problems


def _doc(content: Content, rel: str) -> YamlDoc | None:
    path = content.root / rel
    return load_yaml_file(path, rel) if path.is_file() else None


def _records(doc: YamlDoc, schema: str, kind=Record) -> tuple[dict, list[Problem]]:
    """Schema-checked records by id; a record with errors is left out."""
    problems = validate(doc, schema)
    bad = {p.where.split("/")[0] for p in problems}
    records: dict = {}
    for i, item in enumerate(doc.data if isinstance(doc.data, list) else []):
        rid = item.get("id") if isinstance(item, dict) else None
        if not isinstance(rid, str) or rid in bad or f"item {i + 1}" in bad:
            continue
        if rid in records:
            problems.append(Problem(doc.file, doc.line_of((i, "id")), f"{rid}/id",
                                    msg("load.id-twice"), msg("load.id-once")))
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
                                        msg("load.source-id-elsewhere", file=other),
                                        msg("load.id-once")))
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
                                    msg("load.address-twice", id=repr(other.id)),
                                    msg("load.address-twice-expected", id=repr(other.id))))
    return problems


def _required(content: Content, rel: str, what: Message) -> tuple[YamlDoc | None, list[Problem]]:
    doc = _doc(content, rel)
    return doc, [] if doc else [Problem(rel, 0, "", msg("load.file-missing"), what)]


def _load_agencies(content: Content) -> list[Problem]:
    doc, missing = _required(content, "content/agencies.yml", msg("load.agencies-expected"))
    if doc is None:
        return missing
    content.agencies, problems = _records(doc, "agency")
    return problems


def _load_contacts(content: Content) -> list[Problem]:
    doc, missing = _required(content, "content/contacts.yml", msg("load.contacts-expected"))
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
        return [Problem(contact.file, contact.line_of(err.field), f"{contact.id}/{err.field}",
                        err.message, PHONE_EXPECTED)]
    return []


def _load_process(content: Content) -> list[Problem]:
    """Optional: the steps of the process diagram (data:process)."""
    content.process, problems = _optional_records(content, "process")
    return problems


def _optional_records(content: Content, name: str) -> tuple[dict[str, Record], list[Problem]]:
    """The records of content/<name>.yml, checked against its schema; none without the file."""
    doc = _doc(content, f"content/{name}.yml")
    return ({}, []) if doc is None else _records(doc, name)


def _load_official_hosts(content: Content) -> list[Problem]:
    """content/official_hosts.yml: where a policy's full text may link (checks/official_sources.py;
    without the file no host is official)."""
    doc = _doc(content, "content/official_hosts.yml")
    if doc is None:
        return []
    problems = validate(doc, "official_hosts")
    if not problems:
        content.official_hosts = list(doc.data["hosts"])
    return problems


def _load_which_number(content: Content) -> list[Problem]:
    """Optional: the one rule for which number to call (data:which-number, checks/which_number)."""
    content.which_number, problems = _optional_records(content, "which_number")
    return problems


def _load_ui(content: Content) -> list[Problem]:
    doc, missing = _required(content, "content/ui.yml", msg("load.ui-expected"))
    if doc is None:
        return missing
    problems = validate(doc, "ui")
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
        found = validate(page.front, "page", page.meta) + markdown_limits.limit_problems(page)
        problems += found
        if not found:
            content.pages[(page.slug, page.lang)] = page
    return problems


def _load_editions(content: Content) -> list[Problem]:
    """content/editions/<id>.yml: one file per agency edition of the site."""
    problems: list[Problem] = []
    files = _yaml_files(content, "content/editions")
    if not files:
        return [Problem("content/editions/", 0, "", msg("load.no-edition"),
                        msg("load.no-edition-expected", file="content/editions/tinh-ca-mau.yml"))]
    for rel in files:
        doc = _doc(content, rel)
        stem = Path(rel).stem
        if not ID_PATTERN.match(stem):
            problems.append(Problem(rel, 0, "", msg("load.bad-edition-name", name=repr(stem)),
                                    msg("load.bad-edition-name-expected", example="so-y-te.yml")))
            continue
        found = validate(doc, "edition")
        problems += found
        if not found:
            content.editions[stem] = Edition(doc.data, rel, 1, doc)
    return problems
