"""Editors' tools know each YAML file's schema: the file's first line names it, and so does the
VS Code workspace (.vscode/settings.json), and it is the schema the loader checks the file with.

Page front matter cannot be tied to page.schema.json this way (it sits inside Markdown):
`make check` checks it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from helpers import REPO
from hotro.checks import validated as loader
from hotro.load import content as reader
from hotro.load.schemas import validate
from hotro.load.yaml_source import load_yaml_file

# Which schema each content file follows; translations.yml is written by `make translated`.
SCHEMA_FOR = {
    "content/contacts.yml": "contact",
    "content/agencies.yml": "agency",
    "content/sources/*.yml": "source",
    "content/editions/*.yml": "edition",
    "content/ui.yml": "ui",
    "content/process.yml": "process",
    "content/which_number.yml": "which_number",
    "content/translations.yml": "translations",
    "content/messages.yml": "messages",
    "content/official_hosts.yml": "official_hosts",
    "content/wording.yml": "wording",
    "content/open_questions.yml": "open_questions",
}
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")
YAML_FILES = sorted(p.relative_to(REPO).as_posix() for p in (REPO / "content").rglob("*.yml"))
SETTINGS = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))


def matches(rel: str, pattern: str) -> bool:
    """A workspace glob ('/content/sources/*.yml'): '*' stays inside one folder."""
    regex = re.escape(pattern.removeprefix("/")).replace(r"\*", "[^/]*")
    return re.fullmatch(regex, rel) is not None


def schema_of(rel: str) -> str:
    found = [name for pattern, name in SCHEMA_FOR.items() if matches(rel, pattern)]
    assert len(found) == 1, f"{rel}: no schema is known for this file; add it to SCHEMA_FOR"
    return found[0]


@pytest.mark.parametrize("rel", YAML_FILES)
def test_first_line_names_the_schema_file(rel):
    first = (REPO / rel).read_text(encoding="utf-8").split("\n", 1)[0]
    match = MODELINE.match(first)
    assert match, f"{rel}:1: expected '# yaml-language-server: $schema=<path>', found {first!r}"
    schema_path = ((REPO / rel).parent / match.group(1)).resolve()
    assert schema_path.is_file(), f"{rel}:1: {match.group(1)} does not exist"
    assert schema_path.parent == REPO / "content" / "schemas"
    assert schema_path.name == f"{schema_of(rel)}.schema.json"


@pytest.mark.parametrize("rel", YAML_FILES)
def test_each_file_is_valid_against_the_schema_it_names(rel):
    assert validate(load_yaml_file(REPO / rel, rel), schema_of(rel)) == []


def test_named_schema_is_the_one_the_loader_uses(monkeypatch):
    used: dict[str, set[str]] = {}

    def recording(doc, name, *args, **kwargs):
        used.setdefault(doc.file, set()).add(name)
        return validate(doc, name, *args, **kwargs)

    monkeypatch.setattr(reader, "validate", recording)
    loader.load_content(REPO)
    data_files = {file: names for file, names in used.items() if file.startswith("content/")}
    for file, names in data_files.items():
        assert names == {schema_of(file)}, file
    assert {n for names in data_files.values() for n in names} >= {
        "contact", "agency", "source", "edition", "ui", "process", "which_number"}
    assert {n for file, names in used.items() if file.startswith("docs/") for n in names} == {
        "page"}


def test_workspace_settings_map_the_same_schemas():
    mapping = SETTINGS["yaml.schemas"]
    for schema_path, patterns in mapping.items():
        assert (REPO / schema_path).resolve().is_file(), schema_path
        for pattern in patterns:
            assert f"/{_table_key(pattern)}" == pattern
            assert Path(schema_path).name == f"{SCHEMA_FOR[_table_key(pattern)]}.schema.json"
    patterns = [p for ps in mapping.values() for p in ps]
    for rel in YAML_FILES:
        assert sum(matches(rel, p) for p in patterns) == 1, f"{rel} is not mapped exactly once"
    for pattern in patterns:
        assert any(matches(rel, pattern) for rel in YAML_FILES), f"{pattern} matches no file"


def _table_key(pattern: str) -> str:
    return pattern.removeprefix("/")


def test_custom_tags_cover_mkdocs_yml():
    """mkdocs.yml loads with exactly the tags declared in yaml.customTags, of the declared kind."""
    kinds: dict[str, set[str]] = {}
    for declared in SETTINGS["yaml.customTags"]:
        tag, _, kind = declared.partition(" ")
        kinds.setdefault(tag, set()).add(kind or "scalar")
    node_kinds = {yaml.ScalarNode: "scalar", yaml.SequenceNode: "sequence",
                  yaml.MappingNode: "mapping"}
    seen = []

    def construct(tag):
        def build(loader_, node):
            assert node_kinds[type(node)] in kinds[tag], f"{tag} used as {type(node).__name__}"
            seen.append(tag)
            return None
        return build

    tagged = type("Tagged", (yaml.SafeLoader,), {})
    for tag in kinds:
        tagged.add_constructor(tag, construct(tag))
    yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=tagged)
    assert "!ENV" in seen
