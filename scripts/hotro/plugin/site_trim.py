"""Leave out of the built site the theme files readers never need.

MkDocs copies every static file of Material into each site: its search worker and the lunr
language files (about 40 files; the site has its own search, Material's search plugin is off)
and the source maps of its bundles (about 1.3 MB, for developers' tools only).
"""

from __future__ import annotations

import shutil
from pathlib import Path

UNUSED_FOLDERS = ("assets/javascripts/lunr", "assets/javascripts/workers")
SOURCE_MAPS = "*.map"


def drop_unused_theme_files(site: Path) -> list[str]:
    """Remove them from `site`; the paths removed, relative to it (for tests and logs)."""
    removed = []
    for folder in UNUSED_FOLDERS:
        path = site / folder
        if path.is_dir():
            removed += sorted(p.relative_to(site).as_posix() for p in path.rglob("*")
                              if p.is_file())
            shutil.rmtree(path)
    for path in sorted((site / "assets").rglob(SOURCE_MAPS)):
        if path.is_file():
            removed.append(path.relative_to(site).as_posix())
            path.unlink()
    return removed
