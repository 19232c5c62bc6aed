"""Content problems: what an editor sees when a file is wrong.

Every problem reads `file:line: record/field: problem (expected …)`, so an editor who is not a
programmer can find the place and knows what to write instead. `text("vi")` and `report("vi")`
give the same lines in Vietnamese (scripts/messages_vi.py); str() and report() stay English.
"""

from __future__ import annotations

from dataclasses import dataclass

EXPECTED_WORD = {"en": "expected", "vi": "cần"}


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    where: str
    problem: str
    expected: str = ""

    def __str__(self) -> str:
        return self._format("expected")

    def text(self, lang: str = "en") -> str:
        """The line an editor reads, in English ("en") or Vietnamese ("vi")."""
        if lang == "en":
            return str(self)
        from hotro.model.messages_vi import translate  # the catalogue only when it is asked for

        return translate(self, lang, strict=False)._format(EXPECTED_WORD[lang])

    def _format(self, expected_word: str) -> str:
        place = f"{self.file}:{self.line}" if self.line else self.file
        where = f" {self.where}:" if self.where else ""
        expected = f" ({expected_word} {self.expected})" if self.expected else ""
        return f"{place}:{where} {self.problem}{expected}"


class ContentError(Exception):
    """Raised with every problem found, so an editor can fix them all in one go."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self, lang: str = "en") -> str:
        """One line per problem, then a summary line, in English ("en") or Vietnamese ("vi")."""
        lines = [p.text(lang) for p in self.problems]
        count = len(self.problems)
        summary = f"{count} problem{'s' if count != 1 else ''} found; nothing was built."
        if lang != "en":
            from hotro.model.messages_vi import translate_line

            summary = translate_line(summary, lang)
        lines.append(summary)
        return "\n".join(lines)
