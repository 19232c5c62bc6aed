"""Read the base mkdocs.yml so that any mistake in it is one `mkdocs.yml:line:` message.

The same limits as content files (size, no anchors or aliases, nesting depth), then the loader
editions.py gives (libyaml, with MkDocs' !ENV tag). When that fails, the file is read again by
yaml_source's reader, whose messages name the line and read in Vietnamese too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from hotro.load.yaml_limits import check_limits
from hotro.load.yaml_source import YAML_EXPECTED, parse_yaml, read_text
from hotro.model.plain_text import TEXT_MARKUP
from hotro.model.problems import ContentError, Problem
from hotro.model.yaml_doc import YamlDoc

NOT_SETTINGS = "the file is not a group of settings"
SETTINGS_EXPECTED = "lines of the form key: value, such as site_name: …, starting at the left edge"


def load_config(path: Path, loader: type) -> dict[str, Any]:
    """mkdocs.yml as data; a ContentError naming `mkdocs.yml:line` for any mistake."""
    shown = path.name
    if not path.is_file():
        raise ContentError([Problem(shown, 0, "", "the file is missing",
                                    "the MkDocs configuration")])
    text = read_text(path, shown)
    check_limits(text, shown)
    try:
        data = yaml.load(text, Loader=loader)  # a safe loader, with !ENV
    except yaml.YAMLError as err:
        parse_yaml(text, shown)  # raises the message with its line
        raise ContentError([Problem(shown, _line(err), "", f"YAML syntax error: {err}",
                                    YAML_EXPECTED)]) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ContentError([Problem(shown, 1, "", NOT_SETTINGS, SETTINGS_EXPECTED)])
    if problems := text_problems(_with_lines(text, shown, data)):
        raise ContentError(problems)
    return data


def _with_lines(text: str, shown: str, data: dict[str, Any]) -> YamlDoc:
    """The settings with the line of each value; without lines where the reader of content
    files does not know a tag that MkDocs' loader does (!ENV on a single value)."""
    try:
        return parse_yaml(text, shown)
    except ContentError:
        return YamlDoc(shown, data)


def text_problems(doc: YamlDoc) -> list[Problem]:
    """Site names, descriptions and menu titles are plain text, in both languages (the
    templates escape them too, issue 14)."""
    data = doc.data if isinstance(doc.data, dict) else {}
    found = [*_texts(data, ("site_name",), ("site_description",)),
             *_menu(data.get("nav"), ("nav",))]
    languages = (((data.get("plugins") or {}).get("i18n") or {}).get("languages") or []
                 if isinstance(data.get("plugins"), dict) else [])
    for i, language in enumerate(languages if isinstance(languages, list) else []):
        if not isinstance(language, dict):
            continue
        base = ("plugins", "i18n", "languages", i)
        found += _texts(language, *[(*base, key) for key in ("name", "site_name",
                                                              "site_description")])
        for title, english in (language.get("nav_translations") or {}).items():
            found += [(*base, "nav_translations", title, text) for text in (title, english)]
    return [Problem(doc.file, doc.line_of(path[:-1]), _where(path),
                    "HTML or script is not allowed in a text field", "plain text")
            for path in found if isinstance(path[-1], str) and TEXT_MARKUP.search(path[-1])]


def _where(path: tuple) -> str:
    """nav, site_name, plugins/i18n/languages/2/nav_translations …: the titles themselves are
    left out (the line names them)."""
    if path[0] == "plugins":
        return "/".join(str(part) for part in path[:5])
    return str(path[0])


def _texts(data: dict, *paths: tuple) -> list[tuple]:
    """(path..., text) for each path whose last key `data` (or the base config) holds."""
    return [(*path, data.get(path[-1]) or "") for path in paths]


def _menu(entries: Any, path: tuple) -> list[tuple]:
    """(path..., title) of every menu entry, sections included."""
    found: list[tuple] = []
    for i, entry in enumerate(entries if isinstance(entries, list) else []):
        for title, target in (entry.items() if isinstance(entry, dict) else []):
            found.append((*path, i, title, title))
            found += _menu(target, (*path, i, title))
    return found


def _line(err: yaml.YAMLError) -> int:
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    return mark.line + 1 if mark else 1
