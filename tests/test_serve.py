"""`make serve EDITION=<id> LANG=vi|en`: the preview an editor keeps open while writing.

A real `mkdocs serve` on a free loopback port, run on a copy of the fixture tree: the page
shows the edition, only the chosen language is built, and a save (of a page under docs/ or
of the data under content/) is on the page after the reload.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import REPO
from helpers import html_lang, tel_links, visible_text

START_TIMEOUT = 60  # the first build, before the server answers
RELOAD_TIMEOUT = 30  # from a save to the new text on the page
NEW_SENTENCE = "Trang này được sửa khi đang xem thử."  # "This page was edited during the preview."
OLD_DESCRIPTION = "Số dùng để thử trang."
NEW_DESCRIPTION = "Số dùng để thử bản xem trước."


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str, timeout: float = 70) -> tuple[int, str]:
    """(status, body); status 0 while nothing answers. The timeout outlasts a livereload poll."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


@dataclass
class Preview:
    tree: Path
    base: str  # http://127.0.0.1:<port>
    server: subprocess.Popen
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def page(self, path: str) -> str:
        status, html = get(self.base + path)
        assert status == 200, f"GET {path}: {status}\n{self.output()}"
        return html

    def wait_for(self, path: str, text: str, timeout: float = RELOAD_TIMEOUT) -> str:
        """The page at `path` once its visible text has `text` (as after the browser reloads)."""
        deadline = time.monotonic() + timeout
        while True:
            assert self.server.poll() is None, f"the preview stopped:\n{self.output()}"
            status, html = get(self.base + path)
            if status == 200 and text in visible_text(html):
                return html
            if time.monotonic() > deadline:
                pytest.fail(f"{text!r} not on {path} within {timeout} s after the save "
                            f"(last answer {status})\n{self.output()}")
            time.sleep(0.2)


def start(tree: Path, log: Path, *args: str) -> tuple[str, subprocess.Popen]:
    """`make serve` on `tree`, in its own process group, answering on a free port."""
    port = free_port()
    tmp = log.parent / "tmp"  # mkdocs serve builds into a temporary folder: keep it here
    tmp.mkdir(exist_ok=True)
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "hotro.editors.serve", "--root", str(tree),
             "--addr", f"127.0.0.1:{port}", *args],
            cwd=tree, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
            env={**os.environ, "TMPDIR": str(tmp), "PYTHONUNBUFFERED": "1"},
            start_new_session=True)
    return f"http://127.0.0.1:{port}", server


def stop(server: subprocess.Popen) -> None:
    """Ctrl+C to the server's process group (mkdocs serve then removes its folder), else kill."""
    if server.poll() is not None:
        return
    for sig, wait in ((signal.SIGINT, 15), (signal.SIGTERM, 5), (signal.SIGKILL, 5)):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            return
        try:
            server.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def wait_until_up(base: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the preview stopped (exit code {server.returncode}):\n"
                        f"{log.read_text(encoding='utf-8', errors='replace')}")
        if get(base + "/", timeout=5)[0] == 200:
            return
        time.sleep(0.2)
    pytest.fail(f"nothing answered on {base}/ within {START_TIMEOUT} s:\n"
                f"{log.read_text(encoding='utf-8', errors='replace')}")


@pytest.fixture
def preview(tree, tmp_path) -> Iterator[Preview]:
    """`make serve EDITION=thu LANG=vi` on a copy of the fixture tree; stopped afterwards."""
    log = tmp_path / "serve.log"
    base, server = start(tree, log, "--edition", "thu", "--lang", "vi")
    try:
        wait_until_up(base, server, log)
        yield Preview(tree, base, server, log)
    finally:
        stop(server)
    assert server.returncode is not None
    assert not list((tmp_path / "tmp").glob("mkdocs_*")), "mkdocs serve left its build folder"


def edit(tree: Path, rel: str, old: str, new: str) -> None:
    path = tree / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def reload_epoch(html: str) -> tuple[int, int]:
    """The (epoch, request id) the page's livereload script polls the server with."""
    match = re.search(r"livereload\((\d+), (\d+)\);", html)
    assert match, "the served page has no livereload script: it would not reload after a save"
    return int(match[1]), int(match[2])


def wait_for_reload_signal(preview: Preview, html: str) -> None:
    """What the open page's script waits for: the server answering with a newer build."""
    epoch, request = reload_epoch(html)
    status, body = get(f"{preview.base}/livereload/{epoch}/{request}")
    assert status == 200, preview.output()
    assert int(body) > epoch, f"no rebuild after the save\n{preview.output()}"


