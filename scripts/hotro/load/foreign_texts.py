"""Texts other libraries write (PyYAML, jsonschema), in Vietnamese too.

The only place where English is matched by regular expressions: PyYAML and jsonschema say what
is wrong in their own English words, which the code does not choose. Each text is matched whole
against the patterns below; the Vietnamese comes from the catalogue entry the pattern names
(content/messages.yml, load.yaml.* and load.jsonschema.*), with the parts that vary (characters,
tags, what PyYAML expected or found) put back in. The English shown is the library's own text.

    yaml_text("mapping values are not allowed here")  -> Texts(vi="không được có dấu ':' …",
                                                              en="mapping values are not …")

A text no pattern knows still reads in Vietnamese: a general line (load.yaml.other,
load.jsonschema.other); the file and the line are named by the Problem that carries it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from hotro.model.messages import Texts, text

# A Python repr of a text, as the libraries show values ('x', "it's").
REPR = r"""(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""

# PyYAML's names for what it expected or found.
YAML_TOKENS = {
    "<block end>": "load.yaml-token.block-end",
    "<document start>": "load.yaml-token.document-start",
    "the node content": "load.yaml-token.node-content",
    "alphabetic or numeric character": "load.yaml-token.alphanumeric",
    "a comment or a line break": "load.yaml-token.comment",
    "a digit": "load.yaml-token.digit",
    "URI": "load.yaml-token.uri",
    "the empty value": "load.yaml-token.empty",
    "'<stream end>'": "load.yaml-token.stream-end",
    "'<scalar>'": "load.yaml-token.scalar",
    "'<block mapping start>'": "load.yaml-token.mapping-start",
    "'<block sequence start>'": "load.yaml-token.sequence-start",
    "'<block end>'": "load.yaml-token.block-end-quoted",
    "'<block entry>'": "load.yaml-token.block-entry",
    "'<flow mapping start>'": "load.yaml-token.flow-mapping-start",
    "'<flow mapping end>'": "load.yaml-token.flow-mapping-end",
    "'<flow sequence start>'": "load.yaml-token.flow-sequence-start",
    "'<flow sequence end>'": "load.yaml-token.flow-sequence-end",
    "'<flow entry>'": "load.yaml-token.flow-entry",
    "'<key>'": "load.yaml-token.key",
    "'<value>'": "load.yaml-token.value",
    "'<document start>'": "load.yaml-token.document-start-quoted",
    "'<document end>'": "load.yaml-token.document-end",
    "mapping": "load.yaml-token.mapping",
    "sequence": "load.yaml-token.sequence",
}

Patterns = list[tuple[re.Pattern, str]]


def _patterns(*entries: tuple[str, str]) -> Patterns:
    return [(re.compile(english, re.S), message_id) for english, message_id in entries]


YAML = _patterns(
    (r"found character '\\t' that cannot start any token", "load.yaml.tab"),
    (rf"found character (?P<char>{REPR}) that cannot start any token", "load.yaml.character"),
    (r"expected <block end>, but found (?P<found>.+)", "load.yaml.block-end"),
    (r"expected '<document start>', but found (?P<found>.+)", "load.yaml.document-start"),
    (r"expected (?P<wanted>.+?), but (?:found|got) '<stream end>'", "load.yaml.stream-end"),
    (r"expected a scalar node, but found (?P<found>.+)", "load.yaml.scalar"),
    (r"expected (?P<wanted>.+?), but (?:found|got) (?P<found>.+)", "load.yaml.wanted"),
    (r"could not find expected ':'", "load.yaml.no-colon"),
    (r"mapping values are not allowed here", "load.yaml.colon"),
    (r"sequence entries are not allowed here", "load.yaml.dash"),
    (r"mapping keys are not allowed here", "load.yaml.key"),
    (r"found unexpected end of stream", "load.yaml.unclosed-quote"),
    (r"found unexpected document separator", "load.yaml.separator"),
    (rf"found unknown escape character (?P<char>{REPR})", "load.yaml.escape"),
    (rf"found undefined alias (?P<name>{REPR})", "load.yaml.alias"),
    (rf"found undefined tag handle (?P<name>{REPR})", "load.yaml.tag-handle"),
    (rf"found duplicate anchor (?P<name>{REPR}); first occurrence", "load.yaml.anchor-twice"),
    (r"second occurrence", "load.yaml.second"),
    (r"found unhashable key", "load.yaml.unhashable"),
    (r"found duplicate key", "load.yaml.duplicate-key"),
    (rf"could not determine a constructor for the tag (?P<tag>{REPR})", "load.yaml.tag"),
    (r"invalid indentation or unclosed '\[' or '\{'", "load.yaml.indentation"),
    (r"found duplicate YAML directive", "load.yaml.directive-twice"),
    (r"found incompatible YAML document \(version 1\.\* is required\)", "load.yaml.version"),
    (r"but found another document", "load.yaml.another-document"),
    (r"expected a single document in the stream", "load.yaml.single-document"),
    (r"while (?:scanning|parsing|composing|constructing) .+", "load.yaml.while"),
)

JSONSCHEMA = _patterns(
    (r"(?P<value>.+) is less than or equal to the minimum of (?P<limit>.+)",
     "load.jsonschema.exclusive-minimum"),
    (r"(?P<value>.+) is greater than or equal to the maximum of (?P<limit>.+)",
     "load.jsonschema.exclusive-maximum"),
    (r"(?P<value>.+) is less than the minimum of (?P<limit>.+)", "load.jsonschema.minimum"),
    (r"(?P<value>.+) is greater than the maximum of (?P<limit>.+)", "load.jsonschema.maximum"),
    (r"(?P<value>.+) has non-unique elements", "load.jsonschema.unique"),
    (r"(?P<value>.+) is too long", "load.jsonschema.too-long"),
    (r"(?P<value>.+) is too short", "load.jsonschema.too-short"),
    (r"(?P<value>.+) should be non-empty", "load.jsonschema.non-empty"),
    (r"(?P<value>.+) is expected to be empty", "load.jsonschema.empty"),
    (r"(?P<value>.+) is not a multiple of (?P<limit>.+)", "load.jsonschema.multiple"),
    (r"(?P<value>.+) is a dependency of (?P<other>.+)", "load.jsonschema.dependency"),
    (r"(?P<value>.+) should not be valid under .+", "load.jsonschema.not"),
)


class _Unknown(LookupError):
    """A part of a library's text that has no Vietnamese: the next pattern may fit."""


def yaml_text(english: str) -> Texts:
    """One of PyYAML's problem or context texts, with its Vietnamese."""
    return Texts(vi=_vietnamese(english, YAML, "load.yaml.other"), en=english)


def jsonschema_text(english: str) -> Texts:
    """One of jsonschema's messages, with its Vietnamese."""
    return Texts(vi=_vietnamese(english, JSONSCHEMA, "load.jsonschema.other"), en=english)


def _vietnamese(english: str, patterns: Patterns, otherwise: str) -> str:
    for pattern, message_id in patterns:
        match = pattern.fullmatch(english)
        if match is None:
            continue
        try:
            parts = {name: CONVERT.get(name, str)(value)
                     for name, value in match.groupdict().items()}
        except _Unknown:
            continue
        return text(message_id, "vi", **parts)
    return text(otherwise, "vi")


def _token(english: str) -> str:
    """A name PyYAML gives what it found or expected: its Vietnamese; a quoted character as
    it is ("','")."""
    if english in YAML_TOKENS:
        return text(YAML_TOKENS[english], "vi")
    if re.fullmatch(REPR, english):
        return english
    raise _Unknown(english)


def _wanted(english: str) -> str:
    """What PyYAML expected: "',' or ']'" -> "',' hoặc ']'"."""
    if english in YAML_TOKENS:
        return _token(english)
    words = [_token(part) for part in english.split(" or ")]
    out = words[0]
    for word in words[1:]:
        out = text("load.yaml.or", "vi", first=out, second=word)
    return out


CONVERT: dict[str, Callable[[str], str]] = {"wanted": _wanted, "found": _token}
