"""Preview one edition on http://127.0.0.1:8000/ with reload on save (`make serve`).

    python -m hotro.editors.serve [--edition ID] [--lang vi|en] [--addr HOST:PORT] [--root DIR]

With --lang only that language is built, which makes each reload faster. The messages are in
the language of MESSAGES (vi or en, default vi): MkDocs runs in a process of its own and each
line it prints is shown in the catalogue's words (hotro.model.mkdocs_texts). A broken mkdocs.yml
or content is one line per problem, never a traceback.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
from pathlib import Path

from hotro.checks.validated import load_content
from hotro.load.editions import edition_config, load_base, unknown_edition, write_config
from hotro.model import mkdocs_texts, paths
from hotro.model.command_line import Parser
from hotro.model.messages import language, say
from hotro.model.problems import ContentError
from hotro.model.processes import PR_SET_PDEATHSIG

ROOT = paths.ROOT


def _parse_args(argv: list[str] | None):
    parser = Parser(description=__doc__.split("\n\n")[0], lang_flag=None)
    parser.add_argument("--edition", help="an id from content/editions/ (default: the joint one)")
    parser.add_argument("--lang", choices=["vi", "en"], help="build only this language")
    parser.add_argument("--addr", default="127.0.0.1:8000")
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="the content tree (mkdocs.yml, content/, docs/; default: this one)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    lang = language()
    try:
        return _serve(args, lang)
    except ContentError as err:
        print(err.report(lang), file=sys.stderr, flush=True)
        return 1
    except Exception as err:  # one line, never a traceback
        say("commands.failed", lang, file=sys.stderr, error=f"{type(err).__name__}: {err}")
        return 1


def _serve(args, lang: str) -> int:
    root = args.root.resolve()
    base_file = root / "mkdocs.yml"
    base = load_base(base_file)  # first: a broken mkdocs.yml is one line
    content = load_content(root)
    edition_id = args.edition or content.canonical_edition().id
    if edition_id not in content.editions:  # one line: the ids to choose from
        print(unknown_edition(content, edition_id).text(lang), file=sys.stderr, flush=True)
        return 1
    config = edition_config(base, root, content, content.editions[edition_id])
    config["site_url"] = f"http://{args.addr}/"  # links and the language switch work locally
    if args.lang:
        config["plugins"]["i18n"]["build_only_locale"] = args.lang
    path = write_config(config, root / ".build" / f"serve-{edition_id}.yml")
    say("serve.starting", lang, edition=edition_id, addr=args.addr)
    source = mkdocs_texts.Config(base_file.name, base_file.read_text(encoding="utf-8"))
    return run_mkdocs([sys.executable, "-m", "mkdocs", "serve", "--config-file", str(path),
                       "--dev-addr", args.addr, "--watch", str(root / "content")], source, lang)


def _die_with_parent() -> None:
    """In the MkDocs process: end when `make serve` ends, even when it is killed."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)


def run_mkdocs(cmd: list[str], source: mkdocs_texts.Config, lang: str) -> int:
    """MkDocs in its own process, each of its lines shown in `lang`; Ctrl-C stops both."""
    server = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              encoding="utf-8", errors="replace", bufsize=1,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                              preexec_fn=_die_with_parent)
    while True:
        try:
            _relay(server, source, lang)
            break
        except KeyboardInterrupt:  # MkDocs gets the same Ctrl-C: let it end, keep showing it
            try:
                server.wait(timeout=3)
            except subprocess.TimeoutExpired:  # the Ctrl-C was for this process only
                server.send_signal(signal.SIGINT)
    return server.wait()


def _relay(server: subprocess.Popen, source: mkdocs_texts.Config, lang: str) -> None:
    assert server.stdout is not None
    for line in server.stdout:
        shown = mkdocs_texts.serve_line(line, source)
        if shown is not None:
            print(shown if isinstance(shown, str) else shown.text(lang), flush=True)


if __name__ == "__main__":
    sys.exit(main())
