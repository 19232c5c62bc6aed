"""The printed page's QR code: our fast drawing is exactly segno's, and codes are kept."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import segno

from hotro.render import print_qr

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
from hotro.render import print_qr
folder = Path(sys.argv[1])
print_qr.use_cache(folder)
addresses = sys.argv[2:]
print_qr.prepare(addresses)
helper = print_qr._helper
print("helper:", helper is not None)
helper.join(timeout=120)  # let it finish: every code is then in the folder
print("kept:", len(list(folder.glob("*.svg"))) == len(addresses))
print("same:", print_qr.qr_svg(addresses[-1]) == print_qr.make_svg(addresses[-1]))
print_qr.finish()
print_qr.prepare(addresses)  # all kept already: no helper
print("again:", print_qr._helper is not None)
"""


def test_a_helper_makes_the_missing_codes_ahead(tmp_path):
    # in a fresh process: the helper is never forked beside threads, and pytest's may run
    result = subprocess.run([sys.executable, "-c", HELPER_RUN, str(tmp_path), *ADDRESSES],
                            cwd=SCRIPTS, capture_output=True, text=True, check=False, timeout=300)
    assert result.stdout.split() == ["helper:", "True", "kept:", "True", "same:", "True",
                                     "again:", "False"], result.stderr
