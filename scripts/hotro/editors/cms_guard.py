"""The web editor's gatekeeper (issue 14, part "cms"): the only way to decap-server.

decap-server writes any file of the repository for any page on this machine, so `make cms`
starts it on a unix socket only this user can open (cms_socket.cjs) and puts this proxy on the
backend port the editor page uses. It forwards a request only when

- it is a POST addressed to 127.0.0.1:<port>, from the editor page's origin exactly
  (http://127.0.0.1:<editor port>), at /api/v1/<token>, the key made for this session and
  written only into the editor page's config;
- its action is one the editor uses, and every path in it is one the editor may touch
  (cms_rules.py: pages in docs/, data files in content/, images and PDFs in docs/assets/);
- for a write, the content loader accepts the content with the change (on a copy).

Everything else gets 403 (422 for invalid content) and a JSON {"error": …} in Vietnamese, then
English, which Decap shows; and one line on the terminal of `make cms`, in the MESSAGES
language. Every refusal is a catalogue message (content/messages.yml, cms.*).
"""

from __future__ import annotations

import hmac
import http.client
import http.server
import json
import socket
import sys
import threading
from pathlib import Path
from typing import ClassVar

from hotro.editors import cms_rules
from hotro.model.messages import Message, language, msg, text
from hotro.model.problems import Problem

MAX_BODY = 20_000_000
API = "/api/v1/"
NOT_JSON = msg("cms.not-json", size=MAX_BODY)
NO_KEY = msg("cms.no-key")
BAD_PATHS = msg("cms.bad-paths")
BAD_CONTENT = msg("cms.bad-content")


class Refusal(Exception):
    """A request not forwarded: its status, its message and the problems behind it."""

    def __init__(self, status: int, line: Message, problems: list[Problem] | None = None):
        self.status, self.line, self.problems = status, line, problems or []
        super().__init__(str(line))

    def text(self, lang: str) -> str:
        return "\n".join([self.line.text(lang), *(p.text(lang) for p in self.problems)])

    def json(self) -> bytes:
        error = f"{self.text('vi')}\n\n{self.text('en')}"
        return json.dumps({"error": error}, ensure_ascii=False).encode("utf-8")


def quoted(value: str | None) -> str:
    return repr((value or "")[:200])


class UnixConnection(http.client.HTTPConnection):
    """HTTP to decap-server's unix socket."""

    def __init__(self, path: str, timeout: float = 60):
        super().__init__("localhost", timeout=timeout)
        self.socket_path = path

    def connect(self) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self.socket_path)


