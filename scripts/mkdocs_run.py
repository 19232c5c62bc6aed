"""`python -m mkdocs`, except that MkDocs reads its config file with libyaml's C parser.

    python scripts/mkdocs_run.py build --strict --config-file CONFIG --site-dir DIR

MkDocs reads mkdocs.yml with PyYAML's pure-Python loader. An edition's config lists every page
in its nav, and at a thousand pages per language that read alone took over a second of each
MkDocs process. The C loader reads the same YAML, with MkDocs' own tags (!ENV, !relative),
several times faster. build_site.py runs its builds through this; without libyaml it is plain
MkDocs.
"""

from __future__ import annotations

import sys
from pathlib import Path

# as `python -m mkdocs`: scripts/ is not on the path until the hooks put it there
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path.pop(0)

import yaml
from mkdocs.__main__ import cli
from mkdocs.utils import yaml as mkdocs_yaml

if getattr(yaml, "__with_libyaml__", False):
    defaults = list(mkdocs_yaml.get_yaml_loader.__defaults__)
    defaults[0] = yaml.CLoader  # in place of yaml.Loader: the same constructors, in C
    mkdocs_yaml.get_yaml_loader.__defaults__ = tuple(defaults)

if __name__ == "__main__":
    cli()
