"""MkDocs hooks: thin adapters between MkDocs events and the plain modules in scripts/.

mkdocs-static-i18n runs the whole build once per language, so every event here fires once per
language; each hook is a pure function of (content, language, page). build_site.py may also
build each language in a process of its own (language_split.py), so no language may rely on
another having been built first. Hook modules are not reloaded under `mkdocs serve`, so the
state is rebuilt in on_config.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from hotro.build.language_split import build_only, only_language
from hotro.checks.validated import load_content_cached
from hotro.load.editions import view
from hotro.load.quick_exit_check import quick_exit_problems
from hotro.model import urls
from hotro.model.pages import LANGS, split_name
from hotro.model.problems import ContentError
from hotro.model.records import Content
from hotro.model.urls import page_address, page_url
from hotro.outputs.edition_outputs import write_outputs
from hotro.outputs.embeds import PageBody
from hotro.plugin.edition_links import left_out_urls, set_canonical, unlink_left_out
from hotro.plugin.i18n_fixes import (
    Fallback404,
    drop_head_alternates,
    fix_html_lang,
    forget_page_alternates,
)
from hotro.plugin.nav_cache import NavCache
from hotro.plugin.site_trim import drop_unused_theme_files
from hotro.plugin.theme_listing import list_visible_files
from hotro.render import print_qr
from hotro.render.html_sanitize import sanitize
from hotro.render.render import (
    insert_after_body,
    keep_compiled_templates,
    quick_exit,
    render_page_parts,
)
from hotro.render.search_index import SearchIndex
from hotro.render.template_cache import share_compiled_templates

# A neutral page to land on (an edition may set its own in extra.quick_exit.url).
QUICK_EXIT_URL = "https://www.google.com.vn/"
SITE_CSS = "assets/stylesheets/site.css"
QUICK_EXIT_JS = "assets/javascripts/quick-exit.js"
SEARCH_JS = "assets/javascripts/search.js"

_state: dict = {}


def on_config(config):
    """Load and validate all content before anything is built (again for each language)."""
    root = Path(config.docs_dir).resolve().parent
    try:
        _state["content"] = load_content_cached(root)
    except ContentError as err:
        raise PluginError("\n" + err.report()) from None
    if problems := quick_exit_problems(config, Path(config.config_file_path)):  # issue 14
        raise PluginError("\n" + ContentError(problems).report())
    _state["edition"] = view(_state["content"], config.extra.get("edition"),
                             config.site_url or "")
    _state["langs"] = _languages(config)
    _state.setdefault("404", Fallback404(default_lang="vi"))
    _state.setdefault("search", SearchIndex())
    _state.setdefault("bodies", {})
    _state["parts"] = {}
    _state["buttons"] = {}
    print_qr.use_cache(root / ".cache" / "qr")
    _state["templates"] = root / ".cache" / "templates"
    keep_compiled_templates(_state["templates"])
    # in the order MkDocs builds: each language in turn, pages by file name
    print_qr.prepare(page_address(config.site_url, lang, page.src) for lang in _state["langs"]
                     for (slug, _), page in sorted(_state["content"].pages.items())
                     if _state["edition"].carries(slug))
    config.watch.append(str(root / "content"))
    _ensure_assets(config)
    list_visible_files(config.theme)  # Material's 14,000 hidden icons, walked per language
    return config


def _languages(config) -> tuple[str, ...]:
    """The languages this process builds: one when build_site.py runs one process each."""
    lang = only_language(config)
    if lang is None:
        return LANGS
    if "i18n" not in config.plugins:
        raise PluginError("extra.build_language needs the i18n plugin")
    try:
        build_only(config.plugins["i18n"], lang)
    except ValueError as err:
        raise PluginError(f"extra.{err}") from None
    return (lang,)


def _ensure_assets(config) -> None:
    """Every site built with these hooks gets our CSS and the quick-exit script."""
    if SITE_CSS not in [str(css) for css in config.extra_css]:
        config.extra_css.append(SITE_CSS)
    for script in (QUICK_EXIT_JS, SEARCH_JS):
        if script not in [str(js) for js in config.extra_javascript]:
            config.extra_javascript.append(script)


def on_env(env, config, files):
    """Material's templates are compiled once, then reused by the next language and the next
    process (template_cache.py); the navigation entries a page is not in are rendered once
    per language (nav_cache.py)."""
    forget_page_alternates(config.extra)  # before the 404 page is made
    env.globals["nav_entry"] = NavCache(config.theme.get("features") or []).entry
    env.autoescape = True  # every value the theme prints is text unless it is marked HTML
    return share_compiled_templates(env, _state["templates"])


def on_page_context(context, page, config, nav):
    page.content = Markup(page.content)  # the page's HTML, sanitised in on_page_content
    return context


def on_page_markdown(markdown, page, config, files):
    """Fill data markers, add the facts box, the translation notice and the sources foot."""
    content: Content = _state["content"]
    lang = config.theme["language"]
    source = _page_source(content, page)
    # The sitemap's <lastmod> (and its .gz header) come from the content, not the clock,
    # so two builds of the same commit are byte-identical.
    page.update_date = source.meta["reviewed"]
    try:
        parts = render_page_parts(content, source, lang, markdown, config.site_url or "",
                                  _state["edition"])
    except ContentError as err:
        raise PluginError("\n" + err.report()) from None
    _state["parts"][page.file.src_uri] = parts  # its HTML goes in after the conversion
    return parts.markdown


def on_page_content(html, page, config, files):
    """Put in the data blocks and the sources foot; unlink pages this edition leaves out;
    collect the page's text for search."""
    lang = config.theme["language"]
    source = _page_source(_state["content"], page)
    parts = _state["parts"].pop(page.file.src_uri)
    gone = left_out_urls(_state["edition"].left_out, lang)
    html = sanitize(html, keep_comments=set(parts.blocks))  # before our own blocks go in
    html = unlink_left_out(parts.html(html), page.url, gone)
    html += "\n" + parts.foot
    if source.lang == lang:  # a page shown in its own language, not a fallback
        _state["bodies"][(lang, source.slug)] = PageBody(page.title or source.title, html,
                                                         page.url)
    if not any(marker.name == "search" for marker in source.markers):
        url = page.url.removeprefix(f"{lang}/") if lang != "vi" else page.url
        _state["search"].add(lang, url, page.title or source.title, html)
    return html



