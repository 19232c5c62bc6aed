"""The message catalogue (content/messages.yml) and the messages of model/ and load/ in it.

Every entry has Vietnamese and English with the same parameters; every id the code names is in
the catalogue and every entry is used; the loader's Problems are made of Messages that read in
Vietnamese, word for word for the most common mistakes; the texts of PyYAML and jsonschema read
in Vietnamese too (hotro.load.foreign_texts); Problems cross processes as JSON.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from helpers import check_vietnamese, english_left, loader_problems
from hotro.checks.validated import load_content
from hotro.load import foreign_texts, schemas
from hotro.load.yaml_source import parse_yaml
from hotro.model import messages, paths
from hotro.model.messages import Message, Texts, msg, placeholders, say, text
from hotro.model.phones import PhoneError, parse_phone
from hotro.model.problems import ContentError, Problem

CATALOGUE = messages.catalogue()
SCRIPTS = paths.ROOT / "scripts"
SPEAKERS = ("msg", "text", "say")


def _forms(entry_text) -> list[str]:
    return list(entry_text.values()) if isinstance(entry_text, dict) else [entry_text]


def _sources() -> dict[Path, str]:
    return {path: path.read_text(encoding="utf-8") for path in sorted(SCRIPTS.rglob("*.py"))}


@pytest.mark.parametrize("message_id", sorted(CATALOGUE))
def test_every_entry_has_both_languages_with_the_same_parameters(message_id):
    entry = CATALOGUE[message_id]
    assert set(entry) == {"vi", "en"}
    for lang in ("vi", "en"):
        if isinstance(entry[lang], dict):
            assert set(entry[lang]) == {"one", "other"}, message_id
    # a plural form for one may say "1" in words instead of {count}; the others name it
    full = [entry[lang] if isinstance(entry[lang], str) else entry[lang]["other"]
            for lang in ("vi", "en")]
    assert placeholders(full[0]) == placeholders(full[1]), message_id
    names = placeholders(full[0])
    for form in _forms(entry["vi"]) + _forms(entry["en"]):
        assert form.strip(), message_id
        assert placeholders(form) - {"count"} == names - {"count"}, (message_id, form)
        form.format(**dict.fromkeys(names, 1))  # well formed: braces paired, {n:,} takes a number


def _letters(form: str) -> str:
    """The words of a text, without its parameters and symbols."""
    return re.sub(r"[^\w]|\d|_", "", re.sub(r"\{[^{}]*\}", "", form))


@pytest.mark.parametrize("message_id", sorted(CATALOGUE))
def test_vietnamese_differs_from_english(message_id):
    entry = CATALOGUE[message_id]
    vi, en = _forms(entry["vi"]), _forms(entry["en"])
    if all(not _letters(form) for form in vi + en):
        return  # only parameters and symbols ("{types}; {description}")
    assert vi[-1] != en[-1], message_id
    assert english_left(re.sub(r"\{[^{}]*\}", "", vi[-1])) == [], vi[-1]


def _named(source: str) -> list[tuple[int, str]]:
    """(line, id) of each msg("id"), text("id", …), say("id", …) and messages.<same>(…) call;
    not methods such as problem.text("vi")."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)):
            continue
        func = node.func
        if (isinstance(func, ast.Name) and func.id in SPEAKERS) or (
                isinstance(func, ast.Attribute) and func.attr in SPEAKERS
                and isinstance(func.value, ast.Name) and func.value.id == "messages"):
            found.append((node.lineno, node.args[0].value))
    return found


def test_every_id_the_code_names_is_in_the_catalogue():
    missing = [f"{path.relative_to(paths.ROOT)}:{line}: {message_id}"
               for path, source in _sources().items() if "hotro" in path.parts
               for line, message_id in _named(source) if message_id not in CATALOGUE]
    assert missing == []


def test_every_catalogue_entry_is_used():
    code = "\n".join(_sources().values())
    unused = [message_id for message_id in CATALOGUE
              if f'"{message_id}"' not in code and f"'{message_id}'" not in code]
    assert unused == []


def test_plural_forms_and_thousands():
    assert text("problems.summary", "en", count=1) == "1 problem found; nothing was built."
    assert text("problems.summary", "en", count=2) == "2 problems found; nothing was built."
    assert text("problems.summary", "vi", count=1) == \
        "Có 1 lỗi cần sửa; trang web chưa được tạo."
    assert text("load.file-too-large", "en", size=1234567) == \
        "the file is too large (1,234,567 bytes)"
    assert text("load.file-too-large", "vi", size=1234567) == "tệp quá lớn (1.234.567 byte)"


