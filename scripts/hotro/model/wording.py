"""content/wording.yml as the code uses it: the phrases that report a gap in our research to
readers, and the plain-language limits (issue 17).

A gap phrase matches as whole words, in any case, with any spaces or line breaks between its
words, in NFC-normalised text with curly apostrophes read as straight ones. A longer phrase in
`allowed` (the reader's own doubt: "nếu bạn chưa rõ", "if anything is unclear") covers the gap
phrase inside it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

LANGS = ("vi", "en")
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})
# What the house asks for when content/wording.yml gives no limits (the aims).
DEFAULT_LIMITS = {"vi": {"average": 18, "longest": 35}, "en": {"average": 15, "longest": 30}}


def normalise(text: str) -> str:
    """NFC, curly apostrophes straight: the form phrases are compared in."""
    return unicodedata.normalize("NFC", text).translate(APOSTROPHES)


def _pattern(phrases: list[str]) -> re.Pattern | None:
    words = [normalise(p).split() for p in phrases if p.strip()]
    if not words:
        return None
    alternatives = sorted((r"\s+".join(map(re.escape, w)) for w in words), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.I)


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    phrase: str  # as written in the text, its spaces made single


@dataclass
class Wording:
    gap_phrases: dict[str, list[str]] = field(default_factory=dict)
    allowed: dict[str, list[str]] = field(default_factory=dict)
    limits: dict[str, dict[str, int]] = field(default_factory=lambda: DEFAULT_LIMITS)

    def __post_init__(self) -> None:
        every = [p for lang in LANGS for p in self.gap_phrases.get(lang, [])]
        self._gaps = _pattern(every)
        self._allowed = _pattern([p for lang in LANGS for p in self.allowed.get(lang, [])])

    @classmethod
    def from_data(cls, data: dict | None) -> Wording:
        data = data or {}
        limits = {lang: {**DEFAULT_LIMITS[lang], **(data.get("plain_language") or {}).get(
            lang, {})} for lang in LANGS}
        return cls(data.get("gap_phrases") or {}, data.get("allowed") or {}, limits)

    def gaps(self, text: str) -> list[Found]:
        """Each gap phrase in `text` (already normalised) outside an allowed phrase."""
        if self._gaps is None:
            return []
        covered = [m.span() for m in self._allowed.finditer(text)] if self._allowed else []
        return [Found(m.start(), m.end(), " ".join(m.group().split()))
                for m in self._gaps.finditer(text)
                if not any(s <= m.start() and m.end() <= e for s, e in covered)]
