"""Content can never run code, redirect readers or load from another host (issue 14, "escape").

Our XSS corpus (tests/xss_corpus.py) goes through every entry point: a page's Markdown (the
content check refuses it with file:line; the sanitiser is the second line), front matter, an
edition's name and description, menu titles and their translations, ui.yml strings, contact and
agency text. The built pages are opened in Chromium WITHOUT any CSP, from a loopback server, so
the templates are the defence, not a header.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import make_tree, run_build, serve
from hotro.checks.checks import MARKUP as TEXT_FIELD_MARKUP
from hotro.checks.link_check import EXTENSIONS
from hotro.checks.validated import load_content
from hotro.model.problems import ContentError
from hotro.render.html_sanitize import sanitize
from hotro.render.jsonld import directory_jsonld
from xss_corpus import VECTORS, groups

PAGE = "docs/danh-ba.vi.md"
MARKUP = [(name, text) for name, text, markup in VECTORS if markup]
TEXT_ONLY = [text for _, text, markup in VECTORS if not markup]
# what the check of plain-text fields (front matter, contacts, agencies) lets through
PASSES_TEXT_CHECK = [text for _, text, _ in VECTORS if not TEXT_FIELD_MARKUP.search(text)]
IDS = [name for name, _, _ in VECTORS]
NEVER_ELEMENTS = {"script", "iframe", "frame", "object", "embed", "base", "meta", "link",
                  "style", "form", "button", "input", "svg", "math", "video", "audio", "source",
                  "marquee", "body", "textarea", "x"}
NEVER_ATTRS = {"style", "srcset", "poster", "ping", "formaction", "action", "background",
               "xlink:href", "srcdoc", "data"}
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
RESERVED = re.compile(r"(__|md-|quick-exit|site-search|embed-|auto-height)")  # the theme's ids


def convert(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text)


class _Dangers(HTMLParser):
    """What in a piece of HTML could run, navigate or load: read by the standard library's
    parser, not by the tokenizer the sanitiser uses."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in NEVER_ELEMENTS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            value = value or ""
            # as a browser reads an address: controls and spaces around it, tabs and newlines in it
            address = re.sub(r"[\t\n\r]", "", value.strip("\x00\x01\x02\x03\x04\x05\x06\x07"
                             "\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a"
                             "\x1b\x1c\x1d\x1e\x1f ")).lower()
            scheme = re.match(r"([a-z][a-z0-9+.-]*):", address)
            if name.startswith("on") or (name in NEVER_ATTRS and value != "text-align: left;"):
                self.found.append(f"<{tag} {name}>")
            elif name in ("href", "src", "cite") and scheme and scheme[1] not in SAFE_SCHEMES:
                self.found.append(f"<{tag} {name}={value!r}>")
            elif name == "src" and (scheme or address.startswith(("//", "\\", "/\\"))):
                self.found.append(f"<{tag} src={value!r}>")
            elif name in ("id", "class") and RESERVED.match(value):
                self.found.append(f"<{tag} {name}={value!r}>")


def dangers(html: str) -> list[str]:
    parser = _Dangers()
    parser.feed(html)
    parser.close()
    return parser.found


# -- the sanitiser: the second line of defence ------------------------------------------------

@pytest.mark.parametrize("text", [text for _, text, _ in VECTORS], ids=IDS)
def test_nothing_of_a_vector_survives_the_sanitiser(text):
    html = convert(text)
    assert dangers(sanitize(html)) == []


def test_the_corpus_is_dangerous_without_the_sanitiser():
    """The corpus means something: Markdown alone lets most of it through."""
    dangerous = [name for name, text, _ in VECTORS if dangers(convert(text))]
    assert len(dangerous) >= 50, dangerous


def test_the_sanitiser_keeps_what_markdown_makes():
    text = ("# Gọi 111 {: #goi-111 .noi-bat }\n\nGọi [111](tel:111) hoặc xem [trang](../a/) và "
            "[Bộ](https://bocongan.gov.vn/ \"Bộ Công an\").\n\n| A | B |\n|:--|--|\n| 1 | *2* |\n\n"
            "!!! note \"Lưu ý\"\n    Văn bản & \"trích dẫn\".\n\n![Bản đồ](ban-do.png)\n")
    html = convert(text)
    assert sanitize(html) == html


def test_only_our_placeholders_stay_as_comments():
    html = "<p>a</p><!-- ho-tro-block abc 0 --><!-- ho-tro-block 000 0 --><p>b</p>"
    assert sanitize(html, {"<!-- ho-tro-block abc 0 -->"}) == (
        "<p>a</p><!-- ho-tro-block abc 0 --><p>b</p>")


