"""The security scan of a built edition: nothing executable, navigating or off-site that is not
ours is published.

build_site.py runs it on every edition after the link check; each finding stops the publish
with a `site/<page>: problem (expected …)` line. Refused: an inline script that is not one of
ours (csp.py), a script file that is not the theme's or ours, an event-handler attribute
(on…), any http-equiv, a javascript:, vbscript: or data: address (data: images excepted: an
image cannot run a script), an element or attribute outside the allowlist of what our theme and
Markdown write (taken from the real site: four editions, both languages), anything the browser
would fetch from another host, and a tel: link that does not dial a published contact.

Pages are read with html_tags.py, which reads tags as a browser does, in linear time.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import material

from hotro.checks.site_check import Finding, html_files
from hotro.model import paths
from hotro.model.html_tags import Tag, tags
from hotro.model.phones import PhoneError, parse_phone
from hotro.model.records import Content
from hotro.render.csp import DATA_SCRIPT_TYPES, INLINE_SCRIPTS

ROOT = paths.ROOT
# Attributes any allowed element may carry.
GLOBAL_ATTRS = frozenset({"id", "class", "title", "lang", "dir", "hidden", "role"})
# Elements and their own attributes, from the real site's pages and what Markdown writes.
ELEMENTS: dict[str, frozenset[str]] = {name: frozenset(attrs.split()) for name, attrs in {
    "html": "", "head": "", "title": "", "meta": "charset name content",
    "link": "href rel hreflang", "script": "src type defer", "noscript": "", "body": "",
    "header": "data-md-*",
    "nav": "data-md-* aria-expanded", "main": "data-md-*", "footer": "", "aside": "",
    "article": "", "section": "", "div": "data-md-*", "span": "", "p": "", "a":
    "href hreflang rel target name data-md-*", "img": "src alt width height loading",
    "figure": "", "figcaption": "", "form": "action method data-found data-index "
    "data-loading data-none data-root", "input": "type name autocomplete checked spellcheck "
    "data-md-*", "label": "for tabindex", "button": "type", "svg": "viewbox xmlns",
    "path": "d stroke transform", "time": "datetime", "ul": "data-md-*", "ol": "start",
    "li": "", "dl": "", "dt": "", "dd": "", "table": "", "thead": "", "tbody": "", "tr": "",
    "th": "style", "td": "style", "strong": "", "em": "", "b": "", "i": "", "code": "",
    "pre": "", "br": "", "hr": "", "blockquote": "", "h1": "", "h2": "", "h3": "", "h4": "",
    "h5": "", "h6": "", "sup": "", "sub": "", "abbr": "", "small": "", "mark": "", "del": "",
    "ins": "", "kbd": "",
}.items()}
# The <meta name=…> our templates write; others (referrer, …) change the browser's behaviour.
META_NAMES = frozenset({"description", "generator", "robots", "viewport", "author"})
# What Markdown (and the inline HTML editors may write) produces that the real pages do not
# use today; everything else in ELEMENTS is in the real site (a test keeps it so).
MARKDOWN_ONLY = {"abbr": "", "b": "", "blockquote": "", "del": "", "em": "", "h4": "", "h5": "",
                 "h6": "", "hr": "", "i": "", "ins": "", "kbd": "", "mark": "", "small": "",
                 "sub": "", "sup": "", "a": "name", "img": "width height loading",
                 "ol": "start", "th": "style", "td": "style", "link": "hreflang"}
# Python-Markdown's tables write a column's alignment as a style attribute.
TABLE_ALIGN = re.compile(r"text-align: (?:left|right|center);")
# Attributes holding addresses (each read as one address, srcset and ping as several).
URL_ATTRS = frozenset({"href", "src", "action", "formaction", "poster", "data", "background",
                       "ping", "xlink:href", "cite", "srcset", "longdesc", "manifest", "icon"})
# Addresses a browser fetches by itself (the others are links a person may follow).
FETCHED_ATTRS = frozenset(URL_ATTRS - {"href", "cite", "longdesc"})
FETCHED_HREF = frozenset({"link", "use", "image", "feimage", "base"})
PAGE_RELS = frozenset({"canonical", "alternate", "prev", "next"})  # <link>s not fetched
LINK_SCHEMES = frozenset({"http", "https", "tel", "mailto"})
DATA_IMAGE = re.compile(r"data:image/(?:png|gif|jpeg|webp|avif)[;,]")
SCHEME = re.compile(r"([a-z][a-z0-9+.-]*+):")
# What a browser ignores in an address: tabs and line breaks anywhere, controls around it.
URL_IGNORED = re.compile(r"[\t\n\r]")
C0_AND_SPACE = "".join(chr(code) for code in range(0x21))
EXPECT_ELEMENT = "only the elements the site's templates and Markdown write"
EXPECT_ATTRIBUTE = "only the attributes the site's templates and Markdown write"
EXPECT_NO_SCRIPT = "no script in a page; the site's own scripts are files (scripts/csp.py)"
EXPECT_NO_HTTP_EQUIV = "no http-equiv in a page"
EXPECT_META = "only the meta tags the site writes: description, generator, robots, viewport"
EXPECT_ADDRESS = "a page of this site, a web address, tel: or mailto:"
EXPECT_THIS_SITE = "files of this site only"
EXPECT_TEL = "the number of a published (verified) contact of content/contacts.yml"
Found = tuple[str, str, str]  # (what, as written in the page; problem; expected)
PARALLEL_FROM = 200  # pages, as in site_check.py


def scan_site(site: Path, site_url: str, tels: Iterable[str], jobs: int = 1) -> list[Finding]:
    """Every finding of the scan in the edition built in `site`; a finding seen on several
    pages is reported once, on the first, with how many other pages have it."""
    files = html_files(site)
    names = [path.relative_to(site).as_posix() for path in files]
    args = (urlsplit(site_url).netloc.lower(), frozenset(tels))
    if jobs <= 1 or len(files) <= PARALLEL_FROM:
        found = [scan_page(path.read_text(encoding="utf-8"), *args) for path in files]
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            found = list(pool.map(_scan_file, files, [args] * len(files), chunksize=32))
    return _grouped(names, found)


def _scan_file(path: Path, args: tuple[str, frozenset[str]]) -> list[Found]:
    return scan_page(path.read_text(encoding="utf-8"), *args)


def _grouped(names: list[str], found: list[list[Found]]) -> list[Finding]:
    first: dict[Found, str] = {}
    count: dict[Found, int] = {}
    for name, page in zip(names, found, strict=True):
        for item in dict.fromkeys(page):
            first.setdefault(item, name)
            count[item] = count.get(item, 0) + 1
    out = []
    for item, name in first.items():
        what, problem, expected = item
        others = count[item] - 1
        if others:
            problem += f" (and on {others} other page{'s' if others != 1 else ''})"
        out.append(Finding(name, what, problem, expected))
    return out


def scan_page(text: str, host: str, tels: frozenset[str]) -> list[Found]:
    """The findings of one page: `host` is the site's (host[:port]), `tels` what it may dial."""
    found: list[Found] = []
    for tag in tags(text):
        found += tag_problems(tag.name, tag.attrs, _inline_script(tag), host, tels)
    return found