def forward(socket_path: str, body: dict) -> tuple[int, bytes]:
    """The request as checked (re-serialised: what was checked is what decap-server reads)."""
    connection = UnixConnection(socket_path)
    try:
        connection.request("POST", "/api/v1", json.dumps(body).encode("utf-8"),
                           {"Content-Type": "application/json"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


class GuardHandler(http.server.BaseHTTPRequestHandler):
    """Set by guard_server: the repository, decap-server's socket, the editor origin, the key."""

    repo: ClassVar[Path]
    socket_path: ClassVar[str]
    editor_origin: ClassVar[str]
    token: ClassVar[str]
    write_lock: ClassVar[threading.Lock]
    server_version = "cms-guard"
    sys_version = ""

    def log_message(self, *args) -> None:
        pass

    def send(self, status: int, body: bytes, cors: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Vary", "Origin")
        if cors:
            self.send_header("Access-Control-Allow-Origin", self.editor_origin)
        self.end_headers()
        self.wfile.write(body)

    def refuse(self, refusal: Refusal, action: str = "") -> None:
        lang = language()
        origin = (text("cms.no-origin-header", lang) if "Origin" not in self.headers
                  else quoted(self.headers["Origin"]))
        known = action in cms_rules.READ_ACTIONS | cms_rules.WRITE_ACTIONS or not action
        what = f"{self.command} {action if known else quoted(action)}".strip()
        lines = " | ".join(refusal.text(lang).split("\n"))
        lines = lines.replace("\r", "\\r").replace("\n", "\\n")  # one line, always
        line = text("cms.guard-log", lang, status=refusal.status, what=what, origin=origin,
                    lines=lines)
        print(line[:2000], file=sys.stderr, flush=True)
        self.send(refusal.status, refusal.json(), cors=self.from_editor())

    def from_editor(self) -> bool:
        return self.headers.get("Origin") == self.editor_origin

    def check_caller(self) -> None:
        """The editor page's own origin, addressed to this port, with this session's key."""
        address, port = self.server.server_address[:2]
        host, expected = self.headers.get("Host"), f"{address}:{port}"
        if host != expected:
            raise Refusal(403, msg("cms.wrong-host", host=quoted(host), expected=expected))
        if self.headers.get("Origin") is None:
            raise Refusal(403, msg("cms.no-origin", editor=self.editor_origin))
        if not self.from_editor():
            raise Refusal(403, msg("cms.from-elsewhere", origin=quoted(self.headers.get("Origin")),
                                   editor=self.editor_origin))
        key = self.path.removeprefix(API) if self.path.startswith(API) else ""
        if not hmac.compare_digest(key.encode(), self.token.encode()):
            raise Refusal(403, NO_KEY)

    def do_OPTIONS(self) -> None:
        """CORS preflight: only for the editor page, only for a POST of JSON."""
        try:
            self.check_caller()
        except Refusal as refusal:
            self.refuse(refusal)
            return
        self.send_response(204)
        for name, value in (("Access-Control-Allow-Origin", self.editor_origin),
                            ("Access-Control-Allow-Methods", "POST"),
                            ("Access-Control-Allow-Headers", "Content-Type"),
                            ("Access-Control-Max-Age", "600"), ("Vary", "Origin"),
                            ("Content-Length", "0")):
            self.send_header(name, value)
        self.end_headers()

    def do_GET(self) -> None:
        self.refuse(Refusal(403, NOT_JSON))

    do_PUT = do_DELETE = do_PATCH = do_HEAD = do_GET

    def read_body(self) -> dict:
        kind = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        try:
            size = int(self.headers.get("Content-Length", ""))
        except ValueError:
            size = -1
        if kind != "application/json" or not 0 < size <= MAX_BODY:
            raise Refusal(403, NOT_JSON)
        try:
            body = json.loads(self.rfile.read(size))
        except (ValueError, RecursionError) as err:
            raise Refusal(403, NOT_JSON) from err
        if not isinstance(body, dict) or not isinstance(body.get("action"), str):
            raise Refusal(403, NOT_JSON)
        return body

    def do_POST(self) -> None:
        action = ""
        try:
            self.check_caller()
            body = self.read_body()
            action = body["action"]
            status, answer = self.handle_action(action, body)
        except Refusal as refusal:
            self.refuse(refusal, action)
            return
        self.send(status, answer)

    def handle_action(self, action: str, body: dict) -> tuple[int, bytes]:
        if action not in cms_rules.READ_ACTIONS | cms_rules.WRITE_ACTIONS:
            raise Refusal(403, msg("cms.unknown-action", action=quoted(action)))
        try:
            changes = cms_rules.check_request(self.repo, action, body.get("params"))
        except cms_rules.Refused as refused:
            raise Refusal(403, BAD_PATHS, refused.problems) from refused
        except cms_rules.Malformed as err:
            raise Refusal(403, msg("cms.bad-fields", action=action)) from err
        if action in cms_rules.READ_ACTIONS:
            return forward(self.socket_path, body)
        with self.write_lock:  # checked and written as one step: no other write in between
            problems = cms_rules.new_problems(self.repo, changes)
            if problems:
                raise Refusal(422, BAD_CONTENT, problems)
            return forward(self.socket_path, body)


def guard_server(repo: Path, socket_path: str, editor_origin: str, token: str,
                 host: str, port: int) -> http.server.ThreadingHTTPServer:
    """The guard on host:port (port 0: any free port), not yet serving."""
    handler = type("Guard", (GuardHandler,), {
        "repo": repo, "socket_path": socket_path, "editor_origin": editor_origin,
        "token": token, "write_lock": threading.Lock()})
    server = http.server.ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server
