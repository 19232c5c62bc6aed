"""The hotline directory as open data: JSON shaped after Open Referral HSDS 3.0, CSV, schemas.

Only published (verified) contacts, in the order of content/contacts.yml. Nothing here reads
the clock, so two builds of the same content give the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

from hotro.model import paths
from hotro.model.records import Contact, Content, Record
from hotro.outputs.csv_cells import safe_row
from hotro.render.ui_text import language_name, ui_text

DATA_VERSION = "2.0.0"  # of the data format, semantic versioning (2: cost null, not "unknown")
SCHEMA_DIR = paths.PUBLISHED_SCHEMAS
JSON_FILE = "danh-ba.json"
CSV_FILE = "danh-ba.csv"
JSON_SCHEMA_FILE = "danh-ba.schema.json"
CSV_SCHEMA_FILE = "danh-ba-csv.schema.json"
PACKAGE_FILE = "datapackage.json"
SCHEMA_SOURCES = {JSON_SCHEMA_FILE: "directory.schema.json",
                  CSV_SCHEMA_FILE: "directory-row.schema.json"}
CSV_COLUMNS = ("contact_id", "organization_id", "organization_name_vi", "organization_name_en",
               "name_vi", "name_en", "channel", "number", "display", "email", "url", "hours",
               "cost", "languages", "audience_vi", "audience_en", "verified_on", "source_urls")
PHONE_TYPES = {"voice": "voice", "sms": "text"}
ALL_WEEK = {"freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR,SA,SU",
            "opens_at": "00:00", "closes_at": "23:59"}


def iso_date(value: str | dt.date) -> str:
    """YYYY-MM-DD whether the loader kept the date as text or PyYAML made it a date."""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def directory(content: Content) -> dict:
    """The published directory: organizations, each with one service per contact."""
    contacts = content.published_contacts()
    organizations: dict[str, dict] = {}
    for contact in contacts:
        agency = contact["agency"]
        if agency not in organizations:
            organizations[agency] = _organization(content.agencies[agency])
        organizations[agency]["services"].append(_service(content, contact))
    return {
        "version": DATA_VERSION,
        "updated": max((iso_date(c["verified_on"]) for c in contacts), default=None),
        "organizations": list(organizations.values()),
    }


def _organization(agency: Record) -> dict:
    return {
        "id": agency.id,
        "name": agency["name"]["vi"],
        "translations": {"en": {"name": agency["name"]["en"]}},
        "services": [],
    }


def _service(content: Content, contact: Contact) -> dict:
    data = contact.data
    service = {
        "id": contact.id,
        "organization_id": data["agency"],
        "name": data["name"]["vi"],
        "description": data["description"]["vi"],
        "audience": data["audience"]["vi"],
        "translations": {"en": {"name": data["name"]["en"],
                                "description": data["description"]["en"],
                                "audience": data["audience"]["en"]}},
        "status": "active",
    }
    if "short_name" in data:
        service["alternate_name"] = data["short_name"]["vi"]
        service["translations"]["en"]["alternate_name"] = data["short_name"]["en"]
    if contact.phone and data["channel"] in PHONE_TYPES:
        service["phones"] = [_phone(content, contact)]
    service |= {key: data[key] for key in ("email", "url") if key in data}
    if "hours" in data:
        service["schedules"] = [_schedule(content, data["hours"])]
    if data.get("languages"):
        service["languages"] = _languages(content, data["languages"])
    return service | {
        "cost": data.get("cost"),  # null: no source gives the cost
        "is_emergency": bool(data.get("is_emergency")),
        "verified_on": iso_date(data["verified_on"]),
        "source": [_source(s) for s in content.sources_in_order(source_ids(contact))],
    }


def source_ids(contact: Contact) -> list[str]:
    """The contact's sources, then those for its cost that it does not cite already."""
    return list(dict.fromkeys([*contact["sources"], *contact.get("cost_sources", [])]))


