"""Print build time and page weight figures for the real site (`make bench-site`).

Figures, not assertions: machines here are shared and noisy. Builds run in fresh processes,
as `make site` runs them; weights are raw and gzip -9 bytes of what a first view downloads.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from hotro.checks.site_check import FETCHING, parse_html
from hotro.model import paths
from hotro.model.messages import say

ROOT = paths.ROOT
JOINT = "tinh-ca-mau"  # page weights are measured on the joint edition


def time_builds(runs: int) -> list[float]:
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "hotro.build.build_site",
                                   "--site-dir", str(Path(tmp) / "site")], cwd=ROOT,
                                  check=False, capture_output=True, text=True)
            if done.returncode != 0:  # the build's own lines say why, in the same language
                say("bench.build-failed", file=sys.stderr, case="make site")
                sys.exit(done.stderr.strip()[-3000:] or 1)
            times.append(time.perf_counter() - start)
        joint = Path(tmp) / "site" / JOINT
        weights = {page: page_weight(joint, page)
                   for page in ("index.html", "duong-day-nong/index.html",
                                "en/index.html", "en/duong-day-nong/index.html")}
        for rel in ("search.json", "en/search.json"):
            index = joint / rel
            weights[f"{rel} (search page only)"] = {"index": _sizes(index.read_bytes())}
    return times, weights


def page_weight(site: Path, rel: str) -> dict[str, tuple[int, int]]:
    """Raw and gzip bytes of the page and each same-site file its HTML makes the browser load."""
    html = (site / rel).read_bytes()
    out = {"html": _sizes(html)}
    for tag, attr, url in parse_html(html.decode("utf-8")).links:
        if (tag, attr) in FETCHING and not url.startswith(("http", "data:", "//")):
            path = (site / rel).parent / url.split("#")[0].split("?")[0]
            if path.is_file():
                out[path.name] = _sizes(path.read_bytes())
    return out


def _sizes(data: bytes) -> tuple[int, int]:
    return len(data), len(gzip.compress(data, 9))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    times, weights = time_builds(args.runs)
    print(f"build of every edition (validate + vi/en builds + link check + publish), "
          f"{args.runs} runs: median {statistics.median(times):.2f} s, min {min(times):.2f} s")
    for page, files in weights.items():
        raw = sum(r for r, _ in files.values())
        packed = sum(g for _, g in files.values())
        print(f"\n{page}: {raw:,} bytes raw, {packed:,} bytes gzip in total")
        for name, (r, g) in files.items():
            print(f"  {name:40} {r:>9,} {g:>9,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
