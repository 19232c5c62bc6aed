"""What the tests share: the repository's places, builds in fresh processes, a loopback server,
reading built pages as a reader's browser would, and the loader's messages for broken content.

Test modules import from here (and pytest's fixtures come from conftest.py); no test module
imports another test module.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from hotro.checks.validated import load_content
from hotro.deploy import nginx_run
from hotro.editors import cms
from hotro.model.problems import ContentError
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


def edit(tree: Path, rel: str, old: str, new: str) -> None:
    """Replace the first `old` in one file of a tree by `new` (it must be there)."""
    path = tree / rel
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


def problems_of(tree: Path) -> list[str]:
    """The loader's messages for a content tree that must be rejected."""
    with pytest.raises(ContentError) as caught:
        load_content(tree)
    return [str(p) for p in caught.value.problems]


def problems_after(tree: Path, rel: str, old: str, new: str) -> list[str]:
    """Change one file of the tree (replace `old` by `new`) and return the loader's messages."""
    edit(tree, rel, old, new)
    return problems_of(tree)