def _inline_script(tag: Tag) -> str | None:
    """The body of an inline script that would run, None for other tags and data scripts."""
    if tag.name != "script" or any(name == "src" for name, _ in tag.attrs):
        return None
    kind = next((value for name, value in tag.attrs if name == "type"), "")
    if html.unescape(kind).strip().lower() in DATA_SCRIPT_TYPES:
        return None
    return tag.text


@lru_cache(maxsize=100_000)
def tag_problems(name: str, attrs: tuple[tuple[str, str], ...], script: str | None,
                 host: str, tels: frozenset[str]) -> list[Found]:
    """The problems of one tag (pages repeat their tags, so each is judged once)."""
    if name not in ELEMENTS:
        return [(f"<{name}>", f"<{name}> is not an element the site writes", EXPECT_ELEMENT)]
    found: list[Found] = []
    if script is not None and script not in INLINE_SCRIPTS:
        shown = script.strip()[:60]
        found.append((shown, f"an inline <script> that is not one of the site's own: "
                             f"{shown!r}", EXPECT_NO_SCRIPT))
    rels = next((v for a, v in attrs if a == "rel"), "")
    unknown = False  # one unknown attribute per tag is enough (a broken quote makes many)
    for attr, raw in attrs:
        value = html.unescape(raw) if "&" in raw else raw
        problem = _attr_problem(name, attr, value, rels, host, tels)
        if problem and not (unknown and problem[1] == EXPECT_ATTRIBUTE):
            found.append((value or attr, *problem))
            unknown = unknown or problem[1] == EXPECT_ATTRIBUTE
    return found