def test_say_speaks_the_language_messages_asks_for(monkeypatch, capsys):
    monkeypatch.setenv("MESSAGES", "en")
    say("load.file-missing")
    monkeypatch.setenv("MESSAGES", "vi")
    say("load.file-missing")
    monkeypatch.delenv("MESSAGES")
    say("load.file-missing")
    assert capsys.readouterr().out.splitlines() == [
        "the file is missing", "không có tệp này", "không có tệp này"]


def test_an_unknown_id_is_refused():
    with pytest.raises(messages.UnknownMessage):
        msg("load.no-such-message").text("vi")


def test_problems_with_nested_messages_cross_processes_as_json():
    problem = Problem("content/contacts.yml", 5, "x/y",
                      msg("load.schema.value-is", value="'5'", what=msg("load.is.text")),
                      msg("load.schema.types-and",
                          types=msg("load.schema.or", first=msg("load.type.integer"),
                                    second=msg("load.type.string")),
                          description=msg("load.schema.described",
                                          description=Texts(vi="một số", en="a number"))))
    again = Problem.from_json(json.loads(json.dumps(problem.to_json())))
    assert again == problem and hash(again) == hash(problem)
    assert again.text("en") == problem.text("en") == (
        "content/contacts.yml:5: x/y: '5' is text (expected a whole number or text; a number)")
    assert again.text("vi") == (
        "content/contacts.yml:5: x/y: '5' là chữ (cần một số nguyên hoặc chữ; một số)")
    error = ContentError([problem])
    assert error.report("vi").splitlines()[-1] == "Có 1 lỗi cần sửa; trang web chưa được tạo."
    assert str(error) == f"{problem}\n1 problem found; nothing was built."


def test_a_phone_error_carries_its_message():
    with pytest.raises(PhoneError) as caught:
        parse_phone("1111")
    assert str(caught.value) == "'1111' is not a Vietnamese short code"
    assert caught.value.message.text("vi") == "'1111' không phải là một số ngắn của Việt Nam"
    assert caught.value.field == "number"
    with pytest.raises(PhoneError) as caught:
        parse_phone("0912 345 678", "113")
    assert caught.value.field == "display"


# -- The loader's mistakes -------------------------------------------------------------------------

# The most common mistakes, word for word: the change, the English line, the Vietnamese line.
EXACT = {
    "bad phone number": (
        ("content/contacts.yml", 'number: "0912 345 678"', 'number: "1111"'),
        "content/contacts.yml:6: duong-day-thu/number: '1111' is not a Vietnamese short code "
        "(expected a Vietnamese short code such as 111, or a full number such as "
        "+84 981 84 84 84)",
        "content/contacts.yml:6: duong-day-thu/number: '1111' không phải là một số ngắn của Việt "
        "Nam (cần một số ngắn của Việt Nam như 111, hoặc một số đầy đủ như +84 981 84 84 84)"),
    "missing field": (
        ("content/contacts.yml", "  audience: {vi: Người thử nghiệm, en: Testers}\n", ""),
        "content/contacts.yml:1: duong-day-thu/audience: this field is missing (expected who "
        "should use it, in vi and en)",
        "content/contacts.yml:1: duong-day-thu/audience: thiếu trường này (cần những ai nên "
        "dùng, bằng tiếng Việt (vi) và tiếng Anh (en))"),
    "impossible date": (
        ("content/contacts.yml", "verified_on: 2026-01-15", "verified_on: 2026-02-30"),
        "content/contacts.yml:13: duong-day-thu/verified_on: '2026-02-30' is not a real date "
        "(expected a real date written YYYY-MM-DD)",
        "content/contacts.yml:13: duong-day-thu/verified_on: '2026-02-30' không phải là một ngày "
        "có thật (cần một ngày có thật, viết theo dạng NNNN-TT-NN (năm-tháng-ngày))"),
    "broken YAML": (
        ("content/agencies.yml", "sources: [nguon-thu]", "sources: [nguon-thu"),
        "content/agencies.yml:4: YAML syntax error: expected ',' or ']', but got '<stream end>' "
        "(expected valid YAML; check the indentation, colons and quotes)",
        "content/agencies.yml:4: lỗi cú pháp YAML: tệp đã hết mà vẫn thiếu ',' hoặc ']' (cần "
        "YAML hợp lệ; hãy kiểm tra thụt lề, dấu hai chấm và dấu nháy)"),
    "text where vi/en is needed": (
        ("content/agencies.yml", "name: {vi: Đơn vị thử nghiệm, en: Test agency}",
         "name: Đơn vị thử nghiệm"),
        "content/agencies.yml:2: don-vi-thu/name: 'Đơn vị thử nghiệm' is text (expected a group "
        "of fields; text with a Vietnamese version (vi, required) and an English one (en))",
        "content/agencies.yml:2: don-vi-thu/name: 'Đơn vị thử nghiệm' là chữ (cần một nhóm "
        "trường; nội dung có bản tiếng Việt (vi, bắt buộc) và bản tiếng Anh (en))"),
}


