"""An Atom 1.0 feed (RFC 4287) of content updates: dates come from the content, never the clock."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NO_DATE = "1970-01-01"


@dataclass(frozen=True)
class FeedEntry:
    title: str
    url: str      # absolute: it is also the entry's id
    updated: str  # YYYY-MM-DD
    summary: str

    def __post_init__(self):
        # fail here, not in a feed reader; fromisoformat alone also takes 20261129
        if dt.date.fromisoformat(self.updated).isoformat() != self.updated:
            raise ValueError(f"{self.updated!r} is not a date written YYYY-MM-DD")
        if not urlsplit(self.url).netloc:
            raise ValueError(f"{self.url!r} is not an absolute address")


def atom_feed(entries: Iterable[FeedEntry], *, feed_url: str, site_url: str, title: str,
              lang: str, author: str) -> str:
    """The feed as UTF-8 XML text: newest entries first, then by title."""
    ordered = sorted(entries, key=lambda e: (e.title, e.url))
    ordered.sort(key=lambda e: e.updated, reverse=True)  # stable: ties keep title order
    # plain tag names and a literal xmlns: ElementTree's default_namespace rejects bare attributes
    feed = ET.Element("feed", {"xmlns": ATOM, XML_LANG: lang})
    _text(feed, "id", feed_url)
    _text(feed, "title", title)
    _text(feed, "updated", _timestamp(ordered[0].updated if ordered else NO_DATE))
    _link(feed, feed_url, "self", "application/atom+xml")
    _link(feed, site_url, "alternate", "text/html")
    _text(ET.SubElement(feed, "author"), "name", author)
    for entry in ordered:
        item = ET.SubElement(feed, "entry")
        _text(item, "id", entry.url)
        _text(item, "title", entry.title)
        _link(item, entry.url, "alternate", "text/html")
        _text(item, "updated", _timestamp(entry.updated))
        _text(item, "summary", entry.summary)
    ET.indent(feed)
    body = ET.tostring(feed, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'


def _text(parent: ET.Element, name: str, text: str) -> None:
    ET.SubElement(parent, name).text = text


def _link(parent: ET.Element, href: str, rel: str, media_type: str) -> None:
    ET.SubElement(parent, "link", {"rel": rel, "type": media_type, "href": href})


def _timestamp(day: str) -> str:
    return f"{day}T00:00:00Z"