def _attr_problem(tag: str, attr: str, value: str, rels: str, host: str,
                  tels: frozenset[str]) -> tuple[str, str] | None:
    if attr.startswith("on"):
        return f"<{tag} {attr}> runs a script when the reader acts", EXPECT_NO_SCRIPT
    if attr == "http-equiv":
        return (f"<{tag} http-equiv={value!r}> can redirect the reader or change the page's "
                "rules", EXPECT_NO_HTTP_EQUIV)
    if not _allowed(tag, attr, value):
        return f"<{tag} {attr}> is not an attribute the site writes", EXPECT_ATTRIBUTE
    if tag == "meta" and attr == "name" and value.strip().lower() not in META_NAMES:
        return (f"<meta name={value!r}> can change how the browser treats the page "
                "(a referrer policy, for instance)", EXPECT_META)
    if attr not in URL_ATTRS:
        return None  # a meta's content is text: a refresh needs http-equiv, refused above
    fetched = attr in FETCHED_ATTRS or (attr == "href" and tag in FETCHED_HREF and not (
        tag == "link" and rels.split() and set(rels.lower().split()) <= PAGE_RELS))
    for url in value.replace(",", " ").split() if attr in ("srcset", "ping") else [value]:
        problem = _url_problem(tag, attr, url, fetched, host, tels)
        if problem:
            return problem
    return None


def _allowed(tag: str, attr: str, value: str) -> bool:
    own = ELEMENTS[tag]
    if attr in GLOBAL_ATTRS or attr.startswith("aria-") or attr in own:
        return attr != "style" or TABLE_ALIGN.fullmatch(value) is not None
    return attr.startswith("data-md-") and "data-md-*" in own


def _url_problem(tag: str, attr: str, url: str, fetched: bool, host: str,
                 tels: frozenset[str]) -> tuple[str, str] | None:
    clean = URL_IGNORED.sub("", url).strip(C0_AND_SPACE).replace("\\", "/")
    scheme = SCHEME.match(clean.lower())
    if scheme and scheme[1] not in LINK_SCHEMES:
        if scheme[1] == "data" and fetched and tag in ("img", "source") \
                and DATA_IMAGE.match(clean.lower()):
            return None  # an image inline: it cannot run a script or navigate
        return f"<{tag} {attr}={url!r}> uses {scheme[1]}:", EXPECT_ADDRESS
    if scheme and scheme[1] in ("tel", "mailto"):
        if fetched:
            return f"<{tag} {attr}={url!r}> uses {scheme[1]}:", EXPECT_ADDRESS
        return _tel_problem(url, clean, tels) if scheme[1] == "tel" else None
    if tag == "script" and attr == "src":
        return _script_problem(url, clean, host)
    where = urlsplit(clean).netloc.lower() if (scheme or clean.startswith("//")) else host
    if fetched and where.rpartition("@")[2] != host:
        return (f"<{tag} {attr}={url!r}> makes the reader's browser load something from "
                f"{where!r}", EXPECT_THIS_SITE)
    return None


def _script_problem(url: str, clean: str, host: str) -> tuple[str, str] | None:
    parts = urlsplit(clean)
    local = not parts.scheme and not clean.startswith("//")
    same = parts.scheme in ("http", "https") and parts.netloc.lower() == host
    path = "/" + unquote(parts.path).lstrip("/")
    if (local or same) and not parts.query and path.endswith(known_scripts()):
        return None
    return f"<script src={url!r}> is not one of the site's own scripts", EXPECT_NO_SCRIPT


@lru_cache(maxsize=1)
def known_scripts() -> tuple[str, ...]:
    """The site's own script files, as the end of their address: Material's bundle and every
    script of overrides/assets/ (never a file from docs/); embeds.py copies the embed blocks'
    script to embed/."""
    theme = Path(material.__file__).parent / "templates"
    found = [p.relative_to(theme) for p in (theme / "assets" / "javascripts").glob("*.js")]
    ours = ROOT / "overrides"
    found += [p.relative_to(ours) for p in (ours / "assets").rglob("*.js")]
    found += [Path("embed", p.name) for p in (ours / "assets" / "embed").glob("*.js")]
    return tuple(sorted("/" + p.as_posix() for p in found))


def _tel_problem(url: str, clean: str, tels: frozenset[str]) -> tuple[str, str] | None:
    """A tel: link must dial a published contact's number, however it is written."""
    number = unicodedata.normalize("NFKC", unquote(clean[4:]))
    number = re.sub(r"[\s.()\-\u00ad\u200b-\u200d\u2060\ufeff]", "", number)
    if number in tels or _as_tel(number) in tels:
        return None
    return f"tel: link {url!r} dials {number!r}, not a published contact", EXPECT_TEL


def _as_tel(number: str) -> str | None:
    try:
        return parse_phone(number).tel
    except PhoneError:
        return None


def scan_findings(site: Path, site_url: str, content: Content, jobs: int,
                  reported: list[Finding]) -> list[Finding]:
    """The scan's findings for build_site.py: the published contacts' numbers may be dialled;
    a link the link check already reported on a page is not reported twice."""
    tels = {c.phone.tel for c in content.published_contacts() if c.phone}
    seen = {(f.page, f.url) for f in reported}
    return [f for f in scan_site(site, site_url, tels, jobs) if (f.page, f.url) not in seen]
