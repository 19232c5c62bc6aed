"""CI for content repositories: each proposed change is checked, then built as a preview."""

from __future__ import annotations

import subprocess

import pytest
import yaml

from helpers import REPO

CI = REPO / "deploy" / "ci"


def load(name: str) -> dict:
    return yaml.safe_load((CI / name).read_text(encoding="utf-8"))


def github_commands() -> list[str]:
    steps = load("github-actions-content.yml")["jobs"]["check-and-preview"]["steps"]
    return [step["run"] for step in steps if "run" in step]


def gitlab_commands() -> list[str]:
    return load("gitlab-ci-content.yml")["check-and-preview"]["script"]


@pytest.mark.parametrize("commands", [github_commands, gitlab_commands], ids=["github", "gitlab"])
def test_check_runs_before_site_and_status_never_fails(commands):
    found = commands()
    assert found.index("make check") < found.index("make site")
    assert found[-1] == "make status || true"


def test_github_runs_on_pull_requests_and_main_and_keeps_a_preview():
    flow = load("github-actions-content.yml")
    triggers = flow[True] if True in flow else flow["on"]  # YAML 1.1 reads `on:` as true
    assert "pull_request" in triggers
    assert triggers["push"]["branches"] == ["main"]
    steps = flow["jobs"]["check-and-preview"]["steps"]
    uses = [step.get("uses", "") for step in steps]
    assert uses[0].startswith("actions/checkout@")
    setup = steps[1]
    assert setup["uses"].startswith("actions/setup-python@")
    assert setup["with"]["python-version"] == "3.11"
    upload = next(step for step in steps if step.get("uses", "").startswith(
        "actions/upload-artifact@"))
    assert upload["with"] == {"name": "preview", "path": "site/"}
    assert steps.index(upload) > [s.get("run") for s in steps].index("make site")


def test_gitlab_runs_on_merge_requests_and_the_default_branch_and_exposes_a_preview():
    job = load("gitlab-ci-content.yml")["check-and-preview"]
    assert job["image"] == "python:3.11"
    conditions = [rule["if"] for rule in job["rules"]]
    assert '$CI_PIPELINE_SOURCE == "merge_request_event"' in conditions
    assert "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" in conditions
    assert job["artifacts"] == {"expose_as": "preview", "paths": ["preview/"]}
    # site is a link (scripts/publish.py), which GitLab would keep as a link: a copy of the files
    assert job["script"].index("cp -RL site/ preview/") > job["script"].index("make site")


@pytest.mark.parametrize("target", ["check", "site"])
def test_make_targets_used_by_ci_exist(target):
    dry = subprocess.run(["make", "-n", target], cwd=REPO, capture_output=True, text=True,
                         check=False)
    assert dry.returncode == 0, dry.stderr
    script = {"check": "-m hotro.editors.check_content",
              "site": "-m hotro.build.build_site"}[target]
    assert script in dry.stdout
