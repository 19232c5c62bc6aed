"""An allowlist for the HTML a page's Markdown becomes: only elements and attributes that cannot
run code, navigate by themselves or load anything from another host.

The content check (markup_check.py) refuses such markup with a `file:line` message; this is the
second line of defence, applied by the plugin to each page's converted HTML before our own blocks
go in. It is built on the standard library's tokenizer and makes one pass over the page.

Decisions (also in README.md, "Content is text, never code"):
- Elements outside ALLOWED are dropped; their text stays, escaped. The content of DROP_WITH_CONTENT
  (script, style, svg, math, iframe, ...) goes with them.
- Attributes outside GLOBAL_ATTRS / TAG_ATTRS are dropped: no on*, no style (except the
  `text-align` a Markdown table writes), no srcset, poster, ping, formaction, background, ...
- href and cite may be a page of this site, an #anchor, or an http(s), mailto:, tel: or sms:
  address;
  javascript:, data:, vbscript: and every other scheme are dropped, whatever the entities,
  case, spaces or control characters they are written with.
- img src must be a file of this site (a relative address): never another host, never data:
  (an image is a file in docs/, checked like every other file).
- id and class may not take the names the theme and the quick exit use (`__config`, `md-...`,
  `quick-exit...`, `site-search...`, `embed-...`), so a page cannot stand in for them.
"""

from __future__ import annotations

import re
from html import escape

from hotro.model.html_tokens import Token, tokens

ALLOWED = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col",
    "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
    "pre", "q", "s", "samp", "section", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr"
})
VOID = frozenset({"br", "col", "hr", "img", "wbr"})
DROP_WITH_CONTENT = frozenset({
    "script", "style", "template", "iframe", "frame", "frameset", "object", "applet", "noscript",
    "noembed", "noframes", "textarea", "title", "xmp", "plaintext", "svg", "math", "select",
    "head"
})
GLOBAL_ATTRS = frozenset({"id", "class", "title", "lang", "dir", "aria-hidden", "aria-label"})
TAG_ATTRS = {
    "a": {"href", "hreflang"}, "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "style"}, "th": {"colspan", "rowspan", "scope", "style"},
    "ol": {"start", "reversed", "type"}, "li": {"value"}, "time": {"datetime"},
    "q": {"cite"}, "blockquote": {"cite"}, "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"}, "details": {"open"}, "col": {"span"}, "colgroup": {"span"},
}
URL_ATTRS = frozenset({"href", "src", "cite"})
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel", "sms"})
TABLE_ALIGN = re.compile(r"text-align: (left|right|center);")
RESERVED_NAME = re.compile(r"(__|md-|quick-exit|site-search|embed-|auto-height)", re.I)
NAME_TOKEN = re.compile(r"[\w.:-]+")
SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
# What browsers ignore in an address: C0 controls and spaces around it, tabs and newlines in it.
URL_NOISE = re.compile(r"[\t\n\r]")


def clean_url(value: str) -> str:
    """The address as a browser reads it: no surrounding controls/spaces, no tabs or newlines."""
    return URL_NOISE.sub("", value.strip("".join(map(chr, range(33)))))


# Why something may not stay, as (kind, the value refused): ("attribute", "onclick"), ("id", …),
# ("class", …), ("scheme", "javascript"), ("image", address), ("element", "script"). The content
# check (markup_check.py) says it in the editor's language.
Refusal = tuple[str, str]


def url_problem(attr: str, value: str) -> Refusal | None:
    """Why an address may not be used in `attr`, or None when it may."""
    url = clean_url(value)
    scheme = SCHEME.match(url)
    if attr == "src":
        if scheme or url.startswith(("//", "\\", "/\\")):
            return ("image", url)
        return None
    if scheme and scheme.group(1).lower() not in LINK_SCHEMES:
        return ("scheme", scheme.group(1).lower())
    return None


def attribute_problem(tag: str, name: str, value: str | None) -> Refusal | None:
    """Why attribute `name` of <tag> may not stay, or None when it may."""
    if name not in GLOBAL_ATTRS and name not in TAG_ATTRS.get(tag, ()):
        return ("attribute", name)
    text = value or ""
    if name == "style":
        return None if TABLE_ALIGN.fullmatch(text) else ("attribute", name)
    if name in URL_ATTRS:
        return url_problem(name, text)
    if name == "id" and (RESERVED_NAME.match(text) or not NAME_TOKEN.fullmatch(text)):
        return ("id", text)
    if name == "class" and any(RESERVED_NAME.match(c) for c in text.split()):
        return ("class", text)
    return None


def element_problem(tag: str) -> Refusal | None:
    return None if tag in ALLOWED else ("element", tag)


def _attr_text(value: str) -> str:
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def sanitize(html: str, keep_comments: frozenset[str] | set[str] = frozenset()) -> str:
    """`html` with only allowed elements and attributes; the comments in `keep_comments` (our
    placeholders) stay as they are, every other comment goes."""
    out: list[str] = []
    dropping: list[str] = []  # open elements whose content goes with them
    for token in tokens(html):
        if dropping:
            _track(dropping, token)
        elif token.kind == "text":
            out.append(escape(token.text, quote=False))
        elif token.kind == "comment":
            out.append(token.text if token.text in keep_comments else "")
        elif token.kind == "end":
            out.append(f"</{token.name}>" if token.name in ALLOWED - VOID else "")
        elif token.name in DROP_WITH_CONTENT:
            dropping.extend([] if token.self_closing else [token.name])
        elif token.name in ALLOWED:
            out.append(_start_tag(token))
    return "".join(out)


def _track(dropping: list[str], token: Token) -> None:
    """Inside a dropped element: count its own nested start and end tags, to find its end."""
    if token.kind == "start" and token.name == dropping[-1] and not token.self_closing:
        dropping.append(token.name)
    elif token.kind == "end" and token.name == dropping[-1]:
        dropping.pop()


def _start_tag(token: Token) -> str:
    kept = "".join(f' {name}="{_attr_text(value)}"' if value is not None else f" {name}"
                   for name, value in token.attrs
                   if not attribute_problem(token.name, name, value))
    return f"<{token.name}{kept}{' /' if token.self_closing else ''}>"


def web_address(url: str, fallback: str = "about:blank") -> str:
    """`url` when it is an http(s) address, else `fallback`: for the addresses our templates
    put in href from configuration (quick exit), whatever was written there."""
    scheme = SCHEME.match(clean_url(url or ""))
    return url if scheme and scheme.group(1).lower() in ("http", "https") else fallback
