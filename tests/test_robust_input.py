"""No crash and no hang on any input; only what is meant to be published leaves docs/ (issue 14).

Each case makes one hostile input in the fixture content tree (or hands text to the reader) and
asserts the exact lines an editor sees, in English and in Vietnamese. Regular expressions that
were quadratic are checked for their results on fuzzed input against the old patterns (the
time they take is measured by scripts/bench_regex.py, not here).
"""

from __future__ import annotations

import html as html_module
import os
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import run_build
from helpers import check_vietnamese
from hotro.checks.validated import load_content
from hotro.editors import check_content
from hotro.load import markdown_source, yaml_limits, yaml_source
from hotro.model.problems import ContentError, Problem
from hotro.outputs import embeds
from hotro.plugin import edition_links
from hotro.render import render, search_index

FUZZ = settings(max_examples=300, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
SVG_EXPECTED = ("expected a drawing only: no scripts, no embedded HTML, no links or pictures "
                "from other files (only #id inside the drawing); save it again as plain SVG")
ALLOWED = ("expected Markdown pages (.vi.md, .en.md), images (.png, .jpg, .jpeg, .webp, .gif, "
           ".svg) or PDF documents (.pdf); theme files (HTML, CSS, JavaScript) belong in "
           "overrides/")
LINK = ("a symbolic link is not allowed in docs/ (expected the file or folder itself, copied "
        "into docs/)")
ANCHORS = ("YAML anchors and aliases (&, *) are not allowed (expected each value written out "
           "in full; copy the text instead of using & and *)")
DEEP = ("the YAML is nested too deeply (more than 50 levels) (expected at most 50 levels of "
        "lists and groups of fields inside each other)")


def caught(tree: Path) -> list[Problem]:
    with pytest.raises(ContentError) as err:
        load_content(tree)
    return err.value.problems


def expect(tree: Path, lines: list[str]) -> None:
    """The loader refuses `tree` with exactly `lines`, each also read in Vietnamese."""
    problems = caught(tree)
    assert [str(p) for p in problems] == lines
    check_vietnamese(problems)


def page(front: str, body: str = "# Trang\n") -> str:
    return (f"---\ndescription: Trang thử.\nreviewed: 2026-01-15\nreview_by: 2026-07-15\n"
            f"sources: [nguon-thu]\n{front}---\n\n{body}")


# -- 1. YAML: aliases, anchors, nesting, numbers --------------------------------------------

BOMB = "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9) if i else 'lol'}]\n"
               for i in range(10))


def test_an_alias_bomb_is_refused_at_its_first_anchor(tree):
    (tree / "content" / "agencies.yml").write_text(BOMB, encoding="utf-8")
    expect(tree, [f"content/agencies.yml:1: {ANCHORS}"])


def test_an_anchor_alone_is_refused_in_front_matter(tree):
    (tree / "docs" / "x.vi.md").write_text(page("title: &t Tiêu đề\n"), encoding="utf-8")
    expect(tree, [f"docs/x.vi.md:6: {ANCHORS}"])


def test_an_alias_to_itself_is_refused():
    with pytest.raises(ContentError) as err:
        yaml_source.parse_yaml("a: &a [*a]\n", "content/x.yml")
    assert [str(p) for p in err.value.problems] == [f"content/x.yml:1: {ANCHORS}"]


@pytest.mark.parametrize(("text", "line"), [
    ("[" * 51 + "]" * 51, 1),
    ("[" * 20_000 + "]" * 20_000, 1),
    ("{a: " * 20_000 + "b" + "}" * 20_000, 1),
    ("[" * 999_000, 1),  # just under the file size limit
    ("".join(" " * i + "k:\n" for i in range(3_000)), 51),
    ("".join(" " * i + "-\n" for i in range(3_000)), 51),
    ("- " * 5_000 + "x\n", 1),
])
def test_deep_nesting_is_refused_with_its_line(text, line):
    with pytest.raises(ContentError) as err:
        yaml_source.parse_yaml(text, "content/agencies.yml")
    assert [str(p) for p in err.value.problems] == [f"content/agencies.yml:{line}: {DEEP}"]
    check_vietnamese(err.value.problems)


