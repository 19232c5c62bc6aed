"""The JSON Schemas themselves: every field documented, every example valid, every file tied."""

from __future__ import annotations

import json
import unicodedata

import pytest

from conftest import REPO
from hotro.load.schemas import SCHEMA_DIR, validator

SCHEMAS = sorted(p.name.removesuffix(".schema.json") for p in SCHEMA_DIR.glob("*.schema.json"))


def properties(schema: dict, path: str = ""):
    """(path, property schema) for every property, in definitions too."""
    for name, definition in schema.get("$defs", {}).items():
        yield from properties(definition, f"{path}$defs/{name}/")
    for name, prop in schema.get("properties", {}).items():
        yield f"{path}properties/{name}", prop
        yield from properties(prop, f"{path}properties/{name}/")


@pytest.mark.parametrize("name", SCHEMAS)
def test_every_property_has_title_description_and_valid_examples(name):
    schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    checked = 0
    for path, prop in properties(schema):
        for key in ("title", "description", "examples"):
            assert prop.get(key), f"{name}: {path} has no {key}"
        sub = validator(name).evolve(schema={"$ref": f"{name}.schema.json#/{path}"})
        for example in prop["examples"]:
            errors = [e.message for e in sub.iter_errors(example)]
            assert errors == [], f"{name}: {path} example {example!r}: {errors}"
        checked += 1
    assert checked or name in ("ui", "translations", "messages")  # maps of keys, no fixed fields


@pytest.mark.parametrize("rel", ["content/agencies.yml", "content/contacts.yml",
                                 "content/ui.yml", *sorted(
                                     p.relative_to(REPO).as_posix()
                                     for p in (REPO / "content" / "sources").glob("*.yml"))])
def test_every_content_file_names_its_schema_for_editors(rel):
    first = (REPO / rel).read_text(encoding="utf-8").split("\n", 1)[0]
    assert first.startswith("# yaml-language-server: $schema=")
    target = (REPO / rel).parent / first.split("$schema=", 1)[1].strip()
    assert target.is_file(), target



def _described(node, path: str = ""):
    """(path, schema) for every schema with a text description: properties, definitions, items."""
    if isinstance(node, dict):
        if isinstance(node.get("description"), str):
            yield path or "/", node
        for key, value in node.items():
            if key != "examples":
                yield from _described(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _described(value, f"{path}/{i}")


@pytest.mark.parametrize("name", SCHEMAS)
def test_every_description_has_a_vietnamese_description_vi(name):
    """Editors can read messages in Vietnamese: each description has its description_vi."""
    schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    for path, prop in properties(schema):
        assert "description_vi" in prop, f"{name}: {path} has no description_vi"
    for path, node in _described(schema):
        vi = node.get("description_vi")
        assert isinstance(vi, str) and vi.strip(), f"{name}: {path} has no description_vi"
        accented = any(unicodedata.decomposition(c) for c in vi) or "đ" in vi.lower()
        assert vi != node["description"] and accented, (
            f"{name}: {path} description_vi is not Vietnamese: {vi!r}")
