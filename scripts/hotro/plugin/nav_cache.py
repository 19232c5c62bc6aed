"""Render each navigation entry a page does not sit in once, not once per page.

Material renders the navigation into every page: the whole first level, and the reader's own
section open (navigation.prune closes the others). On a big site that is dozens of sections and
their pages, and Jinja renders each entry again for every page: at a thousand pages per language
the navigation took over a third of the build. An entry the page is not in comes out the same
on every page whose link to it is the same, so overrides/partials/nav.html and nav-item.html ask
`NavCache` for each entry, and Material's own macro renders it only the first time. Entries the
page is in (open, marked active, with the page's table of contents) are always rendered afresh.
"""

from __future__ import annotations

from jinja2 import pass_context

PRUNING = "navigation.prune"
OPEN_ANYWAY = ("navigation.sections", "navigation.tabs", "navigation.expand")


class NavCache:
    """One per build (per language): entries are keyed by the entry object itself."""

    def __init__(self, features: list[str]):
        self.pruned = PRUNING in features and not any(f in features for f in OPEN_ANYWAY)
        self._html: dict[tuple, tuple[object, str]] = {}

    @pass_context
    def entry(self, context, nav_item, path: str, render, level: int = 1, parent=None):
        """The HTML of `nav_item`, as Material's `render` macro makes it (its arguments, with
        the macro itself; the parent matters only with features that keep sections open)."""
        args = (nav_item, path, level) if parent is None else (nav_item, path, level, parent)
        leaf = self._shown_link(nav_item)
        if nav_item.active or getattr(leaf, "url", None) is None:
            return render(*args)
        href = context.environment.filters["url"](context, leaf.url)
        key = (id(nav_item), path, level, href)
        found = self._html.get(key)
        if found is None:
            found = self._html[key] = (nav_item, render(*args))  # the item keeps its id unique
        return found[1]

    def _shown_link(self, nav_item):
        """The one entry whose address a closed entry shows, or None when it shows more."""
        if not nav_item.children:
            return nav_item
        if not self.pruned:
            return None
        first = nav_item.children[0]  # as Material's render_pruned: the first page inside
        while first.children:
            first = first.children[0]
        return first