@pytest.mark.parametrize(("edit", "english", "vietnamese"), list(EXACT.values()), ids=list(EXACT))
def test_the_most_common_mistakes_word_for_word(tree, edit, english, vietnamese):
    problems = loader_problems(tree, [edit])
    assert [p.text("en") for p in problems] == [english]
    assert [p.text("vi") for p in problems] == [vietnamese]
    check_vietnamese(problems)


def _write(rel: str, text: str):
    return lambda tree: (tree / rel).write_text(text, encoding="utf-8")


def _bytes(rel: str, change):
    return lambda tree: (tree / rel).write_bytes(change((tree / rel).read_bytes()))


def _replace(rel: str, old: str, new: str):
    def change(tree: Path) -> None:
        path = tree / rel
        assert old in path.read_text(encoding="utf-8")
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return change


ED = "content/editions/thu.yml"
LOADER_CASES = {
    "huge page": lambda tree: _replace("docs/danh-ba.vi.md", "# ", "x" * 210_000 + "\n# ")(tree),
    "empty data file": _write("content/agencies.yml", ""),
    "no language in the name": _write("docs/extra.md", "# Extra\n"),
    "byte-order mark": _bytes("content/agencies.yml", lambda b: b"\xef\xbb\xbf" + b),
    "not UTF-8": _bytes("content/agencies.yml",
                        lambda b: b.replace("Đơn vị".encode(), b"\xd0\xf5n v\xec")),
    "no edition": lambda tree: (tree / ED).unlink(),
    "bad edition file name": lambda tree: (tree / ED).rename(tree / "content/editions/Thu.yml"),
    "control character": _write("content/agencies.yml", "- id: a\x07\n"),
    "front matter not a group of fields": _write("docs/extra.vi.md", "---\n- a\n---\n# X\n"),
    "no front matter": _write("docs/extra.vi.md", "# X\n"),
    "front matter never closed": _write("docs/extra.vi.md", "---\ndescription: x\n# X\n"),
    "recheck days out of range": _replace("content/contacts.yml", "  cost: standard\n",
                                          "  cost: standard\n  recheck_every_days: 0\n"),
    "a section twice": _replace(ED, "sections: all", "sections: [index, index]"),
    "unknown field": _replace("content/contacts.yml", "  cost: standard\n",
                              "  cost: standard\n  colour: red\n"),
    "a value not allowed": _replace("content/contacts.yml", "channel: voice", "channel: fax"),
    "a list where text is needed": _replace("content/contacts.yml", "channel: voice",
                                            "channel: [voice]"),
    "a number where a list is needed": _replace("content/contacts.yml", "languages: [vi, km]",
                                                "languages: 5"),
    "an empty text": _replace("content/contacts.yml", "en: Test line}", "en: ''}"),
    "a key twice": _replace("content/contacts.yml", "  cost: standard\n",
                            "  cost: standard\n  cost: free\n"),
    "an id twice": lambda tree: (tree / "content/agencies.yml").write_text(
        (tree / "content/agencies.yml").read_text(encoding="utf-8") * 2, encoding="utf-8"),
    "an anchor": _write("content/agencies.yml", "- id: &a x\n"),
    "a script in a page": _replace("docs/danh-ba.vi.md", "# ", "<script>x</script>\n\n# "),
    "an event handler and a data: address": _replace(
        "docs/danh-ba.vi.md", "# ", '<b onclick="x">![x](data:image/png;base64,AAAA)</b>\n\n# '),
    "a file type not allowed": _write("docs/x.html", "<p>x</p>"),
    "an image that is not one": _write("docs/x.png", "not a picture"),
    "an SVG with a script": _write("docs/x.svg", '<svg xmlns="http://www.w3.org/2000/svg">'
                                                 "<script>x</script></svg>"),
    "a symbolic link": lambda tree: (tree / "docs/link.md").symlink_to(tree / "docs/index.vi.md"),
}


@pytest.mark.parametrize("change", list(LOADER_CASES.values()), ids=list(LOADER_CASES))
def test_the_loaders_mistakes_read_in_vietnamese(tree, change):
    change(tree)
    with pytest.raises(ContentError) as caught:
        load_content(tree)
    check_vietnamese(caught.value.problems)


BROKEN_YAML = ["a:\n\tb: 1", "a: [1, 2", "a: {b: 1", "a: b: c", "- a\nb: c", "a: 'x", 'a: "x',
               "a: @x", "a: `x", "a: *nope", "a: 1\na: 2", "a: !!python/object:os.system x",
               "a: 1\n---\nb: 2", "a: \x07", 'a: "\\q"', "a: &x 1\nb: &x 2",
               "a:\n  b: 1\n c: 2", "[a, b]]", "a: 1\n...\nb", "a: !x!y 1",
               "%YAML 1.1\n%YAML 1.1\n---\na", "a: 'x' y", "key\nother: 1",
               "a: !!int x", "a: " + "1" * 5000]


