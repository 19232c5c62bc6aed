"""Time building every edition one after another versus in parallel (`make bench-editions`).

Figures, not assertions: machines here are shared and noisy. Each run is a full
`build_site.py` (validate, build each edition in its own process, check links, publish).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from hotro.model import paths
from hotro.model.messages import say

ROOT = paths.ROOT


def time_build(jobs: int, site: Path, edition: str | None = None) -> float:
    cmd = [sys.executable, "-m", "hotro.build.build_site", "--site-dir", str(site),
           "--jobs", str(jobs)]
    if edition:
        cmd += ["--edition", edition]
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, check=False, capture_output=True, text=True)
    if done.returncode != 0:  # the build's own lines say why, in the same language
        say("bench.build-failed", file=sys.stderr, case=" ".join(cmd[2:]))
        sys.exit(done.stderr.strip()[-3000:] or 1)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    editions = sorted(p.stem for p in (ROOT / "content" / "editions").glob("*.yml"))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        cases = [("one edition (joint)", 1, "tinh-ca-mau"),
                 (f"all {len(editions)} editions, sequential", 1, None),
                 (f"all {len(editions)} editions, {args.jobs} in parallel", args.jobs, None)]
        for label, jobs, edition in cases:
            times = [time_build(jobs, site, edition) for _ in range(args.runs)]
            rows.append((label, statistics.median(times), min(times)))
    print(f"{os.cpu_count()} CPUs, {args.runs} runs each; seconds (median / min)")
    for label, median, low in rows:
        print(f"  {label:40} {median:7.2f} {low:7.2f}")
    speedup = rows[1][1] / rows[2][1]
    print(f"  parallel speed-up: {speedup:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
