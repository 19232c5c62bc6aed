"""The MkDocs plugin `hotro`: the content, the edition and the page parts into MkDocs' build.

    plugins:
      i18n: {...}      # first: this plugin's events run after its own at the same priority
      hotro: {quick_exit: {url: https://www.google.com.vn/, help: an-toan-truc-tuyen.md}}

The options are HotroConfig's (config.py). mkdocs-static-i18n runs the whole build once per
language, so every event here fires once per language; each is a function of (content,
language, page) and the build's state (state.py), made afresh when a build starts. `make site`
may build each language in a process of its own (build_language), so no language relies on
another having been built first.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.base import ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from hotro.checks.validated import load_content, load_content_cached
from hotro.load import plugin_options
from hotro.load.editions import view
from hotro.model import speedups, urls
from hotro.model.messages import language, msg
from hotro.model.pages import DEFAULT_LANG, LANGS, split_name
from hotro.model.problems import ContentError, Problem
from hotro.model.urls import page_address, page_url
from hotro.outputs.edition_outputs import write_outputs
from hotro.outputs.embeds import PageBody
from hotro.plugin.config import HotroConfig
from hotro.plugin.edition_links import left_out_urls, unlink_left_out
from hotro.plugin.html_fixes import HtmlChanged, first_in_body, fix_html_lang
from hotro.plugin.i18n_fixes import build_only, building_other_language, forget_page_alternates
from hotro.plugin.nav_cache import NavCache
from hotro.plugin.site_trim import drop_unused_theme_files
from hotro.plugin.state import BuildState, fail, hand_over
from hotro.plugin.theme_listing import list_visible_files
from hotro.render import print_qr
from hotro.render.html_sanitize import sanitize
from hotro.render.render import keep_compiled_templates, quick_exit, render_page_parts
from hotro.render.template_cache import share_compiled_templates

SITE_CSS = "assets/stylesheets/site.css"
SCRIPTS = ("assets/javascripts/quick-exit.js", "assets/javascripts/search.js")
log = get_plugin_logger(__name__)


class HotroPlugin(BasePlugin[HotroConfig]):
    """Reads and checks the content, fills each page's data, writes the edition's extra files."""

    def __init__(self) -> None:
        self.state: BuildState | None = None
        self.config_path: Path | None = None

    def load_config(self, options: dict, config_file_path: str | None = None):
        """MkDocs' validation, with each wrong option as one line naming the file and line."""
        self.config_path = Path(config_file_path) if config_file_path else None
        if found := plugin_options.option_problems(options):
            problems = [p.at(self._shown_as(), self._line(p.keys)) for p in found]
            hand_over(problems)  # for `make site`; MkDocs reports the errors itself
            return [("/".join(p.keys) or "hotro", ValidationError(problem.text(language())))
                    for p, problem in zip(found, problems, strict=True)], []
        return super().load_config(options, config_file_path)

    # -- a build starts ----------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Read and check all content before anything is built (again for each language)."""
        root = Path(config.docs_dir).resolve().parent
        i18n = config.plugins.get("i18n")
        if self.state is None or not building_other_language(i18n):  # a new build
            content = self._content(root)
            self.state = BuildState(content, self._edition(content, config),
                                    self._languages(config, i18n))
        self.state.parts, self.state.buttons = {}, {}
        cache = root / ".cache"
        if speedups.enabled():
            print_qr.use_cache(cache / "qr")
            keep_compiled_templates(cache / "templates")
            list_visible_files(config.theme)  # Material's 14,000 hidden icons, per language
            # in the order MkDocs builds: each language in turn, pages by file name
            print_qr.prepare(page_address(config.site_url, lang, page.src)
                             for lang in self.state.langs
                             for (slug, _), page in sorted(self.state.content.pages.items())
                             if self.state.edition.carries(slug))
        else:
            print_qr.use_cache(None)
        config.watch.append(str(root / "content"))
        self._add_assets(config)
        return config

    def _content(self, root: Path):
        try:
            return load_content_cached(root) if speedups.enabled() else load_content(root)
        except ContentError as err:
            raise fail(err.problems) from None

    def _edition(self, content, config: MkDocsConfig):
        """The edition this build makes, with the options that override its own record."""
        eid, exit_, portals = self.config.edition, self.config.quick_exit, self.config.embed_portals
        problems = []
        if eid is not None and eid not in content.editions:
            problems.append(self._problem(("edition",), msg("plugin.no-edition", id=repr(eid)),
                                          msg("plugin.option.expected-one-of",
                                              options=", ".join(sorted(content.editions)))))
        help_slug = (exit_.help or "").removesuffix(".md")
        if help_slug and (help_slug, DEFAULT_LANG) not in content.pages:
            problems.append(self._problem(("quick_exit", "help"),
                                          msg("plugin.no-help-page", page=repr(exit_.help)),
                                          msg("plugin.option.expected-page")))
        if problems:
            raise fail(problems)
        overrides = {"quick_exit": exit_.url, "embed_portals": portals and list(portals)}
        return view(content, eid, config.site_url or "",
                    {k: v for k, v in overrides.items() if v is not None})

    def _languages(self, config: MkDocsConfig, i18n) -> tuple[str, ...]:
        """The languages this process builds: one when `make site` runs one process each."""
        lang = self.config.build_language
        if lang is None:
            return LANGS
        if i18n is None:
            raise fail([self._problem(("build_language",), msg("plugin.needs-i18n"),
                                      msg("plugin.expected-i18n"))])
        if not build_only(i18n, lang):
            raise fail([self._problem(("build_language",),
                                      msg("plugin.option.not-a-language", value=repr(lang)),
                                      msg("plugin.option.expected-one-of",
                                          options=", ".join(i18n.build_languages)))])
        return (lang,)

    @staticmethod
    def _add_assets(config: MkDocsConfig) -> None:
        """Every site built with this plugin gets our CSS, the quick-exit and search scripts."""
        if SITE_CSS not in [str(css) for css in config.extra_css]:
            config.extra_css.append(SITE_CSS)
        for script in SCRIPTS:
            if script not in [str(js) for js in config.extra_javascript]:
                config.extra_javascript.append(script)

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        """Material's templates compiled once for every language and process
        (template_cache.py); navigation entries a page is not in rendered once per language
        (nav_cache.py); overrides/main.html names the joint edition's page as canonical."""
        forget_page_alternates(config.extra)  # before the 404 page is made
        env.globals["canonical_base"] = self.state.edition.canonical_url
        env.autoescape = True  # every value the theme prints is text unless it is marked HTML
        if not speedups.enabled():
            return env
        env.globals["nav_entry"] = NavCache(config.theme.get("features") or []).entry
        root = Path(config.docs_dir).resolve().parent
        return share_compiled_templates(env, root / ".cache" / "templates")

    # -- each page ---------------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        """Fill data markers, add the facts box, the translation notice and the sources foot."""
        state = self.state
        source = self._source(page)
        # The sitemap's <lastmod> (and its .gz header) come from the content, not the clock,
        # so two builds of the same commit are byte-identical.
        page.update_date = source.meta["reviewed"]
        try:
            parts = render_page_parts(state.content, source, config.theme["language"], markdown,
                                      config.site_url or "", state.edition)
        except ContentError as err:
            raise fail(err.problems) from None
        state.parts[page.file.src_uri] = parts  # its HTML goes in after the conversion
        return parts.markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        """Put in the data blocks and the sources foot; unlink pages this edition leaves out;
        keep the page's text for search and its body for the embeds."""
        state, lang = self.state, config.theme["language"]
        source = self._source(page)
        parts = state.parts.pop(page.file.src_uri)
        gone = left_out_urls(state.edition.left_out, lang)
        html = sanitize(html, keep_comments=set(parts.blocks))  # before our own blocks go in
        html = unlink_left_out(parts.html(html), page.url, gone)
        html += "\n" + parts.foot
        if source.lang == lang:  # a page shown in its own language, not a fallback
            state.bodies[(lang, source.slug)] = PageBody(page.title or source.title, html,
                                                         page.url)
        if not any(marker.name == "search" for marker in source.markers):
            url = page.url.removeprefix(urls.prefix(lang))
            state.search.add(lang, url, page.title or source.title, html)
        return html

    def on_page_context(self, context: dict, /, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> dict:
        page.content = Markup(page.content)  # the page's HTML, sanitised in on_page_content
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Quick exit first in <body>; an untranslated page's <html lang> says its language."""
        lang = config.theme["language"]
        prefix = urls.prefix(lang)
        help_href = self._help(lambda url: get_relative_url(prefix + url, page.url))
        try:
            output = self._quick_exit_first(output, lang, help_href)
            return fix_html_lang(output, getattr(page.file, "locale", None), lang)
        except HtmlChanged as changed:
            raise fail([self._html_problem(f"docs/{page.file.src_uri}", changed)]) from None

    def on_post_template(self, output_content: str, /, *, template_name: str,
                         config: MkDocsConfig) -> str:
        if template_name != "404.html":
            return output_content
        lang = config.theme["language"]
        base = urlsplit(config.site_url or "/").path.rstrip("/")
        help_href = self._help(lambda url: f"{base}/{urls.prefix(lang)}{url}")
        try:
            output_content = self._quick_exit_first(output_content, lang, help_href)
        except HtmlChanged as changed:
            raise fail([self._html_problem(template_name, changed)]) from None
        self.state.fallback_404.keep(lang, output_content)
        return output_content

    def _quick_exit_first(self, html: str, lang: str, help_href: str | None) -> str:
        """What every page gets, 404 included: the quick-exit button first in <body>."""
        key = (lang, self.state.edition.record["quick_exit"], help_href)
        buttons = self.state.buttons  # the same few buttons on every page
        if key not in buttons:
            buttons[key] = quick_exit(self.state.content, *key)
        return first_in_body(html, buttons[key])

    def _help(self, to_href) -> str | None:
        """The link to the page explaining quick exit, when the site has one."""
        help_page = self.config.quick_exit.help
        if not help_page:
            return None
        return to_href(page_url(help_page.removesuffix(".md") + f".{DEFAULT_LANG}.md"))

    # -- the build ends ----------------------------------------------------------------------

    @event_priority(-200)  # after the i18n plugin's on_post_build has built the other languages
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """After the last language: the root 404 page is the Vietnamese one; search indexes;
        the edition's extra files; no theme files readers never need."""
        if building_other_language(config.plugins.get("i18n")) and not self.config.build_language:
            return  # a language built from inside the first one's on_post_build: not the last
        print_qr.finish()
        state, site = self.state, Path(config.site_dir)
        state.fallback_404.write(site)
        state.search.write(site, default_lang=DEFAULT_LANG)
        write_outputs(state.content, state.edition, site, state.bodies, state.langs)
        removed = drop_unused_theme_files(site)  # Material's search worker, lunr, source maps
        log.debug("left out %d theme files readers never need", len(removed))

    # -- helpers -----------------------------------------------------------------------------

    def _source(self, page: Page):
        src = page.file.src_uri
        parts = split_name(src)
        found = self.state.content.pages.get(parts) if parts else None
        if found is None:
            raise fail([Problem(f"docs/{src}", 0, "", msg("plugin.page-not-read"),
                                msg("plugin.expected-page-read"))])
        return found

    def _problem(self, keys: tuple[str, ...], problem, expected) -> Problem:
        where = "/".join(("plugins", plugin_options.NAME, *keys))
        return Problem(self._shown_as(), self._line(keys), where, problem, expected)

    @staticmethod
    def _html_problem(file: str, changed: HtmlChanged) -> Problem:
        return Problem(file, 0, "", changed.problem(), msg("plugin.expected-material"))

    def _shown_as(self) -> str:
        return self.config_path.name if self.config_path else "mkdocs.yml"

    def _line(self, keys: tuple[str, ...]) -> int:
        return plugin_options.line_of(self.config_path, keys) if self.config_path else 0
