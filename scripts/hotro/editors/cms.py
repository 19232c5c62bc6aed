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

import argparse
import base64
import functools
import hashlib
import http.server
import json
import os
import re
import secrets
import shutil
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

from hotro.editors import cms_config, cms_guard
from hotro.model import paths

ROOT = paths.ROOT
# Its own folder, not ./node_modules: npm removes from a node_modules folder every package that
# the same command did not install, so Decap and Lighthouse would remove each other.
NODE_MODULES = ROOT / ".cms" / "node_modules"
MISSING = "Decap CMS is not installed in {}: run `make cms-deps`"
HOST = "127.0.0.1"

INDEX_HTML = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>Biên tập nội dung · Content editor</title>
<script>window.CMS_MANUAL_INIT = true;</script>
<script src="decap-cms.js"></script>
<script type="module" src="admin.js"></script>
</head>
<body></body>
</html>
"""

# Decap's own yaml format cannot hold a list at the root of a file, folds long lines at 80
# characters and loses the order of keys past eight. These formats write YAML 1.1 as PyYAML reads
# it back: a text that would read as something else ("111", "2026-11-29", "no") is quoted, lines
# are not folded, keys keep the schema's order and the comment lines at the top of a file stay.
ADMIN_JS = """// Made by scripts/cms.py: Decap CMS formats for this site's files.
import { YAML } from './yaml/index.js';

