"""Read YAML while remembering the line of every value, so errors can name the line.

Dates stay text (the schemas check them), duplicate keys are errors (PyYAML would silently keep
the last one), and the raw text of every scalar is kept: `number: 0912345678` must not turn into
an integer before the phone check sees it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from hotro.load.foreign_texts import yaml_text
from hotro.load.yaml_limits import check_limits
from hotro.model.messages import Message, msg
from hotro.model.problems import ContentError, Problem
from hotro.model.yaml_doc import Path_, YamlDoc

YAML_EXPECTED = msg("load.yaml-expected")
TIMESTAMP = "tag:yaml.org,2002:timestamp"
VALUE_PROBLEM = msg("load.bad-number-value")
VALUE_EXPECTED = msg("load.bad-number-value-expected", digits=4300)


# libyaml's parser when PyYAML has it (several times faster on thousands of pages); the nodes,
# and marks are the same as the pure-Python one's.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_BYTES = 1_000_000  # far above any real page or data file; stops a pasted dump early
# A page: Python-Markdown is slow on some valid text (1 MB of nested quotes: over 30 s);
# the largest real page is 8 KB.
MAX_PAGE_BYTES = 200_000


def read_text(path: Path, shown_as: str, limit: int = MAX_BYTES) -> str:
    """The file as text; a byte-order mark, a non-UTF-8 byte or a huge file is an error."""
    with path.open("rb") as file:  # never more than the limit, whatever stat() says (/proc)
        raw = file.read(limit + 1)
    if len(raw) > limit:
        size = max(path.stat().st_size, len(raw))
        raise ContentError([Problem(shown_as, 0, "", msg("load.file-too-large", size=size),
                                    msg("load.file-too-large-expected", limit=limit))])
    if raw.startswith(b"\xef\xbb\xbf"):
        raise ContentError([Problem(shown_as, 1, "", msg("load.bom"), msg("load.bom-expected"))])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise ContentError([Problem(shown_as, line, "", msg("load.not-utf8"),
                                    msg("load.not-utf8-expected"))]) from None


def parse_yaml(text: str, shown_as: str, line_offset: int = 0) -> YamlDoc:
    """Parse YAML text into plain data plus a line map; syntax errors become Problems."""
    check_limits(text, shown_as, line_offset)  # no anchors, aliases or deep nesting
    try:
        return _parse(text, shown_as, line_offset, FAST_LOADER)
    except (yaml.YAMLError, ContentError):
        # libyaml's messages are vaguer ("found character that cannot start any token"):
        # a file with a mistake is read again by the pure-Python parser for the message.
        return _parse(text, shown_as, line_offset, yaml.SafeLoader)


def _parse(text: str, shown_as: str, line_offset: int, loader_class) -> YamlDoc:
    doc = YamlDoc(shown_as, None, line_offset=line_offset)
    loader = None
    try:
        loader = loader_class(text)
        node = loader.get_single_node()
        doc.data = None if node is None else _build(node, (), doc, loader)
    except yaml.MarkedYAMLError as err:
        if loader_class is not yaml.SafeLoader:
            raise
        raise ContentError([syntax_problem(err, shown_as, line_offset)]) from None
    except yaml.reader.ReaderError as err:
        line = text[: err.position].count("\n") + 1 + line_offset
        raise ContentError([Problem(shown_as, line, "", msg("load.control-character",
                                                            code=repr(err.character)),
                                    msg("load.plain-text-expected"))]) from None
    finally:
        if loader is not None:
            loader.dispose()
    return doc


def syntax_problem(err: yaml.YAMLError, shown_as: str, line_offset: int = 0) -> Problem:
    """One line for any error of PyYAML: the file, the line, PyYAML's words in Vietnamese too."""
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    line = (mark.line + 1 if mark else 1) + line_offset
    words = getattr(err, "problem", None) or getattr(err, "context", None) or "not valid YAML"
    return Problem(shown_as, line, "", syntax_error(str(words).strip()), YAML_EXPECTED)


def syntax_error(words: str) -> Message:
    """"YAML syntax error: <PyYAML's words>", in either language."""
    return msg("load.yaml-syntax-error", detail=yaml_text(words))


def _build(node: yaml.Node, path: Path_, doc: YamlDoc, loader: yaml.SafeLoader) -> Any:
    doc.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        return _build_mapping(node, path, doc, loader)
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), doc, loader) for i, item in enumerate(node.value)]
    doc.raws[path] = node.value
    if node.tag == TIMESTAMP:
        return node.value
    return _construct(node, path, doc, loader)


def _construct(node: yaml.Node, path: Path_, doc: YamlDoc, loader: yaml.SafeLoader) -> Any:
    """PyYAML's value for a scalar; `!!int x`, `!!int` alone or 5,000 digits are a Problem."""
    try:
        return loader.construct_object(node, deep=True)
    except yaml.YAMLError:
        raise
    except Exception:  # ValueError, IndexError …: PyYAML's constructors assume their form
        raise ContentError([Problem(doc.file, node.start_mark.line + 1 + doc.line_offset, "",
                                    VALUE_PROBLEM, VALUE_EXPECTED)]) from None


def _build_mapping(node: yaml.MappingNode, path: Path_, doc: YamlDoc,
                   loader: yaml.SafeLoader) -> dict:
    result: dict = {}
    for key_node, value_node in node.value:
        key = _construct(key_node, path, doc, loader)
        key = str(key) if not isinstance(key, str) else key
        if key in result:
            line = key_node.start_mark.line + 1 + doc.line_offset
            raise ContentError([Problem(doc.file, line, key, msg("load.key-twice"),
                                        msg("load.key-twice-expected"))])
        result[key] = _build(value_node, (*path, key), doc, loader)
        doc.lines[(*path, key)] = key_node.start_mark.line + 1
    return result


def load_yaml_file(path: Path, shown_as: str) -> YamlDoc:
    return parse_yaml(read_text(path, shown_as), shown_as)
