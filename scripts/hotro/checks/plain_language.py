"""Plain language (issue 17): how long each page's sentences are, and which pages go over the
limits of content/wording.yml.

Vietnamese is counted in syllables (space-separated words), English in words
(hotro.model.sentences). A page over a limit is a reminder, never an error: `make check` prints
the figures of every page and a warning for each page over a limit, and carries on; `make
status` lists the pages over a limit.
"""

from __future__ import annotations

from dataclasses import dataclass

from hotro.load.wording_files import read_wording
from hotro.model.messages import Message, Texts, msg
from hotro.model.pages import LANGS, PageSource
from hotro.model.problems import Problem
from hotro.model.records import Content
from hotro.model.sentences import Figures, sentences
from hotro.model.wording import Wording

UNITS = {"vi": "plain.unit-vi", "en": "plain.unit-en"}


@dataclass(frozen=True)
class PageFigures:
    page: PageSource
    figures: Figures
    too_long: int  # sentences over the longest limit


def report(content: Content) -> tuple[list[Message], list[Problem]]:
    """The figures table and the reminders for the content, with the limits of its wording.yml
    (the loader has already refused a wording.yml that is wrong)."""
    wording = read_wording(content.root)[0]
    found = figures(content, wording)
    return table(found, wording), warnings(found, wording)


def figures(content: Content, wording: Wording) -> list[PageFigures]:
    """The figures of every page, in the order of their files."""
    found = []
    for page in sorted(content.pages.values(), key=lambda p: p.src):
        limit = wording.limits[page.lang]["longest"]
        every = sentences(page.body, page.body_line)
        found.append(PageFigures(page, Figures.of(every),
                                 sum(s.length > limit for s in every)))
    return found


def decimal(value: float) -> Texts:
    """12.5 in English, 12,5 in Vietnamese."""
    shown = f"{value:.1f}"
    return Texts(shown.replace(".", ","), shown)


def warnings(found: list[PageFigures], wording: Wording) -> list[Problem]:
    """One reminder for each page whose average, or whose longest sentence, is over a limit."""
    problems = []
    for item in found:
        page, fig = item.page, item.figures
        limits, unit = wording.limits[page.lang], msg(UNITS[page.lang])
        if fig.average > limits["average"]:
            problems.append(Problem(
                page.shown_as, page.body_line, "",
                msg("plain.average-over", average=decimal(fig.average), unit=unit,
                    limit=limits["average"]), msg("plain.average-expected")))
        if item.too_long and fig.longest is not None:
            problems.append(Problem(
                page.shown_as, fig.longest.line, "",
                msg("plain.longest-over", length=fig.longest.length, unit=unit,
                    limit=limits["longest"], count=item.too_long),
                msg("plain.longest-expected")))
    return problems


def table(found: list[PageFigures], wording: Wording) -> list[Message]:
    """The figures as lines: a title, then one line per page pair (vi, en)."""
    limits = {lang: msg("plain.limits", **wording.limits[lang]) for lang in LANGS}
    lines = [msg("plain.title", **limits)]
    by_slug: dict[str, dict[str, Figures]] = {}
    for item in found:
        by_slug.setdefault(item.page.slug, {})[item.page.lang] = item.figures
    for slug, pair in sorted(by_slug.items()):
        shown = {lang: _shown(pair.get(lang)) for lang in LANGS}
        lines.append(msg("plain.row", page=slug, **shown))
    return lines


def _shown(fig: Figures | None) -> Message:
    if fig is None:
        return msg("plain.no-page")
    longest = fig.longest.length if fig.longest else 0
    return msg("plain.figures", average=decimal(fig.average), longest=longest, count=fig.count)
