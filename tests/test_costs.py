"""What a call costs: shown only with sources that say it, never "not confirmed" to a reader.

A contact's `cost` (free or standard) needs `cost_sources`; with no source the field is left
out, and the directory, the embeds, the JSON-LD and the open data show no cost at all.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from helpers import REPO, built_pages, edit, loader_problems, visible_text
from hotro.checks.validated import load_content
from hotro.outputs.open_data import SCHEMA_DIR, directory, directory_csv

EMERGENCY = ("hotline-111", "emergency-112", "police-113", "fire-rescue-114", "ambulance-115")
NO_COST = ("mofa-citizen-protection", "mofa-citizen-protection-2",
           "mofa-citizen-protection-email")
GAP_WORDS = ("Chưa có nguồn", "Not confirmed", "Chưa rõ", "Not known")
NO_SOURCE_EN = (
    "content/contacts.yml:10: duong-day-thu/cost: the cost 'standard' is given but no source "
    "says it (expected cost_sources: ids from content/sources/*.yml of the sources that say what "
    "a call costs; with no such source, leave out cost)")
NO_SOURCE_VI = (
    "content/contacts.yml:10: duong-day-thu/cost: ghi chi phí 'standard' nhưng không có nguồn "
    "nào nói về chi phí đó (cần cost_sources: mã (id) của các nguồn nói cuộc gọi tốn bao nhiêu, "
    "lấy từ content/sources/*.yml; nếu không có nguồn như vậy, hãy bỏ trường cost)")


@pytest.fixture(scope="module")
def content():
    return load_content(REPO)


def check(tree: Path, lang: str) -> subprocess.CompletedProcess:
    """`make check` on a content tree, in its own process."""
    return subprocess.run([sys.executable, "-m", "hotro.editors.check_content", str(tree),
                           "--lang", lang], capture_output=True, text=True, check=False)


def section(html: str, contact_id: str) -> str:
    """The visible text of one contact's entry in the directory."""
    match = re.search(rf'<section class="contact[^"]*" id="{contact_id}".*?</section>', html,
                      re.S)
    assert match, contact_id
    return visible_text(match[0])


def embed_item(html: str, name: str) -> str:
    """The visible text of the embedded contacts block's item for the contact called `name`."""
    items = [visible_text(li) for li in re.findall(r"<li>.*?</li>", html, re.S)]
    found = [item for item in items if name in item]
    assert len(found) == 1, name
    return found[0]


def schema_errors(name: str, data) -> list[str]:
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    found = Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(data)
    return [f"{list(e.absolute_path)}: {e.message}" for e in found]


# -- editors' mistakes -----------------------------------------------------------------------

def test_a_cost_without_sources_is_refused_in_both_languages(tree):
    edit(tree, "content/contacts.yml", "  cost_sources: [nguon-thu]\n", "")
    english, vietnamese = check(tree, "en"), check(tree, "vi")
    assert (english.returncode, vietnamese.returncode) == (1, 1)
    assert english.stderr.splitlines() == [NO_SOURCE_EN, "1 problem found; nothing was built."]
    assert vietnamese.stderr.splitlines()[0] == NO_SOURCE_VI


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("  cost_sources: [nguon-thu]\n", "  cost_sources: [khong-co]\n",
     "content/contacts.yml:15: duong-day-thu/cost_sources: source 'khong-co' does not exist "
     "(expected an id from content/sources/*.yml)"),
    ("  cost: standard\n", "",
     "content/contacts.yml:14: duong-day-thu/cost_sources: cost_sources is given without a "
     "cost (expected cost: free or standard, as those sources say; or no cost_sources)"),
    ("  cost: standard\n", "  cost: unknown\n",
     "content/contacts.yml:10: duong-day-thu/cost: 'unknown' is not one of the allowed values "
     "(expected one of: free, standard)"),
    ("  cost_sources: [nguon-thu]\n", "  cost_sources: []\n",
     "content/contacts.yml:15: duong-day-thu/cost_sources: this is empty (expected ids of the "
     "sources that say what a call costs (needed whenever cost is given))"),
], ids=["unknown source id", "sources without a cost", "unknown is gone", "empty list"])
def test_cost_sources_mistakes_name_the_file_line_and_field(tree, old, new, expected):
    assert [str(p) for p in loader_problems(tree, [("content/contacts.yml", old, new)])] == [
        expected]


def test_a_contact_may_leave_the_cost_out(tree):
    edit(tree, "content/contacts.yml", "  cost: standard\n", "")
    edit(tree, "content/contacts.yml", "  cost_sources: [nguon-thu]\n", "")
    assert "cost" not in load_content(tree).contacts["duong-day-thu"].data


