"""Which Vietnamese text an English text was translated from: fingerprints and stale pages.

An English page records text_hash() of the Vietnamese it was made from (`translated_from`).
Pure functions of the content, shared by the pages (the stale-translation notice) and by
`make status` / `make translated` (hotro.load.translations).
"""

from __future__ import annotations

import hashlib

from hotro.model.pages import DEFAULT_LANG, PageSource
from hotro.model.records import Content

HASH_LENGTH = 12


def text_hash(text: str) -> str:
    """A short fingerprint of a text; line endings and trailing spaces do not change it."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    normal = "\n".join(line.rstrip() for line in lines).strip("\n")
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def stale_original(content: Content, page: PageSource) -> PageSource | None:
    """For an English page translated from an older Vietnamese text: that Vietnamese page.

    A page with no translated_from is not flagged to readers (its status is unknown, and
    `make status` reports it); only a recorded, different fingerprint is.
    """
    recorded = page.meta.get("translated_from")
    original = content.pages.get((page.slug, DEFAULT_LANG))
    if page.lang == DEFAULT_LANG or not recorded or original is None:
        return None
    return original if recorded != text_hash(original.body) else None
