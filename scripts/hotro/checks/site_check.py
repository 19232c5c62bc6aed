"""Checks on the built HTML: every internal link and anchor resolves, nothing loads from
another host. MkDocs' --strict misses links to pages left out of a build, and root-relative
links (the language switch, the 404 page) need resolving against site_url's path.
"""

from __future__ import annotations

import hashlib
import html
import os
import posixpath
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from hotro.model.html_tags import ATTRIBUTES, attributes
from hotro.model.processes import die_with_parent

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


# A regular-expression scan instead of html.parser: the same tags and attributes, several
# times faster, which matters when an edition has thousands of pages of ~100 links each.
# Linear on any input (no quantifier that can backtrack; a comment or element left open runs
# to the end, as in a browser); tags and attributes are read as html_tags.py reads them.
HIDDEN = re.compile(r"<!--(?s:.*?)(?:-->|\Z)|(<(script|style)\b[^>]*+>?)"
                    r"(?s:.*?)(?:</\2\s*+>|\Z)", re.I)
TAG = re.compile(rf"<([a-zA-Z][^\t\n\f\r />]*+)({ATTRIBUTES})>?")
URL_ATTRS = ("href", "src", "data", "srcset")
SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*+:")
WANTED = re.compile(r"(?:href|src|data|srcset|id|name|lang)\s*+=", re.I)


def parse_html(text: str) -> ParsedPage:
    """The ids, links and language of a page (comments and script bodies skipped)."""
    page = ParsedPage()
    text = HIDDEN.sub(lambda m: m[1] or "", text)
    for match in TAG.finditer(text):
        attrs = _wanted_attributes(match[2])
        if attrs is None:
            continue  # most tags carry only a class: no id, link or language
        tag = match[1].lower()
        if tag == "html":
            page.lang = attrs.get("lang") or ""
        for key in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(key):
                page.ids.add(attrs[key])
        for attr in URL_ATTRS:
            value = attrs.get(attr)
            if value is None:
                continue
            kind = attr
            rels = set((attrs.get("rel") or "").lower().split())
            if tag == "link" and rels and rels <= LINK_RELS_NOT_FETCHED:  # not "alternate icon"
                kind = "page-link"
            page.links.append((tag, kind, value))
    return page


_seen: dict[str, dict[str, str] | None] = {}


def _wanted_attributes(text: str) -> dict[str, str] | None:
    """The attributes of a tag that has an id, a link or a language; None for other tags.

    Pages repeat the same tags (the theme's chrome, the navigation), so each distinct text is
    read once per process: a dictionary lookup is much cheaper than a regular expression.
    """
    try:
        return _seen[text]
    except KeyError:
        pass
    if len(_seen) > 100_000:
        _seen.clear()
    _seen[text] = found = _attributes(text) if WANTED.search(text) else None
    return found


