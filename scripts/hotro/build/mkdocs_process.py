"""One MkDocs process of a build, and the problems it found, as data.

A MkDocs process does not print problems for the build to read back: the plugin writes them, on
a ContentError, as JSON (`[problem.to_json(), …]`) to the file that the environment variable
HOTRO_PROBLEMS_JSON names, and fails the build. What MkDocs itself says (a nav entry without its
page, a broken setting, a link warning) is read from its log: its texts, not ours
(hotro.model.mkdocs_texts, hotro.checks.source_map).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from hotro.build import publish
from hotro.checks.source_map import mkdocs_problems
from hotro.model import mkdocs_texts
from hotro.model.messages import Message, msg
from hotro.model.problems import Problem
from hotro.model.records import Content

MKDOCS = "hotro.build.mkdocs_run"  # `python -m mkdocs`, faster start
PROBLEMS_ENV = "HOTRO_PROBLEMS_JSON"  # where a MkDocs process writes its problems, as JSON

Shown = Problem | Message | str  # a str: a text of MkDocs or of a check that has no id yet


def read_problems(path: Path) -> list[Problem]:
    """The problems a MkDocs process wrote as JSON: `[problem.to_json(), …]`."""
    return [Problem.from_json(item) for item in json.loads(path.read_text(encoding="utf-8"))]


@dataclass
class MkDocsRun:
    """How each MkDocs process of a build runs, and where it writes its problems."""

    content: Content
    env: dict
    source: mkdocs_texts.Config  # the base mkdocs.yml, for the lines of MkDocs' problems
    problems_dir: Path

    def build(self, config: Path, out: Path) -> list[Shown]:
        """Run mkdocs in its own process (the i18n plugin keeps state between builds).

        Not --quiet: it hides warnings from --strict's count, so a broken link would pass.
        """
        if publish.stopping():  # a stopped build starts no other MkDocs
            return [msg("build.stopped-early")]
        self.problems_dir.mkdir(parents=True, exist_ok=True)
        problems_file = self.problems_dir / f"{config.stem}.json"
        problems_file.unlink(missing_ok=True)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **self.env,
               PROBLEMS_ENV: str(problems_file),
               "SITE_BUILD_PARENT": str(os.getpid())}  # mkdocs_run.py: stop with the build
        cmd = [sys.executable, "-m", MKDOCS, "build", "--strict",
               "--config-file", str(config), "--site-dir", str(out)]
        result = subprocess.run(cmd, cwd=config.parent, env=env, capture_output=True,
                                text=True, check=False)
        if result.returncode == 0:
            return []
        if problems_file.is_file():  # the plugin's problems, as data
            return read_problems(problems_file)
        return self.from_log((result.stdout + result.stderr).splitlines())

    def from_log(self, lines: list[str]) -> list[Shown]:
        """MkDocs' own problems, from its log (its texts, not ours: mkdocs_texts); when none is
        known, its last lines as they are (a plugin that does not yet write its problems as
        JSON prints them there)."""
        known, rest = mkdocs_texts.log_problems(lines, self.source)
        found: list[Shown] = [*known, *mkdocs_problems(rest, self.content)]
        if found:
            return found
        last = [line.strip() for line in lines if line.strip()][-20:]
        return [msg("build.mkdocs-said"), *last]
