"""`make new PAGE=…`: a page pair from page.schema.json, and where it goes in mkdocs.yml."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from hotro.editors.new.common import (
    ID,
    RESERVED,
    REVIEW_MONTHS,
    SECTION,
    TITLE,
    add_months,
    refuse,
    schema,
)
from hotro.load.yaml_source import parse_yaml
from hotro.model.messages import msg, text
from hotro.model.yaml_doc import YamlDoc

FRONT_VALUES = {
    "vi": {
        "description": '""   # VIẾT MÔ TẢ Ở ĐÂY: một câu nói trang này để làm gì',
        "sources": "[]   # mã nguồn trong content/sources/, ví dụ [tienphong-2025-09-19-111]",
    },
    "en": {
        "description": '""   # WRITE THE DESCRIPTION HERE: one sentence on what this page is for',
        "sources": "[]   # the same source ids as the Vietnamese page",
    },
}


def page_slug(raw: str) -> str:
    """'chinh-sach/ten-trang' from what the editor typed, or Refused."""
    text = raw.strip().removeprefix("docs/")
    parts = text.split("/")
    if not text or text.startswith("/") or ".." in parts or ":" in text or "\\" in text:
        raise refuse(raw or "PAGE", msg("new.not-a-page"), msg("new.page-form"))
    for part in parts:
        if not ID.match(part):
            raise refuse(f"docs/{text}", msg("new.bad-part", part=repr(part)),
                         msg("new.page-part-form"))
    if parts[0] in RESERVED:
        raise refuse(f"docs/{text}", msg("new.reserved", part=repr(parts[0])),
                     msg("new.reserved-expected", names=", ".join(RESERVED)))
    return text


def check_page_is_new(docs: Path, slug: str) -> None:
    for lang in ("vi", "en"):
        if (docs / f"{slug}.{lang}.md").exists():
            raise refuse(f"docs/{slug}.{lang}.md", msg("new.page-exists"),
                         msg("new.page-exists-expected"))
    if (docs / slug).is_dir():
        raise refuse(f"docs/{slug}.vi.md", msg("new.is-section", slug=slug),
                     msg("new.is-section-expected", slug=slug))
    parts = slug.split("/")
    for end in range(1, len(parts)):
        folder = "/".join(parts[:end])
        if (docs / f"{folder}.vi.md").exists():
            raise refuse(f"docs/{slug}.vi.md", msg("new.folder-taken", folder=folder),
                         msg("new.folder-expected"))


def page_text(lang: str, today: dt.date) -> str:
    """A page with every field page.schema.json requires, and a heading to replace."""
    values = {"reviewed": today.isoformat(),
              "review_by": add_months(today, REVIEW_MONTHS).isoformat(), **FRONT_VALUES[lang]}
    lines = ["---"]
    for name in schema("page")["required"]:
        lines.append(f"{name}: {values.get(name, '')}".rstrip())
    note = ("<!-- Viết nội dung trang ở đây. -->" if lang == "vi"
            else "<!-- Write the page here. -->")
    return "\n".join([*lines, "---", "", f"# {TITLE[lang]}", "", note, ""])


@dataclass(frozen=True)
class Paste:
    """Lines to paste into mkdocs.yml right below an existing line."""

    line: int     # the existing line's number
    after: str    # its text, without the spaces in front
    text: str     # what to paste, with its spaces in front


def top_blocks(text: str) -> dict[str, tuple[int, str]]:
    """Each top-level key of a YAML file: (first line number, its block's text)."""
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if re.match(r"[A-Za-z_][\w-]*:", line)]
    blocks = {}
    for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        blocks[lines[start].split(":", 1)[0]] = (start, "\n".join(lines[start:end]))
    return blocks


def _block(mkdocs_text: str, key: str) -> YamlDoc | None:
    start, text = top_blocks(mkdocs_text).get(key, (0, ""))
    return parse_yaml(text, "mkdocs.yml", line_offset=start) if text else None


def _last_line(doc: YamlDoc, prefix: tuple) -> int:
    return max(line for path, line in doc.lines.items() if path[: len(prefix)] == prefix) \
        + doc.line_offset