def _phone(content: Content, contact: Contact) -> dict:
    phone = {"id": f"{contact.id}-phone", "number": contact.phone.tel,
             "display": contact.phone.display, "type": PHONE_TYPES[contact["channel"]]}
    if contact.get("languages"):
        phone["languages"] = _languages(content, contact["languages"])
    return phone


def _schedule(content: Content, hours: str | dict) -> dict:
    if hours == "24/7":
        text = ui_text(content, "contact.hours_24_7")
        return {**ALL_WEEK, "description": text["vi"],
                "translations": {"en": {"description": text["en"]}}}
    return {"description": hours["vi"], "translations": {"en": {"description": hours["en"]}}}


def _languages(content: Content, codes: list[str]) -> list[dict]:
    return [{"code": code, "name": language_name(content, code, "vi")} for code in codes]


def _source(source: Record) -> dict:
    found = {"id": source.id, "url": source["url"]}
    if source.get("date"):
        found["date"] = iso_date(source["date"])
    return found | {"title": source["about"]["vi"]}


def directory_csv(content: Content) -> str:
    """One row per published contact, with a header row; UTF-8 text without a BOM."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for contact in content.published_contacts():
        writer.writerow(safe_row(_row(content, contact)))  # no formulas (csv_cells.py)
    return out.getvalue()


def _row(content: Content, contact: Contact) -> dict[str, str]:
    data, agency = contact.data, content.agencies[contact["agency"]]
    hours = data.get("hours", "")
    return {
        "contact_id": contact.id,
        "organization_id": agency.id,
        "organization_name_vi": agency["name"]["vi"],
        "organization_name_en": agency["name"]["en"],
        "name_vi": data["name"]["vi"],
        "name_en": data["name"]["en"],
        "channel": data["channel"],
        "number": contact.phone.tel if contact.phone else "",
        "display": contact.phone.display if contact.phone else "",
        "email": data.get("email", ""),
        "url": data.get("url", ""),
        "hours": hours if isinstance(hours, str) else hours["vi"],
        "cost": data.get("cost", ""),  # empty: no source gives the cost
        "languages": " ".join(data.get("languages", [])),
        "audience_vi": data["audience"]["vi"],
        "audience_en": data["audience"]["en"],
        "verified_on": iso_date(data["verified_on"]),
        "source_urls": " ".join(s["url"] for s in content.sources_in_order(source_ids(contact))),
    }


def datapackage(content: Content) -> dict:
    """A Frictionless data package descriptor; paths are relative to the data folder."""
    return {
        "name": "danh-ba",
        "version": DATA_VERSION,
        "title": "Danh bạ đường dây hỗ trợ nạn nhân mua bán người",
        "description": "Published hotlines and contacts for people affected by human "
                       "trafficking, in Vietnamese with English translations.",
        "sources": [{"title": s["about"]["vi"], "path": s["url"]} for s in _cited(content)],
        "resources": [
            {"name": "danh-ba-json", "path": JSON_FILE, "format": "json",
             "mediatype": "application/json", "encoding": "utf-8", "schema": JSON_SCHEMA_FILE},
            {"name": "danh-ba-csv", "path": CSV_FILE, "format": "csv",
             "mediatype": "text/csv", "encoding": "utf-8", "schema": CSV_SCHEMA_FILE},
        ],
    }


def _cited(content: Content) -> list[Record]:
    """The sources published contacts cite (for their cost too), each once: official kinds
    first, then in order of first citation."""
    return content.sources_in_order(sid for c in content.published_contacts()
                                    for sid in source_ids(c))


def write_open_data(content: Content, out_dir: Path) -> list[Path]:
    """Write the data, its schemas and the package descriptor into out_dir."""
    files = {
        JSON_FILE: _json_text(directory(content)),
        CSV_FILE: directory_csv(content),
        **{name: (SCHEMA_DIR / src).read_text(encoding="utf-8")
           for name, src in SCHEMA_SOURCES.items()},
        PACKAGE_FILE: _json_text(datapackage(content)),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in files.items():
        path = out_dir / name
        path.write_bytes(text.encode("utf-8"))  # bytes: no newline translation on any platform
        written.append(path)
    return written


def _json_text(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
