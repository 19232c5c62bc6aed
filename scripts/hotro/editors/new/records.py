"""`make new CONTACT=…` and `make new EDITION=…`: a record from the schemas, not yet published."""

from __future__ import annotations

import json
from pathlib import Path

from hotro.editors.new.common import ID, Refused, id_form, refuse, schema
from hotro.load.yaml_source import load_yaml_file
from hotro.model.messages import msg, text
from hotro.model.phones import EXPECTED as PHONE_EXPECTED
from hotro.model.phones import PhoneError, parse_phone
from hotro.model.problems import ContentError

HOTLINE = "hotline-111"  # the national hotline: an edition's first contact unless it is missing
QUICK_EXIT = "https://www.google.com.vn/"
SITE_URL = "https://example.gov.vn/ho-tro/"
PLACEHOLDER_NUMBER = "111"  # a stand-in that, if ever published by mistake, still reaches help
CONTACTS = "content/contacts.yml"
AGENCIES = "content/agencies.yml"

KIND_WORDS = {"contact": "new.kind-contact", "edition": "new.kind-edition"}  # what needs an agency


def read_records(root: Path, rel: str) -> list[tuple[dict, int]]:
    """(record, line) for each record of a list file; a missing or broken file is Refused."""
    if not (root / rel).is_file():
        raise refuse(rel, msg("new.file-missing"), msg("new.file-missing-expected"))
    try:
        doc = load_yaml_file(root / rel, rel)
    except ContentError as err:
        raise Refused(err.problems[0]) from None
    items = doc.data if isinstance(doc.data, list) else []
    return [(item, doc.line_of((i,))) for i, item in enumerate(items) if isinstance(item, dict)]


def new_id(raw: str, file: str, example: str) -> str:
    if not ID.match(raw):
        raise refuse(file, msg("new.bad-id", value=repr(raw)), id_form(example))
    return raw


def current_agency(root: Path, agency: str | None, kind: str) -> dict:
    """The record of an agency that exists today, or Refused with the ids to choose from."""
    records = {r.get("id"): r for r, _ in read_records(root, AGENCIES)}
    current = ", ".join(sorted(i for i, r in records.items() if not r.get("successor")))
    one_of = msg("new.one-of", options=current)
    if not agency:
        raise refuse(AGENCIES, msg("new.agency-needed", kind=msg(KIND_WORDS[kind])), one_of)
    if agency not in records:
        raise refuse(AGENCIES, msg("new.no-agency", agency=repr(agency)), one_of)
    if records[agency].get("successor"):
        raise refuse(AGENCIES, msg("new.agency-gone", agency=repr(agency),
                                   successor=repr(records[agency]["successor"])), one_of)
    return records[agency]


def _voice_fields() -> list[str]:
    """Fields contact.schema.json requires of every contact, then those a phone line needs."""
    contact = schema("contact")["$defs"]["contact"]
    extra = [name for rule in contact.get("allOf", [])
             if "voice" in _channels(rule.get("if", {})) for name in rule["then"]["required"]]
    required = list(contact["required"])
    at = required.index("channel") + 1 if "channel" in required else len(required)
    return [*required[:at], *(e for e in extra if e not in required), *required[at:]]


def _channels(condition: dict) -> list[str]:
    channel = condition.get("properties", {}).get("channel", {})
    return channel.get("enum", [channel.get("const")])


def contact_entry(cid: str, agency: str, number: str | None) -> str:
    values = {
        "id": cid, "agency": agency,
        "name": '{vi: "VIẾT TÊN Ở ĐÂY", en: "WRITE THE NAME HERE"}',
        "channel": "voice",
        "number": json.dumps(number or PLACEHOLDER_NUMBER, ensure_ascii=False),
        "description": '{vi: "VIẾT MÔ TẢ Ở ĐÂY", en: "WRITE WHAT IT IS FOR HERE"}',
        "audience": '{vi: "VIẾT AI NÊN GỌI Ở ĐÂY", en: "WRITE WHO IT IS FOR HERE"}',
        "verified": "false",
    }
    fill = "các chữ VIẾT … Ở ĐÂY / WRITE … HERE" + (
        "" if number else f" và số {PLACEHOLDER_NUMBER} (chỉ để giữ chỗ)")
    lines = [f"# MỚI, CHƯA ĐĂNG: thay {fill} bằng thông tin thật, bằng tiếng Việt và tiếng Anh; "
             "khi đã đối chiếu với nguồn chính thức, ghi verified_on và sources rồi đổi verified "
             "thành true, rồi xoá dòng ghi chú này."]
    for i, name in enumerate(_voice_fields()):
        lines.append(f"{'- ' if i == 0 else '  '}{name}: {values.get(name, '')}".rstrip())
    lines += ["  # verified_on: YYYY-MM-DD   (ngày đối chiếu với nguồn)",
              "  # sources: [ma-nguon]       (mã nguồn trong content/sources/)",
              "  # cost: free                (chỉ khi có nguồn nói về chi phí cuộc gọi)",
              "  # cost_sources: [ma-nguon]  (mã các nguồn nói về chi phí đó)"]
    return "\n".join(lines) + "\n"


