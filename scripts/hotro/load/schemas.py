"""Validate content against the JSON Schemas in content/schemas/, with messages for editors.

jsonschema's own messages are written for programmers ("'x' is not of type 'string'"); here each
error becomes a Problem that names the record, the field and what the schema expects.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, ValidationError
from referencing import Registry, Resource

from hotro.model import paths
from hotro.model.problems import Problem
from hotro.model.yaml_doc import YamlDoc

SCHEMA_DIR = paths.SCHEMAS
TYPE_WORDS = {"string": "text", "integer": "a whole number", "number": "a number",
              "boolean": "true or false", "array": "a list", "object": "a group of fields",
              "null": "nothing"}

format_checker = FormatChecker()


@format_checker.checks("date", raises=ValueError)
def _is_date(value: object) -> bool:
    # fromisoformat also takes 20261129; editors must write 2026-11-29
    if not isinstance(value, str) or len(value) != 10:
        raise ValueError("not YYYY-MM-DD")
    dt.date.fromisoformat(value)
    return True


@cache
def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((path.name, Resource.from_contents(schema)))
    return Registry().with_resources(resources)


@cache
def validator(name: str) -> Draft202012Validator:
    schema = _registry().contents(f"{name}.schema.json")
    return Draft202012Validator(schema, registry=_registry(), format_checker=format_checker)


def validate(doc: YamlDoc, name: str, data: Any = None, base: tuple = ()) -> list[Problem]:
    """Problems with `data` (default: the whole document) against schema `name`."""
    data = doc.data if data is None else data
    errors = validator(name).iter_errors(data)
    root = validator(name).schema
    return [_problem(doc, err, data, base, root) for err in _leaf_errors(errors)]


def _leaf_errors(errors) -> list[ValidationError]:
    """The most specific errors: for a failed oneOf/allOf report what inside it failed."""
    out: list[ValidationError] = []
    for err in errors:
        if err.validator in ("allOf", "anyOf") and err.context:
            out.extend(_leaf_errors(err.context))
        else:
            out.append(err)
    return out


def _problem(doc: YamlDoc, err: ValidationError, data: Any, base: tuple, root: dict) -> Problem:
    path = tuple(err.absolute_path)
    where = _where(data, path)
    problem, expected, field_path = _describe(err, root)
    full = (*base, *path, *field_path)
    label = "/".join(p for p in (where, *map(str, field_path)) if p)
    return Problem(doc.file, doc.line_of(full), label, problem, expected)


def _where(data: Any, path: tuple) -> str:
    """`record-id/field/sub` for a path into a list of records, else the dotted field path."""
    parts: list[str] = []
    node = data
    for step in path:
        if isinstance(step, int) and isinstance(node, list):
            item = node[step] if step < len(node) else None
            rid = item.get("id") if isinstance(item, dict) else None
            parts.append(str(rid) if isinstance(rid, str) and rid else f"item {step + 1}")
        else:
            parts.append(str(step))
        node = node[step] if _can_step(node, step) else None
    return "/".join(parts)


def _can_step(node: Any, step: Any) -> bool:
    if isinstance(node, list):
        return isinstance(step, int) and step < len(node)
    return isinstance(node, dict) and step in node


def _expected(schema: dict) -> str:
    text = schema.get("description", "")
    examples = schema.get("examples")
    if examples and isinstance(examples[0], str | int | bool):
        example = str(examples[0]).lower() if isinstance(examples[0], bool) else examples[0]
        text = f"{text}, e.g. {example}" if text else f"e.g. {example}"
    return text


def _describe(err: ValidationError, root: dict) -> tuple[str, str, tuple]:
    """(problem, expected, extra path) for one schema error, in plain words."""
    kind, value, schema = err.validator, err.instance, err.schema
    if kind == "required":
        missing = err.message.split("'")[1]
        prop = _property(err, missing) or _record_property(root, missing)
        return "this field is missing", _expected(_deref(prop)), (missing,)
    if kind == "additionalProperties":
        allowed = ", ".join(schema.get("properties", {}))
        extra = [k for k in value if k not in schema.get("properties", {})]
        return (f"unknown field {extra[0]!r}", f"only these fields: {allowed}",
                (extra[0],))
    if kind == "type":
        wanted = err.validator_value
        wanted = wanted if isinstance(wanted, list) else [wanted]
        if wanted == ["array"]:
            return (f"this is {_type_word(value)}",
                    "a list, each item on a line that starts with '- '", ())
        words = " or ".join(TYPE_WORDS.get(w, w) for w in wanted)
        expected = f"{words}; {_expected(schema)}".strip("; ")
        shown = f"{_show(value)} is" if isinstance(value, str | int | float) else "this is"
        return f"{shown} {_type_word(value)}", expected, ()
    if kind == "enum":
        options = ", ".join(str(o) for o in err.validator_value)
        return f"{_show(value)} is not one of the allowed values", f"one of: {options}", ()
    if kind == "format":
        return f"{_show(value)} is not a real date", "a real date written YYYY-MM-DD", ()
    if kind in ("minLength", "minItems"):
        return "this is empty", _expected(schema) or "a value", ()
    if kind == "pattern":
        return f"{_show(value)} is not in the right form", _expected(schema), ()
    if kind == "propertyNames":
        return f"the name {_show(value)} is not in the right form", _expected(schema), ()
    if kind in ("oneOf", "const"):
        return f"{_show(value)} is not allowed here", _expected(schema), ()
    return err.message, _expected(schema), ()


def _property(err: ValidationError, name: str) -> dict:
    """The schema of property `name`, looking outwards from an if/then to the record schema."""
    while err is not None:
        props = err.schema.get("properties", {}) if isinstance(err.schema, dict) else {}
        if name in props:
            return props[name]
        err = err.parent
    return {}


def _record_property(root: dict, name: str) -> dict:
    """For a field required by an if/then rule: its schema in the file's record definition."""
    for definition in root.get("$defs", {}).values():
        if name in definition.get("properties", {}):
            return definition["properties"][name]
    return root.get("properties", {}).get(name, {})


def _deref(schema: dict) -> dict:
    """Local copy of a property schema with the target of its $ref merged in, for messages."""
    ref = schema.get("$ref")
    if not ref:
        return schema
    target = _registry().resolver().lookup(ref).contents
    return {**target, **{k: v for k, v in schema.items() if k != "$ref"}}


def _type_word(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return "empty"


def _show(value: Any) -> str:
    if isinstance(value, dict | list):
        return _type_word(value).capitalize()
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "...'"
