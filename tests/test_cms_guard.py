"""The web editor's backend (issue 14, part "cms"): decap-server behind cms_guard.py accepts
writes only to content paths, only from the editor page's origin, with this session's key, and
only when the content loader accepts the result; everything else is refused, named and logged."""

from __future__ import annotations

import base64
import http.client
import json
import os
import shutil
import stat
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from helpers import (
    FIXTURE,
    REPO,
    check_vietnamese,
    english_left,
    free_port,
    require_installed,
    serve,
)
from hotro.editors import cms, cms_guard
from hotro.editors.cms_rules import Malformed, Refused, check_request
from hotro.model.messages import msg, text

PLAIN = ("is not a plain path inside the repository (expected a relative path such as "
         "docs/gioi-thieu/index.vi.md: letters, digits, '-', '_' and '.', folders separated by "
         "'/', no '..')")
NOT_EDITABLE = ("the web editor may not change this file (expected a page docs/<name>.vi.md or "
                "docs/<name>.en.md, a data file content/<name>.yml (not content/schemas/), or an "
                "image or PDF in docs/assets/)")
NOT_READABLE = "the web editor may not read this file (expected a file under content/ or docs/)"
LINKED = "goes through a symbolic link (expected a real file or folder, not a link)"
NOT_MEDIA = ("its content is not the image or PDF its name says (expected a PNG, JPEG, WebP or "
             "PDF file of at most 5,000,000 bytes)")
MOVED = "the web editor does not rename or move files (expected the file saved where it is)"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(32)
ORIGINAL = "# the original file\n"


