"""What the tests share: the repository's places, builds in fresh processes, a loopback server,
reading built pages as a reader's browser would, the loader's messages for broken content, and
the check that a Problem reads in Vietnamese.

Test modules import from here (and pytest's fixtures come from conftest.py); no test module
imports another test module.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from hotro.checks.validated import load_content
from hotro.deploy import nginx_run
from hotro.editors import cms
from hotro.model import paths
from hotro.model.messages import Message
from hotro.model.problems import ContentError, Problem
from hotro_bench.bench_pages import HOSTS_RULE

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "site-min"
REAL_SITE_URL = "https://ho-tro.example.gov.vn/"
FIXTURE_SITE_URL = "https://thu-nghiem.example.org/trang/"
JOINT = "tinh-ca-mau"  # the joint edition: the other editions name its pages as canonical
PORTALS = "https://soyte.example.gov.vn https://congan.example.gov.vn"
CHROMIUM_ARGS = [HOSTS_RULE]
SITE_CHECK_BASE = "https://agency.example.gov.vn/ho-tro/"  # of the site check tests' sites
free_port = nginx_run.free_port  # a free port on loopback: the product's own way


# -- builds ------------------------------------------------------------------------------------

def run_build(config: Path, site_dir: Path, env: dict | None = None,
              args: list[str] | None = None) -> subprocess.CompletedProcess:
    """The build command in its own process, as `make site` runs it."""
    return subprocess.run(
        [sys.executable, "-m", "hotro.build.build_site", "--config", str(config),
         "--site-dir", str(site_dir), *(args or [])],
        capture_output=True, text=True, check=False, env={**os.environ, **(env or {})},
        timeout=600)


def make_tree(dest: Path) -> Path:
    """A copy of the fixture content tree that a test may change, wired to this generator."""
    shutil.copytree(FIXTURE, dest)
    (dest / "overrides").symlink_to(REPO / "overrides")
    (dest / "scripts").symlink_to(REPO / "scripts")
    shutil.copy(REPO / "content" / "ui.yml", dest / "content" / "ui.yml")
    return dest


def copy_real_tree(dest: Path) -> Path:
    """A copy of this repository's content, docs and mkdocs.yml that a test may change, wired to
    this generator."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("content", "docs"):
        shutil.copytree(REPO / name, dest / name)
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    for name in ("overrides", "scripts"):
        (dest / name).symlink_to(REPO / name)
    return dest


def edit(tree: Path, rel: str, old: str | None, new: str) -> None:
    """Replace the first `old` in one file of a tree by `new` (it must be there); with `old`
    None, write `new` as a new file."""
    path = tree / rel
    if old is None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(new, encoding="utf-8")
        return
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def digest(site: Path) -> dict[str, str]:
    """Every file of a built site (its path under the site) and the SHA-256 of its bytes."""
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def write_page(site: Path, rel: str, body: str) -> None:
    """A minimal built page `rel` of a site, with `body` in its <body>."""
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'<html lang="vi"><body>{body}</body></html>', encoding="utf-8")


