"""What a finished edition build gets besides its pages: colours, embeddable blocks, open data
and an Atom feed per language. Called once, after the last language is built."""

from __future__ import annotations

from pathlib import Path

from hotro.load.editions import EditionView
from hotro.model import urls
from hotro.model.pages import DEFAULT_LANG, LANGS
from hotro.model.records import Content
from hotro.model.urls import page_url
from hotro.outputs.edition_style import embed_css, site_css
from hotro.outputs.embeds import write_embeds
from hotro.outputs.feeds import FeedEntry, atom_feed
from hotro.outputs.open_data import write_open_data

SITE_CSS = Path("assets/stylesheets/site.css")
FEED = "feed.xml"
DATA = "data"


def write_outputs(content: Content, edition: EditionView, site: Path, bodies: dict,
                  langs: tuple[str, ...] = LANGS) -> None:
    """What `langs` need; what all languages share comes with the default language."""
    colours = edition.record.get("colours")
    css = site / SITE_CSS
    if DEFAULT_LANG in langs:
        if css.is_file() and colours:
            css.write_text(css.read_text(encoding="utf-8") + site_css(colours), encoding="utf-8")
        write_open_data(content, site / DATA)
    write_embeds(content, edition, site, bodies, embed_css(colours), langs)
    for lang in langs:
        prefix = urls.prefix(lang)
        (site / prefix).mkdir(parents=True, exist_ok=True)
        (site / prefix / FEED).write_text(feed(content, edition, lang), encoding="utf-8")


def feed(content: Content, edition: EditionView, lang: str) -> str:
    """The edition's pages in `lang`, newest review first: readers see what changed."""
    home = urls.home(edition.site_url, lang)
    entries = [FeedEntry(page.title, home + page_url(page.src), page.meta["reviewed"],
                         page.meta["description"])
               for (slug, page_lang), page in sorted(content.pages.items())
               if page_lang == lang and edition.carries(slug)]
    agency = content.agencies[edition.record["agency"]]["name"]
    return atom_feed(entries, feed_url=home + FEED, site_url=home, title=edition.name(lang),
                     lang=lang, author=agency.get(lang) or agency[DEFAULT_LANG])
