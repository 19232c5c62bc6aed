"""A web editor for people who don't use Git: Decap CMS on this machine (`make cms`).

    python scripts/cms.py serve [--port 8090] [--backend-port 8081]

Starts Decap's local backend (decap-server, which reads and writes the files of this folder and
commits nothing) on a unix socket only this user can open, behind a guard on 127.0.0.1:8081
(cms_guard.py: only the editor page's origin with this session's key, only pages and data files
that the content loader accepts); then writes the editor page into .build/cms/admin/ (its config
made from content/schemas/ by cms_config.py, with the guard's address and key) and serves it on
127.0.0.1 only. Nothing of the editor goes into the published site.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import http.server
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

from hotro.editors import cms_guard
from hotro.editors.cms_page import (
    INDEX_HTML,
    NODE_MODULES,
    Missing,
    build_admin,
    require_installed,
)
from hotro.model import paths
from hotro.model.command_line import Parser
from hotro.model.messages import Message, language, msg, say, text

ROOT = paths.ROOT
HOST = "127.0.0.1"
__all__ = ["NODE_MODULES", "build_admin", "editor_server", "local_backend", "main",
           "require_installed"]

class NotStarted(RuntimeError):
    """The web editor could not start; the Message says why."""

    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


@contextmanager
def local_backend(repo: Path, port: int, editor_origin: str,
                  node_modules: Path = NODE_MODULES) -> Iterator[str]:
    """decap-server for the files under `repo`, on a unix socket only this user can open, behind
    the guard (cms_guard.py) on 127.0.0.1:port; yields the guard's API address, which carries
    this session's key and is given to the editor page at `editor_origin` only."""
    require_installed(node_modules)
    with socket.socket() as probe:  # else the editor might talk to another program's server
        if probe.connect_ex((HOST, port)) == 0:
            raise NotStarted(msg("cms.port-busy", address=f"{HOST}:{port}"))
    with tempfile.TemporaryDirectory(prefix="cms-") as private:  # mode 700: this user only
        socket_path = str(Path(private) / "decap.sock")
        preload = f'--require "{Path(__file__).with_name("cms_socket.cjs")}"'
        env = {**os.environ, "DECAP_SOCKET": socket_path, "GIT_REPO_DIRECTORY": str(repo),
               "PORT": "0", "BIND_HOST": HOST,  # were the socket not taken: loopback, any port
               "NODE_OPTIONS": f"{os.environ.get('NODE_OPTIONS', '')} {preload}".strip(),
               "MODE": "fs", "LOG_LEVEL": "warn"}  # fs: writes the files, no git commit
        server = subprocess.Popen([str(node_modules / ".bin" / "decap-server")], cwd=private,
                                  env=env)
        try:
            wait_for_socket(socket_path, server)
            token = secrets.token_urlsafe(32)
            with cms_guard.guard_server(repo, socket_path, editor_origin, token, HOST,
                                        port) as guard:
                threading.Thread(target=guard.serve_forever, daemon=True).start()
                try:
                    yield f"http://{HOST}:{guard.server_address[1]}{cms_guard.API}{token}"
                finally:
                    guard.shutdown()
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def wait_for_socket(path: str, server: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise NotStarted(msg("cms.server-stopped", code=server.returncode))
        with socket.socket(socket.AF_UNIX) as probe:
            if probe.connect_ex(path) == 0:
                return
        time.sleep(0.1)
    raise NotStarted(msg("cms.server-silent", path=path, seconds=round(timeout)))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """The editor page, to this machine's browser only: addressed to 127.0.0.1:<port> (not a
    name that could be made to point here), in no frame, readable by no other origin."""

    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".yml": "text/yaml", ".js": "text/javascript", ".wasm": "application/wasm"}
    csp: ClassVar[str] = ""

    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        for name, value in editor_headers(self.csp):
            self.send_header(name, value)
        super().end_headers()

    def send_head(self):  # as SimpleHTTPRequestHandler's: a file object or None
        address, port = self.server.server_address[:2]
        if self.headers.get("Host") != f"{address}:{port}":
            where = f"http://{address}:{port}/admin/"
            self.send_error(403, explain=" · ".join(text("cms.open-here", lang, url=where)
                                                    for lang in ("vi", "en")))
            return None
        return super().send_head()


def editor_headers(csp: str) -> list[tuple[str, str]]:
    return [("Content-Security-Policy", csp), ("X-Frame-Options", "DENY"),
            ("Cross-Origin-Resource-Policy", "same-origin"), ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"), ("Cache-Control", "no-store")]


def editor_csp(backend_url: str) -> str:
    """Decap's own scripts and the one inline line of index.html; requests to the guard only.
    'unsafe-eval': Decap checks its config with Ajv, which compiles validators with Function()."""
    inline = re.search(r"<script>(.*?)</script>", INDEX_HTML)[1]
    digest = base64.b64encode(hashlib.sha256(inline.encode()).digest()).decode()
    backend = "{0.scheme}://{0.netloc}".format(urlsplit(backend_url))
    return (f"default-src 'none'; script-src 'self' 'sha256-{digest}' 'unsafe-eval'; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            f"connect-src 'self' {backend}; frame-src 'self' blob:; worker-src 'self' blob:; "
            "frame-ancestors 'none'; base-uri 'none'; form-action 'none'")


def editor_server(directory: Path, port: int, backend_url: str) -> http.server.HTTPServer:
    """The web server for the editor page in `directory`, on 127.0.0.1:port (0: any free)."""
    handler = type("EditorHandler", (QuietHandler,), {"csp": editor_csp(backend_url)})
    return http.server.ThreadingHTTPServer(
        (HOST, port), functools.partial(handler, directory=str(directory)))


def serve(port: int, backend_port: int, lang: str) -> int:
    editor_origin = f"http://{HOST}:{port}"
    for stop in (signal.SIGINT, signal.SIGTERM):  # Ctrl-C or kill: stop decap-server as well
        signal.signal(stop, signal.default_int_handler)
    with local_backend(ROOT, backend_port, editor_origin) as backend:
        admin = build_admin(ROOT, ROOT / ".build" / "cms" / "admin", backend, NODE_MODULES)
        with editor_server(admin.parent, port, backend) as httpd:
            say("cms.editor", lang, url=f"{editor_origin}/admin/")
            say("cms.backend", lang, url=f"{backend.rsplit('/', 1)[0]}/", root=str(ROOT))
            say("cms.review", lang)
            try:
                httpd.serve_forever()
            except KeyboardInterrupt:
                print()
                say("commands.stopped", lang)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = Parser(description=__doc__.split("\n\n")[0], lang_flag=None)
    parser.add_argument("command", choices=["serve"])
    parser.add_argument("--port", type=int, default=8090, help="the editor page's port")
    parser.add_argument("--backend-port", type=int, default=8081,
                        help="the guard's port (decap-server's only way in)")
    args = parser.parse_args(argv)
    lang = language()
    try:
        return serve(args.port, args.backend_port, lang)
    except Missing as missing:
        say("cms.missing", lang, file=sys.stderr, folder=str(missing.folder))
    except NotStarted as err:
        say("cms.cannot-start", lang, file=sys.stderr, error=err.message)
    except (FileNotFoundError, RuntimeError, OSError) as err:
        say("cms.cannot-start", lang, file=sys.stderr, error=str(err))
    return 1


if __name__ == "__main__":
    sys.exit(main())
