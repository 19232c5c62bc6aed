"""schema.org JSON-LD for the directory pages: who runs each published line and how to reach it."""

from __future__ import annotations

import json
from collections.abc import Iterable

from hotro.model.pages import LANGS
from hotro.model.records import Contact, Content
from hotro.render.ui_text import language_name

WEEK = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# JSON has no <, > or & outside strings, so escaping them everywhere cannot change the data
HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def directory_jsonld(content: Content, contacts: Iterable[Contact], lang: str,
                     page_url: str) -> str:
    """A <script type="application/ld+json"> element: one organization per agency."""
    organizations: dict[str, dict] = {}
    for contact in contacts:
        if not contact.published:
            continue
        agency = contact["agency"]
        if agency not in organizations:
            organizations[agency] = _organization(content, agency, lang, page_url)
        organizations[agency]["contactPoint"].append(_contact_point(content, contact, lang))
    page = {"@type": "WebPage", "@id": page_url, "url": page_url, "inLanguage": lang,
            "about": [{"@id": org["@id"]} for org in organizations.values()]}
    graph = {"@context": "https://schema.org", "@graph": [page, *organizations.values()]}
    text = json.dumps(graph, ensure_ascii=False, separators=(",", ":")).translate(HTML_SAFE)
    return f'<script type="application/ld+json">{text}</script>'


def _organization(content: Content, agency_id: str, lang: str, page_url: str) -> dict:
    name = content.agencies[agency_id]["name"]
    other = next(code for code in LANGS if code != lang)
    return {"@type": "GovernmentOrganization", "@id": f"{page_url}#{agency_id}",
            "name": name[lang], "alternateName": name[other], "contactPoint": []}


def _contact_point(content: Content, contact: Contact, lang: str) -> dict:
    data = contact.data
    point = {"@type": "ContactPoint", "name": data["name"][lang],
             "contactType": data.get("short_name", data["name"])[lang], "areaServed": "VN"}
    if contact.phone:
        point["telephone"] = contact.phone.tel
        if data.get("cost") == "free":  # only a sourced cost (checks: cost_sources)
            point["contactOption"] = "https://schema.org/TollFree"
    if data["channel"] == "email":
        point["email"] = data["email"]
    if "url" in data:
        point["url"] = data["url"]
    if data.get("languages"):
        point["availableLanguage"] = [language_name(content, code, lang)
                                      for code in data["languages"]]
    if data.get("hours") == "24/7":
        point["hoursAvailable"] = {"@type": "OpeningHoursSpecification", "dayOfWeek": WEEK,
                                   "opens": "00:00", "closes": "23:59"}
    return point
