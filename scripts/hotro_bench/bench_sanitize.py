"""Print how long the HTML allowlist takes (figures, not assertions: machines here are shared).

The real pages through the sanitiser, and adversarial inputs of 1 MB (the page size limit)
through the sanitiser and the content check: each must grow linearly with the input.
Run: .venv/bin/python scripts/bench_sanitize.py
"""

from __future__ import annotations

import time
from collections.abc import Callable

import markdown

from hotro.checks.link_check import EXTENSIONS
from hotro.checks.markup_check import markup_problems
from hotro.checks.validated import load_content
from hotro.model import paths
from hotro.model.pages import PageSource
from hotro.render.html_sanitize import sanitize

ROOT = paths.ROOT
ADVERSARIAL = ["<a o", '<a b="', "<!--", "<script>", "<svg>", "![", "]( ", "{: a=b ", "\n[",
               "&#", "<a href=x "]
SIZES = (250_000, 1_000_000)


def seconds(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def real_pages() -> None:
    content = load_content(ROOT)
    pages = [markdown.Markdown(extensions=EXTENSIONS).convert(p.body)
             for p in content.pages.values()]
    took = seconds(lambda: [sanitize(html) for html in pages])
    size = sum(len(html) for html in pages) // 1024
    print(f"real pages: {len(pages)} pages, {size} KB of HTML, {took * 1000:.0f} ms "
          f"({took / len(pages) * 1000:.2f} ms a page)")


def adversarial() -> None:
    print(f"{'input':14} {'size':>9} {'sanitise':>9} {'check':>9}")
    for unit in ADVERSARIAL:
        for size in SIZES:
            body = unit * (size // len(unit))
            page = PageSource("x.vi.md", "x", "vi", {}, None, body, 1)
            print(f"{unit!r:14} {size:>9} {seconds(lambda b=body: sanitize(b)):>8.2f}s "
                  f"{seconds(lambda p=page: markup_problems(p)):>8.2f}s")


if __name__ == "__main__":
    real_pages()
    adversarial()
