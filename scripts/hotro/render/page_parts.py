"""What every page gets around its text: the policy facts box, the notices below its title
(an untranslated page, an English text older than its Vietnamese) and the sources foot."""

from __future__ import annotations

import posixpath

from markupsafe import Markup

from hotro.model import urls
from hotro.model.fingerprints import stale_original
from hotro.model.urls import page_url
from hotro.render.page_render import PageRender
from hotro.render.print_qr import qr_svg


def policy_facts(page: PageRender) -> str:
    policy = page.page.meta.get("policy")
    if not policy:
        return ""
    replaced_by = page.content.policies().get(policy.get("superseded_by", ""))
    return page.render("policy-facts.html", policy=policy, replaced_by=replaced_by)


def page_foot(page: PageRender) -> str:
    """The sources the page names, then those its data used (official kinds first, see
    Content.sources_in_order); its address and QR code."""
    own = list(page.page.meta["sources"])
    sources = page.content.sources_in_order(own + list(page.used_sources))
    address = page.address()
    return page.render("page-foot.html", meta=page.page.meta, sources=sources,
                       address=address, qr=Markup(qr_svg(address)) if address else "")


def fallback_notice(page: PageRender) -> str:
    return page.render("fallback-notice.html")


def stale_notice(page: PageRender) -> str:
    """On an English page made from an older Vietnamese text: say so, link the original."""
    original = stale_original(page.content, page.page)
    if original is None:
        return ""
    here = urls.prefix(page.lang) + page_url(page.page.src)
    there = posixpath.relpath(page_url(original.src) or ".", here)
    return page.render("stale-notice.html", original=there + "/")


def notices(page: PageRender, shown_in: str) -> list[str]:
    """What goes below the title, in order: fallback notice, stale notice, policy facts."""
    found = [fallback_notice(page)] if page.page.lang != shown_in else []
    found += [stale_notice(page), policy_facts(page)]
    return [part for part in found if part]
