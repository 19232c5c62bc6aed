"""Issue 15 moves every module into one package: the built site must not change by one byte.

tests/data/pre_restructure_digest.json holds the SHA-256 of every file `make site` built from
commit 0aedf2e (before the restructuring). When the issue is done, this test gives way to the
ordinary reproducibility test (test_reproducible.py).
"""

from __future__ import annotations

import hashlib
import json

from helpers import REPO

BEFORE = json.loads((REPO / "tests" / "data" / "pre_restructure_digest.json").read_text())


def test_every_edition_is_byte_identical_to_the_build_before_the_restructuring(all_editions):
    now = {p.relative_to(all_editions).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
           for p in sorted(all_editions.rglob("*")) if p.is_file()}
    assert sorted(set(BEFORE) ^ set(now)) == []
    assert [name for name in BEFORE if BEFORE[name] != now[name]] == []