@pytest.fixture
def repo(tmp_path) -> Path:
    """The fixture content with files the editor must never touch, all real (no symlink to this
    repository's scripts/, so a guard that let a write through could not damage it)."""
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE, root)
    shutil.copy(REPO / "content" / "ui.yml", root / "content" / "ui.yml")
    for rel in ("scripts/hooks.py", ".git/hooks/pre-commit", "Makefile.rt", ".env",
                "content/schemas/contact.schema.json"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(ORIGINAL, encoding="utf-8")
    (tmp_path / "outside").mkdir()
    (root / "docs" / "linked").symlink_to(tmp_path / "outside")
    return root


def refused(root: Path, action: str, params: dict) -> list[str]:
    with pytest.raises(Refused) as caught:
        check_request(root, action, params)
    return [str(p) for p in caught.value.problems]


def entry(path: str, raw: str = "x", **more) -> dict:
    return {"branch": "main", "dataFiles": [{"slug": "x", "path": path, "raw": raw, **more}],
            "assets": [], "options": {"commitMessage": "m", "useWorkflow": False,
                                      "status": "draft"}}


# ---- The path rules ---------------------------------------------------------------------------

@pytest.mark.parametrize(("path", "expected"), [
    ("scripts/hooks.py", f"scripts/hooks.py: {NOT_EDITABLE}"),
    ("Makefile.rt", f"Makefile.rt: {NOT_EDITABLE}"),
    (".git/hooks/pre-commit", f"'.git/hooks/pre-commit': {PLAIN}"),
    ("../outside/page.vi.md", f"'../outside/page.vi.md': {PLAIN}"),
    ("docs/../scripts/hooks.vi.md", f"'docs/../scripts/hooks.vi.md': {PLAIN}"),
    ("/etc/cron.d/x.yml", f"'/etc/cron.d/x.yml': {PLAIN}"),
    ("content%2F..%2Fscripts%2Fhooks.yml", f"'content%2F..%2Fscripts%2Fhooks.yml': {PLAIN}"),
    ("docs\\..\\scripts\\x.vi.md", f"'docs\\\\..\\\\scripts\\\\x.vi.md': {PLAIN}"),
    ("content//contacts.yml", f"'content//contacts.yml': {PLAIN}"),
    ("content/contacts.yml\x00.md", f"'content/contacts.yml\\x00.md': {PLAIN}"),
    ("content/schemas/contact.schema.json", f"content/schemas/contact.schema.json: {NOT_EDITABLE}"),
    ("content/schemas/x.yml", f"content/schemas/x.yml: {NOT_EDITABLE}"),
    ("docs/page.html", f"docs/page.html: {NOT_EDITABLE}"),
    ("docs/page.md", f"docs/page.md: {NOT_EDITABLE}"),
    ("content/contacts.yaml", f"content/contacts.yaml: {NOT_EDITABLE}"),
    ("docs/linked/page.vi.md", f"docs/linked/page.vi.md: {LINKED}"),
])
def test_writes_outside_pages_and_data_are_refused(repo, path, expected):
    assert refused(repo, "persistEntry", entry(path)) == [expected]
    assert refused(repo, "deleteFile", {"path": path}) == [expected]


@pytest.mark.parametrize("path", ["content/contacts.yml", "content/sources/nguon.yml",
                                  "docs/index.vi.md", "docs/huong-dan/trang-moi.en.md"])
def test_pages_and_data_files_may_be_written(repo, path):
    assert check_request(repo, "persistEntry", entry(path, "é")) == {path: "é".encode()}


def test_every_path_of_a_request_is_checked_and_renames_are_refused(repo):
    params = entry("docs/index.vi.md", newPath="docs/moi.vi.md")
    params["dataFiles"].append({"slug": "x", "path": "scripts/hooks.py", "raw": "x"})
    params["assets"] = [{"path": "docs/assets/a.png", "content": "aGk=", "encoding": "base64"}]
    assert refused(repo, "persistEntry", params) == [
        f"docs/assets/a.png: {NOT_MEDIA}", f"docs/index.vi.md: {MOVED}",
        f"scripts/hooks.py: {NOT_EDITABLE}"]
    assert refused(repo, "deleteFiles", {"paths": ["docs/index.en.md", "Makefile.rt"]}) == [
        f"Makefile.rt: {NOT_EDITABLE}"]


@pytest.mark.parametrize(("path", "data", "expected"), [
    ("docs/assets/logo.png", PNG, None),
    ("docs/assets/tai-lieu.pdf", b"%PDF-1.7\n", None),
    ("docs/assets/logo.png", b"<html><script>alert(1)</script>",
     f"docs/assets/logo.png: {NOT_MEDIA}"),
    ("docs/assets/logo.svg", b"<svg onload='alert(1)'/>", f"docs/assets/logo.svg: {NOT_EDITABLE}"),
    ("docs/assets/page.html", b"<script></script>", f"docs/assets/page.html: {NOT_EDITABLE}"),
    ("docs/logo.png", PNG, f"docs/logo.png: {NOT_EDITABLE}"),
    ("scripts/logo.png", PNG, f"scripts/logo.png: {NOT_EDITABLE}"),
    (".build/cms/media/logo.png", PNG, f".build/cms/media/logo.png: {NOT_EDITABLE}"),  # Decap's
    (".build/cms/media/../../../scripts/x.png", PNG,
     f"'.build/cms/media/../../../scripts/x.png': {PLAIN}"),
])
def test_media_are_images_and_pdfs_in_docs_assets(repo, path, data, expected):
    params = {"asset": {"path": path, "content": base64.b64encode(data).decode(),
                        "encoding": "base64"}}
    if expected is None:
        assert check_request(repo, "persistMedia", params) == {path: data}
    else:
        assert refused(repo, "persistMedia", params) == [expected]


@pytest.mark.parametrize(("action", "params", "expected"), [
    ("getEntry", {"path": ".env"}, f"'.env': {PLAIN}"),
    ("getEntry", {"path": "Makefile.rt"}, f"Makefile.rt: {NOT_READABLE}"),
    ("getEntry", {"path": "../outside/x"}, f"'../outside/x': {PLAIN}"),
    ("entriesByFolder", {"folder": "scripts", "extension": "py", "depth": 1},
     f"scripts: {NOT_READABLE}"),
    ("entriesByFiles", {"files": [{"path": "docs/index.vi.md"}, {"path": "scripts/hooks.py"}]},
     f"scripts/hooks.py: {NOT_READABLE}"),
    ("getMediaFile", {"path": "docs/linked/secret.txt"}, f"docs/linked/secret.txt: {LINKED}"),
])
def test_reads_stay_in_content_and_docs(repo, action, params, expected):
    assert refused(repo, action, params) == [expected]


@pytest.mark.parametrize(("action", "params"), [
    ("getEntry", {"path": "content/contacts.yml"}),
    ("entriesByFolder", {"folder": "docs", "extension": "md", "depth": 2}),
    ("getMedia", {"mediaFolder": ".build/cms/media"}), ("info", None)])
def test_reads_the_editor_makes_are_allowed(repo, action, params):
    assert check_request(repo, action, params) == {}


@pytest.mark.parametrize(("action", "params"), [
    ("persistEntry", {"dataFiles": [{"path": "docs/index.vi.md"}], "assets": []}),  # no raw
    ("persistEntry", {"dataFiles": [{"path": ["docs/index.vi.md"], "raw": "x"}], "assets": []}),
    ("persistMedia", {"asset": {"path": "docs/assets/a.png", "content": "iVBO R w0=",
                                "encoding": "base64"}}),  # Node would read it, differently
    ("deleteFiles", {"paths": "content/contacts.yml"}), ("getEntry", None)])
def test_requests_not_shaped_as_decaps_are_refused(repo, action, params):
    with pytest.raises(Malformed):
        check_request(repo, action, params)


# ---- The real decap-server behind the guard ---------------------------------------------------

class Backend:
    def __init__(self, url: str, origin: str):
        self.url, self.origin = url, origin
        parts = urlsplit(url)
        self.host, self.port, self.path = parts.hostname, parts.port, parts.path

    def post(self, body: dict | bytes, origin: str | None = "editor", path: str | None = None,
             method: str = "POST", headers: dict | None = None) -> tuple[int, dict, dict]:
        """(status, JSON answer, headers) for a request as a browser page would send it."""
        sent = {"Content-Type": "application/json", **(headers or {})}
        if origin is not None:
            sent["Origin"] = self.origin if origin == "editor" else origin
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            connection.request(method, path or self.path, data, sent)
            response = connection.getresponse()
            answer = response.read()
            return response.status, json.loads(answer) if answer else {}, dict(response.headers)
        finally:
            connection.close()

    def persist(self, rel: str, raw: str, **kwargs) -> tuple[int, dict, dict]:
        return self.post({"action": "persistEntry", "params": entry(rel, raw)}, **kwargs)


@pytest.fixture
def backend(repo):
    require_installed()
    origin = f"http://127.0.0.1:{free_port()}"
    with cms.local_backend(repo, free_port(), origin) as url:
        yield Backend(url, origin)


def error_lines(answer: dict) -> tuple[list[str], list[str]]:
    """The Vietnamese lines, then the English ones, of a refusal."""
    vi, en = answer["error"].split("\n\n")
    return vi.split("\n"), en.split("\n")


PATHS_REFUSED = "Refused: the web editor may not touch these files; nothing was saved:"


@pytest.mark.parametrize(("path", "problem"), [
    ("scripts/hooks.py", f"scripts/hooks.py: {NOT_EDITABLE}"),
    (".git/hooks/pre-commit", f"'.git/hooks/pre-commit': {PLAIN}"),
    ("Makefile.rt", f"Makefile.rt: {NOT_EDITABLE}"),
    ("../outside/page.vi.md", f"'../outside/page.vi.md': {PLAIN}"),
    ("content/schemas/contact.schema.json", f"content/schemas/contact.schema.json: {NOT_EDITABLE}"),
])
def test_writes_outside_content_are_refused_named_and_logged(backend, repo, capfd, path, problem):
    capfd.readouterr()
    status, answer, headers = backend.persist(path, "fetch('https://evil.example/')")
    assert status == 403
    vi, en = error_lines(answer)
    assert en == [PATHS_REFUSED, problem]
    assert vi[0] == ("Đã từ chối: trình biên tập trên web không được động đến các tệp sau; chưa "
                     "lưu gì:")
    assert vi[1].startswith(problem.split(": ")[0] + ": ") and english_left(vi[1]) == []
    assert headers["Access-Control-Allow-Origin"] == backend.origin  # Decap can show it
    target = (repo / path).resolve()
    assert not target.exists() or target.read_text(encoding="utf-8") == ORIGINAL
    assert not (repo.parent / "outside" / "page.vi.md").exists()
    log = capfd.readouterr().err.splitlines()
    assert log == [f"cms guard: 403 POST persistEntry from '{backend.origin}': {PATHS_REFUSED} | "
                   f"{problem}"]


def test_only_the_editor_page_with_this_sessions_key_is_served(backend, repo, capfd):
    path = repo / "content" / "contacts.yml"
    before = path.read_text(encoding="utf-8")
    raw = before + "# changed\n"
    editor = backend.origin
    wrong_host = {"Host": f"localhost:{backend.port}"}
    key_line = ("Refused: the address does not carry this session's key; open the editor at the "
                "address `make cms` printed")
    cases = [
        ({"origin": "http://127.0.0.1:8000"}, "Refused: the request comes from "
         f"'http://127.0.0.1:8000', not from the web editor's page {editor}"),
        ({"origin": "http://localhost:" + editor.rsplit(":", 1)[1]}, "Refused: the request comes "
         f"from 'http://localhost:{editor.rsplit(':', 1)[1]}', not from the web editor's page "
         f"{editor}"),
        ({"origin": "null"}, f"Refused: the request comes from 'null', not from the web editor's "
         f"page {editor}"),
        ({"origin": None}, "Refused: the request does not say where it comes from (no Origin "
         f"header); only the web editor's page {editor} may use it"),
        ({"path": "/api/v1"}, key_line),
        ({"path": backend.path[:-1]}, key_line),
        ({"path": backend.path + "/x"}, key_line),
        ({"headers": wrong_host}, f"Refused: the request is addressed to 'localhost:"
         f"{backend.port}', not to 127.0.0.1:{backend.port}"),
    ]
    in_vietnamese = [
        text("cms.from-elsewhere", "vi", origin="'http://127.0.0.1:8000'", editor=editor),
        text("cms.from-elsewhere", "vi", origin=f"'http://localhost:{editor.rsplit(':', 1)[1]}'",
             editor=editor),
        text("cms.from-elsewhere", "vi", origin="'null'", editor=editor),
        text("cms.no-origin", "vi", editor=editor), *[text("cms.no-key", "vi")] * 3,
        text("cms.wrong-host", "vi", host=f"'localhost:{backend.port}'",
             expected=f"127.0.0.1:{backend.port}")]
    for (how, line), vi in zip(cases, in_vietnamese, strict=True):
        status, answer, headers = backend.persist("content/contacts.yml", raw, **how)
        assert status == 403, how
        assert error_lines(answer)[1] == [line]
        assert error_lines(answer)[0] == [vi]
        assert ("Access-Control-Allow-Origin" in headers) == (how.get("origin", "") == ""), how
    assert path.read_text(encoding="utf-8") == before
    assert len(capfd.readouterr().err.splitlines()) == len(cases)  # one line each


def test_preflight_is_answered_for_the_editor_page_only(backend):
    ask = {"Access-Control-Request-Method": "POST",
           "Access-Control-Request-Headers": "content-type"}
    status, _, headers = backend.post(b"", method="OPTIONS", headers=ask)
    assert status == 204
    assert headers["Access-Control-Allow-Origin"] == backend.origin
    assert headers["Access-Control-Allow-Methods"] == "POST"
    status, _, headers = backend.post(b"", origin="http://127.0.0.1:8000", method="OPTIONS",
                                      headers=ask)
    assert status == 403 and "Access-Control-Allow-Origin" not in headers


def test_other_methods_actions_and_bodies_are_refused(backend):
    not_json = ("Refused: not a request of the web editor (a JSON POST of at most 20,000,000 "
                "bytes)")
    not_json_vi = text("cms.not-json", "vi", size=20_000_000)
    assert backend.post(b"", method="GET")[:2] == (403, {"error": f"{not_json_vi}"
                                                         f"\n\n{not_json}"})
    assert backend.post(b"{not json")[0] == 403
    assert backend.post(b'{"action": "info"}', headers={"Content-Type": "text/plain"})[0] == 403
    status, answer, _ = backend.post({"action": "publishUnpublishedEntry", "params": {}})
    assert (status, error_lines(answer)[1]) == (
        403, ["Refused: the web editor does not use the action 'publishUnpublishedEntry'"])
    status, answer, _ = backend.post({"action": "getEntry", "params": {"path": ".env"}})
    assert (status, error_lines(answer)[1]) == (403, [PATHS_REFUSED, f"'.env': {PLAIN}"])


def test_a_valid_edit_from_the_editor_is_written(backend, repo):
    path = repo / "content" / "contacts.yml"
    raw = path.read_text(encoding="utf-8").replace("A number for testing the site.",
                                                   "A number to test the site with.")
    status, answer, headers = backend.persist("content/contacts.yml", raw)
    assert (status, answer) == (200, {"message": "entry persisted"})
    assert headers["Access-Control-Allow-Origin"] == backend.origin
    assert path.read_text(encoding="utf-8") == raw
    status, answer, _ = backend.post({"action": "getEntry", "params": {
        "branch": "main", "path": "content/contacts.yml"}})
    assert (status, answer["data"]) == (200, raw)


def test_an_edit_that_makes_the_content_invalid_is_refused_with_the_loaders_message(backend,
                                                                                     repo):
    path = repo / "content" / "contacts.yml"
    before = path.read_text(encoding="utf-8")
    status, answer, _ = backend.persist("content/contacts.yml",
                                        before.replace('"0912 345 678"', '"0912 345"'))
    assert status == 422
    vi, en = error_lines(answer)
    assert en == [
        "Refused: with this change the content would be invalid; nothing was saved:",
        "content/contacts.yml:6: duong-day-thu/number: '0912 345' is not a valid phone number "
        "(expected a Vietnamese short code such as 111, or a full number such as +84 981 84 84 84)"]
    assert vi == [
        "Đã từ chối: với thay đổi này nội dung sẽ không hợp lệ; chưa lưu gì:",
        "content/contacts.yml:6: duong-day-thu/number: '0912 345' không phải là một số điện "
        "thoại hợp lệ (cần một số ngắn của Việt Nam như 111, hoặc một số đầy đủ như +84 981 84 84 "
        "84)"]
    assert path.read_text(encoding="utf-8") == before


def test_an_image_is_written_to_docs_assets_and_nothing_else(backend, repo):
    media = {"path": "docs/assets/logo.png", "content": base64.b64encode(PNG).decode(),
             "encoding": "base64"}
    params = {"branch": "main", "asset": media, "options": {"commitMessage": "m"}}
    assert backend.post({"action": "persistMedia", "params": params})[0] == 200
    assert (repo / "docs" / "assets" / "logo.png").read_bytes() == PNG
    params["asset"] = {**media, "path": "docs/assets/x.svg"}
    assert backend.post({"action": "persistMedia", "params": params})[0] == 403
    assert not (repo / "docs" / "assets" / "x.svg").exists()


# ---- Messages ---------------------------------------------------------------------------------

def test_refusals_read_in_vietnamese(repo):
    problems = []
    for action, params in [
            ("persistEntry", entry("scripts/hooks.py")), ("persistEntry", entry("../x.vi.md")),
            ("persistEntry", entry("docs/linked/a.vi.md")), ("getEntry", {"path": "Makefile"}),
            ("persistEntry", entry("docs/index.vi.md", newPath="docs/b.vi.md")),
            ("persistMedia", {"asset": {"path": "docs/assets/a.png", "content": "aGk=",
                                        "encoding": "base64"}})]:
        with pytest.raises(Refused) as caught:
            check_request(repo, action, params)
        problems += caught.value.problems
    check_vietnamese(problems)
    lines = [msg("cms.from-elsewhere", origin="'http://127.0.0.1:8000'",
                 editor="http://127.0.0.1:8090"),
             msg("cms.no-origin", editor="http://127.0.0.1:8090"),
             msg("cms.wrong-host", host="'evil.example:8081'", expected="127.0.0.1:8081"),
             cms_guard.NO_KEY, cms_guard.NOT_JSON, cms_guard.BAD_PATHS, cms_guard.BAD_CONTENT,
             msg("cms.unknown-action", action="'x'"),
             msg("cms.bad-fields", action="persistEntry")]
    for line in lines:
        vi = line.text("vi")
        assert vi.startswith("Đã từ chối: ") and english_left(vi) == [], vi
    assert cms_guard.NOT_JSON.text("vi").endswith("tối đa 20.000.000 byte)")


# ---- The editor page's server, and an attacker's page in Chromium ----------------------------

def get(port: int, path: str, host: str | None = None) -> tuple[int, dict]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": host or f"127.0.0.1:{port}"})
        response = connection.getresponse()
        response.read()
        return response.status, dict(response.headers)
    finally:
        connection.close()


@pytest.fixture
def editor_page(tmp_path):
    """cms.py's web server for a stand-in editor page whose config names the backend."""
    (tmp_path / "www" / "admin").mkdir(parents=True)
    (tmp_path / "www" / "admin" / "index.html").write_text("<!doctype html><title>x</title>")
    httpd = cms.editor_server(tmp_path / "www", 0, "http://127.0.0.1:8081/api/v1/key")
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield tmp_path / "www", httpd.server_address
    httpd.shutdown()
    httpd.server_close()


def test_the_editor_page_is_served_to_this_machine_only_in_no_frame(editor_page):
    _, (address, port) = editor_page
    assert address == "127.0.0.1"
    status, headers = get(port, "/admin/")
    assert status == 200
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cross-Origin-Resource-Policy"] == "same-origin"
    csp = headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'none'" in csp
    assert "connect-src 'self' http://127.0.0.1:8081;" in csp  # the guard, nothing else
    for host in (f"localhost:{port}", f"evil.example:{port}", "127.0.0.1"):  # DNS rebinding
        assert get(port, "/admin/", host)[0] == 403, host


@pytest.mark.browser
def test_a_page_on_another_local_port_can_neither_read_the_key_nor_write(browser, backend, repo,
                                                                        tmp_path):
    """What `make serve` (or any page on 127.0.0.1) could try: read the editor's config for the
    key, or write scripts/hooks.py with the key; Chromium refuses both, the file stays."""
    www = tmp_path / "editor"
    (www / "admin").mkdir(parents=True)
    (www / "admin" / "config.yml").write_text(f"backend: {{proxy_url: {backend.url}}}\n")
    editor = cms.editor_server(www, int(backend.origin.rsplit(":", 1)[1]), backend.url)
    threading.Thread(target=editor.serve_forever, daemon=True).start()
    (tmp_path / "evil").mkdir()
    (tmp_path / "evil" / "index.html").write_text("<!doctype html><title>evil</title>")
    evil_url, stop = serve(tmp_path / "evil")
    page = browser.new_page()
    try:
        page.goto(f"{evil_url}/index.html")
        found = page.evaluate("""async ([config, api, body]) => {
            const attempt = async (url, init) => {
              try { const r = await fetch(url, init); return `${r.status} ${await r.text()}`; }
              catch (e) { return 'blocked'; } };
            return [await attempt(config),
                    await attempt(api, {method: 'POST', body,
                                        headers: {'Content-Type': 'application/json'}}),
                    await attempt(api, {method: 'POST', body, mode: 'no-cors'})];
          }""", [f"{backend.origin}/admin/config.yml", backend.url,
                 json.dumps({"action": "persistEntry", "params": entry("scripts/hooks.py",
                                                                        "fetch('x')")})])
    finally:
        page.close()
        stop()
        editor.shutdown()
        editor.server_close()
    assert found == ["blocked", "blocked", "0 "]  # no-cors: sent as text/plain, opaque
    assert (repo / "scripts" / "hooks.py").read_text(encoding="utf-8") == ORIGINAL


def test_a_refusal_is_one_line_in_the_log_whatever_the_request_says(backend, capfd):
    capfd.readouterr()
    status, answer, _ = backend.post({"action": "x\ncms guard: 200 OK", "params": {}})
    assert status == 403
    assert error_lines(answer)[1] == [
        "Refused: the web editor does not use the action 'x\\ncms guard: 200 OK'"]
    assert capfd.readouterr().err.splitlines() == [
        f"cms guard: 403 POST 'x\\ncms guard: 200 OK' from '{backend.origin}': Refused: the web "
        "editor does not use the action 'x\\ncms guard: 200 OK'"]


def _children_running(word: str) -> list[Path]:
    """/proc folders of this process's child processes whose command line has `word`."""
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            parent = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, IndexError, ValueError):
            continue
        if parent == os.getpid() and word in command:
            found.append(proc)
    return found


def _listening(table: str) -> dict[str, str]:
    """Socket inode: address (tcp: hex address:port; unix: path) of listening sockets."""
    found = {}
    for row in Path(f"/proc/net/{table}").read_text().splitlines()[1:]:
        cols = row.split()
        if table.startswith("tcp") and cols[3] == "0A":  # LISTEN
            found[cols[9]] = cols[1]
        elif table == "unix" and cols[5] == "01" and len(cols) > 7:  # listening, with a path
            found[cols[6]] = cols[7]
    return found


def test_decap_server_listens_on_no_tcp_port_only_on_a_private_socket(backend):
    (decap,) = _children_running("decap-server")
    sockets = {os.readlink(fd)[8:-1] for fd in (decap / "fd").iterdir()
               if os.readlink(fd).startswith("socket:[")}
    tcp = {**_listening("tcp"), **_listening("tcp6")}
    assert sockets.isdisjoint(tcp)  # no TCP port at all, not even on loopback
    (path,) = [p for inode, p in _listening("unix").items() if inode in sockets]
    assert stat.S_IMODE(os.stat(Path(path).parent).st_mode) == 0o700  # this user only
