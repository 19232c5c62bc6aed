"""Preview one edition on http://127.0.0.1:8000/ with reload on save (`make serve`).

    python scripts/serve.py [--edition ID] [--lang vi|en] [--addr HOST:PORT] [--root DIR]

With --lang only that language is built, which makes each reload faster.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from hotro.checks.validated import load_content
from hotro.load.editions import edition_config, load_base, unknown_edition, write_config
from hotro.model import paths
from hotro.model.problems import ContentError

ROOT = paths.ROOT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edition", help="an id from content/editions/ (default: the joint one)")
    parser.add_argument("--lang", choices=["vi", "en"], help="build only this language")
    parser.add_argument("--addr", default="127.0.0.1:8000")
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="the content tree (mkdocs.yml, content/, docs/; default: this one)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        content = load_content(root)
    except ContentError as err:
        print(err.report(), file=sys.stderr)
        return 1
    edition_id = args.edition or content.canonical_edition().id
    if edition_id not in content.editions:
        print(unknown_edition(content, edition_id), file=sys.stderr)
        return 1
    config = edition_config(load_base(root / "mkdocs.yml"), root, content,
                            content.editions[edition_id])
    config["site_url"] = f"http://{args.addr}/"  # links and the language switch work locally
    if args.lang:
        config["plugins"]["i18n"]["build_only_locale"] = args.lang
    path = write_config(config, root / ".build" / f"serve-{edition_id}.yml")
    os.execv(sys.executable, [sys.executable, "-m", "mkdocs", "serve", "--config-file",
                              str(path), "--dev-addr", args.addr, "--watch", str(root / "content")])


if __name__ == "__main__":
    sys.exit(main())
