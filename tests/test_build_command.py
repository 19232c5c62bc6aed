"""`make site`'s build command as an editor meets it: clear messages, and a failed build never
replaces the last good site."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from helpers import REPO, edit, run_build
from helpers import digest as snapshot
from hotro.build.mkdocs_process import PROBLEMS_ENV, MkDocsRun, read_problems
from hotro.model import mkdocs_texts
from hotro.model.messages import msg
from hotro.model.problems import Problem


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


# -- Problems from a MkDocs process: as JSON, or MkDocs' own texts read from its log -------------

def test_problems_cross_from_mkdocs_as_json(tmp_path):
    """The plugin's side of the contract: on a ContentError it writes [problem.to_json(), …] to
    the file HOTRO_PROBLEMS_JSON names; the build reads them back, each in either language."""
    assert PROBLEMS_ENV == "HOTRO_PROBLEMS_JSON"
    sent = [Problem("docs/a.vi.md", 3, "title", msg("mkdocs.nav-missing", file="x.md"),
                    msg("mkdocs.nav-missing-expected")),
            Problem("content/contacts.yml", 0, "", msg("problems.summary", count=2))]
    path = tmp_path / "problems.json"
    path.write_text(json.dumps([p.to_json() for p in sent]), encoding="utf-8")
    received = read_problems(path)
    assert received == sent
    assert received[0].text("vi") == (
        "docs/a.vi.md:3: title: trong nav có 'x.md', nhưng docs/ không có trang này (cần tên "
        "một trang có trong docs/, không có .vi hay .en, ví dụ bao-tin.md)")


NO_PAGES = SimpleNamespace(pages={})  # the content, as far as MkDocs' own texts need it
LOG = """INFO    -  Building documentation to directory: /tmp/x
WARNING -  A reference to 'bao-tinn.md' is included in the 'nav' configuration, which is not found in the documentation files.
INFO    -  The following pages exist in the docs directory, but are not included in the "nav" configuration:
  - bao-tin.vi.md
  - bao-tin.en.md
WARNING -  Config value 'theme': Unrecognised theme name: 'materia'. The available installed themes are: mkdocs, readthedocs, material
WARNING -  Config value 'extra_css': Unrecognised configuration name: extra_csss
""".splitlines()  # noqa: E501


def test_mkdocs_own_texts_name_the_line_of_mkdocs_yml():
    base = (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "Báo tin: bao-tin.md", "Báo tin: bao-tinn.md")
    run = MkDocsRun(NO_PAGES, {}, mkdocs_texts.Config("mkdocs.yml", base), Path("."))
    found = run.from_log(LOG)
    nav = base.split("\n").index("  - Báo tin: bao-tinn.md") + 1
    top = base.split("\n").index("nav:") + 1
    theme = base.split("\n").index("theme:") + 1
    assert [p.text("en") for p in found] == [
        f"mkdocs.yml:{nav}: nav: the nav names 'bao-tinn.md', which is not a page in docs/ "
        "(expected the name of a page in docs/, without .vi or .en, e.g. bao-tin.md)",
        f"mkdocs.yml:{top}: nav: the page bao-tin.md is in docs/ but not in the nav (expected a "
        "line '- Title: bao-tin.md' in the nav)",
        f"mkdocs.yml:{top}: nav: the page bao-tin.md is in docs/ but not in the nav (expected a "
        "line '- Title: bao-tin.md' in the nav)",
        f"mkdocs.yml:{theme}: theme: MkDocs does not accept this value: there is no theme "
        "materia (expected a value as README.md describes)",
        "mkdocs.yml: extra_csss: MkDocs does not know the setting 'extra_csss' (expected only "
        "settings the project's mkdocs.yml has)"]
    assert found[0].text("vi").startswith(f"mkdocs.yml:{nav}: nav: trong nav có 'bao-tinn.md'")


def test_a_failure_mkdocs_does_not_explain_shows_its_last_lines():
    run = MkDocsRun(NO_PAGES, {}, mkdocs_texts.Config(), Path("."))
    found = run.from_log(["INFO    -  Cleaning site directory", "Error: something broke", ""])
    assert found == [msg("build.mkdocs-said"), "INFO    -  Cleaning site directory",
                     "Error: something broke"]