@pytest.mark.parametrize("text", BROKEN_YAML)
def test_yaml_syntax_errors_read_in_vietnamese(text):
    with pytest.raises(ContentError) as caught:
        parse_yaml(text, "content/agencies.yml")
    check_vietnamese(caught.value.problems)
    assert "\n" not in caught.value.problems[0].text("vi")


def test_a_library_text_no_pattern_knows_still_reads_in_vietnamese():
    odd = foreign_texts.yaml_text("something new went wrong")
    assert odd.en == "something new went wrong" and odd.vi == "có lỗi khi đọc tệp YAML"
    assert foreign_texts.jsonschema_text("[1, 1] has non-unique elements").vi == \
        "[1, 1] có mục bị lặp lại"
    assert foreign_texts.jsonschema_text("a new rule").vi == \
        "giá trị này không đúng với quy tắc của trường"
    # the words PyYAML uses for tokens, in the catalogue
    assert set(foreign_texts.YAML_TOKENS.values()) <= set(CATALOGUE)
    assert {message_id for _, message_id in foreign_texts.YAML + foreign_texts.JSONSCHEMA} <= \
        set(CATALOGUE)


def _sub_schemas(node: dict):
    """Every schema inside `node` (properties, definitions, items, branches), and itself."""
    yield node
    for key in ("properties", "$defs"):
        for value in node.get(key, {}).values():
            yield from _sub_schemas(value)
    for key in ("items", "additionalProperties", "propertyNames"):
        if isinstance(node.get(key), dict):
            yield from _sub_schemas(node[key])
    for key in ("oneOf", "anyOf", "allOf"):
        for value in node.get(key, []):
            yield from _sub_schemas(value)


def _resolved(sub: dict, root: dict) -> dict:
    """schemas._deref, for references inside the same file too."""
    ref = sub.get("$ref", "")
    if not ref.startswith("#/"):
        return schemas._deref(sub)
    target = root
    for step in ref[2:].split("/"):
        target = target[step]
    return {**target, **{k: v for k, v in sub.items() if k != "$ref"}}


@pytest.mark.parametrize("path", sorted(schemas.SCHEMA_DIR.glob("*.schema.json")),
                         ids=lambda p: p.name)
def test_every_schema_expectation_reads_in_vietnamese(path):
    """What schemas._expected makes of any field, alone and after a type (the "expected")."""
    schema = json.loads(path.read_text(encoding="utf-8"))
    for sub in _sub_schemas(schema):
        expected = schemas._expected(_resolved(sub, schema))
        if not expected:
            continue
        after_type = msg("load.schema.types-and", types=msg("load.type.string"),
                         description=expected)
        check_vietnamese([Problem(path.name, 1, "x", msg("load.schema.missing"), part)
                          for part in (expected, after_type)])


def _descriptions(node) -> list[dict]:
    if isinstance(node, dict):
        found = [node] if isinstance(node.get("description"), str) else []
        return found + [d for key, value in node.items() if key != "examples"
                        for d in _descriptions(value)]
    if isinstance(node, list):
        return [d for value in node for d in _descriptions(value)]
    return []


@pytest.mark.parametrize("path", sorted(schemas.SCHEMA_DIR.glob("*.schema.json")),
                         ids=lambda p: p.name)
def test_every_description_has_its_own_vietnamese(path):
    for node in _descriptions(json.loads(path.read_text(encoding="utf-8"))):
        vi = node.get("description_vi")
        assert isinstance(vi, str) and vi and vi != node["description"], node["description"]
        assert english_left(vi) == [], vi


def test_what_a_value_is_reads_in_both_languages():
    words = {schemas._type_word(v).text("en") for v in (True, 1, 1.5, "x", [], {}, None)}
    assert words == {"true/false", "a number", "text", "a list", "a group of fields", "empty"}
    assert set(schemas.TYPE_WORDS.values()) <= set(CATALOGUE)
    shown = [schemas._show(v) for v in (True, None, [], {}, "x", 5)]
    assert [s.text("vi") if isinstance(s, Message) else s for s in shown] == [
        "true", "giá trị trống", "Một danh sách", "Một nhóm trường", "'x'", "5"]


def test_english_stays_exactly_as_it_was():
    problem = Problem("content/contacts.yml", 6, "duong-day-thu/number",
                      msg("load.phone-short-code", number="'1111'"), msg("load.phone-expected"))
    assert problem.text() == problem.text("en") == str(problem) == (
        "content/contacts.yml:6: duong-day-thu/number: '1111' is not a Vietnamese short code "
        "(expected a Vietnamese short code such as 111, or a full number such as "
        "+84 981 84 84 84)")
    with pytest.raises(ValueError):
        problem.text("fr")
