"""Write the nginx server block for a built site (`deploy/nginx/site.conf.template`).

    python scripts/nginx_conf.py --site-dir site --listen 80 --server-name ho-tro.example.gov.vn

The Content-Security-Policy lists the hash of every inline script in the built pages, so the
policy can forbid everything that is not this site's own (no 'unsafe-inline').
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import re
import sys
from pathlib import Path
from string import Template

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "deploy" / "nginx" / "site.conf.template"
INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:(?!\bsrc=)[^>])*)>(?P<body>.*?)</script>", re.S)


def inline_script_hashes(site: Path) -> list[str]:
    """CSP source expressions for every distinct executable inline script in the site."""
    hashes = set()
    for path in sorted(site.rglob("*.html")):
        for match in INLINE_SCRIPT.finditer(path.read_text(encoding="utf-8")):
            if "application/json" in match["attrs"]:
                continue  # data, never executed
            digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
            hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(hashes)


def render(site: Path, listen: str, server_name: str, embed_ancestors: str = "'none'") -> str:
    """The server block; `embed_ancestors` lists the portals that may frame embed pages."""
    template = Template(TEMPLATE.read_text(encoding="utf-8"))
    return template.substitute(listen=listen, server_name=server_name, root=str(site.resolve()),
                               csp_script_hashes=" ".join(inline_script_hashes(site)),
                               embed_ancestors=embed_ancestors)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", default="site")
    parser.add_argument("--listen", default="80")
    parser.add_argument("--server-name", default="_")
    parser.add_argument("--embed-ancestors", default="'none'",
                        help="portals allowed to frame the embed pages, e.g. https://portal.gov.vn")
    parser.add_argument("--output", help="write here instead of standard output")
    args = parser.parse_args(argv)
    site = Path(args.site_dir)
    if not (site / "index.html").is_file():
        print(f"{site}: no built site here (expected index.html; run `make site` first)",
              file=sys.stderr)
        return 1
    text = render(site, args.listen, args.server_name, args.embed_ancestors)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
