"""MkDocs hooks: thin adapters between MkDocs events and the plain modules in scripts/.

mkdocs-static-i18n runs the whole build once per language, so every event here fires once per
language; each hook is a pure function of (content, language, page). Hook modules are not
reloaded under `mkdocs serve`, so the state is rebuilt in on_config.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent))

from content import Content, load_content
from i18n_fixes import Fallback404, fix_html_lang
from problems import ContentError
from render import render_page

_state: dict = {}


def on_config(config):
    """Load and validate all content before anything is built (again for each language)."""
    root = Path(config.docs_dir).resolve().parent
    try:
        _state["content"] = load_content(root)
    except ContentError as err:
        raise PluginError("\n" + err.report()) from None
    _state.setdefault("404", Fallback404(default_lang="vi"))
    config.watch.append(str(root / "content"))
    return config


def on_page_markdown(markdown, page, config, files):
    """Fill data markers, add the facts box, the translation notice and the sources foot."""
    content: Content = _state["content"]
    lang = config.theme["language"]
    source = _page_source(content, page)
    try:
        return render_page(content, source, lang, markdown)
    except ContentError as err:
        raise PluginError("\n" + err.report()) from None


def on_post_page(output, page, config):
    """An untranslated page shown under /en/ is Vietnamese text: say so in <html lang>."""
    return fix_html_lang(output, getattr(page.file, "locale", None), config.theme["language"])


def on_post_template(output_content, template_name, config):
    if template_name == "404.html":
        _state["404"].keep(config.theme["language"], output_content)
    return output_content


@event_priority(-200)
def on_post_build(config):
    """After the last language: the root 404 page must be the Vietnamese one."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return
    _state["404"].write(Path(config.site_dir))


def _page_source(content: Content, page):
    src = page.file.src_uri
    lang = getattr(page.file, "locale", None) or "vi"
    slug = src[: -len(".md")]
    slug = slug.rsplit(".", 1)[0] if slug.endswith((".vi", ".en")) else slug
    found = content.pages.get((slug, lang))
    if found is None:
        raise PluginError(f"docs/{src}: this page was not read by the content loader")
    return found
