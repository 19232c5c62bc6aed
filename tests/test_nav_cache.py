"""The navigation rendered through nav_cache.py is Material's own, byte for byte."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from helpers import REPO, digest, run_build
from hotro.plugin.nav_cache import NavCache
from hotro_bench.synthetic import make_synthetic_tree

MATERIAL = Path(__import__("material").__file__).parent / "templates" / "partials"
OURS = REPO / "overrides" / "partials"
ENTRY = ("{% if nav_entry is defined %}{{ nav_entry(", ") }}{% else %}{{ ", " }}{% endif %}")


def materials_overrides(dest: Path) -> Path:
    """Our overrides without our copies of Material's navigation: pages get Material's own."""
    shutil.copytree(REPO / "overrides", dest)
    for name in ("nav.html", "nav-item.html"):
        (dest / "partials" / name).unlink()
    return dest


def build(root: Path, edition: str) -> Path:
    result = run_build(root / "mkdocs.yml", root / "site", args=["--edition", edition,
                                                                 "--jobs", "1"])
    assert result.returncode == 0, result.stderr
    return root / "site" / edition


@pytest.mark.parametrize("name, call, args, cached", [
    ("nav.html", "item.render", "nav_item, path, 1", "nav_item, path, item.render"),
    ("nav-item.html", "render", 'item, path ~ "_" ~ loop.index, level + 1, nav_item',
     'item, path ~ "_" ~ loop.index, render, level + 1, nav_item')])
def test_our_nav_templates_are_materials_but_for_the_entry_line(name, call, args, cached):
    ours = (OURS / name).read_text(encoding="utf-8").split("-#}\n", 1)[1].splitlines()
    material = (MATERIAL / name).read_text(encoding="utf-8").split("-#}\n", 1)[1].splitlines()
    changed = [(a.strip(), b.strip()) for a, b in zip(material, ours, strict=True) if a != b]
    assert changed == [(f"{{{{ {call}({args}) }}}}",
                        f"{ENTRY[0]}{cached}{ENTRY[1]}{call}({args}){ENTRY[2]}")]


@pytest.mark.parametrize("pages, section_size", [(45, 10)])
def test_a_sectioned_site_is_identical_with_materials_navigation(tmp_path, pages, section_size):
    cached = build(make_synthetic_tree(tmp_path / "a", pages, 1, section_size), "e01")
    materials_overrides(tmp_path / "b" / "overrides")
    plain = build(make_synthetic_tree(tmp_path / "b", pages, 1, section_size), "e01")
    first, second = digest(cached), digest(plain)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    closed = [p for p in cached.rglob("*.html")
              if p.read_text(encoding="utf-8").count("md-nav__item--pruned") >= 4]
    assert len(closed) > pages  # pages show the other sections closed: entries from the cache


def test_the_real_site_is_identical_with_materials_navigation(real_site, plain_site):
    """The plain build renders every menu without the cache (HOTRO_PLAIN=1), through our copies
    of Material's templates, which are Material's but for the entry line (above)."""
    first, second = digest(real_site), digest(plain_site)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def section(*children, active=False):
    return SimpleNamespace(children=list(children), active=active, title="Mục")


def page(url):
    return SimpleNamespace(children=None, active=False, url=url, title="Trang")


def test_a_closed_section_shows_its_first_page_only_when_pruned():
    tree = section(section(page("a/b/"), page("a/c/")), page("d/"))
    assert NavCache(["navigation.prune"])._shown_link(tree).url == "a/b/"
    for features in ([], ["navigation.prune", "navigation.sections"],
                     ["navigation.prune", "navigation.expand"]):
        assert NavCache(features)._shown_link(tree) is None  # rendered open: never cached
    assert NavCache([])._shown_link(page("d/")).url == "d/"
