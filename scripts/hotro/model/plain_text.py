"""Fields that are plain text (names, titles, menu entries) may hold no HTML and no script link."""

from __future__ import annotations

import re

# HTML or a script address in a field that is plain text
TEXT_MARKUP = re.compile(r"<\s*[a-zA-Z!/]|\b(javascript|vbscript)\s*:", re.I)
