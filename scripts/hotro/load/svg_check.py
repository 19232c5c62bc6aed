"""An SVG in docs/ is a picture only: no script, no embedded HTML, nothing loaded from elsewhere.

Opened on its own (its address in the site), an SVG runs its scripts with the site's origin.
Python's XML parser (expat) is used with document type declarations refused before parsing,
so no entity can expand ("billion laughs") or name an outside file.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from hotro.model.messages import Message, msg
from hotro.model.problems import Problem

SVG_EXPECTED = msg("load.svg-expected")
DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)
FORBIDDEN_TAGS = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
ANIMATION = {"set", "animate", "animatemotion", "animatetransform"}
LINK_ATTRIBUTES = {"href", "src"}
# url(...) to something other than #id, or an @import: CSS loading another file; a CSS escape
# (u\72l\28 …) could spell either, and a drawing needs none
OUTSIDE_CSS = re.compile(r"url\(\s*['\"]?\s*(?!#)|@import|\\", re.I)


def svg_problems(path: Path, shown: str) -> list[Problem]:
    """Problems of the SVG file at `path` (at most one, the first found)."""
    raw = path.read_bytes()
    try:
        raw.decode("utf-8")  # so that the search below sees every "<!" (not UTF-16's bytes)
    except UnicodeDecodeError:
        return [Problem(shown, 0, "", msg("load.not-utf8"), msg("load.not-utf8-expected"))]
    if DECLARATION.search(raw):
        return [Problem(shown, _line(raw, DECLARATION.search(raw).start()), "",
                        msg("load.svg-declaration"), SVG_EXPECTED)]
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as err:
        return [Problem(shown, err.position[0], "", msg("load.svg-not-xml"), SVG_EXPECTED)]
    if _local(root.tag) != "svg":
        return [Problem(shown, 0, "", msg("load.svg-not-drawing"), SVG_EXPECTED)]
    for element in root.iter():
        if problem := _element_problem(element):
            return [Problem(shown, 0, "", problem, SVG_EXPECTED)]
    return []


def _line(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def _local(name: str) -> str:
    """'script' for '{http://www.w3.org/2000/svg}script'; names compared in lower case."""
    return name.rsplit("}", 1)[-1].lower() if isinstance(name, str) else ""


def _element_problem(element: ET.Element) -> Message | None:
    tag = _local(element.tag)
    if tag in FORBIDDEN_TAGS:
        return msg("load.svg-tag", tag=tag)
    if tag == "style" and OUTSIDE_CSS.search(element.text or ""):
        return msg("load.svg-style")
    for name, value in element.attrib.items():
        attribute = _local(name)
        if attribute.startswith("on"):
            return msg("load.svg-event", attribute=attribute)
        if attribute in LINK_ATTRIBUTES and not value.strip().startswith("#"):
            return msg("load.svg-link", link=repr(value[:60]))
        target = value.split(":")[-1].strip().lower()
        if tag in ANIMATION and attribute == "attributename" and target in LINK_ATTRIBUTES:
            return msg("load.svg-animation", tag=tag)
        if OUTSIDE_CSS.search(value) or "javascript:" in value.lower().replace(" ", ""):
            return msg("load.svg-attribute", attribute=attribute)
    return None
