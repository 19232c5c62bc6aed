"""Editions: one MkDocs config per content/editions/<id>.yml, made from the base mkdocs.yml.

Each edition gets its own address (site_url), names, logo, colours and sections, and the hotro
plugin's options: the edition, its quick-exit target and its embed portals
(hotro.load.plugin_options). The generated config uses absolute paths, so it can live in any
folder.
"""

from __future__ import annotations

import copy
import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from hotro.load import plugin_options
from hotro.load.config_source import load_config
from hotro.model import speedups
from hotro.model.messages import msg
from hotro.model.pages import DEFAULT_LANG
from hotro.model.problems import Problem
from hotro.model.records import Contact, Content, Edition


@dataclass(frozen=True)
class EditionView:
    """What the plugin needs to know about the edition being built."""

    id: str
    record: Edition
    site_url: str
    canonical_url: str            # the joint edition's address: shared pages name it
    left_out: frozenset[str]      # page slugs this edition does not carry

    def carries(self, slug: str) -> bool:
        return slug not in self.left_out

    def contacts(self, content: Content) -> list[Contact]:
        """Published contacts, the edition's chosen ones first, then the rest in file order."""
        first = [content.contacts[cid] for cid in self.record["contacts_first"]]
        rest = [c for c in content.published_contacts() if c not in first]
        return first + rest

    def name(self, lang: str) -> str:
        return self.record["name"].get(lang) or self.record["name"][DEFAULT_LANG]


def view(content: Content, edition_id: str | None, site_url: str = "",
         overrides: dict | None = None) -> EditionView:
    """The edition called `edition_id` (default: the joint edition); `overrides` replace fields
    of its record (the plugin's quick_exit and embed_portals options, when set)."""
    joint = content.canonical_edition()
    edition = content.editions[edition_id] if edition_id else joint
    if overrides:
        edition = dataclasses.replace(edition, data={**edition.data, **overrides})
    url = edition["site_url"] if edition_id else (site_url or edition["site_url"])
    return EditionView(edition.id, edition, url, joint["site_url"] if edition_id else url,
                       frozenset(left_out(content, edition)))


def unknown_edition(content: Content, edition_id: str) -> Problem:
    """The message for an edition named on the command line that has no file."""
    known = ", ".join(sorted(content.editions))
    return Problem(f"content/editions/{edition_id}.yml", 0, "",
                   msg("plugin.no-edition", id=repr(edition_id)),
                   msg("plugin.option.expected-one-of", options=known))


def left_out(content: Content, edition: Edition) -> list[str]:
    sections = edition["sections"]
    if sections == "all":
        return []
    return sorted({slug for slug, _ in content.pages if slug.split("/")[0] not in sections})


def load_base(path: Path) -> dict:
    """The base mkdocs.yml as data, with !ENV values resolved as MkDocs would (read by libyaml's
    parser, ten times faster, unless HOTRO_PLAIN is set)."""
    fast = getattr(yaml, "CSafeLoader", None) if speedups.enabled() else None
    loader = type("EnvLoader", (fast or yaml.SafeLoader,), {})
    loader.add_constructor("!ENV", _env_tag)
    return load_config(path, loader)  # a mistake is a `mkdocs.yml:line:` ContentError


def _env_tag(loader, node):
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [
        loader.construct_scalar(node)]
    *keys, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[k] for k in keys if k in os.environ), default)


