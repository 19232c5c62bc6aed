"""The open-data directory: valid against its published schemas, true to contacts.yml, stable."""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from helpers import REPO, properties
from hotro.checks.validated import load_content
from hotro.outputs.open_data import (
    CSV_COLUMNS,
    DATA_VERSION,
    SCHEMA_DIR,
    datapackage,
    directory,
    directory_csv,
    write_open_data,
)

SCHEMA_FILES = ("directory.schema.json", "directory-row.schema.json")


@pytest.fixture(scope="module")
def content():
    return load_content(REPO)


@pytest.fixture(scope="module")
def yaml_contacts() -> list[dict]:
    """contacts.yml as plain YAML, read without our loader."""
    return yaml.safe_load((REPO / "content" / "contacts.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def source_urls() -> dict[str, tuple[str, str]]:
    """Each source's address and kind, read without our loader."""
    found = {}
    for path in (REPO / "content" / "sources").glob("*.yml"):
        found |= {s["id"]: (s["url"], s["kind"])
                  for s in yaml.safe_load(path.read_text(encoding="utf-8"))}
    return found


def cited_urls(ids: list[str], source_urls: dict) -> list[str]:
    """The addresses of the sources a contact cites, legal texts and official bodies first,
    then press, organisations and the rest; in the contact's order within a kind."""
    order = ["law", "government", "press", "ngo", "other"]
    return [source_urls[i][0] for i in sorted(ids, key=lambda i: order.index(source_urls[i][1]))]


def schema_validator(name: str, pointer: str = "") -> Draft202012Validator:
    """A validator for the schema file, or for one part of it (a JSON pointer)."""
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    registry = Registry().with_resource(schema["$id"], Resource.from_contents(schema))
    root = {"$ref": f"{schema['$id']}#/{pointer}"} if pointer else schema
    return Draft202012Validator(root, registry=registry, format_checker=FormatChecker())


def errors(name: str, data) -> list[str]:
    found = schema_validator(name).iter_errors(data)
    return [f"{list(e.absolute_path)}: {e.message}" for e in found]


def published(yaml_contacts: list[dict]) -> list[dict]:
    return [c for c in yaml_contacts if c.get("verified") is True]


def cited(contact: dict) -> list[str]:
    """A contact's sources, then those for its cost it does not cite already."""
    return list(dict.fromkeys([*contact["sources"], *contact.get("cost_sources", [])]))


def digits(text: str) -> str:
    return "".join(ch for ch in str(text) if ch.isdigit())


def services(data: dict) -> list[dict]:
    return [s for org in data["organizations"] for s in org["services"]]


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_published_schemas_are_valid_and_every_property_is_documented(name):
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert "://" not in schema["$id"]
    paths = list(properties(schema))
    assert len(paths) >= 18
    for path, prop in paths:
        assert prop.get("title") and prop.get("description"), f"{name}: {path}"
        for example in prop.get("examples", []):
            found = list(schema_validator(name, path).iter_errors(example))
            assert found == [], f"{name}: {path} example {example!r}"


def test_directory_json_is_valid_against_its_schema(content):
    data = directory(content)
    assert errors("directory.schema.json", data) == []
    assert data["version"] == DATA_VERSION
    assert data["updated"] == max(s["verified_on"] for s in services(data))


def test_every_published_contact_appears_once_as_in_contacts_yml(content, yaml_contacts,
                                                                  source_urls):
    data = directory(content)
    agencies = {a["id"]: a for a in
                yaml.safe_load((REPO / "content" / "agencies.yml").read_text(encoding="utf-8"))}
    orgs = {s["id"]: org for org in data["organizations"] for s in org["services"]}
    by_id = {s["id"]: s for s in services(data)}
    expected = published(yaml_contacts)
    assert sorted(s["id"] for s in services(data)) == sorted(c["id"] for c in expected)
    assert len(by_id) == len(services(data))
    for contact in expected:
        service, org = by_id[contact["id"]], orgs[contact["id"]]
        assert service["organization_id"] == org["id"] == contact["agency"]
        assert org["name"] == agencies[contact["agency"]]["name"]["vi"]
        assert service["name"] == contact["name"]["vi"]
        assert service["translations"]["en"]["name"] == contact["name"]["en"]
        assert service["verified_on"] == str(contact["verified_on"])
        assert [s["url"] for s in service["source"]] == cited_urls(cited(contact), source_urls)
        assert service["cost"] == contact.get("cost")  # null when no source gives it
        numbers = [digits(p["number"]) for p in service.get("phones", [])]
        assert numbers == ([digits(contact["number"])] if "number" in contact else [])
        assert service.get("email") == contact.get("email")


def test_organizations_and_services_keep_the_order_of_contacts_yml(content, yaml_contacts):
    data = directory(content)
    order = [c["id"] for c in published(yaml_contacts)]
    agencies = list(dict.fromkeys(c["agency"] for c in published(yaml_contacts)))
    assert [org["id"] for org in data["organizations"]] == agencies
    for org in data["organizations"]:
        ids = [s["id"] for s in org["services"]]
        assert ids == sorted(ids, key=order.index)
    police = next(org for org in data["organizations"] if org["id"] == "bo-cong-an")
    assert [s["id"] for s in police["services"]] == ["police-113", "fire-rescue-114"]


def test_24_7_lines_have_an_all_week_schedule(content):
    hotline = next(s for s in services(directory(content)) if s["id"] == "hotline-111")
    assert hotline["schedules"] == [{
        "freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR,SA,SU", "opens_at": "00:00",
        "closes_at": "23:59", "description": "24 giờ mỗi ngày, 7 ngày mỗi tuần",
        "translations": {"en": {"description": "24 hours a day, 7 days a week"}}}]
    assert hotline["phones"][0]["number"] == "111"
    assert hotline["is_emergency"] is True


def test_unpublished_contacts_appear_nowhere(content, yaml_contacts):
    hidden = [c for c in yaml_contacts if c.get("verified") is not True]
    assert any(c["id"] == "embassy-cambodia" for c in hidden)
    texts = [json.dumps(directory(content), ensure_ascii=False), directory_csv(content)]
    for contact in hidden:
        for text in texts:
            assert contact["id"] not in text
            assert contact["name"]["vi"] not in text
            assert digits(contact["number"]) not in digits(text)


def test_csv_rows_are_valid_and_match_contacts_yml(content, yaml_contacts, source_urls):
    text = directory_csv(content)
    assert not text.startswith("\ufeff")
    assert "\r" not in text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == CSV_COLUMNS
    expected = published(yaml_contacts)
    assert [r["contact_id"] for r in rows] == [c["id"] for c in expected]
    for contact, row in zip(expected, rows, strict=True):
        assert errors("directory-row.schema.json", row) == [], row["contact_id"]
        assert row["organization_id"] == contact["agency"]
        assert (row["name_vi"], row["name_en"]) == (contact["name"]["vi"], contact["name"]["en"])
        assert digits(row["number"]) == digits(contact.get("number", ""))
        assert row["verified_on"] == str(contact["verified_on"])
        assert row["source_urls"].split(" ") == cited_urls(cited(contact), source_urls)
        assert row["cost"] == contact.get("cost", "")  # an empty cell when no source gives it


def test_csv_row_schema_rejects_a_bad_row(content):
    row = next(csv.DictReader(io.StringIO(directory_csv(content))))
    assert errors("directory-row.schema.json", row) == []
    assert errors("directory-row.schema.json", {**row, "number": "0123 abc"})
    assert errors("directory-row.schema.json", {**row, "verified_on": "2026-02-30"})
    assert errors("directory-row.schema.json", {**row, "extra": "x"})
    assert errors("directory-row.schema.json", {k: v for k, v in row.items() if k != "cost"})


def test_directory_schema_rejects_bad_data(content):
    data = directory(content)
    service = data["organizations"][0]["services"][0]
    service["phones"][0]["number"] = "+84 981"
    service["verified_on"] = "29/11/2026"
    data["version"] = "1.0"
    wrong = {tuple(e.absolute_path)
             for e in schema_validator("directory.schema.json").iter_errors(data)}
    assert wrong == {("version",), ("organizations", 0, "services", 0, "verified_on"),
                     ("organizations", 0, "services", 0, "phones", 0, "number")}


def test_writing_twice_gives_the_same_bytes(content, tmp_path):
    first = write_open_data(content, tmp_path / "a" / "du-lieu")
    second = write_open_data(content, tmp_path / "b" / "du-lieu")
    assert [p.name for p in first] == [p.name for p in second] == [
        "danh-ba.json", "danh-ba.csv", "danh-ba.schema.json", "danh-ba-csv.schema.json",
        "datapackage.json"]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    assert json.loads(first[0].read_text(encoding="utf-8")) == directory(content)
    assert first[0].read_bytes().endswith(b"}\n")
    assert "Bộ Y tế".encode() in first[0].read_bytes()  # readable UTF-8, not \u escapes
    assert first[2].read_bytes() == (SCHEMA_DIR / "directory.schema.json").read_bytes()


def test_datapackage_points_at_files_that_exist(content, tmp_path):
    write_open_data(content, tmp_path)
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert package == datapackage(content)
    assert package["name"] == "danh-ba" and package["version"] == DATA_VERSION
    assert [r["format"] for r in package["resources"]] == ["json", "csv"]
    for resource in package["resources"]:
        assert (tmp_path / resource["path"]).is_file()
        schema = json.loads((tmp_path / resource["schema"]).read_text(encoding="utf-8"))
        assert schema["$id"] == resource["schema"]
