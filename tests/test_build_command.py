"""`make site`'s build command as an editor meets it: clear messages, and a failed build never
replaces the last good site."""

from __future__ import annotations

import pytest

from helpers import digest as snapshot
from helpers import edit, run_build


@pytest.fixture
def built(tree):
    result = run_build(tree / "mkdocs.yml", tree / "site")
    assert result.returncode == 0, result.stderr
    return tree, snapshot(tree / "site")


BROKEN = [
    ("bad number", "content/contacts.yml", 'number: "0912 345 678"', 'number: "0912"',
     "content/contacts.yml:6: duong-day-thu/number: '0912' is not a Vietnamese short code"),
    ("broken YAML", "content/contacts.yml", "  cost: standard", "  cost: [standard",
     "content/contacts.yml:11: YAML syntax error"),
    ("broken link", "docs/index.vi.md", "(danh-ba.md)", "(khong-co.md)",
     "docs/index.vi.md:12: link 'khong-co.md': the target is not found among documentation "
     "files (expected a link to a page of this site that exists"),
    ("missing anchor", "docs/index.en.md", "chua-dich.md#buoc-mot", "chua-dich.md#buoc-hai",
     "docs/index.en.md:12: link 'huong-dan/chua-dich.md#buoc-hai': the doc "
     "'huong-dan/chua-dich.vi.md' does not contain an anchor '#buoc-hai'"),
    ("link outside the site", "docs/danh-ba.en.md", "# Phone numbers",
     "# Phone numbers\n\nSee [this](../../../etc/passwd).",
     "docs/danh-ba.en.md:10: link '../../../etc/passwd': this unrecognized relative link does not "
     "lead to a page of this site"),
    ("absolute file path", "docs/danh-ba.en.md", "# Phone numbers",
     "# Phone numbers\n\n![map](/etc/hosts)",
     "docs/danh-ba.en.md:10: link '/etc/hosts': this absolute link does not lead to a page of "
     "this site"),
    ("display of another number", "content/contacts.yml", "  cost: standard",
     "  cost: standard\n  display: '+84 912 345 679'",
     "content/contacts.yml:11: duong-day-thu/display: the display text '+84 912 345 679' is "
     "not the same number as '0912 345 678'"),
]


@pytest.mark.parametrize(("rel", "old", "new", "message"), [b[1:] for b in BROKEN],
                         ids=[b[0] for b in BROKEN])
def test_bad_input_fails_clearly_and_keeps_the_last_good_site(built, rel, old, new, message):
    tree, before = built
    edit(tree, rel, old, new)
    result = run_build(tree / "mkdocs.yml", tree / "site")
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert snapshot(tree / "site") == before
    assert not list(tree.glob(".site-build-*")) and not (tree / "site.new").exists()
    assert not list((tree / ".site-builds").glob("work-*"))  # the temporary folder is gone


def test_a_good_build_replaces_the_site(built):
    tree, before = built
    edit(tree, "docs/danh-ba.vi.md", "Gọi 0912 345 678 nếu cần.", "Gọi ngay 0912 345 678.")
    result = run_build(tree / "mkdocs.yml", tree / "site")
    assert result.returncode == 0, result.stderr
    html = (tree / "site" / "thu" / "danh-ba" / "index.html").read_text(encoding="utf-8")
    assert "Gọi ngay" in html
    assert snapshot(tree / "site") != before
