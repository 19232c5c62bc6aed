"""Performance at scale (`make bench`): build time, memory and page weight for the real content
and synthetic trees of 200 and 1000 pages per language, and growth with the number of editions.

    python scripts/bench_scale.py [--quick] [--out bench/results.json]

Every build runs in a fresh process (as `make site` runs it) under a small wrapper that reports
the wall-clock seconds and the peak memory of the largest process of the build. Figures, not
assertions: the machine may be shared, so the targets are printed as PASS/FAIL for reading.
Cases that would push the run past its time budget are skipped and say so.
"""

from __future__ import annotations

import argparse
import copy
import gzip
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import markdown

from hotro.build.publish import remove_site
from hotro.checks.validated import hand_over, load_content
from hotro.load.editions import edition_config, load_base, write_config
from hotro.model import paths
from hotro.model.messages import Message, language, msg
from hotro_bench.synthetic import make_synthetic_tree

ROOT = paths.ROOT
SCRIPTS = ROOT / "scripts"
OUT = ROOT / "bench" / "results.json"
BUDGET_S = 570.0  # no case starts if its estimate would end it after 9.5 minutes
EDITION_PAGES = 200  # pages per language of the editions sweep
MAX_OVERHEAD = 1.15
MAX_EDITION_1000_S = 30.0
MAX_PAGE_GZIP = 10 * 1024
MAX_GROWTH = 1.25
MAX_REBUILD_S = 2.0
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


# Pure helpers (unit-tested)

def ratio(ours: float | None, base: float | None) -> float | None:
    return None if not ours or not base else ours / base


def paired_ratio(ours: list[float], base: list[float]) -> float | None:
    """The median of ours/base over rounds run back to back: each pair shares the machine's
    state of the moment, which drifts on a shared machine between rounds."""
    ratios = [o / b for o, b in zip(ours, base, strict=False) if o and b]
    return statistics.median(ratios) if ratios else None


def growth(small_s: float | None, small_n: int, big_s: float | None,
           big_n: int) -> float | None:
    """Time per unit at the big size over time per unit at the small size (1.0 = linear)."""
    if not small_s or not big_s or small_n <= 0 or big_n <= 0:
        return None
    return (big_s / big_n) / (small_s / small_n)


def verdict(value: float | None, limit: float) -> str:
    """PASS when the value is at most the limit; n/a when it was not measured."""
    if value is None:
        return "n/a"
    return "PASS" if value <= limit else "FAIL"


def size_stats(sizes: list[tuple[int, int]]) -> dict:
    """Median and max of (raw, gzip) byte counts."""
    if not sizes:
        return {"pages": 0}
    raw, packed = [r for r, _ in sizes], [g for _, g in sizes]
    return {"pages": len(sizes), "median_raw": int(statistics.median(raw)), "max_raw": max(raw),
            "median_gzip": int(statistics.median(packed)), "max_gzip": max(packed)}


def fits(elapsed: float, estimate: float, budget: float = BUDGET_S) -> bool:
    return elapsed + estimate <= budget


def format_table(rows: list[dict]) -> str:
    """Rows of case, seconds, peak MB and notes as aligned text."""
    width = max([len(r["case"]) for r in rows] + [4])
    lines = [f"{'case':{width}}  {'seconds':>8}  {'peak MB':>8}  notes"]
    for row in rows:
        secs = "" if row.get("seconds") is None else f"{row['seconds']:.2f}"
        peak = "" if row.get("peak_mb") is None else f"{row['peak_mb']:.0f}"
        lines.append(f"{row['case']:{width}}  {secs:>8}  {peak:>8}  {row.get('notes', '')}")
    return "\n".join(lines)


class Failed(RuntimeError):
    """A measurement that could not be made: what failed, and the last lines it printed."""

    def __init__(self, message: Message, tail: list[str]):
        self.message, self.tail = message, tail
        super().__init__("\n".join([str(message), *tail]))


def _fmt(value: float | None, unit: str = "", digits: int = 2) -> str:
    return "not measured" if value is None else f"{value:.{digits}f}{unit}"


# The child side: each runs in its own process and prints one JSON line

def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports kilobytes


def child_run(cmd: list[str], cwd: str) -> dict:
    """Run a build; its peak is the largest of it and the processes it waited for."""
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, env=ENV, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    tail = (result.stdout + result.stderr).strip().splitlines()[-15:]
    return {"seconds": seconds, "peak_mb": _peak_mb(resource.RUSAGE_CHILDREN),
            "ok": result.returncode == 0, "tail": tail}


