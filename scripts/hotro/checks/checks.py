"""Checks across files: ids that point at other records, page pairs, markers, unsafe HTML."""

from __future__ import annotations

from hotro.checks import edition_checks, markup_check, number_scan, translation_checks
from hotro.load.markdown_source import unsafe_html
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
    problems += _numbers_in_text(content)
    problems += _markup_in_text(content)
    problems += edition_checks.check_editions(content)
    problems += translation_checks.check_translations(content)
    return problems


MARKUP = TEXT_MARKUP


def _markup_in_text(content: Content) -> list[Problem]:
    """Text fields are plain text: HTML or script there is a mistake (it would show as code)."""
    problems = []
    records = [*content.contacts.values(), *content.process.values(),
               *content.agencies.values(), *content.sources.values(),
               *content.editions.values()]  # the templates escape them too (issue 14)
    for record in records:
        for key, value in record.data.items():
            texts = value.values() if isinstance(value, dict) else [value]
            if any(isinstance(t, str) and MARKUP.search(t) for t in texts):
                problems.append(Problem(record.file, record.line_of(key), f"{record.id}/{key}",
                                        "HTML or script is not allowed in a text field",
                                        "plain text"))
    problems += _markup_in_ui(content)
    for page in content.pages.values():
        for key in ("description", "title"):
            if MARKUP.search(str(page.meta.get(key, ""))):
                problems.append(Problem(page.shown_as, page.front.line_of((key,)), key,
                                        "HTML or script is not allowed in a text field",
                                        "plain text"))
        for key, value in (page.meta.get("policy") or {}).items():
            if isinstance(value, str) and MARKUP.search(value):
                problems.append(Problem(page.shown_as, page.front.line_of(("policy", key)),
                                        f"policy/{key}", "HTML or script is not allowed in a "
                                        "text field", "plain text"))
    return problems


def _markup_in_ui(content: Content) -> list[Problem]:
    """Interface texts are plain text too (the templates escape them anyway)."""
    doc = content.ui_doc
    return [Problem("content/ui.yml", doc.line_of((key,)) if doc else 0, key,
                    "HTML or script is not allowed in a text field", "plain text")
            for key, texts in content.ui.items()
            if any(isinstance(t, str) and MARKUP.search(t) for t in texts.values())]


def _numbers_in_text(content: Content) -> list[Problem]:
    """Every phone-like number or tel: link in a page or a text field must be a published one."""
    return number_scan.check(content)


def _missing(ids, known, file, line, where, what) -> list[Problem]:
    return [Problem(file, line, where, f"{what} {rid!r} does not exist",
                    f"an id from {_home(what)}") for rid in ids if rid not in known]


def _home(what: str) -> str:
    return {"source": "content/sources/*.yml", "agency": "content/agencies.yml",
            "contact": "content/contacts.yml", "policy": "the policy: id of a page"}[what]


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
    return problems


def _former_agency(content: Content, contact) -> list[Problem]:
    """A published line cannot belong to a body that no longer exists: readers would call it."""
    agency = content.agencies.get(contact["agency"])
    if not contact.published or agency is None or "successor" not in agency.data:
        return []
    return [Problem(contact.file, contact.line_of("agency"), f"{contact.id}/agency",
                    f"agency {agency.id!r} no longer exists; its work moved to "
                    f"{agency['successor']!r}", "the id of the body that runs the line today")]


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
        return [Problem(page.shown_as, marker.line, where, "unknown data marker",
                        "one of: " + ", ".join(f"data:{m}" for m in MARKERS))]
    wanted = MARKERS[marker.name]
    if set(marker.args) != wanted:
        expected = " ".join(f"{a}=..." for a in sorted(wanted)) or "no arguments"
        return [Problem(page.shown_as, marker.line, where, "wrong arguments", expected)]
    if marker.name == "process" and not content.process:
        return [Problem(page.shown_as, marker.line, where, "there are no process steps",
                        "content/process.yml with the steps")]
    problems = []
    for cid in marker.args.get("ids", "").split(",") if "ids" in wanted else []:
        contact = content.contacts.get(cid)
        if contact is None:
            problems += _missing([cid], content.contacts, page.shown_as, marker.line, where,
                                 "contact")
        elif not contact.published:
            problems.append(Problem(page.shown_as, marker.line, where, f"contact {cid!r} is not "
                                    "verified, so it cannot be shown", "a verified contact"))
    return problems


def _pairs(content: Content) -> list[Problem]:
    """Every English page has its Vietnamese original, with the same facts in front matter."""
    problems = []
    for (slug, lang), page in content.pages.items():
        original = content.pages.get((slug, DEFAULT_LANG))
        if lang == DEFAULT_LANG:
            continue
        if original is None:
            problems.append(Problem(page.shown_as, 1, "", "this page has no Vietnamese version",
                                    f"docs/{slug}.vi.md beside it"))
            continue
        problems += _same_facts(original, page)
    return problems


def _same_facts(original: PageSource, page: PageSource) -> list[Problem]:
    problems = []
    if sorted(original.meta["sources"]) != sorted(page.meta["sources"]):
        problems.append(Problem(page.shown_as, page.front.line_of(("sources",)), "sources",
                                "differs from the Vietnamese page",
                                f"the same sources as {original.shown_as}"))
    a, b = original.meta.get("policy"), page.meta.get("policy")
    if (a is None) != (b is None):
        problems.append(Problem(page.shown_as, 1, "policy", "only one language has a policy block",
                                f"a policy block in both {original.shown_as} and this page"))
        return problems
    for key in NEUTRAL_POLICY_FIELDS if a else ():
        if a.get(key) != b.get(key):
            problems.append(Problem(page.shown_as, page.front.line_of(("policy", key)),
                                    f"policy/{key}", f"{b.get(key)!r} differs from the "
                                    f"Vietnamese page's {a.get(key)!r}",
                                    f"the same value as {original.shown_as}"))
    return problems


def _policy_refs(content: Content) -> list[Problem]:
    policies = content.policies()
    problems = []
    for page in content.pages.values():
        policy = page.meta.get("policy")
        owner = policies.get(policy["id"]) if policy else None
        if page.lang == DEFAULT_LANG and owner is not None and owner is not page:
            problems.append(Problem(page.shown_as, page.front.line_of(("policy", "id")),
                                    "policy/id", f"{policy['id']!r} is also the id of "
                                    f"{owner.shown_as}", "a policy id used by one page pair"))
        if policy and policy.get("superseded_by"):
            line = page.front.line_of(("policy", "superseded_by"))
            problems += _missing([policy["superseded_by"]], policies, page.shown_as, line,
                                 "policy/superseded_by", "policy")
    return problems

