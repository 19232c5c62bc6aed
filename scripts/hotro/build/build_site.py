"""Build every edition: validate the content, build each edition in its own process (several
at once), check the output, then replace the published folder in one step. A failed build
leaves the last good site untouched.

With a CPU for each language of each edition (one edition on two CPUs, as in a CI job per
edition), each language is built in a process of its own and the two are joined
(language_split.py); with fewer, a spare CPU reads the pages while they are written.

    python scripts/build_site.py [--config mkdocs.yml] [--site-dir site] [--edition ID] [--jobs N]

Each edition of content/editions/<id>.yml goes to site/<id>/. `site` is a link to the last
complete build, swapped in one rename; one build runs at a time; a build stops with `make`
(scripts/publish.py).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from hotro.build import publish
from hotro.build.language_split import join_languages
from hotro.build.page_watch import PageWatcher
from hotro.checks.link_check import check_links
from hotro.checks.site_check import check_site, page_reader
from hotro.checks.source_map import mkdocs_problems, source_problems
from hotro.checks.validated import hand_over, load_content
from hotro.load.editions import (
    config_problems,
    edition_config,
    load_base,
    one_language,
    unknown_edition,
    write_config,
)
from hotro.model import speedups
from hotro.model.messages_vi import translate_line
from hotro.model.pages import DEFAULT_LANG, LANGS
from hotro.model.problems import ContentError
from hotro.model.records import Content

MKDOCS = "hotro.build.mkdocs_run"  # `python -m mkdocs`, faster start


@dataclass
class Result:
    edition: str
    lines: list[str]  # what went wrong, for the editor; empty when the edition is fine
    seconds: dict[str, float] = field(default_factory=dict)  # build and check, for --timings


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    config = Path(args.config).resolve()
    site = Path(os.path.abspath(args.site_dir)) if args.site_dir else config.parent / "site"
    try:  # one build at a time; a stopped build (or make) publishes nothing (publish.py)
        publish.stop_with_parent()
        publish.stop_on_signals()
        with publish.hold_lock(site):
            for line in publish.tidy(site):
                _say(line, args.lang)
            publish.pause("locked")
            return _build(args, config, site)
    except publish.Busy as busy:
        _say(str(busy), args.lang)
        return 1
    except publish.Stopped as stopped:
        _say(f"Build stopped by {stopped}; nothing was published, the last good site is "
             "unchanged.", args.lang)
        return 128 + stopped.signum


def _say(line: str, lang: str) -> None:
    with contextlib.suppress(OSError):  # nobody may be reading any more (make was killed)
        print(translate_line(line, lang), file=sys.stderr, flush=True)


def _build(args: argparse.Namespace, config: Path, site: Path) -> int:
    started = time.perf_counter()
    try:
        content = load_content(config.parent)
        if broken := check_links(content):
            raise ContentError(broken)
        base = load_base(config)
        chosen = _chosen(content, base, args.edition)
    except ContentError as err:
        print(err.report(args.lang), file=sys.stderr)
        return 1
    validated = time.perf_counter() - started
    work = publish.work_folder(site)
    try:
        results = build_editions(content, base, config, chosen, work, args.jobs)
        failed = [r for r in results if r.lines]
        if failed:
            _report(failed, args.lang)
            return 1
        publish.pause("built")
        built = work / "site" / args.edition if args.edition else work / "site"
        publish.publish(built, site, args.edition)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"Built {', '.join(chosen)} into {site}")
    if args.timings:
        _print_timings(validated, results, time.perf_counter() - started)
    return 0


def _print_timings(validated: float, results: list[Result], total: float) -> None:
    print(f"  validate content: {validated:.2f} s")
    for result in results:
        parts = ", ".join(f"{name} {value:.2f} s" for name, value in result.seconds.items())
        print(f"  {result.edition}: {parts}")
    print(f"  total: {total:.2f} s")


def _parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", default="mkdocs.yml", help="the base MkDocs config file")
    parser.add_argument("--site-dir", help="where to publish (default: site/ beside the config)")
    parser.add_argument("--edition", help="build only this edition, into site/<id>/")
    parser.add_argument("--lang", choices=("vi", "en"), default="en",
                        help="language of the messages about mistakes (vi or en)")
    parser.add_argument("--timings", action="store_true",
                        help="print how long each step took")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="editions built at the same time (default: one per CPU)")
    return parser.parse_args(argv)


def _chosen(content: Content, base: dict, edition: str | None) -> list[str]:
    """The editions to build, after the checks that need the base config."""
    if edition and edition not in content.editions:
        raise ContentError([unknown_edition(content, edition)])
    chosen = [edition] if edition else sorted(content.editions)
    problems = [p for eid in chosen for p in config_problems(base, content,
                                                             content.editions[eid])]
    if problems:
        raise ContentError(problems)
    return chosen


def build_editions(content: Content, base: dict, config: Path, chosen: list[str], work: Path,
                   jobs: int) -> list[Result]:
    """Build and check each edition under work/site/<id>/, `jobs` at a time."""
    env = hand_over(content, work / "content.pickle") if speedups.enabled() else {}
    by_language = speedups.enabled() and jobs >= len(LANGS) * len(chosen)
    # else a CPU no edition builds on reads the pages as they are written (MkDocs uses one)
    read_early = speedups.enabled() and not by_language and jobs > len(chosen)

    def one(eid: str) -> Result:
        edition = content.editions[eid]
        cfg = edition_config(base, config.parent, content, edition)
        out = work / "site" / eid
        start = time.perf_counter()
        tels = {c.phone.tel for c in content.published_contacts() if c.phone}
        read = page_reader(edition["site_url"], tels)
        watcher = PageWatcher(out, read) if read_early else None
        if by_language:
            lines = _build_by_language(cfg, work, eid, content, env)
        else:
            lines = _mkdocs_build(write_config(cfg, work / "configs" / f"{eid}.yml"), out,
                                  content, env)
        early = watcher.finish() if watcher else {}
        step = "mkdocs build (languages at once)" if by_language else "mkdocs build"
        result = Result(eid, lines, {step: time.perf_counter() - start})
        if not lines:
            start = time.perf_counter()
            found = check_site(out, edition["site_url"], jobs, early, tels)  # links and scan
            result.lines = [str(p) for p in source_problems(found, content)]
            result.seconds["link check and security scan"] = time.perf_counter() - start
        return result

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(one, chosen))


def _build_by_language(config: dict, work: Path, eid: str, content: Content,
                       env: dict) -> list[str]:
    """Each language of one edition in its own MkDocs process, at once; then joined into
    work/site/<id>/. The problems of both, each once."""
    parts = {lang: work / "languages" / eid / lang for lang in LANGS}

    def build(lang: str) -> list[str]:
        path = write_config(one_language(config, lang), work / "configs" / f"{eid}.{lang}.yml")
        return _mkdocs_build(path, parts[lang], content, env)

    with ThreadPoolExecutor(max_workers=len(LANGS)) as pool:
        lines = list(dict.fromkeys(line for found in pool.map(build, LANGS) for line in found))
    if not lines:
        join_languages(parts, DEFAULT_LANG, work / "site" / eid)
    return lines


def _mkdocs_build(config: Path, out: Path, content: Content, extra_env: dict) -> list[str]:
    """Run mkdocs in its own process (the i18n plugin keeps state between builds).

    Not --quiet: it hides warnings from --strict's count, so a broken link would pass.
    """
    if publish.stopping():  # a stopped build starts no other MkDocs
        return ["Build stopped."]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra_env,
           "SITE_BUILD_PARENT": str(os.getpid())}  # mkdocs_run.py: stop when the build stops
    cmd = [sys.executable, "-m", MKDOCS, "build", "--strict",
           "--config-file", str(config), "--site-dir", str(out)]
    result = subprocess.run(cmd, cwd=config.parent, env=env, capture_output=True, text=True,
                            check=False)
    if result.returncode == 0:
        return []
    lines = (result.stdout + result.stderr).splitlines()
    return [str(p) for p in mkdocs_problems(lines, content)] or lines[-20:]


def _report(failed: list[Result], lang: str) -> None:
    """Each problem once, under the first edition it broke (most are shared by all)."""
    shown: set[str] = set()
    lines = []
    for result in failed:
        new = [line for line in result.lines if line not in shown]
        shown.update(new)
        if new:
            lines += [f"Edition {result.edition}:", *new]
    names = ", ".join(r.edition for r in failed)
    lines.append(f"{len(shown)} problems in editions {names}; nothing was published.")
    print("\n".join(translate_line(line, lang) for line in lines), file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