def child_floor(config_path: str) -> dict:
    """Python-Markdown alone, with the config's extensions, over every page body of docs/."""
    config = load_base(Path(config_path))
    docs = Path(config_path).parent / config.get("docs_dir", "docs")
    bodies = [page_body(p.read_text(encoding="utf-8")) for p in sorted(docs.rglob("*.md"))]
    names = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    md = markdown.Markdown(extensions=names)
    start = time.perf_counter()
    for body in bodies:
        md.reset().convert(body)
    return {"seconds": time.perf_counter() - start, "files": len(bodies),
            "peak_mb": _peak_mb(resource.RUSAGE_SELF), "ok": True}


def page_body(text: str) -> str:
    """The page without its front matter."""
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        return text[end + 4:] if end >= 0 else text
    return text


def child_rebuild(config_path: str) -> dict:
    """As `mkdocs serve` after a save: one process builds twice; the second build is timed."""
    import logging

    # here, not at the top: the other measuring processes need not load MkDocs
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    site = tempfile.mkdtemp(prefix="bench-rebuild-")
    try:
        config = load_config(config_file=config_path, site_dir=site)
        start = time.perf_counter()
        build(config)
        first = time.perf_counter() - start
        start = time.perf_counter()
        build(config)
        seconds = time.perf_counter() - start
    finally:
        shutil.rmtree(site, ignore_errors=True)
    return {"seconds": seconds, "first_seconds": first,
            "peak_mb": _peak_mb(resource.RUSAGE_SELF), "ok": True}


def _child_main(mode: str, rest: list[str]) -> int:
    if mode == "--run":
        out = child_run(rest[1:], rest[0])
    elif mode == "--floor":
        out = child_floor(rest[0])
    else:
        out = child_rebuild(rest[0])
    print(json.dumps(out))
    return 0


# The parent side

@dataclass
class Size:
    name: str      # "real", "200", "1000"
    root: Path     # the content tree
    config: Path   # its base mkdocs.yml
    joint: str     # the joint edition's id
    pages: int     # pages per language

    @property
    def label(self) -> str:
        return f"{self.name} ({self.pages} pages/lang)"


@dataclass
class Bench:
    work: Path
    budget: float = BUDGET_S
    start: float = field(default_factory=time.perf_counter)
    rows: list[dict] = field(default_factory=list)
    load_at_start: tuple = field(default_factory=os.getloadavg)

    def elapsed(self) -> float:
        return time.perf_counter() - self.start

    def note(self, case: str, notes: str, seconds=None, peak_mb=None) -> dict:
        row = {"case": case, "seconds": seconds, "peak_mb": peak_mb, "notes": notes}
        self.rows.append(row)
        shown = "" if seconds is None else f"{seconds:.2f} s  "
        print(f"  {case}: {shown}{notes}", flush=True)
        return row

    def run(self, case: str, cmd: list[str], cwd: Path, notes: str,
            estimate: float = 0.0, env: dict | None = None) -> dict | None:
        """One build in a fresh process under the measuring wrapper; None when skipped."""
        return self._child(case, ["--run", str(cwd), *cmd], notes, estimate, env)

    def pair(self, cases: list[tuple[str, list[str], str, dict | None]], cwd: Path,
             times: int) -> list[dict | None]:
        """Builds to compare, run in turn `times` times (the machine's noise hits each alike);
        each row shows the fastest run: other work on a shared machine only ever adds time."""
        runs: list[list[dict]] = [[] for _ in cases]
        for _ in range(times):
            for i, (case, cmd, _, env) in enumerate(cases):
                result = self._child(case, ["--run", str(cold_root(cwd)), *cmd], "", 0.0, env,
                                     quiet=True)
                if result:
                    runs[i].append(result)
            whole = min(len(r) for r in runs)  # a round is kept whole or not at all
            for r in runs:
                del r[whole:]
        out = []
        for (case, _, notes, _), results in zip(cases, runs, strict=True):
            if not results:
                out.append(None)
                continue
            best = dict(min(results, key=lambda r: r["seconds"]))
            best["rounds"] = [r["seconds"] for r in results]
            self.note(case, f"{notes} (fastest of {len(results)})", best["seconds"],
                      best["peak_mb"])
            out.append(best)
        return out

    def helper(self, case: str, mode: str, path: Path, notes: str) -> dict | None:
        return self._child(case, [mode, str(path)], notes, 0.0)

    def _child(self, case: str, args: list[str], notes: str, estimate: float,
               env: dict | None = None, quiet: bool = False) -> dict | None:
        if not fits(self.elapsed(), estimate, self.budget):
            self.note(case, f"skipped: estimated {estimate:.0f} s would pass the "
                            f"{self.budget:.0f} s budget")
            return None
        out = subprocess.run([sys.executable, "-m", "hotro_bench.bench_scale", *args],
                             env={**ENV, **(env or {})}, capture_output=True, text=True,
                             check=False)
        lines = out.stdout.strip().splitlines()
        if out.returncode != 0 or not lines:
            raise Failed(msg("bench.measure-failed", case=case), out.stderr[-3000:].splitlines())
        result = json.loads(lines[-1])
        if not result["ok"]:
            raise Failed(msg("bench.build-failed", case=case), result["tail"])
        if not quiet:
            self.note(case, notes, result["seconds"], result["peak_mb"])
        return result


