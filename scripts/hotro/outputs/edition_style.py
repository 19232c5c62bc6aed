"""The edition's colours as CSS custom properties, appended to the site's own stylesheet."""

from __future__ import annotations

import re

HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def _colour(value: object) -> str:
    """A #rrggbb colour, or Material's own (the schema refuses anything else; CSS must not
    receive text that could close the rule)."""
    text = str(value)
    return text if HEX_COLOUR.fullmatch(text) else "initial"


def site_css(colours: dict | None) -> str:
    """Material's colour variables for the header, links and focus."""
    if not colours:
        return ""
    primary = _colour(colours["primary"])
    rules = [f"--md-primary-fg-color:{primary}", f"--md-primary-fg-color--light:{primary}",
             f"--md-primary-fg-color--dark:{primary}", f"--md-typeset-a-color:{primary}"]
    if colours.get("accent"):
        rules.append(f"--md-accent-fg-color:{_colour(colours['accent'])}")
    return "\n/* This edition's colours (content/editions/) */\n:root{" + ";".join(rules) + "}\n"


def embed_css(colours: dict | None) -> str:
    if not colours:
        return ""
    return "\n/* This edition's colour */\n:root{--primary:" + _colour(colours["primary"]) + "}\n"