def test_deep_nesting_in_front_matter_names_the_page_line(tree):
    (tree / "docs" / "x.vi.md").write_text(page("tags: " + "[" * 5_000 + "\n"),
                                           encoding="utf-8")
    expect(tree, [f"docs/x.vi.md:6: {DEEP}"])


def test_fifty_levels_are_still_read():
    doc = yaml_source.parse_yaml("[" * 50 + "]" * 50, "content/x.yml")
    assert str(doc.data) == "[" * 50 + "]" * 50


@pytest.mark.parametrize("value", ["1" * 5_000, "!!int x", "!!float x", "!!int"])
def test_a_number_that_cannot_be_read_is_a_message(tree, value):
    (tree / "content" / "agencies.yml").write_text(f"- id: a\n  n: {value}\n",
                                                   encoding="utf-8")
    expect(tree, ["content/agencies.yml:2: this value cannot be read as the number its form or "
                  "tag asks for (expected a number of at most 4,300 digits, or the value in "
                  "quotes as text)"])


def test_a_markdown_page_over_the_size_limit_is_refused(tree):
    (tree / "docs" / "x.vi.md").write_text(page("", "a" * 200_001), encoding="utf-8")
    size = (tree / "docs" / "x.vi.md").stat().st_size
    expect(tree, [f"docs/x.vi.md: the file is too large ({size:,} bytes) (expected at most "
                  "200,000 bytes; split it into smaller files)"])


@pytest.fixture(params=["libyaml", "pure"])
def loaders(request, monkeypatch):
    """Both readers: libyaml's (when PyYAML has it) and PyYAML's pure-Python one."""
    if request.param == "pure":
        monkeypatch.setattr(yaml_source, "FAST_LOADER", yaml.SafeLoader)
        monkeypatch.setattr(yaml_limits, "EVENT_LOADER", yaml.SafeLoader)
    elif not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML without libyaml")
    return request.param


YAML_PIECES = st.sampled_from([
    "a", "b: ", "- ", "[", "]", "{", "}", ", ", ": ", "&x ", "*x", "!!int ", "!!str ", "!x ",
    "? ", "|", ">", "'", '"', "#", "\n", "  ", "\t", "---", "...", "%YAML 1.1", "1" * 50,
    "0x1f", "2026-01-15", "\\", "\x07", "é", "~", "null", ":", "-", "@", "`", "<<: ",
])
YAML_TEXTS = st.one_of(st.text(max_size=200),
                       st.lists(YAML_PIECES, max_size=80).map("".join))


@FUZZ
@given(text=YAML_TEXTS)
def test_any_yaml_is_read_or_refused_with_a_message(loaders, text):
    try:
        doc = yaml_source.parse_yaml(text, "content/x.yml")
    except ContentError as err:
        assert err.problems and all(p.file == "content/x.yml" for p in err.problems)
        return
    assert doc.file == "content/x.yml"


@FUZZ
@given(front=YAML_TEXTS, body=st.text(max_size=200))
def test_any_front_matter_is_read_or_refused_with_a_message(loaders, tmp_path, front, body):
    path = tmp_path / "x.vi.md"
    path.write_text(f"---\n{front}\n---\n{body}", encoding="utf-8", errors="surrogatepass")
    try:
        found = markdown_source.read_page(tmp_path, path)
    except (ContentError, UnicodeEncodeError) as err:
        assert not isinstance(err, ContentError) or err.problems
        return
    assert found.lang == "vi"


# -- 2. mkdocs.yml ----------------------------------------------------------------------------

MISINDENTED = ("mkdocs.yml:7: YAML syntax error: mapping values are not allowed here (expected "
               "valid YAML; check the indentation, colons and quotes)")
MISINDENTED_VI = ("mkdocs.yml:7: lỗi cú pháp YAML: không được có dấu ':' ở chỗ này; nếu dấu ':' "
                  "là một phần của chữ, hãy đặt cả giá trị trong dấu nháy (cần YAML hợp lệ; hãy "
                  "kiểm tra thụt lề, dấu hai chấm và dấu nháy)")


def misindent(tree: Path) -> None:
    config = tree / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  name: material\n" in text
    config.write_text(text.replace("\n  name: material\n", "\n name: material\n"),
                      encoding="utf-8")


