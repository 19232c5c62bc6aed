"""Adversarial input for the number checks (issue 14, part "numbers"): worst time per function.

    python scripts/bench_numbers.py [--size 100000]

Each function that reads page text for numbers (number_text.read, number_check.find_numbers,
tel_check.find_links, phone_links.link_numbers) gets lines built to make a regular expression
backtrack, at the size given and at twice that size. Figures, not assertions: linear time shows
as a ratio near 2 between the two sizes (a quadratic one would be near 4).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from hotro.checks.number_check import find_numbers
from hotro.checks.tel_check import find_links
from hotro.model.number_text import read
from hotro.render.phone_links import link_numbers

UNITS = ["1 o", "o 1 ", "0", "1 ", "0912 345 678 ", "(0", "+84 (", "11 1 1 ", "lo1", "\u200b1",
         "&#48;", "&", "tel:", "[](tel:1", "<a o", "\u00a01", "\uff10", "[", "<!--<",
         "![", "`1"]
TELS = {"111": "111", "0912 345 678": "+84912345678"}
FUNCTIONS: dict[str, Callable[[str], object]] = {
    "number_text.read": read, "number_check.find_numbers": find_numbers,
    "tel_check.find_links": find_links,
    "phone_links.link_numbers": lambda text: link_numbers(text + " 111", TELS),
}


def seconds(function: Callable[[str], object], text: str) -> float:
    start = time.perf_counter()
    function(text)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=100_000, help="characters per line")
    size = parser.parse_args().size
    print(f"{'function':28} {'worst input':>16} {size:>9} ch {2 * size:>9} ch  ratio")
    for name, function in FUNCTIONS.items():
        worst = max(UNITS, key=lambda unit: seconds(function, unit * (size // len(unit))))
        one = seconds(function, worst * (size // len(worst)))
        two = seconds(function, worst * (2 * size // len(worst)))
        print(f"{name:28} {worst!r:>16} {one:>10.3f} s {two:>10.3f} s  {two / one:5.1f}")


if __name__ == "__main__":
    main()
