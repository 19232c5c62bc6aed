"""Every edition as `make site` builds it: its own address, names, sections, canonical links,
sitemap, feed, open data and blocks, with every link inside the edition."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from jsonschema import Draft202012Validator

from helpers import JOINT, REPO
from hotro.checks.site_check import check_site, html_files, parse_html
from hotro.checks.validated import load_content
from hotro.outputs.open_data import directory

EDITIONS = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
            for p in sorted((REPO / "content" / "editions").glob("*.yml"))}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"


def pages_of(site: Path) -> list[str]:
    return [p.relative_to(site).as_posix() for p in html_files(site)]


def test_there_are_four_editions_each_in_its_own_folder(all_editions):
    assert set(EDITIONS) == {"tinh-ca-mau", "so-y-te-ca-mau", "cong-an-ca-mau",
                             "bien-phong-ca-mau"}
    assert sorted(p.name for p in all_editions.iterdir()) == sorted(EDITIONS)


@pytest.mark.parametrize("eid", EDITIONS)
def test_every_link_stays_inside_the_edition_and_works(all_editions, eid):
    site = all_editions / eid
    assert check_site(site, EDITIONS[eid]["site_url"]) == []
    base = urlsplit(EDITIONS[eid]["site_url"])
    for rel in pages_of(site):
        page_url = urljoin(EDITIONS[eid]["site_url"], rel)
        for _, _, url in parse_html((site / rel).read_text(encoding="utf-8")).links:
            target = urlsplit(urljoin(page_url, url))
            if target.netloc == base.netloc and target.scheme in ("http", "https"):
                assert target.path.startswith(base.path), (rel, url)


@pytest.mark.parametrize("eid", ["cong-an-ca-mau", "bien-phong-ca-mau"])
def test_pages_left_out_are_not_built_and_never_linked(all_editions, eid):
    site = all_editions / eid
    sections = EDITIONS[eid]["sections"]
    gone = {p.name for p in (REPO / "docs").iterdir()} - {
        f"{s}{ext}" for s in sections for ext in ("", ".vi.md", ".en.md")}
    gone = sorted({name.split(".")[0] for name in gone})
    assert gone, "this edition was meant to leave something out"
    for section in gone:
        assert not (site / section).exists() and not (site / "en" / section).exists()
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for rel in pages_of(site):
        html = (site / rel).read_text(encoding="utf-8")
        for _, _, url in parse_html(html).links:
            target = urlsplit(urljoin(urljoin(EDITIONS[eid]["site_url"], rel), url)).path
            for section in gone:
                assert f"/{section}/" not in target, (rel, url)
    for section in gone:
        assert f"/{section}/" not in sitemap


def test_a_link_to_a_left_out_page_keeps_its_words(all_editions):
    html = (all_editions / "bien-phong-ca-mau" / "nan-nhan" / "index.html").read_text(
        encoding="utf-8")
    assert '<span class="left-out">Luật số 53/2024/QH15</span>' in html


@pytest.mark.parametrize("eid", EDITIONS)
def test_shared_pages_name_the_joint_edition_as_canonical(all_editions, eid):
    site = all_editions / eid
    joint = EDITIONS[JOINT]["site_url"]
    for rel in ["index.html", "duong-day-nong/index.html", "en/nan-nhan/index.html"]:
        html = (site / rel).read_text(encoding="utf-8")
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)[1]
        assert canonical == joint + rel.removesuffix("index.html")


@pytest.mark.parametrize("eid", EDITIONS)
def test_sitemap_lists_the_editions_own_addresses_with_both_languages(all_editions, eid):
    url = EDITIONS[eid]["site_url"]
    root = ET.parse(all_editions / eid / "sitemap.xml").getroot()
    locs = [loc.text for loc in root.iter(f"{SITEMAP}loc")]
    assert locs and all(loc.startswith(url) for loc in locs)
    alternates = root.findall(f"{SITEMAP}url/{{http://www.w3.org/1999/xhtml}}link")
    langs = {a.get("hreflang") for a in alternates}
    assert langs == {"vi", "en"}
    assert all(a.get("href").startswith(url) for a in alternates)


@pytest.mark.parametrize("eid", EDITIONS)
def test_names_logo_colours_and_quick_exit(all_editions, eid):
    edition, site = EDITIONS[eid], all_editions / eid
    for lang, rel in (("vi", "index.html"), ("en", "en/index.html")):
        html = (site / rel).read_text(encoding="utf-8")
        assert re.search(r"<title>(.*?)</title>", html)[1].endswith(edition["name"][lang])
        assert f'src="{"../" if lang == "en" else ""}{edition["logo"]}"' in html
        exit_link = re.search(r'<a[^>]*class="quick-exit[^"]*"[^>]*href="([^"]+)"', html)
        exit_href = exit_link[1] if exit_link else re.search(
            r'href="([^"]+)"[^>]*class="quick-exit', html)[1]
        assert exit_href == edition["quick_exit"]
    css = (site / "assets" / "stylesheets" / "site.css").read_text(encoding="utf-8")
    assert f"--md-primary-fg-color:{edition['colours']['primary']}" in css


@pytest.mark.parametrize("eid", EDITIONS)
def test_home_language_switch_uses_the_editions_path(all_editions, eid):
    path = urlsplit(EDITIONS[eid]["site_url"]).path
    html = (all_editions / eid / "index.html").read_text(encoding="utf-8")
    assert f'href="{path}en/"' in html


def test_directory_shows_the_editions_contacts_first(all_editions):
    for eid, edition in EDITIONS.items():
        html = (all_editions / eid / "duong-day-nong" / "index.html").read_text(encoding="utf-8")
        order = re.findall(r'<section class="contact[^"]*" id="([^"]+)"', html)
        assert order[:len(edition["contacts_first"])] == edition["contacts_first"], eid


def test_directory_page_carries_schema_org_data(real_site):
    html = (real_site / "duong-day-nong" / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    data = json.loads(block)
    nodes = data["@graph"] if isinstance(data, dict) else data
    orgs = [n for n in nodes if n.get("@type") == "GovernmentOrganization"]
    phones = {p["telephone"] for o in orgs for p in o["contactPoint"] if "telephone" in p}
    assert {"111", "113", "112", "+84981848484"} <= phones


@pytest.mark.parametrize("eid", EDITIONS)
def test_feed_per_language_lists_the_editions_pages(all_editions, eid):
    site, url = all_editions / eid, EDITIONS[eid]["site_url"]
    for prefix, lang in (("", "vi"), ("en/", "en")):
        feed = ET.parse(site / prefix / "feed.xml").getroot()
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        links = [e.find(f"{ATOM}link").get("href") for e in feed.findall(f"{ATOM}entry")]
        assert links
        for link in links:
            assert link.startswith(url + prefix)
            assert (site / link[len(url):] / "index.html").is_file(), link


@pytest.mark.parametrize("eid", EDITIONS)
def test_open_data_is_published_valid_and_matches_the_yaml(all_editions, eid):
    data = all_editions / eid / "data"
    published = json.loads((data / "danh-ba.json").read_text(encoding="utf-8"))
    schema = json.loads((data / "danh-ba.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator(schema).validate(published)
    assert published == directory(load_content(REPO))
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        assert (data / resource["path"]).is_file() and (data / resource["schema"]).is_file()


@pytest.mark.parametrize("eid", EDITIONS)
def test_webmaster_page_shows_this_editions_embed_code(all_editions, eid):
    url = EDITIONS[eid]["site_url"]
    html = (all_editions / eid / "gioi-thieu" / "nhung-va-du-lieu" / "index.html").read_text(
        encoding="utf-8")
    snippets = re.findall(r"&lt;iframe src=&#34;([^&]+)&#34;|&lt;iframe src=\"([^\"]+)\"", html)
    srcs = [a or b for a, b in snippets]
    assert f"{url}embed/duong-day-nong/" in srcs and f"{url}embed/trang/bao-tin/" in srcs
    for src in srcs:
        assert (all_editions / eid / src[len(url):] / "index.html").is_file(), src
    for portal in EDITIONS[eid]["embed_portals"]:
        assert f"<code>{portal}</code>" in html
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
    assert f"event.origin !== &#34;{origin}&#34;" in html or \
        f'event.origin !== "{origin}"' in html
