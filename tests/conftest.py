"""Shared fixtures: real builds in fresh processes, fixture content trees, loopback servers, the
browser. Constants and functions the tests share are in helpers.py."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from helpers import CHROMIUM_ARGS, JOINT, PORTALS, REPO, make_tree, run_build, serve
from hotro.deploy.nginx_run import serve_with_nginx
from hotro_bench.bench_pages import CHROMIUM  # one place for browser settings

os.environ["NO_MKDOCS_2_WARNING"] = "1"
os.environ["MESSAGES"] = "en"  # the commands speak Vietnamese by default; tests ask for it


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
def plain_build(tmp_path_factory) -> tuple[Path, str]:
    """The joint edition of the real content built plainly: every speed-up off (HOTRO_PLAIN=1),
    both languages in one MkDocs process (--jobs 1). The one reference the equivalence tests
    compare the fast builds with: (the edition's site, the build's --timings lines)."""
    site = tmp_path_factory.mktemp("plain") / "site"
    result = run_build(REPO / "mkdocs.yml", site, env={"HOTRO_PLAIN": "1"},
                       args=["--edition", JOINT, "--jobs", "1", "--timings"])
    assert result.returncode == 0, result.stderr
    return site / JOINT, result.stdout


@pytest.fixture(scope="session")
def plain_site(plain_build) -> Path:
    """The joint edition built with every speed-up off (see plain_build)."""
    return plain_build[0]


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


@pytest.fixture(scope="session")
def real_site_url(real_site):
    base, stop = serve(real_site)
    yield base
    stop()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright (never a downloaded browser)."""
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


@pytest.fixture(scope="session")
def nginx_url(real_site, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("nginx")
    site = tmp / "site"
    shutil.copytree(real_site, site)
    with serve_with_nginx(site, tmp, PORTALS) as url:
        yield url