const FORMATS = %(formats)s;
const TEXT_CONSTANTS = %(constants)s;  // field: the word it holds instead of a {vi, en} text
const HEADER = /^(?:#.*\\r?\\n)*/;
const FRONT_MATTER = /^---\\r?\\n([\\s\\S]*?)\\r?\\n---[ \\t]*\\r?\\n/;
YAML.scalarOptions.str.fold.lineWidth = 0;
const dump = value => YAML.stringify(value, { version: '1.1', schema: 'yaml-1.1' });

function prune(value) {  // what Decap leaves behind for a field left empty: "", null, {}, []
  if (Array.isArray(value)) {
    const items = value.map(prune).filter(v => v !== undefined);
    return items.length ? items : undefined;
  }
  if (value && typeof value === 'object') {
    const kept = Object.entries(value).map(([k, v]) => [k, prune(v)])
      .filter(([, v]) => v !== undefined);
    return kept.length ? Object.fromEntries(kept) : undefined;
  }
  return value === '' || value === null ? undefined : value;
}

function ordered(value, order) {  // keys in the schema's order, any others after them
  if (Array.isArray(value)) return value.map(v => ordered(v, order));
  if (!value || typeof value !== 'object' || !order) return value;
  const keys = [...Object.keys(order).filter(k => Object.hasOwn(value, k)),
                ...Object.keys(value).filter(k => !Object.hasOwn(order, k))];
  return Object.fromEntries(keys.map(k => [k, ordered(value[k], order[k])]));
}

function mapTextConstants(item, toEditor) {  // "24/7" <-> {vi: "24/7", en: "24/7"}
  const out = { ...item };
  for (const [name, word] of Object.entries(TEXT_CONSTANTS)) {
    const value = out[name];
    if (toEditor && value === word) out[name] = { vi: word, en: word };
    const same = value && typeof value === 'object' && Object.values(value).every(t => t === word);
    if (!toEditor && same) out[name] = word;
  }
  return out;
}

const rootList = order => ({
  fromFile: text => ({
    header: text.match(HEADER)[0],
    items: (YAML.parse(text) || []).map(item => mapTextConstants(item, true)),
  }),
  toFile: data => (data.header || '') +
    dump(ordered((prune(data.items) || []).map(item => mapTextConstants(item, false)), order)),
});

const frontMatter = order => ({
  fromFile(text) {
    const match = text.match(FRONT_MATTER);
    if (!match) return { body: text };
    return { ...(YAML.parse(match[1]) || {}), body: text.slice(match[0].length) };
  },
  toFile(data) {
    const { body = '', ...meta } = data;
    return `---\\n${dump(ordered(prune(meta) || {}, order))}---\\n${body}`;
  },
});

for (const [name, { extension, order }] of Object.entries(FORMATS)) {
  CMS.registerCustomFormat(name, extension, (extension === 'md' ? frontMatter : rootList)(order));
}
CMS.init();
"""


def require_installed(node_modules: Path = NODE_MODULES) -> None:
    if not (node_modules / "decap-cms" / "dist" / "decap-cms.js").is_file() or \
            not (node_modules / ".bin" / "decap-server").exists():
        raise FileNotFoundError(MISSING.format(node_modules))


def ui_locale(node_modules: Path) -> str:
    """Decap's interface in Vietnamese when this version has it, else in English."""
    return "vi" if (node_modules / "decap-cms-locales" / "src" / "vi").is_dir() else "en"


def build_admin(root: Path, dest: Path, backend_url: str,
                node_modules: Path = NODE_MODULES) -> Path:
    """The editor page for the content tree at `root` in `dest`: index.html, config.yml, admin.js,
    Decap's bundle and the YAML library Decap itself uses."""
    require_installed(node_modules)
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    for path in (node_modules / "decap-cms" / "dist").iterdir():
        if path.name.endswith("decap-cms.js") or path.suffix == ".wasm":  # bundle and its chunks
            shutil.copy2(path, dest / path.name)
    shutil.copytree(node_modules / "yaml" / "browser" / "dist", dest / "yaml")
    config = cms_config.build_config(root, backend_url, ui_locale(node_modules))
    (dest / "config.yml").write_text(cms_config.config_yaml(config), encoding="utf-8")
    (dest / "admin.js").write_text(admin_js(root, config), encoding="utf-8")
    (dest / "index.html").write_text(INDEX_HTML, encoding="utf-8")
    return dest


def admin_js(root: Path, config: dict) -> str:
    constants = cms_config.text_constants(cms_config.load_schemas(root))
    return ADMIN_JS % {"formats": json.dumps(cms_config.formats(config), ensure_ascii=False),
                       "constants": json.dumps(constants, ensure_ascii=False)}


@contextmanager
def local_backend(repo: Path, port: int, editor_origin: str,
                  node_modules: Path = NODE_MODULES) -> Iterator[str]:
    """decap-server for the files under `repo`, on a unix socket only this user can open, behind
    the guard (cms_guard.py) on 127.0.0.1:port; yields the guard's API address, which carries
    this session's key and is given to the editor page at `editor_origin` only."""
    require_installed(node_modules)
    with socket.socket() as probe:  # else the editor might talk to another program's server
        if probe.connect_ex((HOST, port)) == 0:
            raise RuntimeError(f"{HOST}:{port} is already in use (try --backend-port)")
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
            raise RuntimeError(f"decap-server stopped (exit code {server.returncode})")
        with socket.socket(socket.AF_UNIX) as probe:
            if probe.connect_ex(path) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"decap-server did not listen on {path} within {timeout:.0f} s")


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
            self.send_error(403, explain=f"Hãy mở {where} · Open {where}")
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


def serve(port: int, backend_port: int) -> int:
    editor_origin = f"http://{HOST}:{port}"
    for stop in (signal.SIGINT, signal.SIGTERM):  # Ctrl-C or kill: stop decap-server as well
        signal.signal(stop, signal.default_int_handler)
    with local_backend(ROOT, backend_port, editor_origin) as backend:
        admin = build_admin(ROOT, ROOT / ".build" / "cms" / "admin", backend)
        with editor_server(admin.parent, port, backend) as httpd:
            print(f"Editor:  {editor_origin}/admin/  (log in with the Đăng nhập / Login button)")
            print(f"Backend: {backend.rsplit('/', 1)[0]}/… (decap-server behind a guard, "
                  f"writing pages in docs/ and data in content/ under {ROOT})")
            print("Check and review before the lead commits: make check; git diff. Ctrl-C stops.")
            try:
                httpd.serve_forever()
            except KeyboardInterrupt:
                print("\nStopped.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["serve"])
    parser.add_argument("--port", type=int, default=8090, help="the editor page's port")
    parser.add_argument("--backend-port", type=int, default=8081,
                        help="the guard's port (decap-server's only way in)")
    args = parser.parse_args(argv)
    try:
        return serve(args.port, args.backend_port)
    except (FileNotFoundError, RuntimeError, OSError) as err:
        print(err, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
