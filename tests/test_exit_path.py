"""The exit path: the same site builds with ProperDocs, the maintained MkDocs 1.x fork, and the
output matches the MkDocs build page for page (only the generator tag differs)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from helpers import JOINT, REPO
from hotro.checks.validated import load_content
from hotro.load.editions import edition_config, load_base, write_config

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def files(site) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): GENERATOR.sub(b"", p.read_bytes())
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_properdocs_builds_the_same_site(real_site, tmp_path):
    out = tmp_path / "site"
    content = load_content(REPO)  # the joint edition's config, as `make site` writes it
    config = write_config(edition_config(load_base(REPO / "mkdocs.yml"), REPO, content,
                                         content.editions[JOINT]), tmp_path / "joint.yml")
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(config),
         "-d", str(out)],
        cwd=REPO, capture_output=True, text=True, check=False, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr[-3000:]
    assert b"ProperDocs" in (out / "index.html").read_bytes()
    ours, theirs = files(real_site), files(out)
    assert sorted(ours) == sorted(theirs)
    assert [name for name in ours if ours[name] != theirs[name]] == []
