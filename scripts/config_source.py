"""Read the base mkdocs.yml so that any mistake in it is one `mkdocs.yml:line:` message.

The same limits as content files (size, no anchors or aliases, nesting depth), then the loader
editions.py gives (libyaml, with MkDocs' !ENV tag). When that fails, the file is read again by
yaml_source's reader, whose messages name the line and read in Vietnamese too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from problems import ContentError, Problem
from yaml_limits import check_limits
from yaml_source import YAML_EXPECTED, parse_yaml, read_text

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
    return data


def _line(err: yaml.YAMLError) -> int:
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    return mark.line + 1 if mark else 1
