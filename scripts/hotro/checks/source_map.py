"""Point a problem found in the built HTML back at the Markdown line an editor wrote."""

from __future__ import annotations

import re

from hotro.checks.site_scan import Finding
from hotro.model import urls
from hotro.model.messages import Message, msg
from hotro.model.pages import DEFAULT_LANG, LANGS, PageSource
from hotro.model.problems import Problem
from hotro.model.records import Content
from hotro.model.urls import page_url

EXPECTED_LINK = msg("site.expected-link", example="../duong-day-nong/index.md")
MKDOCS_LINK = re.compile(r"Doc file '(?P<file>[^']+)' contains (?:a|an (?P<kind>[\w ]+?)) link "
                         r"'(?P<link>[^']+)', (?:but (?P<why>.+?)|it was left as is)\.?$")
# MkDocs' own reasons (third-party texts), each to its catalogue id; a reason not listed stays
# as MkDocs wrote it.
MKDOCS_WHY = [(re.compile(pattern), message_id) for pattern, message_id in (
    (r"the target is not found among documentation files", "site.why-not-found"),
    (r"the target (?P<target>'[^']*') is not found among documentation files",
     "site.why-target-not-found"),
    (r"the doc '(?P<doc>[^']*)' does not contain an anchor '(?P<anchor>[^']*)'",
     "site.why-no-anchor"),
    (r"there is no such anchor on this page", "site.why-no-anchor-here"),
)]
MKDOCS_KINDS = {"absolute": "site.why-absolute", "unrecognized relative": "site.why-relative"}
MKDOCS_MORE = re.compile(r"(?P<why>.+?)\. (?:Did you mean (?P<suggestion>'[^']*')\?|(?P<footnote>"
                         r"This seems to be a footnote that is never referenced))")


def source_problems(findings: list[Finding], content: Content) -> list[Problem]:
    """Findings as editor-facing Problems: at the Markdown line where the page is known, else
    at the built page."""
    by_output = _pages_by_output(content)
    out: list[Problem] = []
    for finding in findings:
        page = by_output.get(finding.page)
        if page is None:
            out.append(finding.as_problem())  # theme pages such as 404.html
            continue
        if finding.expected and not _written_in(page, finding.url):
            out.append(finding.as_problem())  # the scan's: from a template or data
            continue
        out.append(Problem(page.shown_as, line_of(page, finding.url), "", finding.problem,
                           finding.expected or EXPECTED_LINK))
    return out


def _pages_by_output(content: Content) -> dict[str, PageSource]:
    """'en/chinh-sach/index.html' -> its Markdown file (the Vietnamese one when untranslated)."""
    found = {}
    for page in content.pages.values():
        prefix = urls.prefix(page.lang)
        found[f"{prefix}{page_url(page.src)}index.html"] = page
    for page in content.pages.values():
        for lang in LANGS if page.lang == DEFAULT_LANG else ():
            if lang != DEFAULT_LANG:
                found.setdefault(f"{lang}/{page_url(page.src)}index.html", page)
    return found


def _written_in(page: PageSource, text: str) -> bool:
    """Whether `text` (found in the built page) is written in the page's Markdown; too short a
    text (`x`) would be found anywhere."""
    return len(text) >= 6 and text in page.body


def line_of(page: PageSource, url: str) -> int:
    """The first body line mentioning the link (as written, its anchor, or its last part)."""
    path, _, fragment = url.partition("#")
    candidates = [url, f"#{fragment}" if fragment else "", path.rstrip("/").rsplit("/", 1)[-1]]
    lines = page.body.split("\n")
    for needle in filter(None, candidates):
        for offset, line in enumerate(lines):
            if needle in line:
                return page.body_line + offset
    return page.body_line


def mkdocs_problems(log_lines: list[str], content: Content) -> list[Problem | str]:
    """MkDocs' warnings and errors, with its link warnings turned into file:line messages."""
    pages = {page.src: page for page in content.pages.values()}
    out: list[Problem | str] = []
    for line in log_lines:
        level, _, message = line.partition(" -  ")
        if level.strip() not in ("WARNING", "ERROR"):
            continue
        match = MKDOCS_LINK.search(message)
        page = pages.get(match["file"]) if match else None
        if page is None:
            out.append(message.strip() or line)
            continue
        why = _why(match["why"]) if match["why"] else _kind(match["kind"])
        out.append(Problem(page.shown_as, line_of(page, match["link"]), "",
                           msg("site.link-why", link=match["link"], why=why), EXPECTED_LINK))
    return out


def _why(text: str) -> Message | str:
    """MkDocs' reason for a link warning, from the catalogue where it is a known one."""
    more = MKDOCS_MORE.fullmatch(text)
    if more:
        why = _why(more["why"])
        if more["footnote"]:
            return msg("site.why-footnote", why=why)
        return msg("site.why-suggestion", why=why, suggestion=more["suggestion"])
    for pattern, message_id in MKDOCS_WHY:
        found = pattern.fullmatch(text)
        if found:
            return msg(message_id, **found.groupdict())
    return text


def _kind(kind: str) -> Message | str:
    if kind in MKDOCS_KINDS:
        return msg(MKDOCS_KINDS[kind])
    return f"this {kind} link does not lead to a page of this site"