def test_sanitiser_output_for_the_issue_s_examples():
    cases = {
        'Text\n{: onmouseover="alert(1)" }': "<p>Text</p>",
        'x\n{: style="position:fixed;top:0" }': "<p>x</p>",
        "<svg\nonload=alert(1)>\n\nafter": "<p>",  # an svg never closed takes the rest
        '<a href="https://example.org/" ping="https://t.example/">a</a>':
            '<p><a href="https://example.org/">a</a></p>',
        '<video poster="https://t.example/p.png"></video>': "",
        '<button formaction="javascript:alert(1)">b</button>': "<p>b</p>",
        '<p style="background:url(https://t.example/)">t</p>': "<p>t</p>",
    }
    for text, expected in cases.items():
        assert sanitize(convert(text)).strip() == expected, text


# -- the content check: the first line ----------------------------------------------------------

def _page_with(tree: Path, text: str) -> int:
    """Put `text` at the end of the page's Markdown; the line it starts on."""
    page = tree / PAGE
    before = page.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    page.write_text(before + text + "\n", encoding="utf-8")
    return before.count("\n") + 1


@pytest.mark.parametrize(("name", "text"), MARKUP, ids=[name for name, _ in MARKUP])
def test_make_check_refuses_each_vector_in_a_page(tree, name, text):
    line = _page_with(tree, text)
    with pytest.raises(ContentError) as caught:
        load_content(tree)
    lines = range(line, line + text.count("\n") + 1)
    assert [p for p in caught.value.problems if p.file == PAGE and p.line in lines], (
        caught.value.report())


