"""Checks on the built HTML: every internal link and anchor resolves, nothing loads from
another host. MkDocs' --strict misses links to pages left out of a build, and root-relative
links (the language switch, the 404 page) need resolving against site_url's path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# Attributes that make the browser fetch something (as opposed to a link a person follows).
FETCHING = {("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"),
            ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data"),
            ("link", "href"), ("img", "srcset"), ("source", "srcset"), ("use", "href")}
# <link rel=...> values that point at pages, not resources to load.
LINK_RELS_NOT_FETCHED = {"canonical", "alternate", "prev", "next"}


@dataclass
class ParsedPage:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, attr, url)
    lang: str = ""


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.page.lang = attrs.get("lang") or ""
        for key in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(key):
                self.page.ids.add(attrs[key])
        for attr in ("href", "src", "data", "srcset"):
            value = attrs.get(attr)
            if value is None:
                continue
            kind = attr
            if tag == "link" and set((attrs.get("rel") or "").split()) & LINK_RELS_NOT_FETCHED:
                kind = "page-link"
            self.page.links.append((tag, kind, value))


def parse_html(text: str) -> ParsedPage:
    parser = _Parser()
    parser.feed(text)
    return parser.page


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@dataclass(frozen=True)
class Finding:
    page: str      # the built file, relative to the site folder
    url: str       # the link as written in the built page
    problem: str

    def __str__(self) -> str:
        return f"site/{self.page}: {self.problem}"


def check_site(site: Path, site_url: str) -> list[Finding]:
    """Every problem in the built site, naming the page and the link."""
    pages = {p.relative_to(site).as_posix(): parse_html(p.read_text(encoding="utf-8"))
             for p in html_files(site)}
    base = urlsplit(site_url)
    findings = []
    for rel, page in pages.items():
        page_url = urljoin(site_url, rel)
        for tag, attr, url in page.links:
            problem = _check_link(site, pages, base, page_url, rel, tag, attr, url)
            if problem:
                findings.append(Finding(rel, url, problem))
    return findings


def _check_link(site, pages, base, page_url, rel, tag, attr, url) -> str | None:
    if attr == "srcset":
        url = url.split()[0] if url.split() else url
    target = urlsplit(urljoin(page_url, url.strip()))
    fetched = (tag, attr) in FETCHING
    if target.scheme in ("tel", "mailto") and not fetched:
        return None
    if target.scheme not in ("http", "https", "tel", "mailto"):
        return f"{tag} {attr}={url!r} uses {target.scheme}: (expected a page, tel: or mailto:)"
    if target.scheme not in ("http", "https") or target.netloc != base.netloc:
        if fetched:
            return f"{tag} {attr}={url!r} loads from another host (expected this site only)"
        return None  # a link a person may follow to another site, e.g. a source
    if not target.path.startswith(base.path):
        if urlsplit(url).scheme:
            return None  # a full address of another page on the same host, e.g. the portal
        return f"link {url!r} leaves the site's address {base.path} (expected a page of this site)"
    return _check_target(site, pages, rel, url, target, base.path)


def _check_target(site, pages, rel, url, target, base_path) -> str | None:
    local = unquote(target.path[len(base_path):])
    if local == "" or local.endswith("/"):
        local += "index.html"
    path = site / local
    if not path.is_file():
        return f"link {url!r} points to {local}, which does not exist"
    if target.fragment and local in pages and unquote(target.fragment) not in pages[local].ids:
        return f"link {url!r}: no anchor #{target.fragment} on {local}"
    return None
