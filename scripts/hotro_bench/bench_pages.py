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

from hotro.deploy.nginx_run import serve_with_nginx
from hotro.model import paths
from hotro.model.messages import say

ROOT = paths.ROOT
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
# Keep Chromium's own background traffic on this machine (research/browser-tooling.md §1).
HOSTS_RULE = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost"
PAGES = ["/", "/duong-day-nong/", "/en/", "/en/duong-day-nong/"]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"


PHONE = {"viewport": {"width": 360, "height": 640}, "device_scale_factor": 2,
         "is_mobile": True, "has_touch": True}


def wire_transfers(browser, url: str) -> list[tuple[str, str, int]]:
    """(url, resource type, bytes on the wire) for each response of a cold load on a phone."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    seen: dict[str, tuple[str, str]] = {}
    done: list[tuple[str, str, int]] = []
    cdp.on("Network.responseReceived", lambda e: seen.__setitem__(
        e["requestId"], (e["response"]["url"], e["type"])))
    cdp.on("Network.loadingFinished", lambda e: done.append(
        (*seen.get(e["requestId"], (e["requestId"], "Other")), e["encodedDataLength"])))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)
    context.close()
    return done


def wire_by_type(browser, url: str) -> dict[str, int]:
    sizes: dict[str, int] = defaultdict(int)
    for _, kind, size in wire_transfers(browser, url):
        sizes[kind] += size
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
        say("bench.lighthouse-failed", error=result.stderr.strip()[-300:])
        return None
    report = json.loads(result.stdout)
    return {name: round(cat["score"] * 100) for name, cat in report["categories"].items()}


def main() -> int:
    from playwright.sync_api import sync_playwright

    site = ROOT / "site" / "tinh-ca-mau"  # the joint edition
    if not (site / "index.html").is_file():
        say("bench.no-site", file=sys.stderr)
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