def on_post_page(output, page, config):
    """Quick exit first in <body>; an untranslated page's <html lang> says its text's language."""
    lang = config.theme["language"]
    prefix = urls.prefix(lang)
    help_href = _quick_exit_help(config, lambda url: get_relative_url(prefix + url, page.url))
    output = _page_chrome(output, config, lang, help_href)
    # Shared pages name the joint edition's copy as the original, so search engines list one;
    # the sitemap keeps this edition's own addresses (a sitemap may only list its own host).
    output = set_canonical(output, _state["edition"].canonical_url + page.url)
    return fix_html_lang(output, getattr(page.file, "locale", None), lang)


def on_post_template(output_content, template_name, config):
    if template_name == "404.html":
        lang = config.theme["language"]
        base = urlsplit(config.site_url or "/").path.rstrip("/")
        prefix = "" if lang == "vi" else f"/{lang}"
        help_href = _quick_exit_help(config, lambda url: f"{base}{prefix}/{url}")
        output_content = _page_chrome(output_content, config, lang, help_href)
        _state["404"].keep(lang, output_content)
    return output_content


def _page_chrome(html: str, config, lang: str, help_href: str | None) -> str:
    """What every page gets, 404 included: quick exit first, no sitemap-fetching alternates."""
    settings = config.extra.get("quick_exit") or {}
    key = (lang, settings.get("url", QUICK_EXIT_URL), help_href)
    buttons = _state.setdefault("buttons", {})  # the same few buttons on every page
    if key not in buttons:
        buttons[key] = quick_exit(_state["content"], *key)
    return drop_head_alternates(insert_after_body(html, buttons[key]))


def _quick_exit_help(config, to_href) -> str | None:
    """The link to the page explaining quick exit, when the site has one."""
    help_page = (config.extra.get("quick_exit") or {}).get("help")
    if not help_page:
        return None
    return to_href(page_url(help_page.removesuffix(".md") + ".vi.md"))


@event_priority(-200)
def on_post_build(config):
    """After the last language: the root 404 page is the Vietnamese one; search indexes."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False) and not only_language(config):
        return  # a language built from inside the first one's on_post_build: not the last
    print_qr.finish()
    site = Path(config.site_dir)
    _state["404"].write(site)
    _state["search"].write(site, default_lang="vi")
    write_outputs(_state["content"], _state["edition"], site, _state["bodies"], _state["langs"])
    drop_unused_theme_files(site)  # Material's search worker, lunr and source maps


def _page_source(content: Content, page):
    src = page.file.src_uri
    parts = split_name(src)
    found = content.pages.get(parts) if parts else None
    if found is None:
        raise PluginError(f"docs/{src}: this page was not read by the content loader")
    return found
