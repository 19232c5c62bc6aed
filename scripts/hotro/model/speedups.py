"""One switch for every speed-up: HOTRO_PLAIN=1 builds the plain way.

The build has speed-ups that must not change one byte of the site: the navigation cache
(plugin/nav_cache.py), compiled templates kept between languages and processes
(render/template_cache.py), the theme listing without Material's hidden icons
(plugin/theme_listing.py), the validated content handed over to MkDocs' processes, the C YAML
loader of build/mkdocs_run.py, the pages read while MkDocs writes them (build/page_watch.py)
and each language built in a process of its own (build/language_split.py). Each asks
`enabled()` first. With HOTRO_PLAIN=1 none of them runs, so the equivalence tests can compare
the normal build with the plain one.
"""

from __future__ import annotations

import os

SWITCH = "HOTRO_PLAIN"


def enabled() -> bool:
    """False when HOTRO_PLAIN is set to anything but "", "0" or "no"."""
    return os.environ.get(SWITCH, "").strip().lower() in ("", "0", "no")


def plain_env() -> dict[str, str]:
    """The environment entry that turns every speed-up off in a process started with it."""
    return {SWITCH: "1"}
