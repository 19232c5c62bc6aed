"""The Decap CMS configuration (its config.yml), made from the JSON Schemas in content/schemas/.

The schemas stay the one source of truth: every field's widget, label (the schema's title), hint
(its description) and `required` come from them, so a property added to a schema shows up in the
web editor without touching this file. Rules the schemas write as if/then (a voice line needs a
number, a verified contact needs sources) are left to `make check`, as for any other edit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from hotro.checks.checks import NEUTRAL_POLICY_FIELDS
from hotro.model.pages import DEFAULT_LANG, LANGS

Field = dict[str, Any]
DATE = "YYYY-MM-DD"
SENTENCE_ENDS = (".", "!", "?", "…")

# Data files that are a YAML list at their root: (collection, entity, file, label).
ROOT_LISTS = [
    ("contacts", "contact", "content/contacts.yml", "Số điện thoại · Contacts"),
    ("agencies", "agency", "content/agencies.yml", "Cơ quan · Agencies"),
]
# The formats are registered by admin.js (hotro/editors/cms_page.py), one per collection:
# Decap keeps no key order past 8 keys, so each writes its keys in its fields' (schema's) order.
ROOT_LIST_FORMAT = "yaml-root-list"  # a list at the root, edited as one list field, `items`
PAGE_FORMAT = "page-frontmatter"  # front matter written as PyYAML reads it, lines not folded
SHARED_PAGE_FIELDS = {"sources", *(f"policy.{key}" for key in NEUTRAL_POLICY_FIELDS)}
DOCS_DEPTH = 2  # docs/ and its sub-folders (chinh-sach/, gioi-thieu/, duong-day-nong/)
MEDIA_FOLDER = ".build/cms/media"  # git-ignored: no field of ours takes an upload
BODY = {"name": "body", "label": "Nội dung · Text", "widget": "markdown",
        "modes": ["raw"],  # the rich-text mode would rewrite admonitions and <!-- data: --> lines
        "hint": "Markdown, as in the .md file; keep lines such as <!-- data:contacts -->",
        "i18n": True}


@dataclass(frozen=True)
class Schema:
    """One schema file, able to follow its `$ref`s into the other files of the folder."""

    files: dict[str, dict]
    name: str
    known_ids: dict[str, list[str]] = field(default_factory=dict)  # field name: ids to pick

    def resolve(self, prop: dict) -> tuple[dict, Schema]:
        """The property with its $ref target merged under it, and the schema the target is in."""
        ref = prop.get("$ref")
        if not ref:
            return prop, self
        file, _, pointer = ref.partition("#")
        target = Schema(self.files, file or self.name, self.known_ids)
        node = target.files[target.name]
        for part in filter(None, pointer.split("/")):
            node = node[part]
        node, target = target.resolve(node)
        return {**node, **{k: v for k, v in prop.items() if k != "$ref"}}, target

    def definition(self, name: str) -> dict:
        return self.files[self.name]["$defs"][name]


def load_schemas(root: Path) -> dict[str, dict]:
    folder = root / "content" / "schemas"
    return {p.name: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(folder.glob("*.schema.json"))}


def is_text(prop: dict) -> bool:
    """The {vi, en} text of common.schema.json (or anything shaped like it)."""
    return prop.get("type") == "object" and set(prop.get("properties", {})) == set(LANGS)


def is_prose(prop: dict) -> bool:
    """Examples written as sentences ask for a multi-line box rather than a one-line input."""
    def strings(value: Any) -> list[str]:
        if isinstance(value, dict):
            return [s for v in value.values() for s in strings(v)]
        return [value] if isinstance(value, str) else []

    return any(s.rstrip().endswith(SENTENCE_ENDS) for e in prop.get("examples", [])
               for s in strings(e))


def decap_field(name: str, prop: dict, required: bool, schema: Schema) -> Field:
    """One Decap field for one schema property."""
    prop, schema = schema.resolve(prop)
    found = {"name": name, "label": prop["title"], "hint": prop["description"],
             "required": required}
    if prop.get("type") == "array" and name in schema.known_ids:  # sources: picked, not typed
        return {**found, "widget": "select", "multiple": True, "options": schema.known_ids[name]}
    return {**found, **widget(prop, schema, required)}


def fields(obj: dict, schema: Schema) -> list[Field]:
    required = set(obj.get("required", []))
    return [decap_field(name, prop, name in required, schema)
            for name, prop in obj.get("properties", {}).items()]


def widget(prop: dict, schema: Schema, required: bool) -> Field:
    """The widget and its options for a resolved property (JSON Schema type → Decap widget)."""
    if is_text(prop):
        return text_object(prop, schema, required, is_prose(prop))
    if "oneOf" in prop:
        return one_of(prop, schema)
    if "enum" in prop:
        return {"widget": "select", "options": prop["enum"]}
    kind = prop.get("type")
    if kind == "array":
        return array(prop, schema)
    if kind == "object":
        return {"widget": "object", "collapsed": True, "fields": fields(prop, schema)}
    if kind == "boolean":
        return {"widget": "boolean"}
    if kind in ("integer", "number"):
        return {"widget": "number", "value_type": "int" if kind == "integer" else "float"}
    if prop.get("format") == "date":
        return {"widget": "datetime", "date_format": DATE, "time_format": False, "format": DATE}
    found: Field = {"widget": "text" if is_prose(prop) else "string"}
    if "pattern" in prop:
        found["pattern"] = [prop["pattern"], prop["description"]]
    return found


def text_object(prop: dict, schema: Schema, required: bool, prose: bool) -> Field:
    """{vi, en}: one input per language, required when both the text and its holder are."""
    needed = set(prop.get("required", [])) if required else set()
    kind = "text" if prose else "string"
    subfields = [{**decap_field(lang, sub, lang in needed, schema), "widget": kind}
                 for lang, sub in prop["properties"].items()]
    return {"widget": "object", "collapsed": False, "fields": subfields}


def one_of(prop: dict, schema: Schema) -> Field:
    """A fixed word or a {vi, en} text (hours: "24/7" or opening hours) is edited as the text;
    admin.js shows the word in both languages and writes it back as the word."""
    choices = [schema.resolve(choice) for choice in prop["oneOf"]]
    texts = [(c, s) for c, s in choices if is_text(c)]
    if not texts or any("const" not in c for c, _ in choices if not is_text(c)):
        raise ValueError(f"{prop['title']}: only 'a fixed word or a text' choices are supported")
    text, text_schema = texts[0]
    return text_object(text, text_schema, False, is_prose(prop))


def array(prop: dict, schema: Schema) -> Field:
    items, item_schema = schema.resolve(prop["items"])
    if "enum" in items:
        return {"widget": "select", "multiple": True, "options": items["enum"]}
    if is_text(items):
        return {"widget": "list", "summary": f"{{{{fields.{DEFAULT_LANG}}}}}",
                "fields": text_object(items, item_schema, True, is_prose(prop))["fields"]}
    if items.get("type") == "object":
        return {"widget": "list", "fields": fields(items, item_schema)}
    return {"widget": "list"}  # ids, language codes: one box, the values separated by commas


def with_i18n(found: Field, prefix: str = "") -> Field:
    """Decap's i18n flag for a page field. The facts `make check` wants the same in both files
    (checks.py) are shared: edited in Vietnamese, copied into the English file on save. Every
    other field is each file's own, so nothing of the English file is overwritten. (Decap takes
    only true or false on an object or a list: their sub-fields carry the flags.)"""
    path = prefix + found["name"]
    if found["widget"] == "object":
        children = [with_i18n(child, f"{path}.") for child in found["fields"]]
        return {**found, "fields": children, "i18n": True}
    return {**found, "i18n": "duplicate" if path in SHARED_PAGE_FIELDS else True}


def known_ids(root: Path) -> dict[str, list[str]]:
    """Ids an editor picks from rather than types: `sources` from content/sources/*.yml.
    A file that does not read is skipped here; `make check` names the mistake."""
    ids = []
    for path in sorted((root / "content" / "sources").glob("*.yml")):
        try:
            records = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError):
            continue
        if isinstance(records, list):
            ids += [r["id"] for r in records if isinstance(r, dict) and "id" in r]
    return {"sources": sorted(set(ids))}


def root_list_item(schemas: dict[str, dict], entity: str) -> dict:
    return Schema(schemas, f"{entity}.schema.json").definition(entity)


def text_constants(schemas: dict[str, dict]) -> dict[str, str]:
    """Fields of the listed records that hold a fixed word or a {vi, en} text, with the word."""
    found = {}
    for _, entity, _, _ in ROOT_LISTS:
        for name, prop in root_list_item(schemas, entity).get("properties", {}).items():
            for choice in prop.get("oneOf", []):
                if "const" in choice:
                    found[name] = choice["const"]
    return found


def pages_collection(schemas: dict[str, dict], ids: dict[str, list[str]]) -> dict:
    """docs/: each page edited as its .vi.md / .en.md pair, side by side."""
    schema = Schema(schemas, "page.schema.json", ids)
    front_matter = [with_i18n(found) for found in fields(schemas[schema.name], schema)]
    return {"name": "pages", "label": "Trang · Pages", "label_singular": "Trang · Page",
            "folder": "docs", "extension": "md", "format": PAGE_FORMAT, "i18n": True,
            "nested": {"depth": DOCS_DEPTH, "subfolders": False},
            "create": False, "delete": False,  # a new page needs its place in mkdocs.yml's nav
            "summary": "{{dirname}}/{{filename}}: {{description}}",
            "fields": [*front_matter, BODY]}


def root_list_collection(schemas: dict[str, dict], ids: dict[str, list[str]], name: str,
                         entity: str, file: str, label: str) -> dict:
    """One data file that is a list at the YAML root, edited as one list field named items."""
    whole = schemas[f"{entity}.schema.json"]
    item = root_list_item(schemas, entity)
    items = {"name": "items", "label": whole["title"], "hint": whole["description"],
             "widget": "list", "label_singular": item["title"], "collapsed": True,
             "summary": "{{fields.id}}", "required": True,
             "fields": fields(item, Schema(schemas, f"{entity}.schema.json", ids))}
    return {"name": name, "label": label, "format": f"{ROOT_LIST_FORMAT}-{name}",
            "extension": "yml", "editor": {"preview": False}, "delete": False,
            "files": [{"name": name, "label": whole["title"], "file": file, "fields": [items]}]}


def build_config(root: Path, proxy_url: str, locale: str = DEFAULT_LANG) -> dict:
    """The whole config.yml for the content tree at `root` and the local backend at proxy_url."""
    schemas, ids = load_schemas(root), known_ids(root)
    return {
        # Decap's proxy backend is its local backend: decap-server on this machine, no account,
        # no cloud service. It writes the files and commits nothing.
        "backend": {"name": "proxy", "proxy_url": proxy_url, "branch": "main"},
        "locale": locale,
        "media_folder": MEDIA_FOLDER,
        "public_folder": "/media",
        "i18n": {"structure": "multiple_files", "locales": list(LANGS),
                 "default_locale": DEFAULT_LANG},
        "collections": [pages_collection(schemas, ids),
                        *(root_list_collection(schemas, ids, *entry) for entry in ROOT_LISTS)],
    }


def key_order(found: list[Field]) -> dict[str, dict | None]:
    """The order of the keys in a written file: the fields', so the schema's."""
    return {f["name"]: key_order(f["fields"]) if "fields" in f else None for f in found}


def formats(config: dict) -> dict[str, dict]:
    """Each format the collections name: its file extension and the order of its keys."""
    found = {}
    for collection in config["collections"]:
        if "files" in collection:
            keys = key_order(collection["files"][0]["fields"][0]["fields"])  # each of the items
        else:
            keys = key_order([f for f in collection["fields"] if f["name"] != BODY["name"]])
        found[collection["format"]] = {"extension": collection["extension"], "order": keys}
    return found


def config_yaml(config: dict) -> str:
    header = "# Made by scripts/cms_config.py from content/schemas/: edit the schemas, not this.\n"
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100)
