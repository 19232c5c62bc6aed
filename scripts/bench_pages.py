"""Page weight and Lighthouse figures for the first view on a phone (`make bench-pages`).

Serves the built site with the shipped nginx configuration (compressed) on loopback, loads the
home and hotline pages cold in Debian's Chromium with a phone viewport, and prints the bytes on
the wire per resource type and in total, per language; then Lighthouse's mobile scores when
Lighthouse is installed (`make bench-pages` installs it from npm). Figures, not assertions.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from nginx_run import serve_with_nginx

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
HOSTS_RULE = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost"
PAGES = ["/", "/duong-day-nong/", "/en/", "/en/duong-day-nong/"]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"


def wire_by_type(browser, url: str) -> dict[str, int]:
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    kinds: dict[str, str] = {}
    sizes: dict[str, int] = defaultdict(int)
    cdp.on("Network.responseReceived", lambda e: kinds.__setitem__(e["requestId"], e["type"]))
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(
        kinds.get(e["requestId"], "Other"),
        sizes[kinds.get(e["requestId"], "Other")] + e["encodedDataLength"]))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)
    context.close()
    return dict(sizes)


def lighthouse(url: str) -> dict[str, int] | None:
    if not LIGHTHOUSE.exists():
        return None
    flags = f"--headless=new --no-sandbox --disable-gpu {HOSTS_RULE}"
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
         f"--chrome-flags={flags}",
         "--only-categories=performance,accessibility,best-practices,seo"],
        capture_output=True, text=True, check=False, timeout=300,
        env={**os.environ, "CHROME_PATH": CHROMIUM})
    if result.returncode != 0:
        print(f"  lighthouse failed: {result.stderr.strip()[-300:]}")
        return None
    report = json.loads(result.stdout)
    return {name: round(cat["score"] * 100) for name, cat in report["categories"].items()}


def main() -> int:
    from playwright.sync_api import sync_playwright

    site = ROOT / "site"
    if not (site / "index.html").is_file():
        print("No built site: run `make site` first.", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp, serve_with_nginx(site, Path(tmp)) as base:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=[HOSTS_RULE])
            for path in PAGES:
                sizes = wire_by_type(browser, base + path)
                print(f"{path}: {sum(sizes.values()):,} bytes on the wire (budget 80,000)")
                for kind, size in sorted(sizes.items(), key=lambda kv: -kv[1]):
                    print(f"  {kind:12} {size:>8,}")
            browser.close()
        for path in PAGES:
            scores = lighthouse(base + path)
            if scores:
                print(f"lighthouse mobile {path}: " +
                      ", ".join(f"{k} {v}" for k, v in scores.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