# -- servers and the web editor ----------------------------------------------------------------

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    """A real HTTP server on loopback serving `directory`; returns (base_url, stop)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()

    def stop():
        httpd.shutdown()
        httpd.server_close()

    return f"http://127.0.0.1:{httpd.server_address[1]}", stop


def require_installed() -> None:
    """Never skipped: without Decap the test fails and says how to install it."""
    try:
        cms.require_installed()
    except FileNotFoundError as err:
        pytest.fail(str(err))


def table_size(test_file: str, name: str) -> int:
    """How many entries the list `name` of a test file has, read from its source: a test module
    never imports another."""
    tree = ast.parse((REPO / "tests" / test_file).read_text(encoding="utf-8"))
    (table,) = [node.value for node in tree.body if isinstance(node, ast.Assign)
                and any(getattr(target, "id", None) == name for target in node.targets)]
    return len(table.elts)


# -- schemas -----------------------------------------------------------------------------------

def properties(schema: dict, path: str = "") -> Iterator[tuple[str, dict]]:
    """(path, property schema) for every property of a JSON Schema, in definitions too."""
    for name, definition in schema.get("$defs", {}).items():
        yield from properties(definition, f"{path}$defs/{name}/")
    for name, prop in schema.get("properties", {}).items():
        yield f"{path}properties/{name}", prop
        yield from properties(prop, f"{path}properties/{name}/")


# -- built pages -------------------------------------------------------------------------------

class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts))


def html_lang(html: str) -> str:
    match = re.search(r'<html lang="([^"]+)"', html)
    return match.group(1) if match else ""


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def tel_links(html: str) -> list[str]:
    return re.findall(r'href="tel:([^"]+)"', html)


# One built page of each kind the templates make, by its address under the joint edition's
# root. The browser tests open these; static tests read every built page, and test_browser.py
# proves that these pages show every element, class, script and stylesheet any page has.
PAGE_KINDS = {
    "home": "", "call buttons in a page": "bao-tin/", "officials' steps": "can-bo/",
    "a note": "can-giup-ngay/", "a tip": "nan-nhan/", "checklist": "nguoi-co-nguy-co/",
    "policy list": "chinh-sach/", "policy in force": "chinh-sach/luat-53-2024-qh15/",
    "superseded policy": "chinh-sach/luat-66-2011-qh12/",
    "historical policy": "chinh-sach/nghi-dinh-62-2012-nd-cp/", "directory": "duong-day-nong/",
    "embeds and open data": "gioi-thieu/nhung-va-du-lieu/", "search": "tim-kiem/",
    "not found": "404.html", "embedded directory": "embed/duong-day-nong/",
    "embedded contacts": "embed/lien-he/", "embedded page": "embed/trang/bao-tin/",
    "English home": "en/", "English policy": "en/chinh-sach/luat-53-2024-qh15/",
    "English directory": "en/duong-day-nong/", "English search": "en/tim-kiem/",
    "English not found": "en/404.html", "English embedded page": "en/embed/trang/bao-tin/",
}
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    within: tuple[Element, ...]  # the elements it is in, outermost first

    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def shown(self) -> bool:
        """Not hidden by an attribute, its own or an outer element's."""
        return not any("hidden" in e.attrs or e.attrs.get("aria-hidden") == "true"
                       for e in (*self.within, self))


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[Element] = []
        self.found: list[Element] = []

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs}, tuple(self.open))
        self.found.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.found.append(Element(tag, {n: v or "" for n, v in attrs}, tuple(self.open)))

    def handle_endtag(self, tag):
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i].tag == tag:
                del self.open[i:]
                return


def which_number_block(html: str) -> tuple[str, list[tuple[str, list[str]]]]:
    """The data:which-number block of a built page: its visible text, and each situation's id
    with the numbers its call buttons dial, in order. ("", []) when the page has none."""
    start = html.find('<section class="which-number"')
    if start == -1:
        return "", []
    block = html[start:html.index("</section>", start)]
    items = re.findall(r'<li class="which-number__situation which-number__situation--([a-z-]+)">'
                       r'(.*?)</li>', block, re.S)
    return visible_text(block), [(sid, tel_links(item)) for sid, item in items]


def elements(html: str) -> list[Element]:
    """Every element of a page in document order, read with the standard library's parser."""
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.found


