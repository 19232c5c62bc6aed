"""The Content-Security-Policy, made from the scripts our templates are known to write.

Every script of the site is a file of its own origin (Material's bundle, our overrides' files,
Material's former inline scripts: theme_scripts.py), so `script-src 'self'` covers them and the
policy lists no hash. It is never taken from the built pages: a script injected into a page is
not in it, and site_scan.py refuses to publish a page with an inline script that is not one of
INLINE_SCRIPTS. Should a template ever need an inline script, its exact text goes in
INLINE_SCRIPTS and its hash into the policy.
"""

from __future__ import annotations

import base64
import hashlib

# The inline scripts our templates write, exactly: none (see theme_scripts.py).
INLINE_SCRIPTS: tuple[str, ...] = ()
# Inline <script> elements of these types are data, never run: Material's configuration
# (id="__config") and our JSON-LD (jsonld.py).
DATA_SCRIPT_TYPES = ("application/json", "application/ld+json")


def script_hashes() -> list[str]:
    """CSP source expressions for the known inline scripts (sorted, distinct)."""
    found = set()
    for body in INLINE_SCRIPTS:
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        found.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(found)


def policy_base() -> str:
    """The policy of every response, without frame-ancestors (nginx adds it per location)."""
    scripts = " ".join(["'self'", *script_hashes()])
    return ("default-src 'self'; "
            f"script-src {scripts}; style-src 'self'; img-src 'self' data:; font-src 'self'; "
            "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; "
            "form-action 'self'")


def policy(frame_ancestors: str = "'none'") -> str:
    """The whole policy of a page that may be framed by `frame_ancestors` only."""
    return f"{policy_base()}; frame-ancestors {frame_ancestors}"
