"""Checks on content/editions/: every id an edition names exists, and its colours are readable."""

from __future__ import annotations

from hotro.model import paths
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
        return [Problem("content/editions/", 0, "", "no edition is marked canonical: true",
                        "exactly one joint edition with canonical: true")]
    names = ", ".join(e.file for e in joint)
    return [Problem(e.file, e.line_of("canonical"), f"{e.id}/canonical",
                    f"more than one edition is marked canonical ({names})",
                    "exactly one joint edition with canonical: true") for e in joint]


def _agency(content: Content, edition: Edition) -> list[Problem]:
    agency = content.agencies.get(edition["agency"])
    where = (edition.file, edition.line_of("agency"), f"{edition.id}/agency")
    if agency is None:
        return [Problem(*where, f"unknown agency {edition['agency']!r}",
                        "an id from content/agencies.yml")]
    if agency.get("successor"):
        return [Problem(*where, f"{edition['agency']!r} no longer exists; its work moved to "
                        f"{agency['successor']!r}", "a current agency")]
    return []


def _contacts(content: Content, edition: Edition) -> list[Problem]:
    problems = []
    for cid in edition["contacts_first"]:
        contact = content.contacts.get(cid)
        if contact is None or not contact.published:
            problem = (f"unknown contact {cid!r}" if contact is None else
                       f"contact {cid!r} is not verified, so it is never published")
            problems.append(Problem(edition.file, edition.line_of("contacts_first"),
                                    f"{edition.id}/contacts_first", problem,
                                    "ids of published contacts from content/contacts.yml"))
    return problems


def _sections(content: Content, edition: Edition) -> list[Problem]:
    sections = edition["sections"]
    if sections == "all":
        return []
    known = content.sections()
    problems = [Problem(edition.file, edition.line_of("sections"), f"{edition.id}/sections",
                        f"unknown section {name!r}", f"one of: {', '.join(known)}")
                for name in sections if name not in known]
    if "index" not in sections:
        problems.append(Problem(edition.file, edition.line_of("sections"),
                                f"{edition.id}/sections", "the home page (index) is left out",
                                "index in the list: every edition has a home page"))
    return problems


def _logo(content: Content, edition: Edition) -> list[Problem]:
    logo = edition.get("logo")
    if not logo or any((base / logo).is_file() for base in (content.root / "overrides",
                                                          OVERRIDES)):
        return []
    return [Problem(edition.file, edition.line_of("logo"), f"{edition.id}/logo",
                    f"there is no file overrides/{logo}", "an SVG file under overrides/")]


def _colours(edition: Edition) -> list[Problem]:
    problems = []
    for key, colour in (edition.get("colours") or {}).items():
        ratio = contrast(colour, "#ffffff")
        if ratio < MIN_CONTRAST:
            problems.append(Problem(edition.file, edition.line_of("colours"),
                                    f"{edition.id}/colours/{key}",
                                    f"{colour} is too light: white text on it has a contrast of "
                                    f"{ratio:.1f}:1", f"a darker colour, at least "
                                    f"{MIN_CONTRAST}:1 against white"))
    return problems


def contrast(one: str, other: str) -> float:
    """WCAG 2.1 contrast ratio of two #rrggbb colours."""
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
