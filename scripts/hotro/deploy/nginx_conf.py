"""Write the nginx server block for a built site (`deploy/nginx/site.conf.template`).

    python -m hotro.deploy.nginx_conf --edition so-y-te-ca-mau [--docroot /var/www/soyte] \
        [--listen 80]
    python -m hotro.deploy.nginx_conf --edition so-y-te-ca-mau --tls-cert /etc/ssl/soyte.pem \
        --tls-key /etc/ssl/private/soyte.key   # https on 443, port 80 redirects to it

The edition's address (content/editions/<id>.yml) gives the server name, the folder on the
server (e.g. /ho-tro/) and the portals that may frame its blocks.

The Content-Security-Policy comes from csp.py: made from the scripts our templates are known
to write, never from the built pages, so a script injected into a page is not allowed by it.
Every response carries a Permissions-Policy that turns off the browser features the site never
uses; with TLS, also Strict-Transport-Security (on the https server only).
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

import yaml

from hotro.model import paths
from hotro.model.command_line import Parser, add_lang
from hotro.model.messages import language, say, text
from hotro.render.csp import policy_base

ROOT = paths.ROOT
TEMPLATE = ROOT / "deploy" / "nginx" / "site.conf.template"
# The browser features a page could use to reach a reader's devices, place or money, or to
# profile them, all off, on every response (a short list: it is sent with every file, and the
# first view must stay under 80 KB on the wire).
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in (
    "browsing-topics", "camera", "display-capture", "geolocation", "hid", "interest-cohort",
    "microphone", "midi", "payment", "serial", "usb", "xr-spatial-tracking"))
HSTS = "max-age=31536000; includeSubDomains"
# Mozilla's "intermediate" TLS settings: TLS 1.2 and 1.3, forward-secret AEAD ciphers only.
TLS_CIPHERS = ("ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
               "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
               "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305")
PORT = re.compile(r"(?:^|:)(\d{1,5})$")


@dataclass(frozen=True)
class Tls:
    """Serve over https with this certificate (full chain) and key; `http_listen` redirects."""

    cert: str
    key: str
    http_listen: str = "80"


def render(site: Path, listen: str, server_name: str, embed_ancestors: str = "'none'",
           prefix: str = "", root: Path | None = None, tls: Tls | None = None) -> str:
    """The server block for the edition built in `site`, published at `prefix` on the server.

    `root` is the folder nginx serves; with a prefix, the edition's files sit in root+prefix.
    `embed_ancestors` lists the portals that may frame the embed pages. With `tls`, `listen`
    is the https address and a second server on `tls.http_listen` redirects to it.
    """
    template = Template(TEMPLATE.read_text(encoding="utf-8"))
    headers = [f'add_header Permissions-Policy "{PERMISSIONS_POLICY}" always;']
    if tls:
        headers.append(f'add_header Strict-Transport-Security "{HSTS}" always;')
    # absolute, links kept: site/ links to the build of the moment (hotro/build/publish.py)
    return template.substitute(
        listen=f"{listen} ssl" if tls and "ssl" not in listen.split() else listen,
        server_name=server_name,
        root=os.path.abspath(root or site), prefix=prefix.rstrip("/"),
        csp_base=policy_base(), embed_ancestors=embed_ancestors,
        server_headers="".join(f"    {line}\n" for line in headers),
        location_headers="".join(f"        {line}\n" for line in headers),
        tls_settings=_tls_settings(tls), redirect_server=_redirect_server(tls, listen,
                                                                          server_name))


def _tls_settings(tls: Tls | None) -> str:
    if tls is None:
        return ""
    return (f"    ssl_certificate {tls.cert};\n    ssl_certificate_key {tls.key};\n"
            "    ssl_protocols TLSv1.2 TLSv1.3;\n"
            f"    ssl_ciphers {TLS_CIPHERS};\n    ssl_prefer_server_ciphers off;\n"
            "    ssl_session_timeout 1d;\n    ssl_session_cache shared:SiteTLS:10m;\n"
            "    ssl_session_tickets off;\n")


def _redirect_server(tls: Tls | None, listen: str, server_name: str) -> str:
    """The plain-HTTP server of a TLS site: every request goes to the same address on https."""
    if tls is None:
        return ""
    found = PORT.search(listen.split()[0])
    port = f":{found[1]}" if found and found[1] != "443" else ""
    return ("\n# Plain HTTP only redirects to https (no HSTS here: it only counts over TLS).\n"
            f"server {{\n    listen {tls.http_listen};\n    server_name {server_name};\n"
            "    server_tokens off;\n"
            f'    add_header Permissions-Policy "{PERMISSIONS_POLICY}" always;\n'
            f"    return 301 https://$host{port}$request_uri;\n}}\n")


def main(argv: list[str] | None = None) -> int:
    parser = Parser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edition", required=True, help="an id from content/editions/")
    parser.add_argument("--site-dir", default="site", help="where `make site` built the editions")
    parser.add_argument("--docroot", help="the folder nginx serves (default: /var/www/<host>)")
    parser.add_argument("--listen", help="the address served (default: 80, or 443 with TLS)")
    parser.add_argument("--tls-cert", help="serve https with this certificate (full chain)")
    parser.add_argument("--tls-key", help="the certificate's private key (with --tls-cert)")
    parser.add_argument("--http-listen", default="80",
                        help="with TLS: the plain-HTTP address that redirects to https")
    parser.add_argument("--output", help="write here instead of standard output")
    add_lang(parser)
    args = parser.parse_args(argv)
    lang = language(args.lang)
    edition_file = ROOT / "content" / "editions" / f"{args.edition}.yml"
    site = Path(args.site_dir) / args.edition
    if not edition_file.is_file() or not (site / "index.html").is_file():
        say("nginx.no-site", lang, file=sys.stderr, site=str(site), edition=repr(args.edition))
        return 1
    if bool(args.tls_cert) != bool(args.tls_key):
        say("nginx.tls-pair", lang, file=sys.stderr)
        return 1
    tls = Tls(args.tls_cert, args.tls_key, args.http_listen) if args.tls_cert else None
    listen = args.listen or ("443" if tls else "80")
    edition = yaml.safe_load(edition_file.read_text(encoding="utf-8"))
    url = urlsplit(edition["site_url"])
    root = Path(args.docroot or f"/var/www/{url.hostname}")
    ancestors = " ".join(edition.get("embed_portals") or []) or "'none'"
    conf = text("nginx.copy", lang, edition=args.edition, folder=f"{root}{url.path}") + "\n"
    conf += render(site, listen, url.hostname, ancestors, url.path, root, tls)
    if args.output:
        Path(args.output).write_text(conf, encoding="utf-8")
    else:
        sys.stdout.write(conf)
    return 0


if __name__ == "__main__":
    sys.exit(main())
