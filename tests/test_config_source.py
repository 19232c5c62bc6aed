"""A broken mkdocs.yml is one line naming `mkdocs.yml:<line>`, in Vietnamese or English, never a
traceback (hotro.load.config_source, issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import check_vietnamese
from hotro.load.editions import load_base
from hotro.model import paths
from hotro.model.problems import ContentError

BASE = """site_name: Thử nghiệm
site_url: !ENV [SITE_URL, "https://thu-nghiem.example.org/"]
theme:
  name: material
extra:
  quick_exit:
    url: https://www.google.com.vn/
plugins:
  i18n:
    languages:
      - locale: vi
        default: true
      - locale: en
        nav_translations:
          Trang chủ: Home
nav:
  - Trang chủ: index.md
  - Hướng dẫn:
    - Báo tin: bao-tin.md
    - Gia đình: gia-dinh.md
  - Danh bạ: danh-ba.md
"""


def problems_of(tmp_path: Path, text: str) -> list:
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_base(path)
    return caught.value.problems


def test_the_base_is_read(tmp_path):
    path = tmp_path / "mkdocs.yml"
    path.write_text(BASE, encoding="utf-8")
    assert load_base(path)["nav"][1] == {"Hướng dẫn": [{"Báo tin": "bao-tin.md"},
                                                       {"Gia đình": "gia-dinh.md"}]}


def test_the_real_mkdocs_yml_is_read():
    assert load_base(paths.ROOT / "mkdocs.yml")["nav"]


def test_a_mis_indented_nav_entry(tmp_path):
    problems = problems_of(tmp_path, BASE.replace("    - Gia đình", "   - Gia đình"))
    assert [p.text("en") for p in problems] == [
        "mkdocs.yml:20: YAML syntax error: expected <block end>, but found "
        "'<block sequence start>' (expected valid YAML; check the indentation, colons and quotes)"]
    assert [p.text("vi") for p in problems] == [
        "mkdocs.yml:20: lỗi cú pháp YAML: thụt lề không khớp: ở đây lại có đầu một danh sách; "
        "các trường cùng cấp phải thẳng hàng nhau (cần YAML hợp lệ; hãy kiểm tra thụt lề, dấu "
        "hai chấm và dấu nháy)"]
    check_vietnamese(problems)


def test_a_nav_entry_that_is_not_a_page(tmp_path):
    problems = problems_of(tmp_path, BASE.replace("  - Danh bạ: danh-ba.md", "  - 5"))
    assert [p.text("en") for p in problems] == [
        "mkdocs.yml:21: nav: this menu entry is not a page or one title with its page (expected "
        "a list, one entry a line: - Title: page.md, or - Section: with an indented list under "
        "it)"]
    assert [p.text("vi") for p in problems] == [
        "mkdocs.yml:21: nav: mục trình đơn này không phải là một trang hay một tiêu đề kèm trang "
        "của nó (cần một danh sách, mỗi mục một dòng: - Tiêu đề: trang.md, hoặc - Tên mục: rồi "
        "một danh sách thụt lề bên dưới)"]
    check_vietnamese(problems)


# (the change to BASE, the line the one problem names, the start of its English text)
BROKEN = {
    "nav entry with two titles": ("  - Danh bạ: danh-ba.md",
                                  "  - Danh bạ: danh-ba.md\n    Khác: x.md", 21,
                                  "nav: this menu entry has 2 titles"),
    "nested entry without a page": ("    - Gia đình: gia-dinh.md", "    - Gia đình:", 20,
                                    "nav: this menu entry is not a page"),
    "nested entry that is a number": ("    - Gia đình: gia-dinh.md", "    - 7", 20,
                                      "nav: this menu entry is not a page"),
    "nav that is not a list": ("nav:\n  - Trang chủ: index.md\n  - Hướng dẫn:\n    - Báo tin: "
                               "bao-tin.md\n    - Gia đình: gia-dinh.md\n  - Danh bạ: danh-ba.md\n",
                               "nav: index.md\n", 16, "nav: the menu (nav) is not a list"),
    "a tab": ("  - Danh bạ", "\t- Danh bạ", 21, "YAML syntax error: found character '\\t'"),
    "an unknown tag": ("name: material", "name: !material x", 4,
                       "YAML syntax error: could not determine a constructor for the tag"),
    "a Python tag": ("name: material", "name: !!python/name:os.system", 4,
                     "YAML syntax error: could not determine a constructor for the tag"),
    "!ENV on a group of settings": ('!ENV [SITE_URL, "https://thu-nghiem.example.org/"]',
                                    "!ENV {a: 1}", 2,
                                    "YAML syntax error: expected a scalar node, but found mapping"),
    "extra that is a list": ("extra:\n  quick_exit:\n    url: https://www.google.com.vn/\n",
                             "extra:\n  - a\n", 5, "extra: this setting is not a group"),
    "languages that are not a list": ("    languages:\n      - locale: vi\n        default: true\n"
                                      "      - locale: en\n        nav_translations:\n"
                                      "          Trang chủ: Home\n", "    languages: vi\n", 10,
                                      "plugins/i18n/languages: this setting is not a list"),
    "menu titles that are a list": ("          Trang chủ: Home", "          - Home", 14,
                                    "plugins/i18n/languages/1/nav_translations: this setting is "
                                    "not a group"),
    "a setting twice": ("theme:\n", "site_name: x\ntheme:\n", 3, "site_name: this key appears "
                        "twice"),
    "a colon in a title": ("site_name: Thử nghiệm", "site_name: Thử: nghiệm", 1,
                           "YAML syntax error: mapping values are not allowed here"),
    "a number too long": ("site_name: Thử nghiệm", "site_name: " + "9" * 5000, 1,
                          "this value cannot be read as the number"),
    "HTML in a menu title": ("Danh bạ: danh-ba.md", "<b>Danh bạ</b>: danh-ba.md", 21,
                             "nav: HTML or script is not allowed in a text field"),
    "not settings at all": (BASE, "- a\n- b\n", 1, "the file is not a group of settings"),
}


@pytest.mark.parametrize(("old", "new", "line", "english"), list(BROKEN.values()), ids=list(BROKEN))
def test_any_broken_base_config_is_one_line(tmp_path, old, new, line, english):
    assert old in BASE
    problems = problems_of(tmp_path, BASE.replace(old, new, 1))
    assert len(problems) == 1, [str(p) for p in problems]
    assert problems[0].text("en").startswith(f"mkdocs.yml:{line}: {english}"), str(problems[0])
    assert problems[0].text("vi").startswith(f"mkdocs.yml:{line}: ")
    assert "\n" not in problems[0].text("vi") + problems[0].text("en")
    check_vietnamese(problems)


def test_a_missing_config(tmp_path):
    with pytest.raises(ContentError) as caught:
        load_base(tmp_path / "mkdocs.yml")
    assert caught.value.report("vi").splitlines()[0] == \
        "mkdocs.yml: không có tệp này (cần tệp cấu hình của MkDocs)"
    check_vietnamese(caught.value.problems)
