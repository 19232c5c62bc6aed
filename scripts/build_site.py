"""Build the site: validate the content, build in a fresh folder, check the output, then
replace the published folder in one step. A failed build leaves the last good site untouched.

    python scripts/build_site.py [--config mkdocs.yml] [--site-dir site]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import yaml

from content import load_content
from problems import ContentError
from site_check import check_site
from source_map import mkdocs_problems, source_problems


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    config = Path(args.config).resolve()
    root = config.parent
    site = Path(args.site_dir).resolve() if args.site_dir else root / "site"
    try:
        content = load_content(root)
    except ContentError as err:
        print(err.report(), file=sys.stderr)
        return 1
    site.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site.parent))
    try:
        if not _mkdocs_build(config, work / "site", content):
            return 1
        problems = source_problems(check_site(work / "site", _site_url(config)), content)
        if problems:
            print("\n".join(str(p) for p in problems), file=sys.stderr)
            print(f"{len(problems)} problems in the built pages; nothing was published.",
                  file=sys.stderr)
            return 1
        _publish(work / "site", site)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"Built {site}")
    return 0


def _parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", default="mkdocs.yml", help="the MkDocs config file")
    parser.add_argument("--site-dir", help="where to publish (default: site/ beside the config)")
    return parser.parse_args(argv)


def _mkdocs_build(config: Path, out: Path, content) -> bool:
    """Run mkdocs in its own process (the i18n plugin keeps state between builds).

    Not --quiet: it hides warnings from --strict's count, so a broken link would pass.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict",
           "--config-file", str(config), "--site-dir", str(out)]
    result = subprocess.run(cmd, cwd=config.parent, env=env, capture_output=True, text=True,
                            check=False)
    if result.returncode != 0:
        lines = (result.stdout + result.stderr).splitlines()
        problems = mkdocs_problems(lines, content) or lines[-20:]
        print("\n".join(str(p) for p in problems), file=sys.stderr)
        print("The build failed; nothing was published.", file=sys.stderr)
        return False
    return True


def _site_url(config: Path) -> str:
    """site_url as MkDocs sees it, !ENV included."""
    loader = type("EnvLoader", (yaml.SafeLoader,), {})
    loader.add_constructor("!ENV", _env_tag)
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=loader)
    url = data.get("site_url") or "http://localhost/"
    return url if url.endswith("/") else url + "/"


def _env_tag(loader, node):
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [
        loader.construct_scalar(node)]
    *keys, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[k] for k in keys if k in os.environ), default)


def _publish(built: Path, site: Path) -> None:
    """Swap the new site in with renames, so readers never see a half-written folder."""
    old = site.with_name(site.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    staged = site.with_name(site.name + ".new")
    shutil.rmtree(staged, ignore_errors=True)
    shutil.move(str(built), str(staged))
    if site.exists():
        site.rename(old)
    staged.rename(site)
    shutil.rmtree(old, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
