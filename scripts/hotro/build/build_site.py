"""Build every edition: validate the content, build each edition in its own process (several
at once), check the output, then replace the published folder in one step. A failed build
leaves the last good site untouched.

With a CPU for each language of each edition (one edition on two CPUs, as in a CI job per
edition), each language is built in a process of its own and the two are joined
(language_split.py); with fewer, a spare CPU reads the pages while they are written.

    python -m hotro.build.build_site [--config mkdocs.yml] [--site-dir site] [--edition ID]
        [--jobs N] [--lang vi|en]

Each edition of content/editions/<id>.yml goes to site/<id>/. `site` is a link to the last
complete build, swapped in one rename; one build runs at a time; a build stops with `make`
(publish.py).

Every line is a catalogue message, in the language of --lang, else MESSAGES, else Vietnamese.
A MkDocs process does not print the problems it finds for this command to read back: it writes
them as JSON to the file HOTRO_PROBLEMS_JSON names (the plugin does, on a ContentError), and
MkDocs' own texts are read by hotro.model.mkdocs_texts.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from hotro.build import publish
from hotro.build.language_split import join_languages
from hotro.build.mkdocs_process import PROBLEMS_ENV, MkDocsRun, Shown
from hotro.build.page_watch import PageWatcher
from hotro.checks.link_check import check_links
from hotro.checks.site_check import check_site, page_reader
from hotro.checks.source_map import source_problems
from hotro.checks.validated import hand_over, load_content
from hotro.load.editions import (
    config_problems,
    edition_config,
    load_base,
    one_language,
    unknown_edition,
    write_config,
)
from hotro.model import mkdocs_texts, speedups
from hotro.model.command_line import Parser, add_lang
from hotro.model.messages import language, msg, text
from hotro.model.pages import DEFAULT_LANG, LANGS
from hotro.model.problems import ContentError
from hotro.model.records import Content

__all__ = ["PROBLEMS_ENV", "Result", "build_editions", "main"]


@dataclass
class Result:
    edition: str
    problems: list[Shown]  # what went wrong, for the editor; empty when the edition is fine
    seconds: dict[str, float] = field(default_factory=dict)  # step id: seconds, for --timings


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    lang = language(args.lang)
    try:
        return _locked(args, lang)
    except Exception as err:  # one line, never a traceback
        _say(msg("commands.failed", error=f"{type(err).__name__}: {err}"), lang)
        return 1


def _locked(args: argparse.Namespace, lang: str) -> int:
    config = Path(args.config).resolve()
    site = Path(os.path.abspath(args.site_dir)) if args.site_dir else config.parent / "site"
    try:  # one build at a time; a stopped build (or make) publishes nothing (publish.py)
        publish.stop_with_parent()
        publish.stop_on_signals()
        with publish.hold_lock(site):
            for line in publish.tidy(site):
                _say(line, lang)
            publish.pause("locked")
            return _build(args, lang, config, site)
    except publish.Busy as busy:
        _say(busy.message, lang)
        return 1
    except publish.Stopped as stopped:
        _say(msg("build.stopped", signal=str(stopped)), lang)
        return 128 + stopped.signum


def _say(line: Shown, lang: str, out=None) -> None:
    with contextlib.suppress(OSError):  # nobody may be reading any more (make was killed)
        print(_line(line, lang), file=out or sys.stderr, flush=True)


def _line(item: Shown, lang: str) -> str:
    if isinstance(item, str):  # a text without an id: named as MkDocs' in Vietnamese
        return item if lang == "en" else text("mkdocs.warning", lang, text=item)
    return item.text(lang)


def _build(args: argparse.Namespace, lang: str, config: Path, site: Path) -> int:
    started = time.perf_counter()
    try:
        content, base, chosen = _validated(config, args.edition)
    except ContentError as err:
        print(err.report(lang), file=sys.stderr)
        return 1
    validated = time.perf_counter() - started
    work = publish.work_folder(site)
    try:
        results = build_editions(content, base, config, chosen, work, args.jobs)
        failed = [r for r in results if r.problems]
        if failed:
            _report(failed, lang)
            return 1
        publish.pause("built")
        built = work / "site" / args.edition if args.edition else work / "site"
        publish.publish(built, site, args.edition)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    _say(msg("build.built", editions=", ".join(chosen), folder=str(site)), lang, sys.stdout)
    if args.timings:
        _print_timings(validated, results, time.perf_counter() - started, lang)
    return 0


def _validated(config: Path, edition: str | None) -> tuple[Content, dict, list[str]]:
    """The content, the base config and the editions to build; a ContentError with every
    problem found, those of mkdocs.yml first (read early: a broken one is one line)."""
    try:
        base = load_base(config)
    except ContentError as err:
        broken = err.problems
        try:
            load_content(config.parent)
        except ContentError as more:
            broken += more.problems
        raise ContentError(broken) from None
    content = load_content(config.parent)
    if broken := check_links(content):
        raise ContentError(broken)
    return content, base, _chosen(content, base, edition)


def _print_timings(validated: float, results: list[Result], total: float, lang: str) -> None:
    step = msg("build.step-validate")
    _say(msg("build.timing", step=step, seconds=validated), lang, sys.stdout)
    for result in results:
        steps = tuple(msg(name, seconds=value) for name, value in result.seconds.items())
        _say(msg("build.timing-edition", edition=result.edition, steps=steps), lang, sys.stdout)
    _say(msg("build.timing", step=msg("build.step-total"), seconds=total), lang, sys.stdout)


def _parse_args(argv):
    parser = Parser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", default="mkdocs.yml", help="the base MkDocs config file")
    parser.add_argument("--site-dir", help="where to publish (default: site/ beside the config)")
    parser.add_argument("--edition", help="build only this edition, into site/<id>/")
    add_lang(parser)
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
    source = mkdocs_texts.Config(config.name, config.read_text(encoding="utf-8"))

    def one(eid: str) -> Result:
        edition = content.editions[eid]
        cfg = edition_config(base, config.parent, content, edition)
        out = work / "site" / eid
        start = time.perf_counter()
        tels = {c.phone.tel for c in content.published_contacts() if c.phone}
        read = page_reader(edition["site_url"], tels)
        watcher = PageWatcher(out, read) if read_early else None
        run = MkDocsRun(content, env, source, work / "problems")
        if by_language:
            problems = _build_by_language(cfg, work, eid, run)
        else:
            problems = run.build(write_config(cfg, work / "configs" / f"{eid}.yml"), out)
        early = watcher.finish() if watcher else {}
        step = "build.step-languages" if by_language else "build.step-mkdocs"
        result = Result(eid, problems, {step: time.perf_counter() - start})
        if not problems:
            start = time.perf_counter()
            found = check_site(out, edition["site_url"], jobs, early, tels)  # links and scan
            result.problems = list(source_problems(found, content))
            result.seconds["build.step-checks"] = time.perf_counter() - start
        return result

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(one, chosen))


def _build_by_language(config: dict, work: Path, eid: str, run: MkDocsRun) -> list[Shown]:
    """Each language of one edition in its own MkDocs process, at once; then joined into
    work/site/<id>/. The problems of both, each once."""
    parts = {lang: work / "languages" / eid / lang for lang in LANGS}

    def build(lang: str) -> list[Shown]:
        path = write_config(one_language(config, lang), work / "configs" / f"{eid}.{lang}.yml")
        return run.build(path, parts[lang])

    with ThreadPoolExecutor(max_workers=len(LANGS)) as pool:
        problems = list(dict.fromkeys(p for found in pool.map(build, LANGS) for p in found))
    if not problems:
        join_languages(parts, DEFAULT_LANG, work / "site" / eid)
    return problems


def _report(failed: list[Result], lang: str) -> None:
    """Each problem once, under the first edition it broke (most are shared by all)."""
    shown: set[str] = set()
    lines = []
    for result in failed:
        new = [line for line in dict.fromkeys(_line(p, lang) for p in result.problems)
               if line not in shown]
        shown.update(new)
        if new:
            lines += [text("build.edition", lang, edition=result.edition), *new]
    names = ", ".join(r.edition for r in failed)
    lines.append(text("build.failed", lang, count=len(shown), editions=names))
    with contextlib.suppress(OSError):
        print("\n".join(lines), file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
