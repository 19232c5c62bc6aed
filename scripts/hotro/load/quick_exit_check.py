"""The base mkdocs.yml's quick-exit address must be https:// too (issue 14).

An edition's own quick_exit is checked by its schema; the base config's extra.quick_exit.url is
what a plain `mkdocs build` or `mkdocs serve` of mkdocs.yml puts on every page. An http://
address there would send a person leaving in a hurry over an unencrypted connection, where
anyone on the network sees (and can change) where they went.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from hotro.model.messages import msg
from hotro.model.problems import Problem

KEYS = ("extra", "quick_exit", "url")
EXPECTED = msg("load.https-expected", example="https://www.google.com.vn/")


def quick_exit_problems(config: dict, path: Path, shown_as: str = "mkdocs.yml") -> list[Problem]:
    """A problem when the config's extra.quick_exit.url is set and is not https://."""
    url = ((config.get("extra") or {}).get("quick_exit") or {}).get("url")
    if url is None or (isinstance(url, str) and url.startswith("https://") and len(url) > 8):
        return []
    return [Problem(shown_as, _line(path), "/".join(KEYS),
                    msg("load.not-https", url=repr(url)), EXPECTED)]


def _line(path: Path) -> int:
    """The line of extra.quick_exit.url in the YAML file (0 when it cannot be found)."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, yaml.YAMLError):
        return 0
    for key in KEYS:
        if not isinstance(node, yaml.MappingNode):
            return 0
        node = next((v for k, v in node.value if k.value == key), None)
    return node.start_mark.line + 1 if node is not None else 0
