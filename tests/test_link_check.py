"""`make check` finds broken links between pages, and links to headings, in both languages,
before anything is built, with the wording the build uses."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO
from hotro.checks.link_check import check_links
from hotro.checks.source_map import mkdocs_problems
from hotro.checks.validated import load_content

EXPECTED = ("(expected a link to a page of this site that exists, e.g. "
            "../duong-day-nong/index.md)")


def edit(tree, rel, old, new):
    path = tree / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def lines(tree) -> list[str]:
    return [str(p) for p in check_links(load_content(tree))]


def test_the_real_content_and_the_fixture_have_no_broken_link(tree):
    assert check_links(load_content(REPO)) == []
    assert lines(tree) == []


def test_broken_link_in_the_english_page(tree):
    edit(tree, "docs/index.en.md", "(danh-ba.md)", "(danh-sach.md)")
    assert lines(tree) == [
        "docs/index.en.md:12: link 'danh-sach.md': the target is not found among documentation "
        f"files {EXPECTED}"]


def test_heading_link_is_checked_against_the_page_in_the_readers_language(tree):
    """The English page links to a heading of its English target: a Vietnamese-only heading
    id does not count."""
    edit(tree, "docs/danh-ba.en.md", "# Phone numbers", "# Phone numbers\n\n## Call us {#goi}")
    edit(tree, "docs/danh-ba.vi.md", "# Số điện thoại", "# Số điện thoại\n\n## Gọi {#goi-ngay}")
    edit(tree, "docs/index.en.md", "(danh-ba.md)", "(danh-ba.md#goi-ngay)")
    edit(tree, "docs/index.vi.md", "(danh-ba.md)", "(danh-ba.md#goi-ngay)")
    assert lines(tree) == [
        "docs/index.en.md:12: link 'danh-ba.md#goi-ngay': the doc 'danh-ba.en.md' does not "
        f"contain an anchor '#goi-ngay' {EXPECTED}"]


def test_untranslated_target_uses_the_vietnamese_headings(tree):
    edit(tree, "docs/index.en.md", "chua-dich.md#buoc-mot", "chua-dich.md#buoc-hai")
    assert lines(tree) == [
        "docs/index.en.md:12: link 'huong-dan/chua-dich.md#buoc-hai': the doc "
        f"'huong-dan/chua-dich.vi.md' does not contain an anchor '#buoc-hai' {EXPECTED}"]


def test_make_check_stops_on_a_broken_link_with_the_count(tree):
    edit(tree, "docs/index.vi.md", "(danh-ba.md)", "(../../ngoai.md)")
    result = subprocess.run([sys.executable, "-m", "hotro.editors.check_content",
                             str(tree), "--lang", "vi"], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "Có 1 lỗi cần sửa; trang web chưa được tạo."
    assert result.stderr.startswith("docs/index.vi.md:12: liên kết '../../ngoai.md':")
    assert "Traceback" not in result.stderr


def test_a_link_problem_reads_in_vietnamese_from_the_catalogue(tree):
    edit(tree, "docs/index.en.md", "(danh-ba.md)", "(danh-sach.md)")
    (problem,) = check_links(load_content(tree))
    assert problem.text("vi") == (
        "docs/index.en.md:12: liên kết 'danh-sach.md': không tìm thấy trang đích trong thư mục "
        "docs/ (cần một liên kết tới một trang có thật của trang web này, ví dụ "
        "../duong-day-nong/index.md)")


def test_mkdocs_link_warnings_become_catalogue_messages(tree):
    """MkDocs' own texts (third-party) end in the catalogue's wording, in both languages."""
    content = load_content(tree)
    src = next(page.src for page in content.pages.values() if page.src.startswith("danh-ba"))
    lines = [f"WARNING -  Doc file '{src}' contains a link 'x.md', but the target is not found "
             "among documentation files. Did you mean 'y.md'?",
             f"WARNING -  Doc file '{src}' contains an absolute link '/a/', it was left as is.",
             "INFO    -  Cleaning site directory",
             "WARNING -  A warning MkDocs gives about something else"]
    found = mkdocs_problems(lines, content)
    assert [p.problem.text("en") for p in found[:2]] == [
        "link 'x.md': the target is not found among documentation files. Did you mean 'y.md'?",
        "link '/a/': this absolute link does not lead to a page of this site"]
    assert [p.problem.text("vi") for p in found[:2]] == [
        "liên kết 'x.md': không tìm thấy trang đích trong thư mục docs/. Có phải ý bạn là "
        "'y.md'?",
        "liên kết '/a/': liên kết tuyệt đối này không dẫn tới trang nào của trang web này"]
    assert found[2:] == ["A warning MkDocs gives about something else"]
