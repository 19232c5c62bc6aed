"""What each data marker shows: one function per marker, of the page's renderer and the
marker's arguments. hotro.render.markers says which marker calls which."""

from __future__ import annotations

from urllib.parse import urlsplit

from hotro.model import urls
from hotro.model.pages import DEFAULT_LANG
from hotro.model.urls import relative_href
from hotro.render.embed_blocks import MESSAGE_TYPE, blocks, default_height
from hotro.render.jsonld import directory_jsonld
from hotro.render.page_render import HOME_SRC, PageRender
from hotro.render.search_index import FILE_NAME as SEARCH_FILE

POLICY_ORDER = {"in_force": 0, "superseded": 1, "historical": 2}


def contacts(page: PageRender) -> str:
    """The directory: the edition's contacts (its own first), with their JSON-LD."""
    shown = (page.edition.contacts(page.content) if page.edition
             else page.content.published_contacts())
    for contact in shown:
        page.cite(contact["sources"])
        page.cite(contact.get("cost_sources", []))  # the cost shown beside the number
    data = directory_jsonld(page.content, shown, page.lang, page.address())
    return page.render("contacts.html", contacts=shown) + "\n" + data


def call_buttons(page: PageRender, ids: str) -> str:
    """A call button for each contact named in `ids` (comma-separated)."""
    shown = [page.content.contacts[cid] for cid in ids.split(",")]
    for contact in shown:
        page.cite(contact["sources"])
    return page.render("call-buttons.html", contacts=shown)


def which_number(page: PageRender) -> str:
    """The one rule for which number to call: each situation, what to do, its call buttons."""
    return page.render("which-number.html", situations=situations(page))


def situations(page: PageRender) -> list[dict]:
    """content/which_number.yml in its order, each with its contacts (the checks have made sure
    each is published and has a number); their sources go to the page's sources foot."""
    shown = []
    for rule in page.content.which_number.values():
        page.cite(rule["sources"])
        contacts = [page.content.contacts[cid] for cid in rule["call"]]
        for contact in contacts:
            page.cite(contact["sources"])
        shown.append({"id": rule.id, "when": rule["when"], "advice": rule["advice"],
                      "contacts": contacts})
    return shown


def policies(page: PageRender) -> str:
    """In force first, then replaced, then historical; newest first within each."""
    content = page.content
    pages = [content.pages.get((p.slug, page.lang), p) for p in content.policies().values()]
    pages.sort(key=lambda p: p.meta["policy"].get("issued") or "", reverse=True)
    pages.sort(key=lambda p: POLICY_ORDER[p.meta["policy"]["status"]])
    return page.render("policies.html", pages=pages)


def process(page: PageRender) -> str:
    """The steps of content/process.yml."""
    steps = list(page.content.process.values())
    for step in steps:
        page.cite(step["sources"])
    return page.render("process.html", steps=steps)


def search(page: PageRender) -> str:
    """The search form, with the address of this language's index."""
    root = relative_href(page.page.src, HOME_SRC)
    return page.render("search.html", index=root + SEARCH_FILE, root=root)


def embeds(page: PageRender) -> str:
    """For webmasters: each block of this edition, a preview link and the code to paste."""
    edition, content = page.edition, page.content
    shown = []
    for block in blocks(content, edition):
        source = content.pages.get((block.slug, page.lang)) or content.pages.get(
            (block.slug, DEFAULT_LANG))
        title = source.title if block.slug else page.t(block.title_key)
        url = block.url(edition, page.lang)
        shown.append({"title": title, "url": url, "height": default_height(block),
                      "preview": page.href_url(url)})
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(edition.site_url))
    return page.render("embeds.html", blocks=shown, origin=origin, message=MESSAGE_TYPE,
                       portals=edition.record.get("embed_portals") or [])


def open_data(page: PageRender) -> str:
    """Links to the directory as data (one copy, at the edition's root) and to the feed."""
    home = relative_href(page.page.src, HOME_SRC)  # this language's home
    root = home + "../" * urls.prefix(page.lang).count("/")  # the edition's root
    return page.render("open-data.html", data=root + "data/", feed=home + "feed.xml")
