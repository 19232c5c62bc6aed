"""Validate content against the JSON Schemas in content/schemas/, with messages for editors.

jsonschema's own messages are written for programmers ("'x' is not of type 'string'"); here each
error becomes a Problem that names the record, the field and what the schema expects. What a
field holds is its schema's `description` and `description_vi`: the schemas are the catalogue of
their own fields. The few rules without words of their own here keep jsonschema's message, with
its Vietnamese from hotro.load.foreign_texts.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from typing import TYPE_CHECKING, Any

from hotro.load.foreign_texts import jsonschema_text
from hotro.model import paths
from hotro.model.messages import Message, Texts, msg
from hotro.model.problems import Problem
from hotro.model.yaml_doc import YamlDoc

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator, ValidationError

SCHEMA_DIR = paths.SCHEMAS
# What a schema type asks for: the catalogue id of its words
TYPE_WORDS = {"string": "load.type.string", "integer": "load.type.integer",
              "number": "load.type.number", "boolean": "load.type.boolean",
              "array": "load.type.array", "object": "load.type.object", "null": "load.type.null"}
Part = Message | str



def _is_date(value: object) -> bool:
    # fromisoformat also takes 20261129; editors must write 2026-11-29
    if not isinstance(value, str) or len(value) != 10:
        raise ValueError("not YYYY-MM-DD")
    dt.date.fromisoformat(value)
    return True


@cache
def _engine():
    """jsonschema and referencing, imported when content is first validated: an edition build
    handed the validated content never loads them (a tenth of a second per MkDocs process)."""
    import jsonschema
    import referencing

    checker = jsonschema.FormatChecker()
    checker.checks("date", raises=ValueError)(_is_date)
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((path.name, referencing.Resource.from_contents(schema)))
    return jsonschema, referencing.Registry().with_resources(resources), checker


@cache
def validator(name: str) -> Draft202012Validator:
    jsonschema, registry, checker = _engine()
    schema = registry.contents(f"{name}.schema.json")
    return jsonschema.Draft202012Validator(schema, registry=registry, format_checker=checker)


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


def _expected(schema: dict) -> Part:
    """What the field holds (its description, in both languages) and an example; "" if
    the schema says neither."""
    description = schema.get("description", "")
    described = Texts(vi=schema.get("description_vi") or description, en=description)
    examples = schema.get("examples")
    if examples and isinstance(examples[0], str | int | bool):
        example = str(examples[0]).lower() if isinstance(examples[0], bool) else examples[0]
        if f"e.g. {example}" in description:  # the description gives this example already
            return msg("load.schema.described", description=described)
        if description:
            return msg("load.schema.described-example", description=described, example=example)
        return msg("load.schema.example", example=example)
    return msg("load.schema.described", description=described) if description else ""


Described = tuple[Message, Part, tuple]


def _describe(err: ValidationError, root: dict) -> Described:
    """(problem, expected, extra path) for one schema error, in plain words."""
    if err.validator in DESCRIBE:
        return DESCRIBE[err.validator](err, root)
    if err.validator in SIMPLE:
        return msg(SIMPLE[err.validator], value=_show(err.instance)), _expected(err.schema), ()
    return msg("load.schema.rule", detail=jsonschema_text(err.message)), _expected(err.schema), ()


def _missing(err: ValidationError, root: dict) -> Described:
    missing = err.message.split("'")[1]
    prop = _property(err, missing) or _record_property(root, missing)
    return msg("load.schema.missing"), _expected(_deref(prop)), (missing,)


def _unknown_field(err: ValidationError, root: dict) -> Described:
    known = err.schema.get("properties", {})
    extra = [k for k in err.instance if k not in known]
    return (msg("load.schema.unknown-field", name=repr(extra[0])),
            msg("load.schema.only-fields", fields=", ".join(known)), (extra[0],))


def _wrong_type(err: ValidationError, root: dict) -> Described:
    wanted = err.validator_value if isinstance(err.validator_value, list) else [
        err.validator_value]
    value, what = err.instance, _type_word(err.instance)
    if wanted == ["array"]:
        return msg("load.schema.this-is", what=what), msg("load.schema.list-expected"), ()
    words = msg(TYPE_WORDS[wanted[0]])
    for word in wanted[1:]:
        words = msg("load.schema.or", first=words, second=msg(TYPE_WORDS[word]))
    described = _expected(err.schema)
    expected = msg("load.schema.types-and", types=words, description=described) \
        if described else words
    if isinstance(value, str | int | float):
        return msg("load.schema.value-is", value=_show(value), what=what), expected, ()
    return msg("load.schema.this-is", what=what), expected, ()


def _not_allowed(err: ValidationError, root: dict) -> Described:
    options = ", ".join(str(o) for o in err.validator_value)
    return (msg("load.schema.not-allowed-value", value=_show(err.instance)),
            msg("load.schema.one-of", options=options), ())


def _not_a_date(err: ValidationError, root: dict) -> Described:
    return (msg("load.schema.not-a-date", value=_show(err.instance)),
            msg("load.schema.date-expected"), ())


def _empty(err: ValidationError, root: dict) -> Described:
    return (msg("load.schema.this-is", what=msg("load.is.empty")),
            _expected(err.schema) or msg("load.schema.a-value"), ())


DESCRIBE = {"required": _missing, "additionalProperties": _unknown_field, "type": _wrong_type,
            "enum": _not_allowed, "format": _not_a_date, "minLength": _empty, "minItems": _empty}
# rules whose problem quotes the value, and whose expectation is the field's description
SIMPLE = {"pattern": "load.schema.wrong-form", "propertyNames": "load.schema.wrong-name",
          "oneOf": "load.schema.not-allowed", "const": "load.schema.not-allowed"}


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
    target = _engine()[1].resolver().lookup(ref).contents
    return {**target, **{k: v for k, v in schema.items() if k != "$ref"}}


def _type_word(value: Any) -> Message:
    """What the editor wrote, after "is": text, a number, a list …"""
    if isinstance(value, bool):
        return msg("load.is.boolean")
    if isinstance(value, int | float):
        return msg("load.is.number")
    if isinstance(value, str):
        return msg("load.is.text")
    if isinstance(value, list):
        return msg("load.is.list")
    if isinstance(value, dict):
        return msg("load.is.group")
    return msg("load.is.empty")


def _show(value: Any) -> Part:
    """A value as a message quotes it: text in quotes (cut at 60 characters), a number as it
    is, anything else in words."""
    if isinstance(value, dict):
        return msg("load.value.group")
    if isinstance(value, list):
        return msg("load.value.list")
    if value is None or isinstance(value, bool):
        return msg({True: "load.value.true", False: "load.value.false", None: "load.value.none"}
                   [value])
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "...'"
