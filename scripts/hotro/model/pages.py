"""A page of docs/ as the code sees it: its name, language, front matter, body and data markers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hotro.model.yaml_doc import YamlDoc

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"
# A data marker in a page: <!-- data:contacts audience=victims --> (hotro.render.markers)
MARKER = re.compile(r"<!--\s*data:([a-z0-9-]+)((?:\s+[a-z_]+=\S+?)*)\s*-->")


@dataclass
class Marker:
    name: str
    args: dict[str, str]
    line: int
    text: str


@dataclass
class PageSource:
    src: str            # path under docs/, e.g. "chinh-sach/luat-53-2024-qh15.vi.md"
    slug: str           # the pair's shared name, e.g. "chinh-sach/luat-53-2024-qh15"
    lang: str
    meta: dict
    front: YamlDoc
    body: str
    body_line: int      # line number of the first body line
    markers: list[Marker] = field(default_factory=list)

    @property
    def shown_as(self) -> str:
        return f"docs/{self.src}"

    @property
    def title(self) -> str:
        """The front-matter title, else the first-level heading, else the file name."""
        if self.meta.get("title"):
            return self.meta["title"]
        for line in self.body.split("\n"):
            if line.startswith("# "):
                return line[2:].strip()
        return self.slug.rsplit("/", 1)[-1]


def split_name(rel: str) -> tuple[str, str] | None:
    """('chinh-sach/x', 'vi') for 'chinh-sach/x.vi.md'; None when the name has no language."""
    stem = rel[: -len(".md")]
    slug, _, lang = stem.rpartition(".")
    return (slug, lang) if slug and lang in LANGS else None