@pytest.mark.parametrize(("lang", "line", "summary"), [
    ("en", MISINDENTED, "1 problem found; nothing was built."),
    ("vi", MISINDENTED_VI, "Có 1 lỗi cần sửa; trang web chưa được tạo."),
])
def test_a_misindented_mkdocs_yml_is_one_line_in_make_check(tree, capsys, lang, line, summary):
    misindent(tree)
    assert check_content.main([str(tree), "--lang", lang]) == 1
    assert capsys.readouterr().err.splitlines() == [line, summary]


def test_mkdocs_yml_and_content_mistakes_are_listed_together(tree, capsys):
    misindent(tree)
    (tree / "docs" / "x.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    assert check_content.main([str(tree), "--lang", "en"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"docs/x.html: a file of type .html cannot be published from docs/ ({ALLOWED})",
        MISINDENTED, "2 problems found; nothing was built."]


def test_a_misindented_mkdocs_yml_is_one_line_in_make_site(tree):
    misindent(tree)
    result = run_build(tree / "mkdocs.yml", tree / "site", args=["--lang", "vi"])
    assert result.returncode == 1
    assert result.stderr.splitlines() == [MISINDENTED_VI,
                                          "Có 1 lỗi cần sửa; trang web chưa được tạo."]
    assert not (tree / "site").exists()


@pytest.mark.parametrize(("text", "line"), [
    ("- site_name: x\n", "mkdocs.yml:1: the file is not a group of settings (expected lines of "
                         "the form key: value, such as site_name: …, starting at the left edge)"),
    ("site_name: &n x\nx: *n\n", f"mkdocs.yml:1: {ANCHORS}"),
    ("nav: " + "[" * 3_000 + "\n", f"mkdocs.yml:1: {DEEP}"),
    ("site_name: !!python/name:os.system\n",
     "mkdocs.yml:1: YAML syntax error: could not determine a constructor for the tag "
     "'tag:yaml.org,2002:python/name:os.system' (expected valid YAML; check the indentation, "
     "colons and quotes)"),
])
def test_other_broken_mkdocs_yml(tree, capsys, text, line):
    (tree / "mkdocs.yml").write_text(text, encoding="utf-8")
    assert check_content.main([str(tree), "--lang", "en"]) == 1
    assert capsys.readouterr().err.splitlines() == [line, "1 problem found; nothing was built."]
    check_vietnamese([p for p in _problems_of_config(tree)])


def _problems_of_config(tree: Path) -> list[Problem]:
    from hotro.load.editions import load_base

    with pytest.raises(ContentError) as err:
        load_base(tree / "mkdocs.yml")
    return err.value.problems


# -- 3. Regular expressions: linear, and the same results -------------------------------------

HANDLER = ("an HTML event handler (on...=) is not allowed (expected plain Markdown: text, lists, "
           "tables, links to pages or https:// addresses)")


def test_80_kb_of_unclosed_tags_still_get_their_message(tmp_path):
    body = "# Trang\n\n" + "<a o" * 20_000 + " onclick=x>\n"
    (tmp_path / "index.vi.md").write_text(page("", body), encoding="utf-8")
    found = markdown_source.unsafe_html(markdown_source.read_page(tmp_path,
                                                                  tmp_path / "index.vi.md"))
    assert [str(p) for p in found] == [f"docs/index.vi.md:10: {HANDLER}"]


def test_make_site_refuses_80_kb_of_unclosed_tags_before_markdown_hangs_on_them(tree):
    body = "# Trang\n\n" + "<a o" * 20_000 + "\n"  # Python-Markdown: over a minute
    (tree / "docs" / "index.vi.md").write_text(page("", body), encoding="utf-8")
    result = run_build(tree / "mkdocs.yml", tree / "site", args=["--lang", "vi"])
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "docs/index.vi.md:10: đoạn văn này có 20.000 ký tự '<' (cần tối đa 200 ký tự như vậy "
        "trong một đoạn văn; hãy dùng dòng trống để chia thành các đoạn ngắn hơn)",
        "Có 1 lỗi cần sửa; trang web chưa được tạo."]


