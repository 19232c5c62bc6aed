"""Checks across files: ids that point at other records, page pairs, markers, unsafe HTML."""

from __future__ import annotations

from hotro.checks import (
    edition_checks,
    markup_check,
    number_scan,
    official_sources,
    translation_checks,
    which_number,
)
from hotro.load.markdown_source import unsafe_html
from hotro.model.messages import Message, msg
from hotro.model.pages import DEFAULT_LANG, PageSource
from hotro.model.plain_text import TEXT_MARKUP
from hotro.model.problems import Problem
from hotro.model.records import Content
from hotro.render.markers import ARGS as MARKERS  # the one registry: marker -> its arguments

# Values that must be the same in a page's Vietnamese and English files.
NEUTRAL_POLICY_FIELDS = ("id", "number", "kind", "issued", "effective", "status",
                         "superseded_by", "source_url")


def cross_references(content: Content) -> list[Problem]:
    problems: list[Problem] = []
    problems += _record_refs(content)
    for page in content.pages.values():
        problems += _page_refs(content, page)
        unsafe = unsafe_html(page)
        problems += unsafe + markup_check.markup_problems(page, {p.line for p in unsafe})
    problems += _pairs(content)
    problems += _policy_refs(content)
    problems += official_sources.check(content)
    problems += _numbers_in_text(content)
    problems += _markup_in_text(content)
    problems += edition_checks.check_editions(content)
    problems += translation_checks.check_translations(content)
    problems += which_number.check(content)  # one rule for which number to call (issue 17)
    return problems


MARKUP = TEXT_MARKUP


def _markup_in_text(content: Content) -> list[Problem]:
    """Text fields are plain text: HTML or script there is a mistake (it would show as code)."""
    problems = []
    records = [*content.contacts.values(), *content.process.values(),
               *content.agencies.values(), *content.sources.values(),
               *content.editions.values(), *content.which_number.values()]  # escaped too
    for record in records:
        for key, value in record.data.items():
            texts = value.values() if isinstance(value, dict) else [value]
            if any(isinstance(t, str) and MARKUP.search(t) for t in texts):
                problems.append(_markup(record.file, record.line_of(key), f"{record.id}/{key}"))
    problems += _markup_in_ui(content)
    for page in content.pages.values():
        for key in ("description", "title"):
            if MARKUP.search(str(page.meta.get(key, ""))):
                problems.append(_markup(page.shown_as, page.front.line_of((key,)), key))
        for key, value in (page.meta.get("policy") or {}).items():
            if isinstance(value, str) and MARKUP.search(value):
                problems.append(_markup(page.shown_as, page.front.line_of(("policy", key)),
                                        f"policy/{key}"))
    return problems


def _markup(file: str, line: int, where: str) -> Problem:
    return Problem(file, line, where, msg("checks.markup-in-text"), msg("checks.plain-text"))


def _markup_in_ui(content: Content) -> list[Problem]:
    """Interface texts are plain text too (the templates escape them anyway)."""
    doc = content.ui_doc
    return [_markup("content/ui.yml", doc.line_of((key,)) if doc else 0, key)
            for key, texts in content.ui.items()
            if any(isinstance(t, str) and MARKUP.search(t) for t in texts.values())]


def _numbers_in_text(content: Content) -> list[Problem]:
    """Every phone-like number or tel: link in a page or a text field must be a published one."""
    return number_scan.check(content)


# The kinds of record an id may name: the word for it, and where such ids are written.
KINDS = {"source": (msg("checks.kind-source"), "content/sources/*.yml"),
         "agency": (msg("checks.kind-agency"), "content/agencies.yml"),
         "contact": (msg("checks.kind-contact"), "content/contacts.yml"),
         "policy": (msg("checks.kind-policy"), msg("checks.home-policy"))}


def _missing(ids, known, file, line, where, what) -> list[Problem]:
    word, home = KINDS[what]
    return [Problem(file, line, where, msg("checks.missing-id", what=word, id=rid),
                    msg("checks.id-from", home=home)) for rid in ids if rid not in known]


def _record_refs(content: Content) -> list[Problem]:
    problems: list[Problem] = []
    for agency in content.agencies.values():
        where = f"{agency.id}/"
        problems += _missing(agency.get("sources", []), content.sources, agency.file,
                             agency.line_of("sources"), where + "sources", "source")
        if "successor" in agency.data:
            problems += _missing([agency["successor"]], content.agencies, agency.file,
                                 agency.line_of("successor"), where + "successor", "agency")
    for step in content.process.values():
        problems += _missing(step["sources"], content.sources, step.file, step.line_of("sources"),
                             f"{step.id}/sources", "source")
    for contact in content.contacts.values():
        where = f"{contact.id}/"
        problems += _missing([contact["agency"]], content.agencies, contact.file,
                             contact.line_of("agency"), where + "agency", "agency")
        problems += _former_agency(content, contact)
        problems += _missing(contact.get("sources", []), content.sources, contact.file,
                             contact.line_of("sources"), where + "sources", "source")
        problems += _cost_sources(content, contact)
    return problems