def built_pages(site: Path) -> dict[str, str]:
    """Every page of a built site: its address under the site's root (as in PAGE_KINDS) and
    its HTML."""
    return {path.relative_to(site).as_posix().removesuffix("index.html"):
            path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html"))}


def page_parts(address: str, html: str) -> set[str]:
    """What a page is made of for its look and behaviour: its elements, its classes, and the
    scripts and stylesheets it loads (by their address under the site's root)."""
    parts = set()
    for element in elements(html):
        parts.add(f"<{element.tag}>")
        parts.update(f".{name}" for name in element.classes())
        loads = element.attrs.get("src") if element.tag == "script" else (
            element.attrs.get("href") if "stylesheet" in element.attrs.get("rel", "") else None)
        if loads:
            parts.add(f"{element.tag} {urljoin('/' + address, loads)}")
    return parts


def problems_of(tree: Path) -> list[str]:
    """The loader's messages for a content tree that must be rejected."""
    with pytest.raises(ContentError) as caught:
        load_content(tree)
    return [str(p) for p in caught.value.problems]


def problems_after(tree: Path, rel: str, old: str, new: str) -> list[str]:
    """Change one file of the tree (replace `old` by `new`) and return the loader's messages."""
    edit(tree, rel, old, new)
    return problems_of(tree)


def loader_problems(tree: Path, edits: list[tuple[str, str, str]]) -> list[Problem]:
    """Change files of the tree (replace old by new) and return the loader's Problems."""
    for rel, old, new in edits:
        path = tree / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"test setup: {old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(tree)
    return caught.value.problems


def check_command(tree: Path, lang: str) -> subprocess.CompletedProcess:
    """`make check` of a content tree, its messages in `lang`."""
    return subprocess.run([sys.executable, "-m", "hotro.editors.check_content", str(tree),
                           "--lang", lang], capture_output=True, text=True, check=False,
                          timeout=300)


# -- Vietnamese -----------------------------------------------------------------------------------

STOP_WORDS = ("expected", "missing", "is not", "unknown", "the ", "should")
# A Python repr of a text, as messages quote values ('x', "it's"), or one cut short ('abc...').
QUOTED = r"""(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|['"].*?\.\.\.')"""


def _enum_values() -> set[str]:
    """Values editors type (free, unknown …): they stay English in a Vietnamese message."""
    found: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, dict):
            found.update(str(v) for v in node.get("enum", []))
            for key, value in node.items():
                if key != "examples":
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in paths.SCHEMAS.glob("*.schema.json"):
        walk(json.loads(path.read_text(encoding="utf-8")))
    return found


ENUM_VALUES = _enum_values()


def english_left(text: str) -> list[str]:
    """Stop words left in a Vietnamese text, once quoted values and typed values are removed."""
    text = re.sub(QUOTED, " ", text)
    text = re.sub(r"\S*[/.]\S*", " ", text)  # file names and addresses
    text = re.sub(r"\S+", lambda m: " " if m[0].strip(",.;:()") in ENUM_VALUES else m[0], text)
    lowered = f" {text.lower()} "
    return [w for w in STOP_WORDS if re.search(rf"\b{re.escape(w)}", lowered)]


def check_vietnamese(problems: list[Problem]) -> None:
    """Every problem is made of catalogue Messages, reads in Vietnamese with no English words
    left, keeps its `file:line: record/field:` start, and survives a trip through JSON."""
    assert problems
    for problem in problems:
        assert isinstance(problem.problem, Message), f"plain text, not a Message: {problem}"
        assert isinstance(problem.expected, Message) or problem.expected == "", \
            f"plain text, not a Message: {problem}"
        line = problem.text("vi")
        prefix = str(Problem(problem.file, problem.line, problem.where, ""))
        vi_problem = problem.problem.text("vi")
        vi_expected = problem.expected.text("vi") if problem.expected else ""
        expected = f" (cần {vi_expected})" if vi_expected else ""
        assert line == f"{prefix}{vi_problem}{expected}", line
        left = english_left(f"{vi_problem} {vi_expected}")
        assert left == [], f"English words {left} in: {line}"
        assert vi_problem != problem.problem.text("en"), line
        assert not vi_expected or vi_expected != problem.expected.text("en"), line
        assert Problem.from_json(json.loads(json.dumps(problem.to_json()))) == problem
