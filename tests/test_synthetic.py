"""The synthetic content tree of the scale benchmark is valid and builds; the benchmark's
verdicts and figures are right on small inputs (the benchmark itself is too slow for tests)."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from helpers import html_lang, read, run_build, tel_links
from hotro.checks.validated import load_content
from hotro_bench.bench_scale import (
    fits,
    format_table,
    format_targets,
    growth,
    page_body,
    page_sizes,
    paired_ratio,
    ratio,
    size_stats,
    targets,
    verdict,
)
from hotro_bench.synthetic import AUDIENCES, KINDS, TOPICS, make_synthetic_tree, page_title

SHORT_CODES = {"111", "112", "113", "114", "115"}


@pytest.fixture(scope="module")
def synthetic_tree(tmp_path_factory) -> Path:
    return make_synthetic_tree(tmp_path_factory.mktemp("synthetic") / "tree", 12, 2)


@pytest.fixture(scope="module")
def synthetic_site(synthetic_tree) -> Path:
    site = synthetic_tree / "site"
    result = run_build(synthetic_tree / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site


def test_the_tree_passes_the_loader(synthetic_tree):
    content = load_content(synthetic_tree)
    vi = [slug for slug, lang in content.pages if lang == "vi"]
    assert len(vi) == 12 + 1 + 4  # the pages, the section's index, home/directory/search/help
    assert sorted(content.pages) == sorted((slug, lang) for slug in vi for lang in ("vi", "en"))
    assert sorted(content.editions) == ["e01", "e02"]
    assert content.canonical_edition().id == "e01"
    assert {c.phone.tel for c in content.published_contacts()} == SHORT_CODES


def test_a_page_has_the_shape_of_a_real_one(synthetic_tree):
    text = (synthetic_tree / "docs" / "s01" / "p003.en.md").read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    assert all(f"\n{key}: " in front for key in ("description", "reviewed", "review_by",
                                                  "sources"))
    assert 2 <= len(re.findall(r"^## ", body, re.M)) <= 3
    assert re.search(r"^- ", body, re.M) and "| --- | --- | --- |" in body
    assert "](p004.md)" in body and "](index.md)" in body
    prose = re.sub(r"\]\([^)]*\)", "]", body)  # link targets such as p004.md are not text
    assert re.findall(r"\d{3,}", prose) == ["111"]
    assert 300 <= len(body.split()) <= 500
    vi = (synthetic_tree / "docs" / "s01" / "p003.vi.md").read_text(encoding="utf-8")
    assert re.search("[ạảãàáâậầấẩẫăắằặẳẵệềếểễọỏõòóôộồốổỗơờớợởỡưừứựửữđ]", vi)


def test_the_tree_is_the_same_every_time(tmp_path):
    one = make_synthetic_tree(tmp_path / "one", 5, 1)
    two = make_synthetic_tree(tmp_path / "two", 5, 1)
    files = sorted(p.relative_to(one) for p in (one / "docs").rglob("*.md"))
    assert files == sorted(p.relative_to(two) for p in (two / "docs").rglob("*.md"))
    assert all((one / f).read_bytes() == (two / f).read_bytes() for f in files)


def test_every_fourth_edition_leaves_out_the_last_section(tmp_path):
    content = load_content(make_synthetic_tree(tmp_path / "tree", 45, 4, section_size=20))
    assert content.editions["e04"]["sections"][-2:] == ["s01", "s02"]
    assert all(content.editions[e]["sections"] == "all" for e in ("e01", "e02", "e03"))


def test_titles_never_repeat_and_sizes_are_bounded(tmp_path):
    count = len(KINDS) * len(TOPICS) * len(AUDIENCES)
    assert len({page_title(i) for i in range(count)}) == count
    with pytest.raises(ValueError):
        make_synthetic_tree(tmp_path / "too-big", count + 1, 1)


def test_both_editions_build_in_both_languages(synthetic_site):
    assert sorted(p.name for p in synthetic_site.iterdir()) == ["e01", "e02"]
    for eid in ("e01", "e02"):
        assert html_lang(read(synthetic_site / eid, "s01/p001/index.html")) == "vi"
        assert html_lang(read(synthetic_site / eid, "en/s01/p001/index.html")) == "en"


def test_every_published_number_is_tappable(synthetic_site):
    site = synthetic_site / "e01"
    for prefix in ("", "en/"):
        assert set(tel_links(read(site, f"{prefix}danh-ba/index.html"))) == SHORT_CODES
        assert "111" in tel_links(read(site, f"{prefix}s01/p003/index.html"))
        assert {"111", "113", "112"} <= set(tel_links(read(site, f"{prefix}index.html")))


# The benchmark's pure helpers

def test_ratio_and_growth():
    assert ratio(3.0, 2.0) == 1.5
    assert ratio(None, 2.0) is None and ratio(1.0, 0.0) is None
    # each round's pair compared: a slow moment for both leaves the ratio alone
    assert paired_ratio([1.2, 2.2, 1.5], [1.0, 2.0, 1.0]) == 1.2
    assert paired_ratio([1.0, 3.0], [1.0, 2.0]) == 1.25
    assert paired_ratio([], []) is None and paired_ratio([1.0], [0.0]) is None
    assert growth(10.0, 200, 50.0, 1000) == pytest.approx(1.0)  # linear
    assert growth(10.0, 200, 75.0, 1000) == pytest.approx(1.5)  # worse than linear
    assert growth(None, 200, 50.0, 1000) is None


def test_verdicts_and_budget():
    assert [verdict(1.15, 1.15), verdict(1.16, 1.15), verdict(None, 1.15)] == [
        "PASS", "FAIL", "n/a"]
    assert fits(500.0, 70.0, 570.0) and not fits(500.0, 71.0, 570.0)


def test_size_stats_and_page_sizes(tmp_path):
    assert size_stats([(100, 10), (300, 30), (200, 50)]) == {
        "pages": 3, "median_raw": 200, "max_raw": 300, "median_gzip": 30, "max_gzip": 50}
    assert size_stats([]) == {"pages": 0}
    for rel in ("index.html", "en/a/index.html", "embed/x/index.html", "404.html"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("<p>nạn nhân</p>" * 50, encoding="utf-8")
    data = ("<p>nạn nhân</p>" * 50).encode()
    assert page_sizes(tmp_path) == [(len(data), len(gzip.compress(data, 9)))] * 2


def test_front_matter_is_not_rendered_by_the_floor():
    assert page_body("---\ndescription: x\n---\n\n# Title\n") == "\n\n# Title\n"
    assert page_body("# No front matter\n") == "# No front matter\n"


def test_targets_and_table():
    def size(edition, plain, pages, gzip_max):
        return {"pages_per_lang": pages, "edition": {"seconds": edition},
                "plain": {"seconds": plain}, "overhead": ratio(edition, plain),
                "html": {"max_gzip": gzip_max}}

    sizes = {"200": size(10.0, 9.0, 200, 8000), "1000": size(60.0, 50.0, 1000, 12000)}
    editions = {"4": {"sequential": 40.0, "parallel": 25.0},
                "16": {"sequential": None, "parallel": 100.0}}
    found = {t["target"]: t["verdict"] for t in targets(sizes, editions, 1.5)}
    assert found == {
        "plugin overhead, 200: mkdocs with our plugin / plain mkdocs": "PASS",
        "plugin overhead, 1000: mkdocs with our plugin / plain mkdocs": "FAIL",
        "1000 pages/lang: one edition build": "FAIL",
        "largest page, 1000 pages/lang: HTML gzip -9": "FAIL",
        "time per page, 1000 vs 200 pages/lang": "PASS",  # 1.2x
        "time per edition, 16 vs 4 editions (parallel)": "PASS",  # 1.0x
        "preview rebuild, real content, vi only": "PASS"}
    printed = format_targets(targets(sizes, editions, 1.5)).splitlines()
    assert ("FAIL  1000 pages/lang: one edition build: 60.00 s (target at most 30 s; plain MkDocs "
            "alone took 50.0 s on this machine)") in printed
    table = format_table([{"case": "a case", "seconds": 1.234, "peak_mb": 61.4, "notes": "n"},
                          {"case": "skipped", "seconds": None, "peak_mb": None, "notes": "s"}])
    assert table.splitlines()[1].split() == ["a", "case", "1.23", "61", "n"]
    assert table.splitlines()[2].split() == ["skipped", "s"]