def _indent(lines: list[str], number: int) -> str:
    line = lines[number - 1]
    return line[: len(line) - len(line.lstrip())]


def _siblings(items: list, path: tuple, folder: str) -> tuple | None:
    """The nav path of the last page of `folder`, to put the new page after it."""
    last = None
    for i, item in enumerate(items):
        target = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(target, str) and target.rpartition("/")[0] == folder:
            last = (*path, i)
        elif isinstance(target, list) and last is None:
            last = _siblings(target, (*path, i, next(iter(item))), folder)
    return last


def nav_pastes(mkdocs_text: str, slug: str) -> tuple[Paste | None, Paste | None]:
    """Where the new page goes in nav:, and its English title in nav_translations.

    After the last page of the same folder; a page at the top, or in a new folder (as a new
    section), goes at the end of nav:.
    """
    lines = mkdocs_text.split("\n")
    nav = _block(mkdocs_text, "nav")
    if nav is None or not isinstance(nav.data.get("nav"), list) or not nav.data["nav"]:
        return None, None
    folder = slug.rpartition("/")[0]
    sibling = _siblings(nav.data["nav"], ("nav",), folder) if folder else None
    after = _last_line(nav, sibling or ("nav",))
    indent = _indent(lines, nav.line_of(sibling or ("nav", 0)))
    titles = [TITLE]
    entry = f"{indent}- {TITLE['vi']}: {slug}.md"
    if folder and sibling is None:  # a new folder: a new section for it
        titles = [SECTION, TITLE]
        entry = f"{indent}- {SECTION['vi']}:\n{indent}    - {TITLE['vi']}: {slug}.md"
    return (Paste(after, lines[after - 1].strip(), entry),
            _translations_paste(mkdocs_text, lines, titles))


def _translations_paste(mkdocs_text: str, lines: list[str], titles: list[dict]) -> Paste | None:
    plugins = _block(mkdocs_text, "plugins")
    i18n = ((plugins.data or {}).get("plugins") or {}).get("i18n") if plugins else None
    for i, language in enumerate((i18n or {}).get("languages") or []):
        names = language.get("nav_translations") if isinstance(language, dict) else None
        if names:
            path = ("plugins", "i18n", "languages", i, "nav_translations")
            after = _last_line(plugins, path)
            indent = _indent(lines, plugins.line_of((*path, next(iter(names)))))
            text = "\n".join(f"{indent}{t['vi']}: {t['en']}" for t in titles)
            return Paste(after, lines[after - 1].strip(), text)
    return None



def page_steps(slug: str, nav: Paste | None, names: Paste | None, lang: str = "vi") -> str:
    """What to do next, in `lang`, with the exact lines to paste."""
    words = {"vi": TITLE["vi"], "en": TITLE["en"]}
    lines = [text("new.page-done", lang, slug=slug), "", text("new.next", lang),
             text("new.page-fill", lang, **words)]
    for key, paste in (("new.page-nav", nav), ("new.page-names", names)):
        if paste:
            lines += [text(key, lang, after=paste.after, line=paste.line), "", paste.text, ""]
    new_section = nav is not None and f"- {SECTION['vi']}:" in nav.text
    section = (text("new.page-section", lang, section_vi=SECTION["vi"],
                    section_en=SECTION["en"]) if new_section else "")
    lines.append(text("new.page-titles", lang, section=section, **words))
    lines.append(text("new.page-end", lang, slug=slug))
    return "\n".join(lines)


def new_page(root: Path, raw: str, today: dt.date, lang: str = "vi") -> str:
    slug = page_slug(raw)
    docs = root / "docs"
    check_page_is_new(docs, slug)
    for page_lang in ("vi", "en"):
        path = docs / f"{slug}.{page_lang}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page_text(page_lang, today), encoding="utf-8")
    config = root / "mkdocs.yml"
    pastes = nav_pastes(config.read_text(encoding="utf-8"), slug) if config.is_file() else (
        None, None)
    return page_steps(slug, *pastes, lang)
