"""QR codes for printed pages, made at build time (no request to any QR service)."""

from __future__ import annotations

import segno


def qr_svg(address: str) -> str:
    """An inline SVG QR code of `address`; it scales to the size the print CSS gives it."""
    # A fixed mask skips segno's scoring of all eight (3-4 times faster on every page); any
    # mask is a valid code that phone cameras read.
    code = segno.make(address, error="m", mask=0, boost_error=False)
    svg = code.svg_inline(scale=3, border=2, dark="#000")
    size = code.symbol_size(scale=3, border=2)[0]
    # fixed width/height would stop the print CSS from sizing it; a viewBox keeps its shape
    return svg.replace(f'width="{size}" height="{size}"', f'viewBox="0 0 {size} {size}"', 1)