def test_preview_shows_the_edition_in_vietnamese_only(preview):
    html = preview.page("/")
    text = visible_text(html)
    assert html_lang(html) == "vi"
    assert "Trang đầu" in text
    assert "Xem số điện thoại và hướng dẫn" in text
    assert "Trang thử nghiệm" in text  # the edition's name
    assert "+84912345678" in tel_links(html)  # the call button of the edition's first contact
    reload_epoch(html)
    status, _ = get(preview.base + "/en/")
    assert status == 404  # LANG=vi builds Vietnamese only
    assert get(preview.base + "/en/danh-ba/")[0] == 404


def test_saving_a_page_reloads_it(preview):
    html = preview.page("/")
    assert NEW_SENTENCE not in visible_text(html)
    edit(preview.tree, "docs/index.vi.md", "(huong-dan/chua-dich.md#buoc-mot).",
         f"(huong-dan/chua-dich.md#buoc-mot).\n\n{NEW_SENTENCE}\n")
    wait_for_reload_signal(preview, html)
    new = preview.wait_for("/", NEW_SENTENCE)
    assert "Xem số điện thoại và hướng dẫn" in visible_text(new)


def test_saving_the_contacts_reloads_the_directory(preview):
    html = preview.page("/danh-ba/")
    assert OLD_DESCRIPTION in visible_text(html)
    edit(preview.tree, "content/contacts.yml", f"description: {{vi: {OLD_DESCRIPTION},",
         f"description: {{vi: {NEW_DESCRIPTION},")
    wait_for_reload_signal(preview, html)
    new = visible_text(preview.wait_for("/danh-ba/", NEW_DESCRIPTION))
    assert OLD_DESCRIPTION not in new
    assert "Đường dây thử nghiệm" in new


def test_unknown_edition_is_a_one_line_message(tree):
    result = subprocess.run(
        [sys.executable, "-m", "hotro.editors.serve", "--root", str(tree),
         "--edition", "khong-co", "--lang", "vi", "--addr", f"127.0.0.1:{free_port()}"],
        cwd=tree, capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 1
    assert result.stderr == ("content/editions/khong-co.yml: there is no edition 'khong-co' "
                             "(expected one of: thu)\n")
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tree / ".build").exists()  # no config written, no server started


def test_make_serve_passes_the_edition_and_the_language():
    dry = subprocess.run(["make", "-n", "serve", "EDITION=thu", "LANG=vi"], cwd=REPO,
                         capture_output=True, text=True, check=True).stdout
    assert "-m hotro.editors.serve --edition thu --lang vi" in dry
    everything = subprocess.run(["make", "-n", "serve"], cwd=REPO, capture_output=True,
                                text=True, check=True,
                                env={**os.environ, "LANG": "C.UTF-8"}).stdout
    # the locale in LANG is not a language to build: both are built
    assert re.search(r"-m hotro\.editors\.serve\s*$", everything, re.M), everything


EXTRA_PAGE = """---
description: Một trang thêm vào khi đang xem thử.
reviewed: 2026-01-15
review_by: 2026-07-15
sources: [nguon-thu]
embeddable: true
---

# Trang tạm thời

Trang này sẽ được đổi tên.
"""


def search_urls(preview: Preview) -> set[str]:
    status, body = get(preview.base + "/search.json")
    assert status == 200, preview.output()
    return {page["url"] for page in json.loads(body)["pages"]}


def test_a_renamed_page_leaves_the_search_index_and_the_embeds(tree, tmp_path):
    """The plugin's state is made afresh for each build: after a rename the old page is gone
    from what on_post_build writes (search index, embeds), not only from the pages."""
    (tree / "docs" / "tam-thoi.vi.md").write_text(EXTRA_PAGE, encoding="utf-8")
    log = tmp_path / "serve.log"
    base, server = start(tree, log, "--edition", "thu", "--lang", "vi")
    try:
        wait_until_up(base, server, log)
        preview = Preview(tree, base, server, log)
        assert "tam-thoi/" in search_urls(preview)
        assert "Trang tạm thời" in visible_text(preview.page("/embed/trang/tam-thoi/"))
        html = preview.page("/")
        (tree / "docs" / "tam-thoi.vi.md").rename(tree / "docs" / "doi-ten.vi.md")
        wait_for_reload_signal(preview, html)
        deadline = time.monotonic() + RELOAD_TIMEOUT
        while "doi-ten/" not in search_urls(preview):
            assert time.monotonic() < deadline, preview.output()
            time.sleep(0.2)
        assert "tam-thoi/" not in search_urls(preview)
        assert get(base + "/embed/trang/tam-thoi/")[0] == 404
        assert "Trang tạm thời" in visible_text(preview.page("/embed/trang/doi-ten/"))
        assert get(base + "/tam-thoi/")[0] == 404
    finally:
        stop(server)