def _attributes(text: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for name, value in attributes(text):
        attrs.setdefault(name, html.unescape(value) if "&" in value else value)
    return attrs


PARALLEL_FROM = 200  # pages; below this, starting processes costs more than it saves
Early = dict[str, tuple[bytes, ParsedPage]]  # page (relative path) -> (hash of bytes, parsed)


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@dataclass(frozen=True)
class Finding:
    page: str      # the built file, relative to the site folder
    url: str       # the link (or what else is wrong) as written in the built page
    problem: str
    expected: str = ""  # set by the security scan (site_scan.py)

    def __str__(self) -> str:
        expected = f" (expected {self.expected})" if self.expected else ""
        return f"site/{self.page}: {self.problem}{expected}"


def check_site(site: Path, site_url: str, jobs: int = 1,
               early: Early | None = None) -> list[Finding]:
    """Every problem in the built site, naming the page and the link.

    With jobs > 1 the pages are read in that many processes: on a big edition reading is most
    of the time, and threads would wait on each other. `early` holds pages read while the
    build ran (page_watch.py); each is used only if the file still has the same bytes.
    """
    files = html_files(site)
    names = [path.relative_to(site).as_posix() for path in files]
    if jobs <= 1 or len(files) <= PARALLEL_FROM:
        parsed = _parse_pages(files, names, early or {}, map)
        ids = {rel: page.ids for rel, page in zip(names, parsed, strict=True)}
        return _check_pages(str(site), site_url, ids, list(zip(names, parsed, strict=True)))
    with ProcessPoolExecutor(max_workers=jobs, initializer=die_with_parent) as pool:
        parsed = _parse_pages(files, names, early or {},
                              lambda read, paths: pool.map(read, paths, chunksize=64))
        ids = {rel: page.ids for rel, page in zip(names, parsed, strict=True)}
        pages = list(zip(names, parsed, strict=True))
        parts = [pages[i::jobs] for i in range(jobs)]
        found = pool.map(_check_pages, [str(site)] * jobs, [site_url] * jobs, [ids] * jobs,
                         parts)
        order = {rel: i for i, rel in enumerate(names)}
        return sorted((f for part in found for f in part), key=lambda f: order[f.page])


def _parse_pages(files: list[Path], names: list[str], early: Early, mapper) -> list[ParsedPage]:
    """Every page parsed: taken from `early` when its bytes are unchanged, else read now."""
    parsed: dict[str, ParsedPage] = {}
    todo = []
    for path, rel in zip(files, names, strict=True):
        kept = early.get(rel)
        if kept is not None and kept[0] == digest(path.read_bytes()):
            parsed[rel] = kept[1]
        else:
            todo.append((rel, path))
    parsed.update(zip([rel for rel, _ in todo], mapper(_parse_file, [p for _, p in todo]),
                      strict=True))
    return [parsed[rel] for rel in names]


def _check_pages(site: str, site_url: str, ids: dict[str, set[str]],
                 pages: list[tuple[str, ParsedPage]]) -> list[Finding]:
    """The problems of the links on `pages`; `ids` holds the anchors of every page."""
    base = urlsplit(site_url)
    findings = []
    exists = _Exists(site)
    for rel, page in pages:
        page_url = urljoin(site_url, rel)
        for tag, attr, url in page.links:
            problem = _check_link(exists, ids, base, page_url, rel, tag, attr, url)
            if problem:
                findings.append(Finding(rel, url, problem))
    return findings


def _parse_file(path: Path) -> ParsedPage:
    return parse_html(path.read_text(encoding="utf-8"))


class _Exists(dict):
    """Whether a file of the site exists, asked of the disk once per file."""

    def __init__(self, root: str):
        super().__init__()
        self.root = root

    def __missing__(self, local: str) -> bool:
        self[local] = found = os.path.isfile(os.path.join(self.root, local))
        return found


def _check_link(exists, pages, base, page_url, rel, tag, attr, url) -> str | None:
    if attr == "srcset":
        url = url.split()[0] if url.split() else url
    local = _relative_target(rel, url.strip())
    if local is not None:  # most links: resolved within the site's own files, quickly
        fragment = url.partition("#")[2]
        return _check_local(exists, pages, url, local, fragment)
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
    return _check_target(exists, pages, url, target, base.path)


def _relative_target(rel: str, url: str) -> str | None:
    """The file a plain relative link (no scheme, no leading /) leads to, or None."""
    if not url or url.startswith("/") or SCHEME.match(url):
        return None
    path = url.partition("#")[0].partition("?")[0]
    if not path:
        return rel  # #anchor on the same page
    local = posixpath.normpath(posixpath.join(posixpath.dirname(rel), unquote(path)))
    if local.startswith(".."):
        return None  # above the site's folder: the full check explains it
    local = "" if local == "." else local
    if path.endswith("/") or not local:
        local = f"{local}/index.html" if local else "index.html"
    return local


def _check_target(exists, pages, url, target, base_path) -> str | None:
    local = unquote(target.path[len(base_path):])
    if local == "" or local.endswith("/"):
        local += "index.html"
    return _check_local(exists, pages, url, local, target.fragment)


def _check_local(exists, pages, url, local, fragment) -> str | None:
    if not exists[local]:
        return f"link {url!r} points to {local}, which does not exist"
    if fragment and local in pages and unquote(fragment) not in pages[local]:
        return f"link {url!r}: no anchor #{fragment} on {local}"
    return None
