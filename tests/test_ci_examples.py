"""The CI examples for a national deployment: one job per edition, each `make site EDITION=`."""

from __future__ import annotations

import subprocess

import yaml

from helpers import REPO

EDITIONS = sorted(p.stem for p in (REPO / "content" / "editions").glob("*.yml"))


def test_gitlab_matrix_lists_every_edition():
    jobs = yaml.safe_load((REPO / "deploy" / "ci" / "gitlab-ci-editions.yml").read_text("utf-8"))
    job = jobs["build-edition"]
    assert sorted(job["parallel"]["matrix"][0]["EDITION"]) == EDITIONS
    assert job["script"] == ["make site EDITION=$EDITION"]
    assert job["artifacts"]["paths"] == ["site/$EDITION/"]


def test_github_matrix_builds_each_listed_edition():
    flow = yaml.safe_load((REPO / "deploy" / "ci" / "github-actions-editions.yml").read_text(
        "utf-8"))
    listing = flow["jobs"]["list"]["steps"][1]["run"]
    assert "content/editions/*.yml" in listing
    steps = flow["jobs"]["build"]["steps"]
    assert {"run": "make site EDITION=${{ matrix.edition }}"} in steps
    assert flow["jobs"]["build"]["strategy"]["matrix"]["edition"].startswith("${{ fromJSON(")


def test_make_site_passes_the_edition_to_the_build():
    dry = subprocess.run(["make", "-n", "site", "EDITION=cong-an-ca-mau"], cwd=REPO,
                         capture_output=True, text=True, check=True).stdout
    assert "-m hotro.build.build_site --edition cong-an-ca-mau" in dry
    everything = subprocess.run(["make", "-n", "site"], cwd=REPO, capture_output=True,
                                text=True, check=True).stdout
    assert "--edition" not in everything
