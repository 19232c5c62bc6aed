"""A policy page's full text comes from an official host, or the page says where it is published.

`policy.source_url` (docs/chinh-sach/*.md) must be an https address whose host is one of
content/official_hosts.yml: an exact host (vbpl.vn) or any host under a domain (*.gov.vn). Hosts
are compared label by label, as a browser would reach them: `evil-vbpl.vn`, `vbpl.vn.evil.com`
and `https://vbpl.vn@evil.com/` are not vbpl.vn. Without an official address a page writes
`published_in` (where the official text is published) and lists unofficial copies under
`extra_reading`, which the page shows labelled as unofficial.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from hotro.model.messages import msg
from hotro.model.pages import PageSource
from hotro.model.plain_text import TEXT_MARKUP
from hotro.model.problems import Problem
from hotro.model.records import Content

LABEL = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")  # one part of a host name, as DNS has it
ANY_UNDER = "*."


def reached_host(url: str) -> str:
    """The host a browser opens for `url`, in lower case; "" when it is not a plain https
    address of a named host (another scheme, a user name before the host, a bad port)."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 -- raises ValueError on a port that is not a number
    except ValueError:
        return ""
    if parts.scheme.lower() != "https" or "@" in parts.netloc or "\\" in url:
        return ""
    return parts.hostname or ""


def is_official(url: str, hosts: list[str]) -> bool:
    """Whether `url` is an https address on one of `hosts` (exact, or *.domain for any host
    under the domain), compared label by label."""
    labels = reached_host(url).split(".")
    if not all(LABEL.match(label) for label in labels):
        return False
    for pattern in hosts:
        if pattern.startswith(ANY_UNDER):
            domain = pattern.removeprefix(ANY_UNDER).split(".")
            if len(labels) > len(domain) and labels[-len(domain):] == domain:
                return True
        elif labels == pattern.split("."):
            return True
    return False


def _any_host(url: str) -> str:
    """The host named in `url` (after any user name), for messages, even when it is refused."""
    try:
        return urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""


def check(content: Content) -> list[Problem]:
    """Every policy page: an official full-text address or a published_in sentence."""
    problems: list[Problem] = []
    for page in sorted(content.pages.values(), key=lambda p: p.shown_as):
        policy = page.meta.get("policy")
        if policy:
            problems += _full_text(page, policy, content.official_hosts)
            problems += _labels(page, policy)
    return problems


def _full_text(page: PageSource, policy: dict, hosts: list[str]) -> list[Problem]:
    url = policy.get("source_url")
    if url is None:
        if policy.get("published_in"):
            return []
        return [Problem(page.shown_as, page.front.line_of(("policy",)), "policy",
                        msg("official.no-full-text"), msg("official.no-full-text-expected"))]
    if is_official(url, hosts):
        return []
    found = _any_host(url) or url
    listed = ", ".join(hosts) if hosts else msg("official.no-hosts")
    return [Problem(page.shown_as, page.front.line_of(("policy", "source_url")),
                    "policy/source_url", msg("official.not-official", host=repr(found)),
                    msg("official.not-official-expected", hosts=listed))]


def _labels(page: PageSource, policy: dict) -> list[Problem]:
    """The labels of unofficial copies are plain text, like every other text field."""
    return [Problem(page.shown_as, page.front.line_of(("policy", "extra_reading", i, "label")),
                    f"policy/extra_reading/{i + 1}/label", msg("checks.markup-in-text"),
                    msg("checks.plain-text"))
            for i, item in enumerate(policy.get("extra_reading", []))
            if TEXT_MARKUP.search(item["label"])]
