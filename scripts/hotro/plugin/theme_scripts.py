"""Material's inline scripts, as files of our own under overrides/assets/javascripts/.

Material writes four small inline scripts into its pages (partials/javascripts/*.html). Inline,
they need a hash each in the Content-Security-Policy, and one of them differs on every folder
depth (it holds the page's relative base URL), so the policy would have to be taken from the
built pages, where an injected script looks just like them. As files they are covered by
`script-src 'self'`: the policy needs no hash at all, and any inline script in a built page is
not ours (site_scan.py refuses it). Our overrides of those partials load these files; the one
value Material fills in (the site's root, for localStorage keys) the file works out from its
own address, two folders below the root.

    python -m hotro.plugin.theme_scripts   # write the files again after upgrading Material
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import material

from hotro.model import paths

ROOT = paths.ROOT
PARTIALS = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
FOLDER = ROOT / "overrides" / "assets" / "javascripts"
SCOPE_IN_TEMPLATE = 'new URL("{{ config.extra.scope | d(base_url) }}",location)'
SCOPE_IN_FILE = 'new URL("../..",document.currentScript.src)'  # assets/javascripts/ -> root
# our file -> (Material's partial, which of its inline scripts)
SCRIPTS = {"material-scope.js": ("base.html", 0), "material-palette.js": ("palette.html", 0),
           "material-tabs.js": ("content.html", 0), "material-target.js": ("content.html", 1)}
INLINE = re.compile(r"<script>(.*?)</script>", re.S)


def material_script(name: str) -> str:
    """The text of our file `name`: Material's inline script with its one value worked out."""
    partial, index = SCRIPTS[name]
    body = INLINE.findall((PARTIALS / partial).read_text(encoding="utf-8"))[index]
    if "{{" in body.replace(SCOPE_IN_TEMPLATE, ""):
        raise ValueError(f"{partial}: a template value this file cannot work out")
    body = body.replace(SCOPE_IN_TEMPLATE, SCOPE_IN_FILE)
    return (f"// Material for MkDocs' inline script from partials/javascripts/{partial},\n"
            "// as a file (scripts/hotro/plugin/theme_scripts.py): the CSP allows this site's "
            "files only.\n"
            f"{body}\n")


def main() -> int:
    for name in SCRIPTS:
        (FOLDER / name).write_text(material_script(name), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
