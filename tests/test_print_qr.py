"""The printed page's QR code: our fast drawing is exactly segno's, and codes are kept."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import segno

import print_qr

SCRIPTS = Path(print_qr.__file__).resolve().parent
ADDRESSES = [
    "https://example.gov.vn/",
    "https://example.gov.vn/ho-tro/en/chinh-sach/luat-phong-chong-mua-ban-nguoi-2024/",
    "https://so-y-te.example.gov.vn/ho-tro/bao-tin/",
    "https://example.gov.vn/" + "trang-rat-dai/" * 12,  # a bigger code version
]


def segno_drawing(address: str) -> str:
    """segno's own SVG writer, with the viewBox our print CSS needs instead of a fixed size."""
    code = segno.make(address, error="m", mask=0, boost_error=False)
    size = code.symbol_size(scale=print_qr.SCALE, border=print_qr.BORDER)[0]
    svg = code.svg_inline(scale=print_qr.SCALE, border=print_qr.BORDER, dark="#000")
    return svg.replace(f'width="{size}" height="{size}"', f'viewBox="0 0 {size} {size}"', 1)


@pytest.mark.parametrize("address", ADDRESSES)
def test_the_code_is_the_one_segno_draws(address):
    assert print_qr.make_svg(address) == segno_drawing(address)


def test_a_code_is_kept_and_read_back(tmp_path):
    print_qr.use_cache(tmp_path)
    try:
        first = print_qr.qr_svg(ADDRESSES[1])
        kept = list(tmp_path.glob("*.svg"))
        assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == first
        kept[0].write_text("<svg>kept</svg>", encoding="utf-8")
        assert print_qr.qr_svg(ADDRESSES[1]) == "<svg>kept</svg>"  # read, not made again
    finally:
        print_qr.use_cache(None)


HELPER_RUN = """
import sys
from pathlib import Path
import print_qr
print_qr.use_cache(Path(sys.argv[1]))
print_qr.prepare(sys.argv[2:5])  # a few codes: made as the pages need them
print("few:", print_qr._helper is not None)
many = [f"https://example.gov.vn/trang-{i}/" for i in range(print_qr.HELPER_FROM)]
print_qr.prepare(many)
helper = print_qr._helper
print("many:", helper is not None)
helper.join(timeout=120)  # let it finish: every code is then in the folder
print("kept:", len(list(Path(sys.argv[1]).glob("*.svg"))) == len(many))
print("same:", print_qr.qr_svg(many[-1]) == print_qr.make_svg(many[-1]))
print_qr.finish()
"""


def test_a_helper_makes_codes_ahead_only_for_a_big_site(tmp_path):
    # in a fresh process: the helper is never forked beside threads, and pytest's may run
    result = subprocess.run([sys.executable, "-c", HELPER_RUN, str(tmp_path), *ADDRESSES[:3]],
                            cwd=SCRIPTS, capture_output=True, text=True, check=False, timeout=300)
    assert result.stdout.split() == ["few:", "False", "many:", "True", "kept:", "True",
                                     "same:", "True"], result.stderr