def _cost_sources(content: Content, contact) -> list[Problem]:
    """A cost readers see needs sources that say it; sources for no cost are a slip too."""
    ids = contact.get("cost_sources", [])
    if "cost" in contact.data and not ids:
        return [Problem(contact.file, contact.line_of("cost"), f"{contact.id}/cost",
                        msg("cost.no-source", cost=contact["cost"]),
                        msg("cost.no-source-expected"))]
    line, where = contact.line_of("cost_sources"), f"{contact.id}/cost_sources"
    if ids and "cost" not in contact.data:
        return [Problem(contact.file, line, where, msg("cost.sources-without-cost"),
                        msg("cost.sources-without-cost-expected"))]
    return _missing(ids, content.sources, contact.file, line, where, "source")


def _former_agency(content: Content, contact) -> list[Problem]:
    """A published line cannot belong to a body that no longer exists: readers would call it."""
    agency = content.agencies.get(contact["agency"])
    if not contact.published or agency is None or "successor" not in agency.data:
        return []
    return [Problem(contact.file, contact.line_of("agency"), f"{contact.id}/agency",
                    msg("checks.agency-gone", id=agency.id, successor=agency["successor"]),
                    msg("checks.agency-today"))]


def _page_refs(content: Content, page: PageSource) -> list[Problem]:
    line = page.front.line_of(("sources",))
    problems = _missing(page.meta["sources"], content.sources, page.shown_as, line, "sources",
                        "source")
    for marker in page.markers:
        problems += _marker(content, page, marker)
    return problems


def _marker(content: Content, page: PageSource, marker) -> list[Problem]:
    where = f"data:{marker.name}"
    if marker.name not in MARKERS:
        return [Problem(page.shown_as, marker.line, where, msg("checks.unknown-marker"),
                        msg("checks.one-of", options=", ".join(f"data:{m}" for m in MARKERS)))]
    wanted = MARKERS[marker.name]
    if set(marker.args) != wanted:
        expected = (msg("checks.arguments", args=" ".join(f"{a}=..." for a in sorted(wanted)))
                    if wanted else msg("checks.no-arguments"))
        return [Problem(page.shown_as, marker.line, where, msg("checks.wrong-arguments"),
                        expected)]
    if marker.name == "process" and not content.process:
        return [Problem(page.shown_as, marker.line, where, msg("checks.no-process-steps"),
                        msg("checks.process-file"))]
    if marker.name == "which-number" and not content.which_number:
        return [Problem(page.shown_as, marker.line, where, msg("which-number.no-rule"),
                        msg("which-number.rule-file"))]
    problems = []
    for cid in marker.args.get("ids", "").split(",") if "ids" in wanted else []:
        contact = content.contacts.get(cid)
        if contact is None:
            problems += _missing([cid], content.contacts, page.shown_as, marker.line, where,
                                 "contact")
        elif not contact.published:
            problems.append(Problem(page.shown_as, marker.line, where,
                                    msg("checks.contact-not-shown", id=cid),
                                    msg("checks.verified-contact")))
    return problems


def _pairs(content: Content) -> list[Problem]:
    """Every English page has its Vietnamese original, with the same facts in front matter."""
    problems = []
    for (slug, lang), page in content.pages.items():
        original = content.pages.get((slug, DEFAULT_LANG))
        if lang == DEFAULT_LANG:
            continue
        if original is None:
            problems.append(Problem(page.shown_as, 1, "", msg("checks.no-vietnamese-page"),
                                    msg("checks.file-beside", file=f"docs/{slug}.vi.md")))
            continue
        problems += _same_facts(original, page)
    return problems


def _same_facts(original: PageSource, page: PageSource) -> list[Problem]:
    problems = []
    if sorted(original.meta["sources"]) != sorted(page.meta["sources"]):
        problems.append(Problem(page.shown_as, page.front.line_of(("sources",)), "sources",
                                msg("checks.sources-differ"),
                                msg("checks.same-sources", file=original.shown_as)))
    a, b = original.meta.get("policy"), page.meta.get("policy")
    if (a is None) != (b is None):
        problems.append(Problem(page.shown_as, 1, "policy", msg("checks.one-policy-block"),
                                msg("checks.policy-block-both", file=original.shown_as)))
        return problems
    for key in NEUTRAL_POLICY_FIELDS if a else ():
        if a.get(key) != b.get(key):
            problems.append(Problem(page.shown_as, page.front.line_of(("policy", key)),
                                    f"policy/{key}",
                                    msg("checks.value-differs", value=_shown(b.get(key)),
                                        original=_shown(a.get(key))),
                                    msg("checks.same-value", file=original.shown_as)))
    return problems


def _shown(value: object) -> str | Message:
    """A value an editor wrote, as the code writes values ('x'); no value in words."""
    return msg("checks.no-value") if value is None else repr(value)


def _policy_refs(content: Content) -> list[Problem]:
    policies = content.policies()
    problems = []
    for page in content.pages.values():
        policy = page.meta.get("policy")
        owner = policies.get(policy["id"]) if policy else None
        if page.lang == DEFAULT_LANG and owner is not None and owner is not page:
            problems.append(Problem(page.shown_as, page.front.line_of(("policy", "id")),
                                    "policy/id", msg("checks.policy-id-twice", id=policy["id"],
                                                     file=owner.shown_as),
                                    msg("checks.policy-id-once")))
        if policy and policy.get("superseded_by"):
            line = page.front.line_of(("policy", "superseded_by"))
            problems += _missing([policy["superseded_by"]], policies, page.shown_as, line,
                                 "policy/superseded_by", "policy")
    return problems