def checked_number(cid: str, number: str | None) -> str | None:
    if number is None:
        return None
    try:
        parse_phone(number)
    except PhoneError as err:
        raise refuse(CONTACTS, err.message, PHONE_EXPECTED, where=f"{cid}/number") from None
    return number.strip()


def new_contact(root: Path, raw_id: str, agency: str | None, number: str | None,
                lang: str = "vi") -> str:
    cid = new_id(raw_id, CONTACTS, "so-y-te-tu-van")
    for record, line in read_records(root, CONTACTS):
        if record.get("id") == cid:
            raise refuse(CONTACTS, msg("new.id-used"), msg("new.new-id"), f"{cid}/id", line)
    agency = current_agency(root, agency, "contact")["id"]
    number = checked_number(cid, number)
    path = root / CONTACTS
    text = path.read_text(encoding="utf-8")
    text += "" if not text or text.endswith("\n") else "\n"
    line = text.count("\n") + 2
    path.write_text(text + contact_entry(cid, agency, number), encoding="utf-8")
    return contact_steps(cid, line, number is None, lang)


def contact_steps(cid: str, line: int, placeholder_number: bool, lang: str = "vi") -> str:
    number = (text("new.contact-number", lang, number=PLACEHOLDER_NUMBER)
              if placeholder_number else "")
    return "\n".join([text("new.contact-done", lang, id=cid, file=CONTACTS, line=line),
                      text("new.contact-fill", lang, number=number),
                      text("new.contact-verify", lang), text("new.run-check", lang)])


def edition_defaults(root: Path, agency: dict) -> tuple[dict, str]:
    """The site name, as the agency editions write it (the joint name - the agency), and the
    contact to show first: the national hotline, unless this content has no such contact."""
    name = {"vi": "VIẾT TÊN TRANG Ở ĐÂY", "en": "WRITE THE SITE NAME HERE"}
    for path in sorted((root / "content" / "editions").glob("*.yml")):
        data = load_yaml_file(path, path.name).data
        if isinstance(data, dict) and data.get("canonical") and isinstance(data.get("name"), dict):
            agency_name = agency.get("name") or {}
            name = {lang: f"{text} - {agency_name.get(lang, agency_name.get('vi', ''))}"
                    for lang, text in data["name"].items()}
    published = [r.get("id") for r, _ in read_records(root, CONTACTS) if r.get("verified")]
    return name, HOTLINE if HOTLINE in published or not published else published[0]


def edition_text(eid: str, agency: str, name: dict, first: str) -> str:
    values = {
        "agency": agency,
        "site_url": f"{SITE_URL}   # THAY BẰNG ĐỊA CHỈ THẬT, kết thúc bằng /",
        "name": "{" + ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}"
                                for k, v in name.items()) + "}",
        "sections": "all", "contacts_first": f"[{first}]", "quick_exit": QUICK_EXIT,
    }
    lines = ["# yaml-language-server: $schema=../schemas/edition.schema.json",
             f"# Ấn bản {eid}: thay site_url bằng địa chỉ thật nơi ấn bản được đăng; xem lại name, "
             "sections, contacts_first (README.md, phần \"Your edition\")."]
    lines += [f"{n}: {values.get(n, '')}".rstrip() for n in schema("edition")["required"]]
    return "\n".join(lines) + "\n"


def new_edition(root: Path, raw_id: str, agency: str | None, lang: str = "vi") -> str:
    rel = f"content/editions/{raw_id}.yml"
    eid = new_id(raw_id, rel, "so-y-te-ca-mau")
    if (root / rel).exists():
        raise refuse(rel, msg("new.edition-exists"), msg("new.edition-exists-expected"))
    record = current_agency(root, agency, "edition")
    name, first = edition_defaults(root, record)
    (root / rel).write_text(edition_text(eid, record["id"], name, first), encoding="utf-8")
    return "\n".join([text("new.edition-done", lang, file=rel),
                      text("new.edition-url", lang, url=SITE_URL),
                      text("new.edition-review", lang),
                      text("new.edition-build", lang, edition=eid)])
