"""Content problems: what an editor sees when a file is wrong.

Every problem reads `file:line: record/field: problem (expected …)`, so an editor who is not a
programmer can find the place and knows what to write instead. The problem and what is expected
are Messages of the catalogue (hotro.model.messages), shown in Vietnamese or English when the
problem is printed; str() is English. Problems cross process boundaries as JSON.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import total_ordering
from typing import Any

from hotro.model.messages import LANGS, Message, msg

EXPECTED_WORD = {"en": "expected", "vi": "cần"}

Part = Message | str  # a Message, or "" for "nothing expected"


@total_ordering
@dataclass(frozen=True, eq=True)
class Problem:
    file: str
    line: int
    where: str
    problem: Part
    expected: Part = ""

    def __post_init__(self) -> None:
        for part in (self.problem, self.expected):
            if part and not isinstance(part, Message):  # every text has its id in the catalogue
                raise TypeError(f"a problem's text must be a catalogue Message, not {part!r}")

    def __str__(self) -> str:
        return self.text("en")

    def _key(self) -> tuple:
        return (self.file, self.line, self.where, str(self.problem), str(self.expected))

    def __lt__(self, other: Problem) -> bool:
        return self._key() < other._key()

    def text(self, lang: str = "en") -> str:
        """The line an editor reads, in English ("en") or Vietnamese ("vi")."""
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r} (expected one of: {', '.join(LANGS)})")
        place = f"{self.file}:{self.line}" if self.line else self.file
        where = f" {self.where}:" if self.where else ""
        problem = _part(self.problem, lang)
        expected = _part(self.expected, lang)
        expected = f" ({EXPECTED_WORD[lang]} {expected})" if expected else ""
        return f"{place}:{where} {problem}{expected}"

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "where": self.where,
                "problem": _part_json(self.problem), "expected": _part_json(self.expected)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Problem:
        return cls(data["file"], data["line"], data["where"], _part_from_json(data["problem"]),
                   _part_from_json(data["expected"]))


def _part(part: Part, lang: str) -> str:
    return part.text(lang) if isinstance(part, Message) else part


def _part_json(part: Part) -> Any:
    return part.to_json() if isinstance(part, Message) else part


def _part_from_json(data: Any) -> Part:
    return Message.from_json(data) if isinstance(data, dict) else data


class ContentError(Exception):
    """Raised with every problem found, so an editor can fix them all in one go."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self, lang: str = "en") -> str:
        """One line per problem, then a summary line, in English ("en") or Vietnamese ("vi")."""
        lines = [p.text(lang) for p in self.problems]
        lines.append(summary(len(self.problems)).text(lang))
        return "\n".join(lines)


def summary(count: int) -> Message:
    """The line after a list of problems: how many, and that nothing was built."""
    return msg("problems.summary", count=count)
