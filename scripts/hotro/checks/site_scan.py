"""The security scan of a built edition: nothing executable, navigating or off-site that is not
ours is published.

The rules for one page; site_check.py reads each built page once and feeds both the link check
and this scan. Each finding stops the publish with a `site/<page>: problem (expected …)` line.
Refused: an inline script that is not one of ours (csp.py), a script file that is not the
theme's or ours, an event-handler attribute (on…), any http-equiv, a javascript:, vbscript: or
data: address (data: images excepted: an image cannot run a script), an element or attribute
outside the allowlist of what our theme and Markdown write (taken from the real site: four
editions, both languages), anything the browser would fetch from another host, and a tel: link
that does not dial a published contact.

Pages are read with html_tokens.tags(), which reads tags as a browser does, in linear time.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import material

from hotro.model import paths
from hotro.model.html_tokens import Token, attributes, tags
from hotro.model.messages import Message, msg
from hotro.model.phones import PhoneError, parse_phone
from hotro.model.problems import Part, Problem
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
EXPECT_ELEMENT = msg("site.expect-element")
EXPECT_ATTRIBUTE = msg("site.expect-attribute")
EXPECT_NO_SCRIPT = msg("site.expect-no-script")
EXPECT_NO_HTTP_EQUIV = msg("site.expect-no-http-equiv")
EXPECT_META = msg("site.expect-meta")
EXPECT_ADDRESS = msg("site.expect-address")
EXPECT_THIS_SITE = msg("site.expect-this-site")
EXPECT_TEL = msg("site.expect-tel")
Found = tuple[str, Message, Message]  # (what, as written in the page; problem; expected)
Judged = tuple[Message, Message] | None  # (problem, expected) of one attribute or address


@dataclass(frozen=True)
class Finding:
    """A problem of the built site: the page, what is wrong as written there, and why."""

    page: str      # the built file, relative to the site folder
    url: str       # the link (or what else is wrong) as written in the built page
    problem: Part
    expected: Part = ""  # set by the security scan

    def as_problem(self) -> Problem:
        return Problem(f"site/{self.page}", 0, "", self.problem, self.expected)

    def text(self, lang: str = "en") -> str:
        return self.as_problem().text(lang)

    def __str__(self) -> str:
        return self.text("en")


def grouped(names: list[str], found: Iterable[list[Found]]) -> list[Finding]:
    """The scan's findings of the pages `names`: a finding seen on several pages is reported
    once, on the first, with how many other pages have it."""
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
            problem = msg("site.scan-also", problem=problem, count=others)
        out.append(Finding(name, what, problem, expected))
    return out


def scan_page(text: str, host: str, tels: frozenset[str]) -> list[Found]:
    """The findings of one page: `host` is the site's (host[:port]), `tels` what it may dial."""
    return scan_tags(tags(text), host, tels)


def scan_tags(found_tags: Iterable[Token], host: str, tels: frozenset[str]) -> list[Found]:
    """The findings of a page's tags (html_tokens.tags)."""
    found: list[Found] = []
    for tag in found_tags:
        found += tag_found(tag, host, tels)
    return found


def tag_found(tag: Token, host: str, tels: frozenset[str]) -> list[Found]:
    """The findings of one tag, for a page read once for every check (site_check.py)."""
    script = _inline_script(tag) if tag.name == "script" else None
    return tag_problems(tag.name, tag.attr_text, script, host, tels)


def _inline_script(tag: Token) -> str | None:
    """The body of an inline script that would run, None for other tags and data scripts."""
    if tag.name != "script":
        return None
    written = tag.written
    if any(name == "src" for name, _ in written):
        return None
    kind = next((value for name, value in written if name == "type"), "")
    if html.unescape(kind).strip().lower() in DATA_SCRIPT_TYPES:
        return None
    return tag.text


@lru_cache(maxsize=100_000)
def tag_problems(name: str, attr_text: str, script: str | None, host: str,
                 tels: frozenset[str]) -> list[Found]:
    """The problems of one tag, by its name and the text after it (pages repeat their tags,
    so each is judged once)."""
    if name not in ELEMENTS:
        return [(f"<{name}>", msg("site.scan-element", tag=name), EXPECT_ELEMENT)]
    found: list[Found] = []
    if script is not None and script not in INLINE_SCRIPTS:
        shown = script.strip()[:60]
        found.append((shown, msg("site.scan-inline-script", shown=shown), EXPECT_NO_SCRIPT))
    attrs = attributes(attr_text)
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
                  tels: frozenset[str]) -> Judged:
    if attr.startswith("on"):
        return msg("site.scan-handler", tag=tag, attr=attr), EXPECT_NO_SCRIPT
    if attr == "http-equiv":
        return msg("site.scan-http-equiv", tag=tag, value=value), EXPECT_NO_HTTP_EQUIV
    if not _allowed(tag, attr, value):
        return msg("site.scan-attribute", tag=tag, attr=attr), EXPECT_ATTRIBUTE
    if tag == "meta" and attr == "name" and value.strip().lower() not in META_NAMES:
        return msg("site.scan-meta", value=value), EXPECT_META
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
                 tels: frozenset[str]) -> Judged:
    clean = URL_IGNORED.sub("", url).strip(C0_AND_SPACE).replace("\\", "/")
    scheme = SCHEME.match(clean.lower())
    if scheme and scheme[1] not in LINK_SCHEMES:
        if scheme[1] == "data" and fetched and tag in ("img", "source") \
                and DATA_IMAGE.match(clean.lower()):
            return None  # an image inline: it cannot run a script or navigate
        return msg("site.scan-scheme", tag=tag, attr=attr, url=url, scheme=scheme[1]), \
            EXPECT_ADDRESS
    if scheme and scheme[1] in ("tel", "mailto"):
        if fetched:
            return msg("site.scan-scheme", tag=tag, attr=attr, url=url, scheme=scheme[1]), \
            EXPECT_ADDRESS
        return _tel_problem(url, clean, tels) if scheme[1] == "tel" else None
    if tag == "script" and attr == "src":
        return _script_problem(url, clean, host)
    where = urlsplit(clean).netloc.lower() if (scheme or clean.startswith("//")) else host
    if fetched and where.rpartition("@")[2] != host:
        return (msg("site.scan-other-host", tag=tag, attr=attr, url=url, host=where),
                EXPECT_THIS_SITE)
    return None


def _script_problem(url: str, clean: str, host: str) -> Judged:
    parts = urlsplit(clean)
    local = not parts.scheme and not clean.startswith("//")
    same = parts.scheme in ("http", "https") and parts.netloc.lower() == host
    path = "/" + unquote(parts.path).lstrip("/")
    if (local or same) and not parts.query and path.endswith(known_scripts()):
        return None
    return msg("site.scan-script-src", url=url), EXPECT_NO_SCRIPT


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


def _tel_problem(url: str, clean: str, tels: frozenset[str]) -> Judged:
    """A tel: link must dial a published contact's number, however it is written."""
    number = unicodedata.normalize("NFKC", unquote(clean[4:]))
    number = re.sub(r"[\s.()\-\u00ad\u200b-\u200d\u2060\ufeff]", "", number)
    if number in tels or _as_tel(number) in tels:
        return None
    return msg("site.scan-tel", url=url, number=number), EXPECT_TEL


def _as_tel(number: str) -> str | None:
    try:
        return parse_phone(number).tel
    except PhoneError:
        return None
