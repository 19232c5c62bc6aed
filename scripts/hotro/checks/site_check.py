"""The one link authority, and the one pass over a built edition.

Every built page is read and tokenized once (html_tokens.tags); that one reading gives the link
check its ids and links and the security scan (site_scan.py) its findings. The rules for where a
link leads and whether it may be there are here, for the built HTML and for the Markdown
(link_check.py uses `local_target`, `anchor_missing` and `SCHEME`). MkDocs' --strict misses
links to pages left out of a build, and root-relative links (the language switch, the 404 page)
need resolving against site_url's path.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from hotro.checks.site_pages import PARALLEL_FROM, Early, html_files, read_all
from hotro.checks.site_scan import Finding, Found, grouped, tag_found
from hotro.model.html_tokens import kept_attributes, tags
from hotro.model.messages import Message, msg
from hotro.model.processes import die_with_parent

# Attributes that make the browser fetch something (as opposed to a link a person follows).
FETCHING = {("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"),
            ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data"),
            ("link", "href"), ("img", "srcset"), ("source", "srcset"), ("use", "href")}
# <link rel=...> values that point at pages, not resources to load.
LINK_RELS_NOT_FETCHED = {"canonical", "alternate", "prev", "next"}
HIDDEN_IN = frozenset({"script", "style"})  # tags read in their text are no links or anchors
URL_ATTRS = ("href", "src", "data", "srcset")
SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*+:")
WANTED = re.compile(r"(?:href|src|data|srcset|id|name|lang)\s*+=", re.I)


@dataclass
class ParsedPage:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, attr, url)
    lang: str = ""
    found: list[Found] = field(default_factory=list)  # the security scan's, when asked
    read_by: PageReader | None = None


@dataclass(frozen=True)
class PageReader:
    """Reads a page once for every check: its ids, links and language, and with `tels` (the
    numbers a tel: link may dial) the security scan's findings for the site at `host`."""

    host: str = ""
    tels: frozenset[str] | None = None

    def __call__(self, text: str) -> ParsedPage:
        page = ParsedPage(read_by=self)
        host, tels, found = self.host, self.tels, page.found
        for tag in tags(text):  # one loop for both checks: a page has hundreds of tags
            if tels is not None:
                found += tag_found(tag, host, tels)
            if tag.inside in HIDDEN_IN:
                continue  # comments and script bodies are skipped
            wanted = _wanted(tag.name, tag.attr_text)
            if wanted is None:
                continue  # most tags carry only a class: no id, link or language
            lang, ids, links = wanted
            page.lang = page.lang if lang is None else lang
            page.ids.update(ids)
            page.links += links
        return page

    def read_file(self, path: Path) -> ParsedPage:
        return self(path.read_text(encoding="utf-8"))


def parse_html(text: str) -> ParsedPage:
    """The ids, links and language of a page (comments and script bodies skipped)."""
    return PageReader()(text)


Wanted = tuple[str | None, tuple[str, ...], tuple[tuple[str, str, str], ...]]


@lru_cache(maxsize=100_000)
def _wanted(tag: str, text: str) -> Wanted | None:
    """(language, ids, links) of a tag that has one; None for other tags. Pages repeat the same
    tags (the theme's chrome, the navigation), so each distinct tag is read once."""
    if not WANTED.search(text):
        return None
    attrs = {name: value or "" for name, value in kept_attributes(text)}
    lang = (attrs.get("lang") or "") if tag == "html" else None
    ids = tuple(attrs[key] for key in (("id", "name") if tag == "a" else ("id",))
                if attrs.get(key))
    links = []
    for attr in URL_ATTRS:
        if attr not in attrs:
            continue
        kind = attr
        rels = set((attrs.get("rel") or "").lower().split())
        if tag == "link" and rels and rels <= LINK_RELS_NOT_FETCHED:  # not "alternate icon"
            kind = "page-link"
        links.append((tag, kind, attrs[attr]))
    return lang, ids, tuple(links)


def check_site(site: Path, site_url: str, jobs: int = 1, early: Early | None = None,
               tels: Iterable[str] | None = None) -> list[Finding]:
    """Every problem in the built site, naming the page and the link; with `tels`, the security
    scan's findings too (those of a link the link check reported are left out), from the same
    one reading of each page.

    With jobs > 1 the pages are read in that many processes: on a big edition reading is most
    of the time, and threads would wait on each other. `early` holds pages read while the
    build ran (page_watch.py); each is used only if the file still has the same bytes and was
    read for the same checks.
    """
    return _site(site, site_url, jobs, early, tels, links=True)


def scan_site(site: Path, site_url: str, tels: Iterable[str], jobs: int = 1) -> list[Finding]:
    """The security scan's findings alone (site_scan.py)."""
    return _site(site, site_url, jobs, None, tels, links=False)