def _python(*args: str) -> list[str]:
    return [sys.executable, *args]


def real_size() -> Size:
    content = load_content(ROOT)
    pages = sum(1 for _, lang in content.pages if lang == "vi")
    return Size("real", ROOT, ROOT / "mkdocs.yml", content.canonical_edition().id, pages)


def synthetic_size(work: Path, pages: int, editions: int = 1) -> Size:
    tree = make_synthetic_tree(work / f"tree-{pages}-{editions}", pages, editions)
    count = sum(1 for _ in (tree / "docs").rglob("*.vi.md"))
    return Size(str(pages), tree, tree / "mkdocs.yml", "e01", count)


def variant_configs(size: Size, work: Path) -> tuple[Path, Path, Path]:
    """The joint edition's config as `make site` writes it, the same without our plugin
    (plain MkDocs), and with one language only (the preview)."""
    content = load_content(size.root)
    config = edition_config(load_base(size.config), size.root, content,
                            content.editions[size.joint])
    ours = write_config(config, work / f"{size.name}-ours.yml")
    preview = copy.deepcopy(config)
    preview["plugins"]["i18n"]["build_only_locale"] = "vi"
    preview_path = write_config(preview, work / f"{size.name}-preview.yml")
    config["plugins"].pop("hotro", None)
    return ours, write_config(config, work / f"{size.name}-plain.yml"), preview_path


def cold(size: Size) -> Path:
    return cold_root(size.root)


def cold_root(root: Path) -> Path:
    """The tree, with the QR codes and compiled templates of earlier builds removed (.cache/):
    every 'ours' run starts as on a fresh clone."""
    shutil.rmtree(root / ".cache", ignore_errors=True)
    return root


def page_sizes(site: Path) -> list[tuple[int, int]]:
    """(raw, gzip -9) bytes of every page's HTML; embed blocks and 404 pages are not pages."""
    sizes = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).parts
        if "embed" in rel or rel[-1] == "404.html":
            continue
        data = path.read_bytes()
        sizes.append((len(data), len(gzip.compress(data, 9))))
    return sizes


def search_sizes(site: Path) -> dict[str, list[int]]:
    found = {}
    for lang, rel in (("vi", "search.json"), ("en", "en/search.json")):
        if (site / rel).is_file():
            data = (site / rel).read_bytes()
            found[lang] = [len(data), len(gzip.compress(data, 9))]
    return found


