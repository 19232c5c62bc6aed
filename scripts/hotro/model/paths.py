"""Where things are in the repository: the one module that works out its root.

The package is installed in place (`pip install -e .`, done by the Makefile), so its files stay
in scripts/hotro/ and the repository is two folders above the package.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
ROOT = PACKAGE.parent.parent
CONTENT = ROOT / "content"
SCHEMAS = CONTENT / "schemas"
PUBLISHED_SCHEMAS = SCHEMAS / "published"
DOCS = ROOT / "docs"
OVERRIDES = ROOT / "overrides"
PARTIALS = OVERRIDES / "partials"
EMBED_ASSETS = OVERRIDES / "assets" / "embed"
BASE_CONFIG = ROOT / "mkdocs.yml"
