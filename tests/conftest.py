"""Shared fixtures: real builds in fresh processes, fixture content trees, a loopback server."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from hotro.deploy.nginx_run import serve_with_nginx
from hotro_bench.bench_pages import CHROMIUM, HOSTS_RULE  # one place for browser settings

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "site-min"
REAL_SITE_URL = "https://ho-tro.example.gov.vn/"
FIXTURE_SITE_URL = "https://thu-nghiem.example.org/trang/"
os.environ["NO_MKDOCS_2_WARNING"] = "1"
os.environ["MESSAGES"] = "en"  # the commands speak Vietnamese by default; tests ask for it


def run_build(config: Path, site_dir: Path, env: dict | None = None,
              args: list[str] | None = None) -> subprocess.CompletedProcess:
    """`scripts/build_site.py` in its own process, as `make site` runs it."""
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


JOINT = "tinh-ca-mau"  # the joint edition: the other editions name its pages as canonical


@pytest.fixture(scope="session")
def all_editions(tmp_path_factory) -> Path:
    """`make site` of the real content: every edition under site/<id>/."""
    site = tmp_path_factory.mktemp("real") / "site"
    result = run_build(REPO / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def real_site(all_editions) -> Path:
    """The joint edition, as its readers get it."""
    return all_editions / JOINT


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    tree = make_tree(tmp_path_factory.mktemp("fixture") / "tree")
    site = tree / "site"
    result = run_build(tree / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site / "thu"


@pytest.fixture
def tree(tmp_path) -> Path:
    return make_tree(tmp_path / "tree")


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


@pytest.fixture(scope="session")
def real_site_url(real_site):
    base, stop = serve(real_site)
    yield base
    stop()


CHROMIUM_ARGS = [HOSTS_RULE]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test`, which installs it")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def fixture_site_url(fixture_site):
    base, stop = serve(fixture_site)
    yield base
    stop()


PORTALS = "https://soyte.example.gov.vn https://congan.example.gov.vn"


@pytest.fixture(scope="session")
def nginx_url(real_site, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("nginx")
    site = tmp / "site"
    shutil.copytree(real_site, site)
    with serve_with_nginx(site, tmp, PORTALS) as url:
        yield url
