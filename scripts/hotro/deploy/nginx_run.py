"""Run Debian's nginx in the foreground on loopback for a built site (tests and benchmarks)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hotro.deploy.nginx_conf import Tls, render

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MAIN = """{user}worker_processes 1;
pid {tmp}/nginx.pid;
error_log stderr warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/site.conf;
}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serve_with_nginx(site: Path, work: Path, embed_ancestors: str = "'none'",
                     prefix: str = "", tls: Tls | None = None) -> Iterator[str]:
    """Serve the edition in `site` at http://127.0.0.1:<port><prefix>/ with the shipped
    configuration; the URL returned includes the prefix (no trailing slash). With `tls`, at
    https://… instead, and tls.http_listen redirects to it."""
    if not os.path.exists(NGINX):
        raise RuntimeError("nginx not found: `make test` installs Debian's nginx")
    port = free_port()
    prefix = prefix.rstrip("/")
    root = site
    if prefix:  # the edition's folder on the server, as an agency would publish it
        root = work / "www"
        (root / prefix.lstrip("/")).parent.mkdir(parents=True, exist_ok=True)
        (root / prefix.lstrip("/")).symlink_to(site.absolute())
    (work / "site.conf").write_text(render(site, f"127.0.0.1:{port}", "localhost",
                                           embed_ancestors, prefix, root, tls), encoding="utf-8")
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read root-owned dirs
    (work / "nginx.conf").write_text(MAIN.format(user=user, tmp=work), encoding="utf-8")
    cmd = [NGINX, "-p", str(work), "-c", str(work / "nginx.conf"), "-e", "stderr"]
    check = subprocess.run([*cmd, "-t"], capture_output=True, text=True, check=False)
    if check.returncode != 0:
        raise RuntimeError(check.stderr)
    proc = subprocess.Popen([*cmd, "-g", "daemon off;"])
    try:
        _wait_for(port, proc)
        yield f"{'https' if tls else 'http'}://127.0.0.1:{port}{prefix}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _wait_for(port: int, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError("nginx did not start") from None
            time.sleep(0.05)