def page_reader(site_url: str, tels: Iterable[str] | None = None) -> PageReader:
    """How each page of the site at `site_url` is read (for page_watch.py too)."""
    if tels is None:
        return PageReader()  # the links only: the host plays no part
    return PageReader(urlsplit(site_url).netloc.lower(), frozenset(tels))


def _site(site: Path, site_url: str, jobs: int, early: Early | None,
          tels: Iterable[str] | None, links: bool) -> list[Finding]:
    files = html_files(site)
    names = [path.relative_to(site).as_posix() for path in files]
    reader = page_reader(site_url, tels)
    early = {rel: kept for rel, kept in (early or {}).items() if kept[1].read_by == reader}
    found: list[Finding] = []
    if jobs <= 1 or len(files) <= PARALLEL_FROM:
        parsed = read_all(files, names, early, reader.read_file, map)
        if links:
            found = _check_pages(str(site), site_url, _ids(names, parsed),
                                 list(zip(names, parsed, strict=True)))
    else:
        with ProcessPoolExecutor(max_workers=jobs, initializer=die_with_parent) as pool:
            parsed = read_all(files, names, early, reader.read_file,
                              lambda read, paths: pool.map(read, paths, chunksize=64))
            if links:
                found = _check_parallel(pool, jobs, str(site), site_url, names, parsed)
    if tels is not None:
        seen = {(f.page, f.url) for f in found}
        found += [f for f in grouped(names, [p.found for p in parsed])
                  if (f.page, f.url) not in seen]
    return found


def _ids(names: list[str], parsed: list[ParsedPage]) -> dict[str, set[str]]:
    return {rel: page.ids for rel, page in zip(names, parsed, strict=True)}


def _check_parallel(pool: ProcessPoolExecutor, jobs: int, site: str, site_url: str,
                    names: list[str], parsed: list[ParsedPage]) -> list[Finding]:
    ids = _ids(names, parsed)
    pages = [(rel, ParsedPage(links=page.links)) for rel, page in zip(names, parsed,
                                                                       strict=True)]
    parts = [pages[i::jobs] for i in range(jobs)]
    found = pool.map(_check_pages, [site] * jobs, [site_url] * jobs, [ids] * jobs, parts)
    order = {rel: i for i, rel in enumerate(names)}
    return sorted((f for part in found for f in part), key=lambda f: order[f.page])


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


class _Exists(dict):
    """Whether a file of the site exists, asked of the disk once per file."""

    def __init__(self, root: str):
        super().__init__()
        self.root = root

    def __missing__(self, local: str) -> bool:
        self[local] = found = os.path.isfile(os.path.join(self.root, local))
        return found


def _check_link(exists, pages, base, page_url, rel, tag, attr, url) -> Message | None:
    if attr == "srcset":
        url = url.split()[0] if url.split() else url
    local = local_target(rel, url.strip())
    if local is not None:  # most links: resolved within the site's own files, quickly
        return _check_local(exists, pages, url, local, url.partition("#")[2])
    target = urlsplit(urljoin(page_url, url.strip()))
    fetched = (tag, attr) in FETCHING
    if target.scheme in ("tel", "mailto") and not fetched:
        return None
    if target.scheme not in ("http", "https", "tel", "mailto"):
        return msg("site.link-scheme", tag=tag, attr=attr, link=url, scheme=target.scheme)
    if target.scheme not in ("http", "https") or target.netloc != base.netloc:
        if fetched:
            return msg("site.link-other-host", tag=tag, attr=attr, link=url)
        return None  # a link a person may follow to another site, e.g. a source
    if not target.path.startswith(base.path):
        if urlsplit(url).scheme:
            return None  # a full address of another page on the same host, e.g. the portal
        return msg("site.link-leaves-site", link=url, base=base.path)
    local = unquote(target.path[len(base.path):])
    if local == "" or local.endswith("/"):
        local += "index.html"
    return _check_local(exists, pages, url, local, target.fragment)


def local_target(rel: str, url: str) -> str | None:
    """The file a plain relative link (no scheme, no leading /) on the file `rel` leads to, or
    None (a full or absolute address, or one above the site's folder)."""
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


def anchor_missing(ids: Iterable[str], fragment: str) -> bool:
    """Whether a link's #fragment names no anchor among `ids` (an empty one always exists)."""
    return bool(fragment) and unquote(fragment) not in ids


def _check_local(exists, pages, url, local, fragment) -> Message | None:
    if not exists[local]:
        return msg("site.link-missing", link=url, target=local)
    if local in pages and anchor_missing(pages[local], fragment):
        return msg("site.link-no-anchor-on", link=url, fragment=fragment, target=local)
    return None