def config_problems(base: dict, content: Content, edition: Edition) -> list[Problem]:
    """Mistakes in the base config's plugin options, and those that only show when the edition
    meets the base config."""
    path = content.root / "mkdocs.yml"
    if problems := plugin_options.problems_in_file(base, path):  # issue 14: https only
        return problems
    help_page = _quick_exit(base).get("help") or ""
    slug = help_page.removesuffix(".md")
    if slug and (slug, DEFAULT_LANG) not in content.pages:
        return [Problem("mkdocs.yml", plugin_options.line_of(path, ("quick_exit", "help")),
                        "plugins/hotro/quick_exit/help",
                        msg("plugin.no-help-page", page=repr(help_page)),
                        msg("plugin.option.expected-page"))]
    if slug and slug in left_out(content, edition):
        section = slug.split("/")[0]
        return [Problem(edition.file, edition.line_of("sections"), f"{edition.id}/sections",
                        msg("plugin.help-left-out", section=repr(section)),
                        msg("plugin.expected-in-list", section=section))]
    return []


def _quick_exit(config: dict) -> dict:
    options = plugin_options.options_of(config) or {}
    return options.get("quick_exit") or {}


def edition_config(base: dict, base_dir: Path, content: Content, edition: Edition) -> dict:
    """The MkDocs config for one edition."""
    config = copy.deepcopy(base)
    config["site_url"] = edition["site_url"]
    config["site_name"] = edition["name"]["vi"]
    if "description" in edition.data:
        config["site_description"] = edition["description"]["vi"]
    config["docs_dir"] = str(base_dir / config.get("docs_dir", "docs"))
    config.pop("site_dir", None)
    theme = config.setdefault("theme", {})
    if "custom_dir" in theme:
        theme["custom_dir"] = str(base_dir / theme["custom_dir"])
    if edition.get("logo"):
        theme["logo"] = edition["logo"]
    if config.get("hooks"):
        config["hooks"] = [str(base_dir / hook) for hook in config["hooks"]]
    _plugin_options(config, edition)
    _language_names(config, edition)
    gone = set(left_out(content, edition))
    config["nav"] = _nav_without(config.get("nav", []), gone)
    pages = [p.src for (slug, _), p in sorted(content.pages.items()) if slug in gone]
    if pages:
        config["exclude_docs"] = "\n".join(f"/{src}" for src in pages) + "\n"
    return config


def _plugin_options(config: dict, edition: Edition) -> None:
    """The hotro plugin's options for `edition` (the plugin is added when the base lacks it)."""
    plugins = config.get("plugins") or {}
    if isinstance(plugins, list):  # `- name` or `- name: {options}`: as a mapping, in order
        plugins = {k: v for item in plugins
                   for k, v in (item.items() if isinstance(item, dict) else [(item, {})])}
    options = plugins.get(plugin_options.NAME) or {}
    options["edition"] = edition.id
    options["quick_exit"] = {**(options.get("quick_exit") or {}), "url": edition["quick_exit"]}
    if edition.get("embed_portals"):
        options["embed_portals"] = list(edition["embed_portals"])
    plugins[plugin_options.NAME] = options
    config["plugins"] = plugins


def one_language(config: dict, lang: str) -> dict:
    """A copy of an edition's config that builds `lang` only (one process per language)."""
    config = copy.deepcopy(config)
    config["plugins"][plugin_options.NAME]["build_language"] = lang
    return config


def _language_names(config: dict, edition: Edition) -> None:
    """Per-language site name and description for the i18n plugin's other languages."""
    i18n = (config.get("plugins") or {}).get("i18n") or {}
    for language in i18n.get("languages", []):
        lang = language.get("locale")
        if lang == DEFAULT_LANG:
            continue
        language["site_name"] = edition["name"].get(lang, edition["name"]["vi"])
        if "description" in edition.data:
            language["site_description"] = edition["description"].get(lang)


def _nav_without(nav: list, gone: set[str]) -> list:
    """The nav with pages of left-out sections removed, and sections left empty dropped."""
    kept = []
    for item in nav:
        title, target = next(iter(item.items())) if isinstance(item, dict) else (None, item)
        if isinstance(target, list):
            children = _nav_without(target, gone)
            if children:
                kept.append({title: children})
        elif str(target).removesuffix(".md") not in gone:
            kept.append(item)
    return kept


def write_config(config: dict, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path
