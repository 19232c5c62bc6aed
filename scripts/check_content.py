"""Check all content without building: `make check`. Exit 1 with one line per problem."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from content import load_content
from problems import ContentError


def main(argv: list[str] | None = None) -> int:
    root = Path(argv[0] if argv else ".").resolve()
    try:
        content = load_content(root)
    except ContentError as err:
        print(err.report(), file=sys.stderr)
        return 1
    print(f"Content is valid: {len(content.pages)} pages, {len(content.contacts)} contacts "
          f"({len(content.published_contacts())} published), {len(content.agencies)} agencies, "
          f"{len(content.sources)} sources.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
