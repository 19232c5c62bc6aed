"""The hotro plugin's options in mkdocs.yml: what each may hold, and what is wrong with a value.

    plugins:
      i18n: {...}
      hotro:
        edition: so-y-te-ca-mau       # `make site` sets it in each edition's config
        build_language: en            # `make site` sets it when each language has a process
        quick_exit:
          url: https://www.google.com.vn/   # where the quick-exit button leads
          help: an-toan-truc-tuyen.md        # the page that explains it (optional)
        embed_portals: [https://soyte.example.gov.vn]   # sites that may embed our blocks

The plugin's config class (hotro.plugin.config) validates with these functions when MkDocs
reads a config, and `make site` before it writes the editions' configs, so a mistake gets the
same one-line message, naming mkdocs.yml, the line and the option, either way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from hotro.model.messages import Message, msg
from hotro.model.pages import LANGS
from hotro.model.problems import Problem
from hotro.model.records import ID_PATTERN

NAME = "hotro"  # in mkdocs.yml's plugins
DEFAULT_QUICK_EXIT = "https://www.google.com.vn/"  # a neutral page to land on
OPTIONS = ("edition", "build_language", "quick_exit", "embed_portals")
QUICK_EXIT = ("url", "help")


@dataclass(frozen=True)
class OptionProblem:
    """A wrong value: the keys that lead to it under plugins.hotro, what is wrong, what to write."""

    keys: tuple[str, ...]
    problem: Message
    expected: Message

    @property
    def where(self) -> str:
        return "/".join(("plugins", NAME, *self.keys))

    def at(self, shown_as: str, line: int) -> Problem:
        return Problem(shown_as, line, self.where, self.problem, self.expected)


def options_of(config: dict) -> dict | None:
    """plugins.hotro of a config read as data (plugins as a mapping or as a list), or None."""
    plugins = config.get("plugins") or {}
    if isinstance(plugins, dict):
        return (plugins.get(NAME) or {}) if NAME in plugins else None
    for item in plugins:
        if item == NAME:
            return {}
        if isinstance(item, dict) and NAME in item:
            return item[NAME] or {}
    return None


def option_problems(options: object) -> list[OptionProblem]:
    """Every wrong option in plugins.hotro (its values; whether the edition and the help page
    exist is checked when the content is read)."""
    if not isinstance(options, dict):
        return [OptionProblem((), msg("plugin.option.not-a-mapping", value=repr(options)),
                              msg("plugin.option.expected-mapping"))]
    found = [OptionProblem((str(key),), msg("plugin.option.unknown", name=repr(key)),
                           msg("plugin.option.expected-one-of", options=", ".join(OPTIONS)))
             for key in options if key not in OPTIONS]
    checks = {"edition": edition_problem, "build_language": language_problem,
              "quick_exit": quick_exit_problems, "embed_portals": portal_problems}
    for key, check in checks.items():
        if options.get(key) is not None:
            found += [OptionProblem((key, *p.keys), p.problem, p.expected)
                      for p in check(options[key])]
    return found


def edition_problem(value: object) -> list[OptionProblem]:
    if isinstance(value, str) and ID_PATTERN.match(value):
        return []
    return [OptionProblem((), msg("plugin.option.not-an-id", value=repr(value)),
                          msg("plugin.option.expected-edition-id"))]


def language_problem(value: object) -> list[OptionProblem]:
    if value in LANGS:
        return []
    return [OptionProblem((), msg("plugin.option.not-a-language", value=repr(value)),
                          msg("plugin.option.expected-one-of", options=", ".join(LANGS)))]


def quick_exit_problems(value: object) -> list[OptionProblem]:
    if not isinstance(value, dict):
        return [OptionProblem((), msg("plugin.option.not-a-mapping", value=repr(value)),
                              msg("plugin.option.expected-quick-exit"))]
    found = [OptionProblem((str(key),), msg("plugin.option.unknown", name=repr(key)),
                           msg("plugin.option.expected-one-of", options=", ".join(QUICK_EXIT)))
             for key in value if key not in QUICK_EXIT]
    if value.get("url") is not None and not is_https_address(value["url"]):
        found.append(OptionProblem(("url",), msg("plugin.option.not-https",
                                                 value=repr(value["url"])),
                                   msg("plugin.option.expected-https",
                                       example=DEFAULT_QUICK_EXIT)))
    help_page = value.get("help")
    if help_page is not None and not (isinstance(help_page, str) and help_page.endswith(".md")
                                      and not help_page.startswith(("/", "."))):
        found.append(OptionProblem(("help",), msg("plugin.option.not-a-page",
                                                  value=repr(help_page)),
                                   msg("plugin.option.expected-page")))
    return found


def portal_problems(value: object) -> list[OptionProblem]:
    if not isinstance(value, list):
        return [OptionProblem((), msg("plugin.option.not-a-list", value=repr(value)),
                              msg("plugin.option.expected-origins"))]
    return [OptionProblem((f"item {n}",), msg("plugin.option.not-an-origin", value=repr(item)),
                          msg("plugin.option.expected-origin"))
            for n, item in enumerate(value, start=1) if not is_https_origin(item)]


def is_https_address(value: object) -> bool:
    if not isinstance(value, str) or any(c.isspace() or c in "\"'<>" for c in value):
        return False
    parts = urlsplit(value)
    return parts.scheme == "https" and bool(parts.hostname) and value.startswith("https://")


def is_https_origin(value: object) -> bool:
    """https://host or https://host:port, nothing after it: what a browser sends as Origin."""
    if not is_https_address(value):
        return False
    parts = urlsplit(value)
    return not (parts.path or parts.query or parts.fragment or parts.username)


def problems_in_file(config: dict, path: Path, shown_as: str = "mkdocs.yml") -> list[Problem]:
    """The wrong options of a config file read as `config`, each with its line in the file."""
    options = options_of(config)
    if options is None:
        return []
    return [p.at(shown_as, line_of(path, p.keys)) for p in option_problems(options)]


def line_of(path: Path, keys: tuple[str, ...]) -> int:
    """The line of plugins.hotro.<keys…> in the YAML file (the deepest one found; 0: none)."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, yaml.YAMLError):
        return 0
    line = 0
    for key in ("plugins", NAME, *keys):
        node = _child(node, key)
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


def _child(node, key: str):
    if isinstance(node, yaml.SequenceNode):
        if key.startswith("item "):
            index = int(key.removeprefix("item ")) - 1
            return node.value[index] if index < len(node.value) else None
        found = [_child(item, key) for item in node.value if isinstance(item, yaml.MappingNode)]
        return next((f for f in found if f is not None), None)
    if isinstance(node, yaml.MappingNode):
        return next((v for k, v in node.value if k.value == key), None)
    return None