def bench_size(bench: Bench, size: Size) -> dict:
    """The joint edition via build_site, plain MkDocs, a vi-only preview and the floor."""
    print(f"{size.label}:", flush=True)
    ours_cfg, plain_cfg, preview_cfg = variant_configs(size, bench.work)
    site = bench.work / f"site-{size.name}"
    ours = bench.run(f"{size.label}: edition (build_site.py)",
                     _python("-m", "hotro.build.build_site", "--config", str(size.config),
                             "--site-dir", str(site), "--edition", size.joint), cold(size),
                     "`make site EDITION=`: validate, vi+en build, link check")
    # as in `make site`: the content was validated once and is handed over to the build
    handover = hand_over(load_content(size.root), bench.work / f"{size.name}.pickle")
    hooked, plain = bench.pair([
        (f"{size.label}: mkdocs build with our plugin",
         _python("-m", "mkdocs", "build", "-f", str(ours_cfg), "-d",
                 str(bench.work / f"hooked-{size.name}")),
         "the edition's config, content handed over, no link check", handover),
        (f"{size.label}: plain mkdocs, no plugin of ours",
         _python("-m", "mkdocs", "build", "-f", str(plain_cfg), "-d",
                 str(bench.work / f"plain-{size.name}")),
         "same docs and nav, without our plugin", None)], size.root, _rounds(size.pages))
    preview = bench.run(f"{size.label}: preview build, vi only",
                        _python("-m", "mkdocs", "build", "-f", str(preview_cfg), "-d",
                                str(bench.work / f"preview-{size.name}")), size.root,
                        "mkdocs build with build_only_locale: vi")
    floor = bench.helper(f"{size.label}: floor, Python-Markdown alone", "--floor",
                         size.config, "every .md body rendered in one process")
    html, search = size_stats(page_sizes(site / size.joint)), search_sizes(site / size.joint)
    bench.note(f"{size.label}: HTML per page", _weights(html, search))
    for folder in (site, bench.work / f"plain-{size.name}", bench.work / f"preview-{size.name}",
                   bench.work / f"hooked-{size.name}"):
        shutil.rmtree(folder, ignore_errors=True)
    return {"pages_per_lang": size.pages, "edition": ours, "hooked": hooked, "plain": plain,
            "preview": preview, "floor": floor,
            "overhead": ratio(_s(hooked), _s(plain)),
            "overhead_paired": paired_ratio(*(r["rounds"] if r else [] for r in (hooked, plain))),
            "pipeline": ratio(_s(ours), _s(plain)), "html": html, "search": search}


def _rounds(pages: int) -> int:
    """How often the plugin-overhead pair runs: more for small trees, where noise weighs most."""
    return 2 if pages > 500 else 5 if pages > 100 else 9


def _s(result: dict | None) -> float | None:
    return result["seconds"] if result else None


def _weights(html: dict, search: dict) -> str:
    if not html.get("pages"):
        return "no pages"
    kb = lambda n: f"{n / 1024:.1f}"  # noqa: E731
    text = (f"{html['pages']} pages: median {kb(html['median_raw'])} KB raw / "
            f"{kb(html['median_gzip'])} KB gzip, max {kb(html['max_raw'])} / "
            f"{kb(html['max_gzip'])} KB")
    for lang, (raw, packed) in search.items():
        text += f"; search.json {lang} {kb(raw)} / {kb(packed)} KB"
    return text


def bench_editions(bench: Bench, counts: list[int], one: dict | None, jobs: int) -> dict:
    """Every edition of trees with 1, 4, 16 … editions, one at a time and `jobs` at a time."""
    print(f"editions at {EDITION_PAGES} pages/lang:", flush=True)
    per_edition = _s(one) or 60.0
    results: dict[str, dict] = {}
    for n in counts:
        if n == 1:
            # with two CPUs or more its languages are built at once (language_split.py)
            results["1"] = {"parallel" if jobs > 1 else "sequential": _s(one)}
            bench.note("1 edition, all editions", f"the same build as the 200-page edition row "
                       f"(--jobs {jobs})", _s(one), one and one["peak_mb"])
            continue
        size = synthetic_size(bench.work, EDITION_PAGES, n)
        results[str(n)] = {}
        for mode, j in (("parallel", jobs), ("sequential", 1)):
            estimate = _estimate(results, n, mode, per_edition * n / min(j, n))
            site = bench.work / f"editions-{n}"
            out = bench.run(f"{n} editions, {mode} (--jobs {j})",
                            _python("-m", "hotro.build.build_site", "--config", str(size.config),
                                    "--site-dir", str(site), "--jobs", str(j)),
                            cold_root(size.root), "from a cold .cache/; peak = the largest "
                            "single process", estimate)
            results[str(n)][mode] = _s(out)
            if out:
                bench.rows[-1]["notes"] = f"{out['seconds'] / n:.1f} s per edition; " \
                                          + bench.rows[-1]["notes"]
            remove_site(site)  # a link to its build (publish.py)
    return results


def _estimate(results: dict, n: int, mode: str, fallback: float) -> float:
    """Seconds for n editions: from the 4-edition run in the same mode when there is one."""
    four = results.get("4", {}).get(mode)
    return four * n / 4 if four and n != 4 else fallback * 1.25


def _target(name: str, value: float | None, limit: float, unit: str, note: str = "") -> dict:
    return {"target": name, "value": value, "limit": limit, "unit": unit,
            "verdict": verdict(value, limit), "note": note}


