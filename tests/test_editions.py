"""Editions as data: each mistake in content/editions/<id>.yml gives one exact line, and the
config made for an edition carries its address, names and sections."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO, run_build
from helpers import problems_after, problems_of
from hotro.checks.edition_checks import contrast
from hotro.checks.validated import load_content
from hotro.load.editions import edition_config, load_base, view

ED = "content/editions/thu.yml"

CASES = [
    ("unknown agency", "agency: don-vi-thu", "agency: don-vi-khac",
     f"{ED}:1: thu/agency: unknown agency 'don-vi-khac' (expected an id from "
     "content/agencies.yml)"),
    ("unknown contact first", "contacts_first: [duong-day-thu]", "contacts_first: [khong-co]",
     f"{ED}:6: thu/contacts_first: unknown contact 'khong-co' (expected ids of published "
     "contacts from content/contacts.yml)"),
    ("unverified contact first", "contacts_first: [duong-day-thu]",
     "contacts_first: [chua-kiem-tra]",
     f"{ED}:6: thu/contacts_first: contact 'chua-kiem-tra' is not verified, so it is never "
     "published (expected ids of published contacts from content/contacts.yml)"),
    ("unknown section", "sections: all", "sections: [index, tin-tuc]",
     f"{ED}:5: thu/sections: unknown section 'tin-tuc' (expected one of: danh-ba, huong-dan, "
     "index)"),
    ("home left out", "sections: all", "sections: [danh-ba]",
     f"{ED}:5: thu/sections: the home page (index) is left out (expected index in the list: "
     "every edition has a home page)"),
    ("address without final slash", "site_url: https://thu-nghiem.example.org/trang/",
     "site_url: https://thu-nghiem.example.org/trang",
     f"{ED}:3: site_url: 'https://thu-nghiem.example.org/trang' is not in the right form "
     "(expected the full https:// address the edition is published at, ending with /; it may be a "
     "folder such as /ho-tro/, e.g. https://soyte.example.gov.vn/ho-tro/)"),
    ("colour too light", "sections: all", "sections: all\ncolours: {primary: \"#ffcc00\"}",
     f"{ED}:6: thu/colours/primary: #ffcc00 is too light: white text on it has a contrast of "
     "1.5:1 (expected a darker colour, at least 4.5:1 against white)"),
    ("colour not hex", "sections: all", "sections: all\ncolours: {primary: red}",
     f"{ED}:6: colours/primary: 'red' is not in the right form (expected the colour of the "
     "top bar and of links, written #rrggbb, e.g. #1f5e3b)"),
    ("missing logo", "sections: all", "sections: all\nlogo: assets/images/khong-co.svg",
     f"{ED}:6: thu/logo: there is no file overrides/assets/images/khong-co.svg (expected an "
     "SVG file under overrides/)"),
    ("not the joint edition", "canonical: true", "canonical: false",
     "content/editions/: no edition is marked canonical: true (expected exactly one joint "
     "edition with canonical: true)"),
    ("unknown field", "sections: all", "sections: all\ntheme: dark",
     f"{ED}:6: theme: unknown field 'theme' (expected only these fields: agency, canonical, "
     "site_url, name, description, logo, colours, sections, contacts_first, quick_exit, "
     "embed_portals)"),
]


@pytest.mark.parametrize(("old", "new", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_edition_mistake_gives_exact_message(tree, old, new, expected):
    assert problems_after(tree, ED, old, new) == [expected]


def test_former_agency_cannot_publish_an_edition(tree):
    agencies = tree / "content" / "agencies.yml"
    agencies.write_text(agencies.read_text(encoding="utf-8") +
                        "- id: don-vi-cu\n  name: {vi: Đơn vị cũ, en: Former unit}\n"
                        "  successor: don-vi-thu\n  sources: [nguon-thu]\n", encoding="utf-8")
    assert problems_after(tree, ED, "agency: don-vi-thu", "agency: don-vi-cu") == [
        f"{ED}:1: thu/agency: 'don-vi-cu' no longer exists; its work moved to 'don-vi-thu' "
        "(expected a current agency)"]


def test_two_joint_editions(tree):
    other = tree / "content" / "editions" / "khac.yml"
    other.write_text((tree / ED).read_text(encoding="utf-8").replace("/trang/", "/khac/"),
                     encoding="utf-8")  # its own address: two at one address is another error
    assert problems_of(tree) == [
        "content/editions/khac.yml:2: khac/canonical: more than one edition is marked canonical "
        "(content/editions/khac.yml, content/editions/thu.yml) (expected exactly one joint "
        "edition with canonical: true)",
        f"{ED}:2: thu/canonical: more than one edition is marked canonical "
        "(content/editions/khac.yml, content/editions/thu.yml) (expected exactly one joint "
        "edition with canonical: true)"]


def test_no_edition_at_all(tree):
    (tree / ED).unlink()
    assert problems_of(tree) == [
        "content/editions/: there is no edition (expected at least one file such as "
        "content/editions/tinh-ca-mau.yml)"]


def test_bad_file_name(tree):
    (tree / ED).rename(tree / "content" / "editions" / "Thu Nghiem.yml")
    assert "content/editions/Thu Nghiem.yml: the file name 'Thu Nghiem' is not a valid id " \
           "(expected lower case letters, digits and hyphens, e.g. so-y-te.yml)" in \
           problems_of(tree)


def test_leaving_out_the_quick_exit_help_page_stops_the_build(tree):
    base = tree / "mkdocs.yml"
    base.write_text(base.read_text(encoding="utf-8").replace(
        "  hotro: {}\n", "  hotro: {quick_exit: {help: danh-ba.md}}\n"), encoding="utf-8")
    edition = tree / ED
    edition.write_text(edition.read_text(encoding="utf-8").replace(
        "sections: all", "sections: [index, huong-dan]"), encoding="utf-8")
    result = run_build(base, tree / "site")
    assert result.returncode == 1
    assert (f"{ED}:5: thu/sections: leaves out 'danh-ba', the page that explains quick exit "
            "(expected danh-ba in the list)") in result.stderr
    assert not (tree / "site").exists()


def test_unknown_edition_on_the_command_line(tree):
    result = run_build(tree / "mkdocs.yml", tree / "site", args=["--edition", "khong-co"])
    assert result.returncode == 1
    assert ("content/editions/khong-co.yml: there is no edition 'khong-co' (expected one of: "
            "thu)") in result.stderr
    assert "Traceback" not in result.stderr


def test_one_edition_alone_leaves_the_others_in_place(tree):
    other = tree / "content" / "editions" / "khac.yml"
    other.write_text((tree / ED).read_text(encoding="utf-8").replace(
        "canonical: true\n", "").replace("/trang/", "/khac/"), encoding="utf-8")
    assert run_build(tree / "mkdocs.yml", tree / "site").returncode == 0
    before = (tree / "site" / "khac" / "index.html").read_bytes()
    page = tree / "docs" / "index.vi.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nThêm một câu.\n", encoding="utf-8")
    result = run_build(tree / "mkdocs.yml", tree / "site", args=["--edition", "thu"])
    assert result.returncode == 0, result.stderr
    assert "Thêm một câu." in (tree / "site" / "thu" / "index.html").read_text(encoding="utf-8")
    assert (tree / "site" / "khac" / "index.html").read_bytes() == before


def test_config_for_an_edition_that_leaves_out_a_section():
    content = load_content(REPO)
    edition = content.editions["bien-phong-ca-mau"]
    config = edition_config(load_base(REPO / "mkdocs.yml"), REPO, content, edition)
    assert config["site_url"] == "https://bienphong.example.gov.vn/ho-tro/"
    assert config["site_name"] == "Phòng, chống mua bán người - Bộ đội Biên phòng tỉnh Cà Mau"
    english = config["plugins"]["i18n"]["languages"][1]
    assert english["site_name"] == "Countering human trafficking - Cà Mau provincial Border Guard"
    titles = [next(iter(item)) for item in config["nav"]]
    assert "Chính sách" not in titles and "Số liệu" not in titles and "Gia đình" in titles
    assert "/chinh-sach/luat-53-2024-qh15.vi.md" in config["exclude_docs"].splitlines()
    assert "/so-lieu.en.md" in config["exclude_docs"].splitlines()
    assert Path(config["docs_dir"]).is_absolute() and "hooks" not in config
    assert config["plugins"]["hotro"] == {
        "edition": "bien-phong-ca-mau",
        "quick_exit": {"url": "https://www.google.com.vn/", "help": "an-toan-truc-tuyen.md"},
        "embed_portals": ["https://bienphong.example.gov.vn"]}
    assert list(config["plugins"]) == ["i18n", "hotro"]  # its events after the i18n plugin's


def test_directory_order_puts_the_editions_choice_first():
    content = load_content(REPO)
    police = view(content, "cong-an-ca-mau")
    assert [c.id for c in police.contacts(content)][:3] == [
        "hotline-111", "police-113", "emergency-112"]
    assert police.canonical_url == "https://ho-tro.example.gov.vn/"


def test_contrast_ratio_matches_wcag_examples():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54


def test_base_config_resolves_env_tags_as_mkdocs_does(tmp_path, monkeypatch):
    config = tmp_path / "mkdocs.yml"
    config.write_text('site_name: Hỗ trợ\nsite_url: !ENV [SITE_URL, "https://a.example/"]\n'
                      "extra:\n  other: !ENV NOT_SET_ANYWHERE\n", encoding="utf-8")
    monkeypatch.delenv("SITE_URL", raising=False)
    assert load_base(config)["site_url"] == "https://a.example/"
    monkeypatch.setenv("SITE_URL", "https://b.example/ho-tro/")
    base = load_base(config)
    assert base == {"site_name": "Hỗ trợ", "site_url": "https://b.example/ho-tro/",
                    "extra": {"other": None}}
