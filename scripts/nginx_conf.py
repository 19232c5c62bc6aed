"""Write the nginx server block for a built site (`deploy/nginx/site.conf.template`).

    python scripts/nginx_conf.py --edition so-y-te-ca-mau [--docroot /var/www/soyte] [--listen 80]

The edition's address (content/editions/<id>.yml) gives the server name, the folder on the
server (e.g. /ho-tro/) and the portals that may frame its blocks.

The Content-Security-Policy lists the hash of every inline script in the built pages, so the
policy can forbid everything that is not this site's own (no 'unsafe-inline').
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import re
import sys
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "deploy" / "nginx" / "site.conf.template"
INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:(?!\bsrc=)[^>])*)>(?P<body>.*?)</script>", re.S)


def inline_script_hashes(site: Path) -> list[str]:
    """CSP source expressions for every distinct executable inline script in the site."""
    hashes = set()
    for path in sorted(site.rglob("*.html")):
        for match in INLINE_SCRIPT.finditer(path.read_text(encoding="utf-8")):
            if "json" in match["attrs"]:  # application/json, application/ld+json
                continue  # data, never executed
            digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
            hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(hashes)


def render(site: Path, listen: str, server_name: str, embed_ancestors: str = "'none'",
           prefix: str = "", root: Path | None = None) -> str:
    """The server block for the edition built in `site`, published at `prefix` on the server.

    `root` is the folder nginx serves; with a prefix, the edition's files sit in root+prefix.
    `embed_ancestors` lists the portals that may frame the embed pages.
    """
    template = Template(TEMPLATE.read_text(encoding="utf-8"))
    # absolute, links kept: site/ links to the build of the moment (scripts/publish.py)
    return template.substitute(listen=listen, server_name=server_name,
                               root=os.path.abspath(root or site), prefix=prefix.rstrip("/"),
                               csp_script_hashes=" ".join(inline_script_hashes(site)),
                               embed_ancestors=embed_ancestors)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edition", required=True, help="an id from content/editions/")
    parser.add_argument("--site-dir", default="site", help="where `make site` built the editions")
    parser.add_argument("--docroot", help="the folder nginx serves (default: /var/www/<host>)")
    parser.add_argument("--listen", default="80")
    parser.add_argument("--output", help="write here instead of standard output")
    args = parser.parse_args(argv)
    edition_file = ROOT / "content" / "editions" / f"{args.edition}.yml"
    site = Path(args.site_dir) / args.edition
    if not edition_file.is_file() or not (site / "index.html").is_file():
        print(f"{site}: no built edition {args.edition!r} here (expected index.html; run "
              "`make site` first)", file=sys.stderr)
        return 1
    edition = yaml.safe_load(edition_file.read_text(encoding="utf-8"))
    url = urlsplit(edition["site_url"])
    root = Path(args.docroot or f"/var/www/{url.hostname}")
    ancestors = " ".join(edition.get("embed_portals") or []) or "'none'"
    text = render(site, args.listen, url.hostname, ancestors, url.path, root)
    text = (f"# Copy site/{args.edition}/ to {root}{url.path}\n" + text)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