LIMITS = {
    "brackets in a paragraph": (
        "# T\n\nXem " + "[" * 101 + "\n", ["docs/x.vi.md:10: this paragraph has 101 '[' "
        "characters (expected at most 100 in one paragraph; split the text with blank lines "
        "into shorter ones)"]),
    "emphasis that recurses": (
        "# T\n\na\nb\n\n" + "*" * 3_000 + "x" + "*" * 3_000 + "\n",
        ["docs/x.vi.md:13: this paragraph has 6,000 '*' characters (expected at most 1000 in "
         "one paragraph; split the text with blank lines into shorter ones)"]),
    "code spans": ("`a`" * 101, ["docs/x.vi.md:8: this paragraph has 202 '`' characters "
                                  "(expected at most 200 in one paragraph; split the text with "
                                  "blank lines into shorter ones)"]),
    "brackets in a page": ("\n\n".join(["[a]" * 100] * 21),
                           ["docs/x.vi.md: the page has 2,100 '[' characters (expected at "
                            "most 2,000 in one page; split it into several pages)"]),
    "nested quotes": ("# T\n\n" + "> " * 11 + "x\n", [
        "docs/x.vi.md:10: this line is nested 11 levels deep (expected at most 10 levels of "
        "lists and quotes inside each other)"]),
    "nested lists": ("# T\n\n" + "".join("    " * i + "- x\n" for i in range(12)), [
        "docs/x.vi.md:21: this line is nested 11 levels deep (expected at most 10 levels of "
        "lists and quotes inside each other)"]),
    "headings": ("# a\n\n" * 501, ["docs/x.vi.md: the page has 501 headings (expected at "
                                    "most 500 headings in one page; split it into several "
                                    "pages)"]),
}


@pytest.mark.parametrize(("body", "lines"), LIMITS.values(), ids=LIMITS)
def test_page_text_that_would_hang_markdown_is_refused(tree, body, lines):
    (tree / "docs" / "x.vi.md").write_text(page("", body), encoding="utf-8")
    expect(tree, lines)


HTML_PIECES = st.sampled_from(["<", ">", "<a", " on", "onclick", "=", " ", "\n", "a", "x=",
                               '"', "<b ", "\t", "ON", "-", "[", "]", " [ ] ", "- ", "* "])
OLD_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.I)
OLD_TASK_ITEM = re.compile(r"^(\s*[-*] )\[( |x|X)\] ", re.M)


@FUZZ
@given(text=st.lists(HTML_PIECES, max_size=60).map("".join))
def test_the_event_handler_check_finds_what_it_found_before(text):
    new = markdown_source.UNSAFE_HTML[1][0]
    assert bool(new.search(text)) == bool(OLD_HANDLER.search(text))


@FUZZ
@given(text=st.lists(HTML_PIECES, max_size=60).map("".join))
def test_checklist_boxes_are_drawn_as_before(text):
    def old(markdown: str) -> str:
        return OLD_TASK_ITEM.sub(lambda m: f'{m.group(1)}<span class="checklist-box" '
                                 f'aria-hidden="true">{"☑" if m.group(2) != " " else "☐"}'
                                 '</span>', markdown)

    assert render.checklist_boxes(text) == old(text)


# Built pages: "<" in text and attribute values is always written &lt;, links are not nested
PAGE_PIECES = st.sampled_from(['<a href="x/">', '<a class="c" href="../y/#z">', "</a>", "<b>",
                               "</b>", "text", " ", "\n", ">", "&lt;", "<abbr>", "</abbr>",
                               '<a name="n">', "<script>", "</script>", "<style>", "</style>",
                               "js();", '"', "<br>", "</p>"])


def _well_formed(html: str) -> bool:
    """No link inside a link and no script or style inside another (as built pages are)."""
    for open_tag, close in (("<a ", "</a>"), ("<script>", "</script>"), ("<style>", "</style>")):
        depth = 0
        for token in re.findall(re.escape(open_tag) + "|" + re.escape(close), html):
            depth = depth + 1 if token == open_tag else max(depth - 1, 0)
            if depth > 1:
                return False
    return True


OLD_ANCHOR = re.compile(r"<a\b(?P<attrs>[^>]*)>(?P<text>.*?)</a>", re.S)
OLD_EMBED_HREF = re.compile(r'<a\b([^>]*?)\bhref="([^"]*)"([^>]*)>')
OLD_TAGS = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S | re.I)