def targets(sizes: dict, editions: dict, rebuild_s: float | None) -> list[dict]:
    """The issue's targets, each with its measured value and PASS/FAIL."""
    out = [_target(f"plugin overhead, {name}: mkdocs with our plugin / plain mkdocs",
                   r["overhead"], MAX_OVERHEAD, "x",
                   f"fastest against fastest of {len((r.get('hooked') or {}).get('rounds', []))}"
                   f" rounds; median of each round's ratio {_fmt(r.get('overhead_paired'), 'x')}")
           for name, r in sizes.items()]
    if "1000" in sizes:
        plain = _s(sizes["1000"].get("plain"))
        out.append(_target("1000 pages/lang: one edition build", _s(sizes["1000"]["edition"]),
                           MAX_EDITION_1000_S, " s",
                           f"plain MkDocs alone took {plain:.1f} s on this machine" if plain
                           else ""))
        biggest = sizes["1000"]["html"].get("max_gzip")
        out.append(_target("largest page, 1000 pages/lang: HTML gzip -9",
                           biggest / 1024 if biggest else None, MAX_PAGE_GZIP / 1024, " KB"))
    if "200" in sizes and "1000" in sizes:
        small, big = sizes["200"], sizes["1000"]
        out.append(_target("time per page, 1000 vs 200 pages/lang",
                           growth(_s(small["edition"]), small["pages_per_lang"],
                                  _s(big["edition"]), big["pages_per_lang"]), MAX_GROWTH, "x"))
    if "4" in editions and "16" in editions:
        mode = "sequential" if editions["16"].get("sequential") else "parallel"
        out.append(_target(f"time per edition, 16 vs 4 editions ({mode})",
                           growth(editions["4"].get(mode), 4, editions["16"].get(mode), 16),
                           MAX_GROWTH, "x"))
    out.append(_target("preview rebuild, real content, vi only", rebuild_s, MAX_REBUILD_S, " s"))
    return out


def format_targets(rows: list[dict]) -> str:
    return "\n".join(f"{t['verdict']:4}  {t['target']}: {_fmt(t['value'], t['unit'])} "
                     f"(target at most {t['limit']:g}{t['unit']}"
                     f"{'; ' + t['note'] if t.get('note') else ''})" for t in rows)


def run_all(bench: Bench, quick: bool) -> dict:
    jobs = os.cpu_count() or 1
    sizes = {"real": bench_size(bench, real_size())}
    rebuild = bench.helper("real: preview rebuild, vi only", "--rebuild",
                           bench.work / "real-preview.yml",
                           "second build in one process, as mkdocs serve after a save")
    for pages in (200,) if quick else (200, 1000):
        sizes[str(pages)] = bench_size(bench, synthetic_size(bench.work, pages))
    editions = bench_editions(bench, [1, 4] if quick else [1, 4, 16], sizes["200"]["edition"],
                              jobs)
    return {"machine": {"cpus": jobs, "python": sys.version.split()[0],
                        "load_average_at_start": bench.load_at_start},
            "quick": quick, "sizes": sizes, "editions": editions,
            "preview_rebuild": rebuild,
            "targets": targets(sizes, editions, _s(rebuild))}


def report(results: dict, rows: list[dict], out: Path) -> None:
    results["cases"] = rows
    results["machine"]["load_average_at_end"] = os.getloadavg()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print()
    print(format_table(rows))
    print()
    print(format_targets(results["targets"]))
    print()
    load = results["machine"]
    print(f"{load['cpus']} CPUs; load average {load['load_average_at_start'][0]:.2f} at the "
          f"start, {load['load_average_at_end'][0]:.2f} at the end (others' work slows builds)")
    print(f"total runtime: {results['total_seconds']:.0f} s")
    print(f"results: {out}")


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="the real content and 200 pages/lang; 1 and 4 editions")
    parser.add_argument("--out", type=Path, default=OUT, help=f"JSON results (default: {OUT})")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in ("--run", "--floor", "--rebuild"):
        return _child_main(argv[0], argv[1:])
    args = _parse(argv)
    bench = Bench(Path(tempfile.mkdtemp(prefix="bench-scale-")))
    try:
        results = run_all(bench, args.quick)
        results["total_seconds"] = bench.elapsed()
        report(results, bench.rows, args.out.resolve())
    except Failed as err:
        print(err.message.text(language()), file=sys.stderr)
        print("\n".join(err.tail), file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(bench.work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
