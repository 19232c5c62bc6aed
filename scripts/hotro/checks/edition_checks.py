"""Checks on content/editions/: every id an edition names exists, and its colours are readable."""

from __future__ import annotations

from hotro.model import paths
from hotro.model.messages import Message, msg
from hotro.model.problems import Problem
from hotro.model.records import Content, Edition

OVERRIDES = paths.OVERRIDES
MIN_CONTRAST = 4.5  # WCAG 2.1 AA for normal text: white text on the colour, the colour on white


def check_editions(content: Content) -> list[Problem]:
    problems = _one_joint_edition(content)
    for edition in content.editions.values():
        problems += _agency(content, edition)
        problems += _contacts(content, edition)
        problems += _sections(content, edition)
        problems += _logo(content, edition)
        problems += _colours(edition)
    return problems


def _one_joint_edition(content: Content) -> list[Problem]:
    joint = [e for e in content.editions.values() if e.get("canonical")]
    if len(joint) == 1:
        return []
    if not joint:
        return [Problem("content/editions/", 0, "", msg("checks.no-canonical"),
                        msg("checks.one-canonical"))]
    names = ", ".join(e.file for e in joint)
    return [Problem(e.file, e.line_of("canonical"), f"{e.id}/canonical",
                    msg("checks.canonical-twice", files=names), msg("checks.one-canonical"))
            for e in joint]


def _agency(content: Content, edition: Edition) -> list[Problem]:
    agency = content.agencies.get(edition["agency"])
    where = (edition.file, edition.line_of("agency"), f"{edition.id}/agency")
    if agency is None:
        return [Problem(*where, msg("checks.unknown-agency", id=edition["agency"]),
                        msg("checks.id-from", home="content/agencies.yml"))]
    if agency.get("successor"):
        return [Problem(*where, msg("checks.edition-agency-gone", id=edition["agency"],
                                    successor=agency["successor"]),
                        msg("checks.current-agency"))]
    return []


def _contacts(content: Content, edition: Edition) -> list[Problem]:
    problems = []
    for cid in edition["contacts_first"]:
        contact = content.contacts.get(cid)
        if contact is None or not contact.published:
            problem = (msg("checks.unknown-contact", id=cid) if contact is None else
                       msg("checks.contact-never-published", id=cid))
            problems.append(Problem(edition.file, edition.line_of("contacts_first"),
                                    f"{edition.id}/contacts_first", problem,
                                    msg("checks.published-contact-ids")))
    return problems


def _sections(content: Content, edition: Edition) -> list[Problem]:
    sections = edition["sections"]
    if sections == "all":
        return []
    known = content.sections()
    problems = [Problem(edition.file, edition.line_of("sections"), f"{edition.id}/sections",
                        msg("checks.unknown-section", name=name),
                        msg("checks.one-of", options=", ".join(known)))
                for name in sections if name not in known]
    if "index" not in sections:
        problems.append(Problem(edition.file, edition.line_of("sections"),
                                f"{edition.id}/sections", msg("checks.no-home-page"),
                                msg("checks.home-page-needed")))
    return problems


def _logo(content: Content, edition: Edition) -> list[Problem]:
    logo = edition.get("logo")
    if not logo or any((base / logo).is_file() for base in (content.root / "overrides",
                                                          OVERRIDES)):
        return []
    return [Problem(edition.file, edition.line_of("logo"), f"{edition.id}/logo",
                    msg("checks.no-logo-file", logo=logo), msg("checks.logo-file"))]


def _colours(edition: Edition) -> list[Problem]:
    problems = []
    for key, colour in (edition.get("colours") or {}).items():
        ratio = contrast(colour, "#ffffff")
        if ratio < MIN_CONTRAST:
            problems.append(Problem(edition.file, edition.line_of("colours"),
                                    f"{edition.id}/colours/{key}",
                                    msg("checks.colour-too-light", colour=colour,
                                        ratio=decimal(ratio)),
                                    msg("checks.darker-colour", ratio=decimal(MIN_CONTRAST))))
    return problems


def decimal(number: float) -> Message:
    """A number with one decimal, as each language writes it (4.5, 4,5)."""
    units, tenths = f"{number:.1f}".split(".")
    return msg("checks.decimal", units=units, tenths=tenths)


def contrast(one: str, other: str) -> float:
    """WCAG 2.1 contrast ratio of two #rrggbb colours."""
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