@FUZZ
@given(html=st.lists(PAGE_PIECES, max_size=40).map("".join))
def test_link_and_tag_patterns_of_built_pages_match_as_before(html):
    assume(_well_formed(html))
    for new, old in ((edition_links.ANCHOR, OLD_ANCHOR), (embeds.HREF, OLD_EMBED_HREF),
                     (search_index.TAGS, OLD_TAGS)):
        assert [m.group(0) for m in new.finditer(html)] == [
            m.group(0) for m in old.finditer(html)], new.pattern
    assert search_index.plain_text(html) == " ".join(
        search_index.SPACE.sub(" ", html_module.unescape(OLD_TAGS.sub(" ", html)))
        .split())


# -- 4. docs/: only pages, checked images, safe SVG and PDF ----------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
SVG_OK = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
          'viewBox="0 0 10 10"><defs><linearGradient id="g"/></defs><style>rect{fill:url(#g)}'
          '</style><rect width="10" height="10" fill="url(#g)"/><use xlink:href="#g"/></svg>')


def _svg(inner: str, attrs: str = "") -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/'
            f'xlink"{attrs}>{inner}</svg>')


def test_accepted_files_pass_and_hidden_files_are_left_alone(tree):
    docs = tree / "docs"
    (docs / "anh").mkdir()
    (docs / "anh" / "so-do.png").write_bytes(PNG)
    (docs / "anh" / "ảnh.JPG").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 16)
    (docs / "anh" / "a.webp").write_bytes(b"RIFF\0\0\0\0WEBPVP8 ")
    (docs / "anh" / "a.gif").write_bytes(b"GIF89a" + b"\0" * 8)
    (docs / "anh" / "so-do.svg").write_text(SVG_OK, encoding="utf-8")
    (docs / "mau-don.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\n")
    (docs / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (docs / ".git-notes").mkdir()
    (docs / ".git-notes" / "x.html").write_text("<script>", encoding="utf-8")
    assert ("index", "vi") in load_content(tree).pages


CASES = {
    "html": ("x.html", "<script>alert(1)</script>",
             f"docs/x.html: a file of type .html cannot be published from docs/ ({ALLOWED})"),
    "javascript": ("huong-dan/a.js", "alert(1)", "docs/huong-dan/a.js: a file of type .js "
                   f"cannot be published from docs/ ({ALLOWED})"),
    "css": ("a.CSS", "body{}", f"docs/a.CSS: a file of type .css cannot be published from docs/ "
            f"({ALLOWED})"),
    "csv of phone numbers": ("so.csv", "ten,so\nA,0912345678\n", "docs/so.csv: a file of type "
                             f".csv cannot be published from docs/ ({ALLOWED})"),
    "no type": ("README", "x", "docs/README: a file without a type (such as .png) cannot be "
                f"published from docs/ ({ALLOWED})"),
    "markdown without language in upper case": (
        "x.MD", "# x", f"docs/x.MD: a file of type .md cannot be published from docs/ "
        f"({ALLOWED})"),
    "png that is not": ("a.png", b"<html>", "docs/a.png: the content of this file is not a PNG "
                        "image (expected a file whose type matches its name; save it again in "
                        "that format)"),
    "webp that is a wav": ("a.webp", b"RIFF\0\0\0\0WAVEfmt ", "docs/a.webp: the content of this "
                           "file is not a WEBP image (expected a file whose type matches its "
                           "name; save it again in that format)"),
    "pdf that is not": ("a.pdf", b"<script>", "docs/a.pdf: the content of this file is not a "
                        "PDF document (expected a file whose type matches its name; save it "
                        "again in that format)"),
    "svg script": ("a.svg", _svg("<script>alert(1)</script>"),
                   f"docs/a.svg: an SVG may not contain <script> ({SVG_EXPECTED})"),
    "svg foreignObject": ("a.svg", _svg("<foreignObject><p>x</p></foreignObject>"),
                          f"docs/a.svg: an SVG may not contain <foreignobject> ({SVG_EXPECTED})"),
    "svg onload on the next line": (
        "a.svg", _svg("", '\n  onload="alert(1)"'),
        f"docs/a.svg: an SVG may not have event attributes (onload=) ({SVG_EXPECTED})"),
    "svg external image": (
        "a.svg", _svg('<image xlink:href="https://tracker.example/p.png"/>'),
        "docs/a.svg: an SVG may not link to or load 'https://tracker.example/p.png' "
        f"({SVG_EXPECTED})"),
    "svg javascript link": (
        "a.svg", _svg('<a href="javascript:alert(1)"><rect/></a>'),
        f"docs/a.svg: an SVG may not link to or load 'javascript:alert(1)' ({SVG_EXPECTED})"),
    "svg style url": ("a.svg", _svg('<rect style="fill:url( https://x.example/a)"/>'),
                      "docs/a.svg: an SVG may not load other files from its style attribute "
                      f"({SVG_EXPECTED})"),
    "svg style import": ("a.svg", _svg("<style>@import 'https://x.example/a.css';</style>"),
                         f"docs/a.svg: an SVG may not load other files from its style "
                         f"({SVG_EXPECTED})"),
    "svg css escape": ("a.svg", _svg('<rect style="fill:u\\72l(https://x.example/a)"/>'),
                       "docs/a.svg: an SVG may not load other files from its style attribute "
                       f"({SVG_EXPECTED})"),
    "svg set href": ("a.svg", _svg('<a><set attributeName="xlink:href" to="javascript:x()"/>'
                                   "</a>"),
                     f"docs/a.svg: an SVG may not contain <set> that changes a link "
                     f"({SVG_EXPECTED})"),
    "svg entity bomb": ("a.svg", '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "aaaa">'
                        '<!ENTITY b "&a;&a;&a;&a;">]>\n<svg>&b;</svg>',
                        f"docs/a.svg:2: an SVG may not declare <!DOCTYPE or <!ENTITY "
                        f"({SVG_EXPECTED})"),
    "svg broken": ("a.svg", "<svg>\n<rect>\n</svg>",
                   f"docs/a.svg:3: the SVG is not valid XML ({SVG_EXPECTED})"),
    "svg that is html": ("a.svg", "<html><script>alert(1)</script></html>",
                         f"docs/a.svg: the file is not an SVG drawing ({SVG_EXPECTED})"),
    "svg in UTF-16": ("a.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>'.encode("utf-16"),
                      "docs/a.svg: the file is not valid UTF-8 text (expected UTF-8; save the "
                      "file again as UTF-8)"),
}


@pytest.mark.parametrize(("rel", "data", "line"), CASES.values(), ids=CASES)
def test_a_file_that_is_not_meant_to_be_published_is_refused(tree, rel, data, line):
    path = tree / "docs" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    expect(tree, [line])


@pytest.mark.parametrize(("name", "limit"), [("a.png", 2_000_000), ("a.pdf", 10_000_000),
                                             ("a.svg", 1_000_000)])
def test_a_file_over_its_size_limit_is_refused(tree, name, limit):
    path = tree / "docs" / name
    path.write_bytes(b"%PDF-" if name.endswith("pdf") else PNG)
    os.truncate(path, 50_000_000)  # a 50 MB file, written sparse
    expect(tree, [f"docs/{name}: the file is too large (50,000,000 bytes) (expected at most "
                  f"{limit:,} bytes for this type; make the file smaller)"])


def outside_folder(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("mật khẩu bí mật", encoding="utf-8")
    (outside / "secret.vi.md").write_text(page(""), encoding="utf-8")
    return outside


def test_symbolic_links_are_refused_anywhere(tree, tmp_path):
    outside = outside_folder(tmp_path)
    docs = tree / "docs"
    (docs / "tai-lieu").symlink_to(outside)
    (docs / "huong-dan" / "mat.vi.md").symlink_to(outside / "secret.vi.md")
    (docs / ".an").symlink_to(outside)
    (docs / "vong").symlink_to(docs)  # a loop: never followed
    expect(tree, [f"docs/.an: {LINK}", f"docs/huong-dan/mat.vi.md: {LINK}",
                  f"docs/tai-lieu: {LINK}", f"docs/vong: {LINK}"])


def test_a_named_pipe_is_refused_and_never_read(tree):
    os.mkfifo(tree / "docs" / "ong.vi.md")  # reading it would wait forever
    expect(tree, ["docs/ong.vi.md: this is not a regular file (expected a file saved in "
                  "docs/)"])


def test_make_site_refuses_a_linked_folder_and_publishes_nothing(tree, tmp_path):
    (tree / "docs" / "tai-lieu").symlink_to(outside_folder(tmp_path))
    (tree / "docs" / "x.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    result = run_build(tree / "mkdocs.yml", tree / "site", args=["--lang", "en"])
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"docs/tai-lieu: {LINK}",
        f"docs/x.html: a file of type .html cannot be published from docs/ ({ALLOWED})",
        "2 problems found; nothing was built."]
    assert not (tree / "site").exists()
    leftovers = [p for p in tree.rglob("*") if p.name in ("secret.txt", "x.html")]
    assert [p.relative_to(tree).as_posix() for p in leftovers] == ["docs/x.html"]


# -- menu titles and site names in mkdocs.yml are plain text (issue 14) -----------------------

PLAIN_TEXT = "HTML or script is not allowed in a text field (expected plain text)"


@pytest.mark.parametrize(("old", "new", "line"), [
    ("  - Trang đầu: index.md", '  - "Trang đầu</title><script>alert(1)</script>": index.md',
     f"mkdocs.yml:33: nav: {PLAIN_TEXT}"),
    ("site_name: Trang thử nghiệm", 'site_name: "Thử <img src=x onerror=alert(1)>"',
     f"mkdocs.yml:3: site_name: {PLAIN_TEXT}"),
    ("        site_name: Test site", '        site_name: "<svg onload=alert(1)>"',
     f"mkdocs.yml:25: plugins/i18n/languages/1/site_name: {PLAIN_TEXT}"),
    ("          Trang đầu: Start", '          Trang đầu: "javascript:alert(1)"',
     f"mkdocs.yml:27: plugins/i18n/languages/1/nav_translations: {PLAIN_TEXT}"),
])
def test_markup_in_a_menu_title_or_site_name_is_refused(tree, capsys, old, new, line):
    config = tree / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new), encoding="utf-8")
    assert check_content.main([str(tree), "--lang", "en"]) == 1
    assert capsys.readouterr().err.splitlines() == [line, "1 problem found; nothing was built."]
    assert check_content.main([str(tree), "--lang", "vi"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == line.split(": ", 1)[0] + ": " + (
        line.split(": ")[1] + ": không được viết HTML hay mã script trong trường chữ (cần chữ "
        "thuần, không có HTML hay mã script)")
    result = run_build(config, tree / "site", args=["--lang", "en"])
    assert result.returncode == 1 and result.stderr.splitlines()[0] == line
    assert not (tree / "site").exists()


def test_a_symbolic_link_in_content_is_refused(tree, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yml").write_text("- id: bi-mat\n", encoding="utf-8")
    (tree / "content" / "sources" / "ngoai.yml").symlink_to(outside / "secret.yml")
    (tree / "content" / "ngoai").symlink_to(outside)
    problems = caught(tree)
    expected = "a symbolic link is not allowed in content/ (expected the file or folder itself, "
    assert [str(p) for p in problems if "symbolic" in str(p.problem)] == [
        f"content/ngoai: {expected}copied into content/)",
        f"content/sources/ngoai.yml: {expected}copied into content/)"]
    check_vietnamese(problems)
    assert ContentError(problems).report("vi").splitlines()[0].startswith(
        "content/ngoai: không được đặt lối tắt (symbolic link) trong content/")


def test_a_long_word_in_an_attribute_list_is_read_to_its_end(tree):
    """markup_check.ATTR_ITEM was quadratic on a long word (1.2 s for 10 KB, minutes for this)."""
    (tree / "docs" / "x.vi.md").write_text(
        page("", "Chữ\n{: " + "x" * 150_000 + " onclick=alert(1) }\n"), encoding="utf-8")
    found = [str(p) for p in caught(tree) if p.file == "docs/x.vi.md"]
    assert found == [
        "docs/x.vi.md:9: {:}: the attribute onclick is not allowed (expected plain Markdown: "
        "text, lists, tables, links to pages or https:// addresses)"]
