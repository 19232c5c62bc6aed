"""Two clean builds of the same commit are byte-identical, whatever the clock says."""

from __future__ import annotations

from helpers import REPO, digest, run_build


def test_two_builds_on_different_days_are_identical(tmp_path, all_editions):
    # SOURCE_DATE_EPOCH moves MkDocs' build clock to 2001: no date may come from it.
    other = tmp_path / "site"
    result = run_build(REPO / "mkdocs.yml", other, env={"SOURCE_DATE_EPOCH": "1000000000"})
    assert result.returncode == 0, result.stderr
    first, second = digest(all_editions), digest(other)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    assert len(first) > 200 and len({name.split('/')[0] for name in first}) == 4
