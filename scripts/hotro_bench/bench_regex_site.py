"""Worst time of each regular expression of the built-site checks on adversarial input.

    python scripts/bench_regex_site.py [--size 200000]

Every pattern of site_check.py, html_tokens.py, site_scan.py, link_check.py and nginx_conf.py
is run on texts made by repeating a short nasty piece (an unclosed quote, comment, tag, bracket
…) up to the size limit, and at a quarter of it: a linear pattern takes about four times as
long on the full size, a quadratic one sixteen times. Prints the worst time per pattern (best of
three runs), the piece that caused it and that ratio (when the time is long enough to tell).
tests/test_regex_linear.py checks the results on the same inputs; times belong here.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from hotro.checks import link_check, site_check, site_scan
from hotro.deploy import nginx_conf
from hotro.model import html_tokens

SIZE = 200_000  # characters: more than twice the 80 KB line that took >150 s before
PIECES = ['<a o"', "<a o'", "<!--", "<!-", "<script>", "<style ", "<title><", '<a b="',
          "<a b='", '</a b="', "<a\t", "<a ==", "<a b= ", "<a/", "<a ", "<", "<<a", "<!x",
          "<?", "</", "-->", "--!>", '"', "=", "[", "[a", "[\\", "\\[", "](", '](x "',
          "[a](<", "[[b]", "[a](x ", "`", "```", "<a href=", "<a href='tel:", "url(",
          "<svg><style>", "<noscript><p title='", "a" * 7, " " * 7, "1:" * 3]


def patterns() -> dict[str, Callable[[str], object]]:
    """Each pattern (or reader built on them) as it is used on a page or a Markdown file."""
    return {
        "site_check.WANTED": lambda text: site_check.WANTED.findall(text),
        "site_check.SCHEME": lambda text: site_check.SCHEME.match(text),
        "site_check.parse_html": site_check.parse_html,
        "html_tokens.TAG": lambda text: sum(1 for _ in html_tokens.TAG.finditer(text)),
        "html_tokens.tags": lambda text: sum(1 for _ in html_tokens.tags(text)),
        "html_tokens.tokens": lambda text: sum(1 for _ in html_tokens.tokens(text)),
        "html_tokens.tokens(look_inside)": lambda text: sum(
            1 for _ in html_tokens.tokens(text, look_inside=True)),
        "html_tokens.attributes": html_tokens.attributes.__wrapped__,
        "html_tokens.kept_attributes": html_tokens.kept_attributes.__wrapped__,
        "site_scan.scan_page": lambda text: site_scan.scan_page(text, "x.example",
                                                                frozenset({"111"})),
        "site_scan.SCHEME": lambda text: site_scan.SCHEME.match(text),
        "site_scan.TABLE_ALIGN": lambda text: site_scan.TABLE_ALIGN.fullmatch(text),
        "link_check.LINK": lambda text: link_check.LINK.findall(text),
        "link_check.CODE": lambda text: link_check.CODE.sub("", text),
        "link_check.SCHEME": lambda text: link_check.SCHEME.match(text),
        "nginx_conf.PORT": lambda text: nginx_conf.PORT.search(text),
    }


def adversarial(piece: str, size: int) -> str:
    return piece * (size // len(piece))


def worst(run: Callable[[str], object], size: int) -> tuple[float, str, float]:
    """(seconds, piece, ratio of the time at `size` to the time at size/4) at the worst."""
    found = (0.0, "", 0.0)
    for piece in PIECES:
        seconds = _time(run, adversarial(piece, size))
        if seconds > found[0]:
            quarter = _time(run, adversarial(piece, size // 4))
            found = (seconds, piece, seconds / quarter if quarter else 0.0)
    return found


def _time(run: Callable[[str], object], text: str, repeat: int = 3) -> float:
    """The best of `repeat` runs: other processes on the machine only ever add time."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run(text)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=SIZE, help="characters per input")
    size = parser.parse_args(argv).size
    print(f"{'pattern':28} {'worst s':>8} {'x (size/4)':>10}  piece")
    for name, run in patterns().items():
        seconds, piece, ratio = worst(run, size)
        # below ~50 ms, other processes on the machine decide the ratio
        shown = f"{ratio:10.1f}" if seconds >= 0.05 else f"{'-':>10}"
        print(f"{name:28} {seconds:8.3f} {shown}  {piece!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
