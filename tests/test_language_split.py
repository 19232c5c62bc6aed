"""One edition built one language per process, then joined, is the joint build byte for byte."""

from __future__ import annotations

import gzip
import re

import pytest
from mkdocs_static_i18n.plugin import I18n

from conftest import JOINT, REPO, run_build
from hotro.build.language_split import join_languages, merge_sitemaps
from hotro.plugin.i18n_fixes import build_only
from test_reproducible import digest

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/'
        'sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">')


def sitemap(*pages: str) -> str:
    return HEAD + "".join(f"\n    <url>\n        <loc>{p}</loc>\n    </url>" for p in pages) \
        + "\n</urlset>"


def i18n_plugin() -> I18n:
    plugin = I18n()
    errors, _ = plugin.load_config({"languages": [
        {"locale": "vi", "name": "Tiếng Việt", "default": True, "build": True},
        {"locale": "en", "name": "English", "build": True}]})
    assert errors == []
    return plugin


@pytest.fixture(scope="module")
def joint_and_split(tmp_path_factory):
    """The joint edition built both ways: --jobs 1 builds the languages in turn in one MkDocs
    process, --jobs 2 gives each language a process of its own."""
    sites = {}
    for jobs in (1, 2):
        site = tmp_path_factory.mktemp(f"jobs{jobs}") / "site"
        result = run_build(REPO / "mkdocs.yml", site,
                           args=["--edition", JOINT, "--jobs", str(jobs), "--timings"])
        assert result.returncode == 0, result.stderr
        sites[jobs] = (site / JOINT, result.stdout)
    return sites


def test_split_build_is_byte_identical_to_the_joint_build(joint_and_split):
    (joint, joint_log), (split, split_log) = joint_and_split[1], joint_and_split[2]
    assert "languages at once" in split_log and "languages at once" not in joint_log
    first, second = digest(joint), digest(split)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    assert {"index.html", "en/index.html", "sitemap.xml.gz", "en/search.json",
            "embed/duong-day-nong/index.html", "en/embed/duong-day-nong/index.html"} <= set(first)


@pytest.mark.parametrize("jobs", [1, 2])
def test_english_404_page_switches_to_each_languages_home(joint_and_split, jobs):
    site, _ = joint_and_split[jobs]
    page = (site / "en" / "404.html").read_text(encoding="utf-8")
    switch = re.findall(r'<a href="([^"]*)" hreflang="(\w+)" class="md-select__link"', page)
    assert switch == [("/", "vi"), ("/en/", "en")]


def test_joined_sitemap_lists_both_languages_once_and_is_compressed_alike(joint_and_split):
    site, _ = joint_and_split[2]
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", text)
    vi = [loc for loc in locs if "/en/" not in loc]
    en = [loc for loc in locs if "/en/" in loc]
    assert len(locs) == len(set(locs)) and len(vi) == len(en) > 20
    assert locs == vi + en  # as the joint build lists them: every Vietnamese page first
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode("utf-8") == text


def test_merge_sitemaps_puts_the_second_languages_entries_after_the_first():
    merged = merge_sitemaps(sitemap("https://x/a/", "https://x/b/"), sitemap("https://x/en/a/"))
    assert merged == sitemap("https://x/a/", "https://x/b/", "https://x/en/a/")
    assert merge_sitemaps(sitemap("https://x/a/"), sitemap()) == sitemap("https://x/a/")


def part(root, files: dict[str, str], mtime: int):
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    with (root / "sitemap.xml.gz").open("wb") as out, gzip.GzipFile(
            fileobj=out, filename="sitemap.xml.gz", mode="wb", mtime=mtime) as packed:
        packed.write((root / "sitemap.xml").read_bytes())
    return root


def test_join_takes_the_default_site_and_each_languages_folder(tmp_path):
    vi = part(tmp_path / "vi", {"index.html": "vi home", "404.html": "vi 404",
                                "sitemap.xml": sitemap("https://x/")}, mtime=100)
    en = part(tmp_path / "en", {"index.html": "stale", "404.html": "en 404 at the root",
                                "en/index.html": "en home", "en/404.html": "en 404",
                                "sitemap.xml": sitemap("https://x/en/")}, mtime=1_700_000_000)
    out = tmp_path / "out" / "site"
    join_languages({"vi": vi, "en": en}, "vi", out)
    assert digest(out).keys() == {"index.html", "404.html", "en/index.html", "en/404.html",
                                  "sitemap.xml", "sitemap.xml.gz"}
    assert (out / "404.html").read_text(encoding="utf-8") == "vi 404"
    assert (out / "en/index.html").read_text(encoding="utf-8") == "en home"
    joined = sitemap("https://x/", "https://x/en/")
    assert (out / "sitemap.xml").read_text(encoding="utf-8") == joined
    packed = (out / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(packed).decode("utf-8") == joined
    assert int.from_bytes(packed[4:8], "little") == 1_700_000_000  # the last language's time


def test_join_refuses_a_default_build_that_wrote_another_languages_folder(tmp_path):
    vi = part(tmp_path / "vi", {"en/index.html": "?", "sitemap.xml": sitemap()}, mtime=1)
    en = part(tmp_path / "en", {"en/index.html": "en", "sitemap.xml": sitemap()}, mtime=1)
    with pytest.raises(FileExistsError, match="wrote into en/"):
        join_languages({"vi": vi, "en": en}, "vi", tmp_path / "out")


def test_build_only_starts_the_plugin_on_that_language_and_stops_the_others():
    plugin = i18n_plugin()
    assert build_only(plugin, "en")
    assert plugin.current_language == "en" and not plugin.is_default_language_build
    assert plugin.building  # its on_post_build then builds no other language
    assert plugin.build_languages == ["vi", "en"]  # both still switch to each other


def test_build_only_refuses_a_language_the_site_does_not_have():
    plugin = i18n_plugin()
    assert not build_only(plugin, "fr")
    assert plugin.current_language is None and not plugin.building
