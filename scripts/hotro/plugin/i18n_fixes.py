"""Fixes for two mkdocs-static-i18n 1.3.1 bugs (research/mkdocs-stack.md §1.3, §1.9, and the
language switch of the 404 page below), and the plugin's languages when each has a process.

mkdocs-static-i18n builds the languages one after another in one process: the default language
first, then each other one from its on_post_build. `make site` may instead start one MkDocs
process per language (build/language_split.py), each with the plugin option build_language;
`build_only` then makes the i18n plugin build that language alone, with every language still
configured, so the language switch, the alternates and the fallbacks come out as in a joint
build.
"""

from __future__ import annotations

from pathlib import Path


def forget_page_alternates(extra) -> None:
    """The plugin gives each page its language switch as an attribute of `config.extra`, not
    as its `alternate` key, and the attribute outlives the page. The next language's 404 page,
    made before that language's pages, got the last page's links (the English 404 page's
    "Tiếng Việt" led to the accessibility page). Without the attribute it gets the homes."""
    getattr(extra, "__dict__", {}).pop("alternate", None)


def build_only(i18n, lang: str) -> bool:
    """Make mkdocs-static-i18n build `lang` alone (called from on_config, before its own);
    False when `lang` is not one of the languages it builds.

    Its first on_config starts from `current_language` when that is set, and its on_post_build
    builds the other languages only when `building` is not set.
    """
    if lang not in i18n.build_languages:
        return False
    if i18n.current_language is None:
        i18n.current_language = lang
    i18n.building = True
    return True


def building_other_language(i18n) -> bool:
    """True while the i18n plugin builds a further language from inside the first one's build."""
    return i18n is not None and bool(getattr(i18n, "building", False))


class Fallback404:
    """The i18n plugin leaves the last language's 404 page at the root; keep each one."""

    def __init__(self, default_lang: str):
        self.default_lang = default_lang
        self.pages: dict[str, str] = {}

    def keep(self, lang: str, html: str) -> None:
        self.pages[lang] = html

    def write(self, site_dir: Path) -> None:
        for lang, html in self.pages.items():
            target = site_dir / ("404.html" if lang == self.default_lang else f"{lang}/404.html")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8")
