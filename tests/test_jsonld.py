"""schema.org JSON-LD for the directory: what a search engine reads, and safe inside HTML."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from hotro.checks.validated import load_content
from hotro.render.jsonld import directory_jsonld

REPO = Path(__file__).resolve().parent.parent
PAGE = "https://ho-tro.example.gov.vn/en/danh-ba/"
SCRIPT = re.compile(r'^<script type="application/ld\+json">(.*)</script>$', re.S)


@pytest.fixture(scope="module")
def content():
    return load_content(REPO)


def parse(element: str) -> list[dict]:
    """The nodes of the @graph inside the script element."""
    match = SCRIPT.match(element)
    assert match, element[:80]
    assert "</" not in match.group(1)
    data = json.loads(match.group(1))
    assert data["@context"] == "https://schema.org"
    return data["@graph"]


def organizations(element: str) -> list[dict]:
    return [n for n in parse(element) if n["@type"] == "GovernmentOrganization"]


def points(element: str) -> list[dict]:
    return [p for org in organizations(element) for p in org["contactPoint"]]


def test_one_organization_per_agency_with_contact_points(content):
    orgs = organizations(directory_jsonld(content, content.contacts.values(), "en", PAGE))
    expected = list(dict.fromkeys(c["agency"] for c in content.published_contacts()))
    assert [o["@id"] for o in orgs] == [f"{PAGE}#{agency}" for agency in expected]
    health = orgs[0]
    assert (health["name"], health["alternateName"]) == ("Ministry of Health", "Bộ Y tế")
    hotline = health["contactPoint"][0]
    assert hotline["@type"] == "ContactPoint"
    assert hotline["contactType"] == "Trafficking and child protection"
    assert hotline["areaServed"] == "VN"
    assert hotline["hoursAvailable"] == {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                      "Sunday"],
        "opens": "00:00", "closes": "23:59"}
    page = parse(directory_jsonld(content, content.contacts.values(), "en", PAGE))[0]
    assert page["@type"] == "WebPage" and page["url"] == PAGE


def test_telephones_are_the_published_numbers(content):
    element = directory_jsonld(content, content.contacts.values(), "vi", PAGE)
    phones = [p["telephone"] for p in points(element) if "telephone" in p]
    assert sorted(phones) == sorted(c.phone.tel for c in content.published_contacts() if c.phone)
    assert {"111", "112", "113", "114", "115", "+84981848484"} <= set(phones)
    emails = [p["email"] for p in points(element) if "email" in p]
    assert emails == ["baohocongdan@gmail.com"]


def test_names_follow_the_page_language(content):
    vi = organizations(directory_jsonld(content, content.contacts.values(), "vi", PAGE))
    assert vi[0]["name"] == "Bộ Y tế"
    assert vi[0]["contactPoint"][0]["contactType"] == "Mua bán người, bảo vệ trẻ em"


def test_unpublished_contact_is_absent(content):
    embassy = content.contacts["embassy-cambodia"]
    assert not embassy.published
    element = directory_jsonld(content, content.contacts.values(), "en", PAGE)
    assert "dai-su-quan-campuchia" not in element
    assert embassy["name"]["en"] not in element
    assert embassy.phone.tel not in element
    assert organizations(directory_jsonld(content, [embassy], "en", PAGE)) == []


def test_a_name_cannot_close_the_script_element(content):
    agency = content.agencies["bo-y-te"]
    name = {"vi": "Bộ Y tế </script><script>alert(1)</script> & <!--", "en": "A </SCRIPT> & B"}
    tweaked = replace(content, agencies={**content.agencies,
                                         "bo-y-te": replace(agency, data={**agency.data,
                                                                          "name": name})})
    element = directory_jsonld(tweaked, [content.contacts["hotline-111"]], "vi", PAGE)
    inner = SCRIPT.match(element).group(1)
    assert not re.search(r"[<>&]", inner)
    assert "\\u003c/script\\u003e" in inner
    assert organizations(element)[0]["name"] == name["vi"]
    assert organizations(element)[0]["alternateName"] == name["en"]


def test_languages_are_named_in_the_page_language(content):
    contact = content.contacts["hotline-111"]
    speaking = replace(contact, data={**contact.data, "languages": ["vi", "km"]})
    en = points(directory_jsonld(content, [speaking], "en", PAGE))
    vi = points(directory_jsonld(content, [speaking], "vi", PAGE))
    assert en[0]["availableLanguage"] == ["Vietnamese", "Khmer"]
    assert vi[0]["availableLanguage"] == ["Tiếng Việt", "Tiếng Khmer"]


def test_same_input_gives_the_same_text(content):
    first = directory_jsonld(content, content.contacts.values(), "en", PAGE)
    again = directory_jsonld(load_content(REPO), list(content.contacts.values()), "en", PAGE)
    assert first == again
