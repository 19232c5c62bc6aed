"""`python -m mkdocs`, except that MkDocs reads its config file with libyaml's C parser.

    python -m hotro.build.mkdocs_run build --strict --config-file CONFIG --site-dir DIR

MkDocs reads mkdocs.yml with PyYAML's pure-Python loader. An edition's config lists every page
in its nav, and at a thousand pages per language that read alone took over a second of each
MkDocs process. The C loader reads the same YAML, with MkDocs' own tags (!ENV, !relative),
several times faster. build_site.py runs its builds through this; without libyaml, or with
HOTRO_PLAIN=1 (model/speedups.py), it is plain MkDocs.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

from hotro.model import speedups
from hotro.model.processes import PR_SET_PDEATHSIG, pause


def _stop_with_the_build() -> None:
    """Die with the build that started this process (SIGTERM when its thread ends)."""
    parent = os.environ.get("SITE_BUILD_PARENT")
    if not parent or not sys.platform.startswith("linux"):
        return
    ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if str(os.getppid()) != parent:  # the build ended before the line above
        sys.exit(1)
    pause("mkdocs")  # tests only (SITE_BUILD_PAUSE_AT)


_stop_with_the_build()

import yaml  # noqa: E402  (after the lines above: die with the build even while importing)
from mkdocs.__main__ import cli  # noqa: E402
from mkdocs.utils import yaml as mkdocs_yaml  # noqa: E402

if speedups.enabled() and getattr(yaml, "__with_libyaml__", False):
    defaults = list(mkdocs_yaml.get_yaml_loader.__defaults__)
    defaults[0] = yaml.CLoader  # in place of yaml.Loader: the same constructors, in C
    mkdocs_yaml.get_yaml_loader.__defaults__ = tuple(defaults)

if __name__ == "__main__":
    cli()
