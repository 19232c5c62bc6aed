"""The one registry of data markers: `<!-- data:NAME arg=value -->` lines in a page.

Each marker has the function that renders it (hotro.render.data_blocks), the arguments it
takes, the template it fills and what content it needs. The renderer dispatches through it,
and the content checks read from it which markers and arguments exist, so a new marker is
added here once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hotro.model.pages import PageSource
from hotro.render import data_blocks
from hotro.render.page_render import PageRender


@dataclass(frozen=True)
class MarkerKind:
    name: str                            # as written after data:
    fill: Callable[..., str]             # (renderer, **args) -> the block's HTML
    template: str                        # under overrides/partials/data/
    args: frozenset[str] = frozenset()   # every one is required
    needs: str = ""                      # "process": steps in content/process.yml;
                                         # "which_number": content/which_number.yml;
                                         # "edition": the edition being built
    searched: bool = True                # is a page with it in the search index?


MARKERS: dict[str, MarkerKind] = {kind.name: kind for kind in (
    MarkerKind("contacts", data_blocks.contacts, "contacts.html"),
    MarkerKind("call-buttons", data_blocks.call_buttons, "call-buttons.html",
               args=frozenset({"ids"})),
    MarkerKind("policies", data_blocks.policies, "policies.html"),
    MarkerKind("process", data_blocks.process, "process.html", needs="process"),
    MarkerKind("search", data_blocks.search, "search.html", searched=False),
    MarkerKind("embeds", data_blocks.embeds, "embeds.html", needs="edition"),
    MarkerKind("open-data", data_blocks.open_data, "open-data.html"),
    MarkerKind("which-number", data_blocks.which_number, "which-number.html",
               needs="which_number"),
)}

# For the checks: marker name -> the arguments it takes
ARGS: dict[str, frozenset[str]] = {name: kind.args for name, kind in MARKERS.items()}


def parse_args(arg_text: str) -> dict[str, str]:
    """' ids=a,b' -> {'ids': 'a,b'}: the arguments as the marker pattern matched them."""
    return dict(arg.split("=", 1) for arg in arg_text.split())


def fill(renderer: PageRender, name: str, arg_text: str) -> str:
    """The HTML of one marker of a checked page."""
    return MARKERS[name].fill(renderer, **parse_args(arg_text))


def searched(page: PageSource) -> bool:
    """Whether the page belongs in the search index (the search page itself does not)."""
    return all(MARKERS[m.name].searched for m in page.markers if m.name in MARKERS)
