"""Worst-case time of every regular expression of the content pipeline: `make bench-regex`.

A benchmark, not a test: each pattern runs over adversarial texts (a short piece repeated) of
1 KB, 10 KB, 100 KB and 1 MB (the file size limit), all matches found as the code finds them.
Prints the worst time per pattern and how the time grows from 100 KB to 1 MB (about 10 for a
linear pattern, about 100 for a quadratic one; noisy on a busy machine). A pattern that takes
over BUDGET/20 seconds on a size is not run on the next one and is marked SLOW.

    python scripts/bench_regex.py [--budget 2]
"""

from __future__ import annotations

import argparse
import importlib
import multiprocessing
import re
import sys
import time

# Every module that reads content or the pages built from it. The readers of built pages
# (html_tags.py, site_scan.py) are also measured as a whole by bench_regex_site.py.
MODULES = ("checks", "config_source", "content", "content_guards", "csv_cells", "docs_files",
           "edition_links", "embeds", "html_sanitize", "html_tags", "html_tokens", "i18n_fixes",
           "invisible_chars", "link_check", "markdown_limits", "markdown_source", "markup_check",
           "new_content", "nginx_conf", "number_check", "number_scan", "number_text", "phones",
           "phone_links", "print_qr", "protected_spans", "render", "search_index", "site_check",
           "site_scan", "source_map", "svg_check", "tel_check", "translations", "which_number",
           "yaml_limits")

PATTERN_LIMIT = 120  # seconds for all the pieces of one pattern
SIZES = (1_000, 10_000, 100_000, 1_000_000)
# Pieces that make a backtracking engine try hard: starts of tags, attributes, comments and
# markers left open, runs of spaces and newlines, and each pattern's own literal words.
PIECES = ("<a o", "<a ", "<", "<a>", "<a href=\"", "href=\"", "<script", "<!-- data:a",
          "<!-- data:a x=y ", " on", "\n", " ", "\n ", " \n", "- [", "- [ ] ", "a-", "a-a",
          "=", "Doc file '", "<link rel=\"alternate\" href=\"", "javascript", "data:",
          "translated_from:", "a:", "<!--", "\t", "x" * 7)


def patterns(modules: tuple[str, ...] = MODULES) -> dict[str, re.Pattern]:
    """Every module-level pattern of `modules` (also inside a list, tuple or dict), by name."""
    found: dict[str, re.Pattern] = {}
    for module_name in modules:
        module = importlib.import_module(module_name)
        for name, value in vars(module).items():
            for key, pattern in _patterns_in(value):
                found.setdefault(f"{module_name}.{name}{key}", pattern)
    seen: set[int] = set()  # a pattern imported from another module is measured once
    return {name: p for name, p in found.items() if not (id(p) in seen or seen.add(id(p)))}


def _patterns_in(value: object) -> list[tuple[str, re.Pattern]]:
    if isinstance(value, re.Pattern):
        return [("", value)]
    items = value.items() if isinstance(value, dict) else (
        enumerate(value) if isinstance(value, list | tuple) else [])
    found = []
    for key, item in items:
        inner = item if isinstance(item, re.Pattern) else (
            item[0] if isinstance(item, tuple) and item and isinstance(item[0], re.Pattern)
            else None)
        if inner is not None:
            found.append((f"[{key!r}]", inner))
    return found


def run_once(pattern: re.Pattern, text: str) -> float:
    """Seconds to find every match, as finditer/sub would."""
    subject = text.encode() if isinstance(pattern.pattern, bytes) else text
    started = time.perf_counter()
    for _ in pattern.finditer(subject):
        pass
    return time.perf_counter() - started


def worst(pattern: re.Pattern, budget: float) -> tuple[float, str, int, float]:
    """(worst seconds, its piece, the largest size run, growth to that size from the one before).

    The piece that stopped at the smallest size is the worst; then the slowest at that size.
    """
    result = (0.0, "", SIZES[-1], 0.0)
    for piece in PIECES:
        seconds, size, growth = _grow(pattern, piece, budget)
        if (-size, seconds) > (-result[2], result[0]):
            result = (seconds, piece, size, growth)
    return result


def _grow(pattern: re.Pattern, piece: str, budget: float) -> tuple[float, int, float]:
    """Run sizes in turn; stop after a run over budget/20 s, since the next size (10 times
    longer) would take over budget/2 s if linear and far longer if not."""
    previous = 0.0
    for size in SIZES:
        text = piece * (size // len(piece))
        seconds = min(run_once(pattern, text) for _ in range(1 if size > 100_000 else 3))
        growth = seconds / previous if previous > 1e-3 else 0.0
        previous = seconds
        if seconds > budget / 20 and size != SIZES[-1]:
            return seconds, size, growth
    return seconds, SIZES[-1], growth


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--budget", type=float, default=2.0,
                        help="seconds: a run over budget/20 stops a piece (default 2)")
    parser.add_argument("--only", default="", help="only patterns whose name contains this")
    args = parser.parse_args(argv)
    slow = 0
    print(f"{'pattern':40} {'worst s':>8} {'size':>9} {'growth':>7}  piece")
    for name, pattern in patterns().items():
        if args.only in name:
            slow += _report(name, pattern, args.budget)
    print(f"\n{slow} slow pattern(s): SLOW = over {args.budget / 20} s before 1 MB, or over 1 s "
          "at 1 MB; growth = time at the last size / time at the size before (linear about 10)")
    return 0


def _report(name: str, pattern: re.Pattern, budget: float) -> bool:
    """One pattern in a child process, stopped after PATTERN_LIMIT seconds (a pattern that
    is exponential or cubic could otherwise run for hours)."""
    pool = multiprocessing.get_context("fork").Pool(1)
    try:
        seconds, piece, size, growth = pool.apply_async(worst, (pattern, budget)).get(
            PATTERN_LIMIT)
    except multiprocessing.TimeoutError:
        print(f"{name:40} {'>' + str(PATTERN_LIMIT):>8} {'':9} {'':7}  (stopped)  SLOW")
        return True
    finally:
        pool.terminate()
    slow = size < SIZES[-1] or seconds > 1.0
    print(f"{name:40} {seconds:8.3f} {size:9,} {growth:7.1f}  {piece!r}{'  SLOW' if slow else ''}",
          flush=True)
    return slow


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