# -- the real content --------------------------------------------------------------------------

def test_every_cost_shown_has_sources_that_resolve(content):
    shown = [c for c in content.published_contacts() if "cost" in c.data]
    assert {c.id for c in shown} >= set(EMERGENCY)
    for contact in shown:
        assert contact["cost_sources"], contact.id
        assert set(contact["cost_sources"]) <= set(content.sources), contact.id
    assert all(content.contacts[cid]["cost"] == "free" for cid in EMERGENCY)
    assert not any("cost" in content.contacts[cid].data for cid in NO_COST)


def test_the_directory_says_free_for_111_to_115(real_site):
    for rel, cost in (("duong-day-nong/index.html", "Chi phí Miễn phí"),
                      ("en/duong-day-nong/index.html", "Cost Free")):
        html = (real_site / rel).read_text(encoding="utf-8")
        for contact_id in EMERGENCY:
            assert cost in section(html, contact_id), (rel, contact_id)


def test_a_contact_without_a_cost_shows_no_cost_row(real_site):
    for rel, word in (("duong-day-nong/index.html", "Chi phí"),
                      ("en/duong-day-nong/index.html", "Cost")):
        html = (real_site / rel).read_text(encoding="utf-8")
        for contact_id in NO_COST:
            text = section(html, contact_id)
            assert "Run by" in text or "Đơn vị phụ trách" in text  # the facts are there
            assert word not in text, (rel, contact_id)
    embed = (real_site / "en/embed/lien-he/index.html").read_text(encoding="utf-8")
    assert "Cost: free." in embed_item(embed, "113: police")
    assert "Cost" not in embed_item(embed, "Foreign Ministry citizen-protection line")


def test_the_cost_sources_are_in_the_directory_sources_foot(real_site, content):
    lawnet = content.sources["lawnet-thong-tu-02-2020-so-khan-cap"]["url"]
    for rel in ("duong-day-nong/index.html", "en/duong-day-nong/index.html"):
        html = (real_site / rel).read_text(encoding="utf-8")
        foot = html[html.index('class="page-foot__sources"'):]
        assert f'href="{lawnet}"' in foot, rel


def test_no_built_page_reports_a_gap_in_a_cost_or_an_hour(all_editions):
    pages = built_pages(all_editions)
    assert len(pages) > 100
    found = [(address, words) for address, html in pages.items()
             for text in [visible_text(html)] for words in GAP_WORDS if words in text]
    assert found == []


def test_json_ld_calls_only_sourced_free_lines_toll_free(real_site):
    html = (real_site / "en/duong-day-nong/index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html,
                                re.S)[1])
    points = {p["name"]: p for node in data["@graph"] for p in node.get("contactPoint", [])}
    free = {name for name, p in points.items() if p.get("contactOption")}
    assert free == {"111: national hotline against human trafficking and for child protection",
                    "113: police", "112: single emergency number", "114: fire and rescue",
                    "115: ambulance"}
    assert {points[n]["contactOption"] for n in free} == {"https://schema.org/TollFree"}


# -- open data ---------------------------------------------------------------------------------

def test_open_data_keeps_the_cost_column_and_leaves_it_empty_without_a_source(content):
    data = directory(content)
    assert schema_errors("directory.schema.json", data) == []
    costs = {s["id"]: s["cost"] for o in data["organizations"] for s in o["services"]}
    assert {cid: costs[cid] for cid in EMERGENCY} == dict.fromkeys(EMERGENCY, "free")
    assert {cid: costs[cid] for cid in NO_COST} == dict.fromkeys(NO_COST)
    rows = {r["contact_id"]: r for r in csv.DictReader(io.StringIO(directory_csv(content)))}
    for row in rows.values():
        assert schema_errors("directory-row.schema.json", row) == [], row["contact_id"]
    assert [rows[cid]["cost"] for cid in NO_COST] == ["", "", ""]
    assert rows["police-113"]["cost"] == "free"
    lawnet = content.sources["lawnet-thong-tu-02-2020-so-khan-cap"]["url"]
    assert lawnet in rows["police-113"]["source_urls"].split(" ")
    assert schema_errors("directory-row.schema.json", {**rows["police-113"], "cost": "unknown"})


def test_the_built_open_data_is_valid(real_site):
    data = json.loads((real_site / "data/danh-ba.json").read_text(encoding="utf-8"))
    assert schema_errors("directory.schema.json", data) == []
    rows = list(csv.DictReader(io.StringIO(
        (real_site / "data/danh-ba.csv").read_text(encoding="utf-8"))))
    assert rows and all(schema_errors("directory-row.schema.json", r) == [] for r in rows)