def test_markup_in_an_edition_name_is_refused(tree):
    edition = tree / "content" / "editions" / "thu.yml"
    text = edition.read_text(encoding="utf-8")
    edition.write_text(text.replace("name: {vi: Trang thử nghiệm,",
                                    "name: {vi: \"Sở Y tế</title><script>alert('x')</script>\","),
                       encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(tree)
    assert caught.value.report().split("\n") == [
        "content/editions/thu.yml:4: thu/name: HTML or script is not allowed in a text field "
        "(expected plain text)", "1 problem found; nothing was built."]


def test_markup_in_an_interface_text_is_refused(tree):
    ui = tree / "content" / "ui.yml"
    text = ui.read_text(encoding="utf-8")
    ui.write_text(text.replace('contact.call: {vi: "Gọi",', 'contact.call: {vi: "<b>Gọi</b>",'),
                  encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(tree)
    line = text[:text.index("contact.call:")].count("\n") + 1
    assert caught.value.report().split("\n") == [
        f"content/ui.yml:{line}: contact.call: HTML or script is not allowed in a text field "
        "(expected plain text)", "1 problem found; nothing was built."]


def test_interface_texts_are_escaped_by_the_data_templates(tree):
    """The second line for ui.yml: the templates escape what the check would refuse."""
    from hotro.render.render import quick_exit

    content = load_content(tree)
    content.ui["quick_exit.label"] = {"vi": "</a><script>alert(1)</script>", "en": "x"}
    content.ui["quick_exit.hint"] = {"vi": '" onmouseover="alert(2)', "en": "x"}
    html = quick_exit(content, "vi", "https://www.google.com.vn/", None)
    handlers = [found for found in dangers(html) if " on" in found or "<script" in found]
    assert handlers == [] and "<script>" not in html
    assert "&lt;/a&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&#34; onmouseover=&#34;alert(2)" in html


@pytest.mark.parametrize("text", TEXT_ONLY)
def test_inert_vectors_are_accepted_in_a_page(tree, text):
    _page_with(tree, text)
    load_content(tree)  # no problem: text for Markdown, or a bogus comment the page drops


ISSUE_LINES = [
    ('Chữ\n{: onmouseover="alert(1)" }', "{:}: the attribute onmouseover is not allowed",
     "{:}: không được dùng thuộc tính onmouseover"),
    ('Chữ\n{: style="position:fixed;top:0" }', "{:}: the attribute style is not allowed",
     "{:}: không được dùng thuộc tính style"),
    ("<svg\nonload=alert(1)>", "<svg>: this element is not allowed in a page",
     "<svg>: không được dùng thẻ này trong trang"),
    ('<a href="/" ping="https://t.example/">a</a>', "<a>: the attribute ping is not allowed",
     "<a>: không được dùng thuộc tính ping"),
    ('<video poster="https://t.example/p.png"></video>',
     "<video>: this element is not allowed in a page",
     "<video>: không được dùng thẻ này trong trang"),
    ("![x](https://t.example/p.png)",
     "<img>: an image from another host or a data: address is not allowed",
     "<img>: không được dùng ảnh lấy từ trang web khác, hay địa chỉ data:"),
    ('<img src="https://tracker.example/p.png" alt="x">',
     "<img>: an image from another host or a data: address is not allowed",
     "<img>: không được dùng ảnh lấy từ trang web khác, hay địa chỉ data:"),
    ("Chữ {: #__config }", "{:}: the id '__config' is not allowed",
     "{:}: không được dùng mã (id) '__config', vì giao diện trang đã dùng tên này"),
]
HINT_EN = "(expected plain Markdown: text, lists, tables, links to pages or https:// addresses)"
IMAGE_EN = "(expected an image file saved in docs/, shown with ![what it shows](file.png))"
IMAGE_VI = ("(cần một tệp ảnh lưu trong thư mục docs/, chèn vào trang bằng "
            "![ảnh cho thấy gì](tep-anh.png))")
HINT_VI = ("(cần Markdown thông thường: chữ, danh sách, bảng, liên kết tới các trang hoặc tới "
           "địa chỉ https://)")


@pytest.mark.parametrize(("text", "english", "vietnamese"), ISSUE_LINES,
                         ids=[e for _, e, _ in ISSUE_LINES])
def test_the_issue_s_holes_get_a_clear_line_in_both_languages(tree, text, english, vietnamese):
    line = _page_with(tree, text) + text[:max(text.find("{:"), 0)].count("\n")  # the {: } line
    with pytest.raises(ContentError) as caught:
        load_content(tree)
    image = english.startswith("<img>")
    assert caught.value.report().split("\n") == [
        f"{PAGE}:{line}: {english} {IMAGE_EN if image else HINT_EN}",
        "1 problem found; nothing was built."]
    assert caught.value.report("vi").split("\n")[0] == (
        f"{PAGE}:{line}: {vietnamese} {IMAGE_VI if image else HINT_VI}")


def test_the_new_messages_read_in_vietnamese(tree):
    from helpers import check_vietnamese

    _page_with(tree, "\n\n".join(text for _, text in MARKUP))
    with pytest.raises(ContentError) as caught:
        load_content(tree)
    problems = [p for p in caught.value.problems if p.file == PAGE]
    assert len(problems) > 60
    check_vietnamese(problems)


def test_markup_in_a_page_description_is_refused(tree):
    page = tree / PAGE
    refused = [text for _, text, _ in VECTORS if text not in PASSES_TEXT_CHECK]
    assert len(refused) > 70
    for text in refused:
        page.write_text(re.sub(r"(?m)^description: .*$", lambda _, t=text: "description: " +
                               json.dumps(t), page.read_text(encoding="utf-8"), count=1),
                        encoding="utf-8")
        with pytest.raises(ContentError) as caught:
            load_content(tree)
        assert caught.value.report().split("\n")[0] == (
            f"{PAGE}:2: description: HTML or script is not allowed in a text field "
            "(expected plain text)"), text


def test_the_real_pages_pass_the_allowlist():
    from hotro.checks.markup_check import markup_problems

    content = load_content(Path(__file__).resolve().parent.parent)
    assert [str(p) for page in content.pages.values() for p in markup_problems(page)] == []


# -- JSON-LD ---------------------------------------------------------------------------------

def test_json_ld_cannot_be_closed_or_commented_by_a_name(tree):
    content = load_content(tree)
    contact = next(iter(content.published_contacts()))
    contact.data["name"] = {"vi": "</script><script>alert(1)</script><!--",
                            "en": "</SCRIPT ><!-- -->"}
    block = directory_jsonld(content, [contact], "vi", "https://thu-nghiem.example.org/")
    inner = block.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in inner and ">" not in inner
    assert json.loads(inner)["@graph"][1]["contactPoint"][0]["name"] == (
        "</script><script>alert(1)</script><!--")


# -- in Chromium, without any CSP: nothing runs, navigates or loads from another host ----------

DOM_FINDINGS = """() => {
  const found = [];
  const urlAttrs = ["href", "src", "action", "formaction", "xlink:href", "data", "poster",
                    "srcset", "ping", "background", "cite"];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\\t\\n\\r]/g, "").trim().toLowerCase();
      if (name.startsWith("on")) found.push(el.tagName + " " + name);
      if (name === "http-equiv") found.push(el.tagName + " http-equiv");
      if (urlAttrs.includes(name) && /^(javascript|vbscript|data):/.test(value))
        found.push(el.tagName + " " + name + "=" + value);
    }
  }
  for (const script of document.scripts) {
    if (script.src && new URL(script.src).host !== location.host) found.push(script.src);
  }
  return found;
}"""
# Inline scripts other than data (application/json, application/ld+json): the theme's own are
# compared with those of a build without the corpus.
INLINE_SCRIPTS = """() => [...document.scripts].filter(s => !s.src &&
  !["application/json", "application/ld+json"].includes(s.type)).map(s => s.textContent.trim())"""
SCRIPT = re.compile(r"<script(?: [^>]*)?>(.*?)</script>", re.S)


def known_scripts(site: Path) -> set[str]:
    """Every inline script in the pages of a site built from content without the corpus."""
    return {match.group(1).strip() for path in site.rglob("*.html")
            for match in SCRIPT.finditer(path.read_text(encoding="utf-8"))}


def visit(browser, url: str) -> dict:
    """Open `url`; what ran (dialogs), went elsewhere (requests, navigation) or is in the DOM."""
    page = browser.new_page()
    dialogs: list[str] = []
    requests: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    origin = re.match(r"https?://[^/]+", url)[0]
    seen = {"dialogs": dialogs, "other hosts": [r for r in requests if not r.startswith(origin)],
            "url": page.url, "dom": page.evaluate(DOM_FINDINGS), "title": page.title(),
            "inline scripts": page.evaluate(INLINE_SCRIPTS),
            "text": page.evaluate("document.body.innerText")}
    page.close()
    return seen


def assert_inert(seen: dict, url: str, ours: set[str] = frozenset()) -> None:
    assert [s for s in seen["inline scripts"] if s not in ours] == [], url
    assert seen["dialogs"] == [], url
    assert seen["other hosts"] == [], url
    assert seen["url"] == url, "the page navigated away"
    assert seen["dom"] == [], url


@pytest.mark.browser
def test_the_sanitised_corpus_is_inert_in_chromium(browser, tmp_path):
    sections = "\n".join(f'<section id="v{i}">{sanitize(convert(text))}</section>'
                         for i, (_, text, _) in enumerate(VECTORS))
    (tmp_path / "index.html").write_text(
        f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>XSS</title></head>'
        f"<body>{sections}</body></html>", encoding="utf-8")
    base, stop = serve(tmp_path)
    try:
        seen = visit(browser, base + "/")
    finally:
        stop()
    assert_inert(seen, base + "/")


@pytest.mark.browser
def test_the_unsanitised_corpus_is_not_inert_in_chromium(browser, tmp_path):
    """The check above can fail: the same page without the sanitiser runs the corpus."""
    sections = "\n".join(convert(text) for _, text, _ in VECTORS)
    (tmp_path / "index.html").write_text(f"<!doctype html><title>XSS</title>{sections}",
                                         encoding="utf-8")
    base, stop = serve(tmp_path)
    try:
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(base + "/", wait_until="domcontentloaded")
        found = page.evaluate(DOM_FINDINGS)
        page.close()
    finally:
        stop()
    assert dialogs and len(found) > 20


def _with_corpus(tree: Path) -> None:
    """Put the corpus into every entry point of the fixture tree that is not a page's Markdown:
    what the content check lets through (menu titles and their translations in mkdocs.yml,
    editions, ui.yml, contacts, agencies, front matter): the templates must keep it inert."""
    group = groups(PASSES_TEXT_CHECK)
    inert = " ".join(PASSES_TEXT_CHECK).replace("\n", " ")  # where the content check reads
    edition = tree / "content" / "editions" / "thu.yml"
    data = yaml.safe_load(edition.read_text(encoding="utf-8"))
    data["name"] = {"vi": "Trang thử " + inert, "en": "Test " + inert}
    data["description"] = {"vi": inert, "en": "Test " + inert}
    edition.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    config_file = tree / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    english = config["plugins"]["i18n"]["languages"][1]
    english["nav_translations"] = {}
    for i, item in enumerate(config["nav"]):
        (title, target), = item.items()
        config["nav"][i] = {f"{title} {group[i % 4]}": target}
        english["nav_translations"][f"{title} {group[i % 4]}"] = f"Menu {group[(i + 1) % 4]}"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    ui_file = tree / "content" / "ui.yml"
    ui = yaml.safe_load(ui_file.read_text(encoding="utf-8"))
    for key, text in ui.items():
        ui[key] = {lang: f"{value} {inert}" for lang, value in text.items()}
    ui_file.write_text(yaml.safe_dump(ui, allow_unicode=True), encoding="utf-8")
    # fields the content check reads as plain text: what it lets through must be inert
    for rel, where in (("content/contacts.yml", "name"), ("content/contacts.yml", "description"),
                       ("content/agencies.yml", "name")):
        records = yaml.safe_load((tree / rel).read_text(encoding="utf-8"))
        records[0][where] = {lang: f"{text} {inert}" for lang, text in records[0][where].items()}
        (tree / rel).write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")
    for rel in ("docs/danh-ba.vi.md", "docs/index.en.md"):
        page = tree / rel
        text = re.sub(r"(?m)^description: .*$", lambda _: "description: " + json.dumps(
            inert, ensure_ascii=False) + "\ntitle: " + json.dumps("Tiêu đề " + inert,
                                                                ensure_ascii=False),
            page.read_text(encoding="utf-8"), count=1)
        page.write_text(text, encoding="utf-8")


BUILT_PAGES = ["/", "/danh-ba/", "/huong-dan/chua-dich/", "/en/", "/en/danh-ba/", "/404.html",
               "/en/404.html", "/embed/duong-day-nong/", "/embed/lien-he/"]


@pytest.mark.browser
def test_the_corpus_in_every_other_entry_point_is_inert_in_chromium(browser, tmp_path,
                                                                    fixture_site):
    tree = make_tree(tmp_path / "tree")
    _with_corpus(tree)
    result = run_build(tree / "mkdocs.yml", tree / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    base, stop = serve(tree / "site" / "thu")
    try:
        seen = {path: visit(browser, base + path) for path in BUILT_PAGES}
    finally:
        stop()
    ours = known_scripts(fixture_site)
    for path, found in seen.items():
        assert_inert(found, base + path, ours)
    # shown as text, not dropped: the edition's name is the home page's title; menu titles
    inert = " ".join(PASSES_TEXT_CHECK).replace("\n", " ")
    assert seen["/"]["title"] == " ".join(f"Trang thử {inert}".split())  # spaces collapsed
    assert seen["/danh-ba/"]["title"] == " ".join(f"Tiêu đề {inert} - Trang thử {inert}".split())
    shown = groups(PASSES_TEXT_CHECK)  # the first menu entry's title and its translation
    assert " ".join(shown[0].split()) in " ".join(seen["/"]["text"].split())
    assert " ".join(shown[1].split()) in " ".join(seen["/en/"]["text"].split())
    # the feed is XML: the name comes back as written
    feed = ElementTree.parse(tree / "site" / "thu" / "feed.xml").getroot()
    assert feed.find("{http://www.w3.org/2005/Atom}title").text == f"Trang thử {inert}"


# -- addresses and colours from configuration -----------------------------------------------

@pytest.mark.parametrize("address", ["javascript:alert(1)", " JaVaScRiPt:alert(1)",
                                     "java\tscript:alert(1)", "data:text/html,x", "vbscript:x",
                                     "//evil.example/", ""])
def test_the_quick_exit_leaves_for_a_web_address_only(tree, address):
    from hotro.render.render import quick_exit

    html = quick_exit(load_content(tree), "vi", address, None)
    assert 'href="about:blank"' in html and "alert" not in html


def test_the_quick_exit_keeps_an_https_address(tree):
    from hotro.render.render import quick_exit

    html = quick_exit(load_content(tree), "vi", "https://www.google.com.vn/?q=a&b", None)
    assert 'href="https://www.google.com.vn/?q=a&amp;b"' in html


def test_edition_colours_reach_css_only_as_hex():
    from hotro.outputs.edition_style import embed_css, site_css

    bad = {"primary": "#fff}body{background:url(https://t.example/p.png)}", "accent": "red;x"}
    assert "url(" not in site_css(bad) + embed_css(bad)
    assert site_css({"primary": "#1f5e3b"}).count("#1f5e3b") == 4


# -- property: whatever the HTML, the sanitiser's output is inert and stable ------------------

PIECES = st.sampled_from([
    "<", ">", "/", "=", '"', "'", " ", "\n", "\t", "&", "#", ";", "-", "!", "?", "[", "]", "{",
    ":", "a", "p", "img", "svg", "script", "style", "on", "onerror", "href", "src", "style",
    "javascript", "data", "x", "<!--", "-->", "</", "&#106;", "&colon;", "&quot;", "\x00",
    "<![CDATA[", "]]>", "title", "textarea", "id", "__config", "class", "md-", "srcset"])


@given(st.lists(PIECES, max_size=60).map("".join))
@settings(max_examples=300, deadline=None)
def test_any_markup_comes_out_inert_and_stable(text):
    clean = sanitize(text)
    assert dangers(clean) == []
    assert sanitize(clean) == clean
