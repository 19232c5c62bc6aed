"""Read the base mkdocs.yml so that any mistake in it is one `mkdocs.yml:line:` message.

The same limits as content files (size, no anchors or aliases, nesting depth), then the loader
editions.py gives (libyaml, with MkDocs' !ENV tag). When that fails, the same loader's
constructors read the file again on PyYAML's own parser, whose error names the line (and whose
words hotro.load.foreign_texts says in Vietnamese). Then the settings the editions' configs are
made from must have the right shape (groups of settings, lists) and the menu (nav) must be what
MkDocs accepts, so that a mistake there is a `mkdocs.yml:line:` message too, not a traceback
later in the build. Site names and menu titles are plain text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from hotro.load.yaml_limits import check_limits
from hotro.load.yaml_source import (
    YAML_EXPECTED,
    parse_yaml,
    read_text,
    syntax_error,
    syntax_problem,
)
from hotro.model.messages import msg
from hotro.model.plain_text import TEXT_MARKUP
from hotro.model.problems import ContentError, Problem
from hotro.model.yaml_doc import YamlDoc

# Settings the editions' configs are made from (hotro.load.editions): each must be a group of
# settings (dict) or a list when it is there at all.
SHAPES: tuple[tuple[tuple[str, ...], type], ...] = (
    (("theme",), dict), (("extra",), dict), (("extra", "quick_exit"), dict),
    (("plugins",), dict), (("plugins", "i18n"), dict), (("plugins", "i18n", "languages"), list),
    (("hooks",), list),
)


def load_config(path: Path, loader: type) -> dict[str, Any]:
    """mkdocs.yml as data; a ContentError naming `mkdocs.yml:line` for any mistake."""
    shown = path.name
    if not path.is_file():
        raise ContentError([Problem(shown, 0, "", msg("load.file-missing"),
                                    msg("load.mkdocs-config"))])
    text = read_text(path, shown)
    check_limits(text, shown)
    data = _load(text, shown, loader)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ContentError([Problem(shown, 1, "", msg("load.not-settings"),
                                    msg("load.settings-expected"))])
    doc = _with_lines(text, shown, data)
    if problems := shape_problems(doc) or text_problems(doc):
        raise ContentError(problems)
    return data


def _load(text: str, shown: str, loader: type) -> Any:
    """The settings, read by `loader` (a safe loader, with !ENV); any error is one Problem."""
    try:
        return yaml.load(text, Loader=loader)
    except Exception:  # PyYAML's errors, or a constructor's (an int of 5,000 digits)
        pass
    # libyaml's messages are vaguer: the same loader's constructors on PyYAML's own parser
    pure = type("PureLoader", (yaml.SafeLoader,), {
        "yaml_constructors": loader.yaml_constructors,
        "yaml_multi_constructors": loader.yaml_multi_constructors})
    try:
        yaml.load(text, Loader=pure)
    except yaml.YAMLError as err:
        raise ContentError([syntax_problem(err, shown)]) from None
    except Exception:  # a value a constructor cannot make: the content reader names its line
        parse_yaml(text, shown)
    raise ContentError([Problem(shown, 1, "", syntax_error("not valid YAML"), YAML_EXPECTED)])


def shape_problems(doc: YamlDoc) -> list[Problem]:
    """Settings that must be a group of settings or a list, and the menu (nav)."""
    problems = []
    for path, kind in SHAPES:
        value = _at(doc.data, path)
        if value is None or isinstance(value, kind):
            continue
        problem, expected = ((msg("load.setting-not-group"), msg("load.setting-group-expected"))
                             if kind is dict else
                             (msg("load.setting-not-list"), msg("load.schema.list-expected")))
        problems.append(Problem(doc.file, doc.line_of(path), "/".join(path), problem, expected))
    problems += _language_problems(doc)
    if doc.data.get("nav") is not None:
        problems += nav_problems(doc, doc.data["nav"], ("nav",))
    return problems


def _language_problems(doc: YamlDoc) -> list[Problem]:
    """Each language of the i18n plugin, and its menu titles, a group of settings."""
    languages = _at(doc.data, ("plugins", "i18n", "languages"))
    paths = [path for i in range(len(languages) if isinstance(languages, list) else 0)
             for path in (("plugins", "i18n", "languages", i),
                          ("plugins", "i18n", "languages", i, "nav_translations"))]
    return [Problem(doc.file, doc.line_of(path), "/".join(map(str, path)),
                    msg("load.setting-not-group"), msg("load.setting-group-expected"))
            for path in paths if _at(doc.data, path) is not None
            and not isinstance(_at(doc.data, path), dict)]


def _at(data: Any, path: tuple) -> Any:
    """The value at `path` in the settings, or None when a step is missing."""
    for step in path:
        if isinstance(data, dict):
            data = data.get(step)
        elif isinstance(data, list) and isinstance(step, int) and step < len(data):
            data = data[step]
        else:
            return None
    return data


def nav_problems(doc: YamlDoc, entries: Any, path: tuple) -> list[Problem]:
    """What MkDocs would refuse in the menu: each entry a page, or one title with its page or
    its own list of entries."""
    if not isinstance(entries, list):
        return [_nav_problem(doc, path, msg("load.nav-not-list"))]
    problems = []
    for i, entry in enumerate(entries):
        if isinstance(entry, str):
            continue
        if not isinstance(entry, dict) or not entry:
            problems.append(_nav_problem(doc, (*path, i), msg("load.nav-entry")))
        elif len(entry) > 1:
            problems.append(_nav_problem(doc, (*path, i),
                                         msg("load.nav-entry-titles", count=len(entry))))
        else:
            title, target = next(iter(entry.items()))
            if isinstance(target, list):
                problems += nav_problems(doc, target, (*path, i, title))
            elif not isinstance(target, str):
                problems.append(_nav_problem(doc, (*path, i, title), msg("load.nav-entry")))
    return problems


def _nav_problem(doc: YamlDoc, path: tuple, problem) -> Problem:
    return Problem(doc.file, doc.line_of(path), "nav", problem, msg("load.nav-expected"))


def _with_lines(text: str, shown: str, data: dict[str, Any]) -> YamlDoc:
    """The settings with the line of each value; without lines where the reader of content
    files does not know a tag that MkDocs' loader does (!ENV on a single value)."""
    try:
        return parse_yaml(text, shown)
    except ContentError as err:
        if any(p.problem == msg("load.key-twice") for p in err.problems):
            raise  # MkDocs would keep the last one silently
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
                    msg("load.markup-in-text"), msg("load.plain-text"))
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
