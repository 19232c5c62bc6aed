"""The MkDocs plugin `hotro` (scripts/hotro/plugin/): its options are validated with one-line
messages naming mkdocs.yml, the line and the option; Material's HTML is changed through a block
of overrides/main.html where one exists, and the rewrites left fail the build when Material's
HTML moves; HOTRO_PLAIN=1 (no speed-up) builds the same site byte for byte."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, run_build
from hotro.load import plugin_options
from hotro.model import speedups
from hotro.plugin.html_fixes import HtmlChanged, first_in_body, fix_html_lang
from test_reproducible import digest

MATERIAL_BASE = Path(__import__("material").__file__).parent / "templates" / "base.html"


@pytest.mark.parametrize("options, where, problem", [
    ({"quick_exit": {"url": "http://www.google.com.vn/"}}, "plugins/hotro/quick_exit/url",
     "'http://www.google.com.vn/' is not an https:// address"),
    ({"quick_exit": {"url": "javascript:alert(1)"}}, "plugins/hotro/quick_exit/url",
     "'javascript:alert(1)' is not an https:// address"),
    ({"quick_exit": {"help": "/etc/passwd"}}, "plugins/hotro/quick_exit/help",
     "'/etc/passwd' is not the file name of a page"),
    ({"quick_exit": "https://x.org/"}, "plugins/hotro/quick_exit",
     "'https://x.org/' is not a mapping of options"),
    ({"embed_portals": ["https://soyte.example.gov.vn/ho-tro/"]},
     "plugins/hotro/embed_portals/item 1",
     "'https://soyte.example.gov.vn/ho-tro/' is not an https:// origin"),
    ({"embed_portals": "https://soyte.example.gov.vn"}, "plugins/hotro/embed_portals",
     "'https://soyte.example.gov.vn' is not a list"),
    ({"edition": "Sở Y tế"}, "plugins/hotro/edition", "'Sở Y tế' is not an edition id"),
    ({"build_language": "fr"}, "plugins/hotro/build_language",
     "'fr' is not one of the site's languages"),
    ({"quick_exits": {}}, "plugins/hotro/quick_exits",
     "'quick_exits' is not an option of the hotro plugin"),
])
def test_every_option_is_validated(options, where, problem):
    found = plugin_options.option_problems(options)
    assert [(p.where, str(p.problem)) for p in found] == [(where, problem)]
    assert all(p.problem.text("vi") != str(p.problem) for p in found)


def test_good_options_pass():
    assert plugin_options.option_problems({
        "edition": "so-y-te-ca-mau", "build_language": "en",
        "quick_exit": {"url": "https://www.google.com.vn/", "help": "an-toan-truc-tuyen.md"},
        "embed_portals": ["https://soyte.example.gov.vn", "https://x.example.org:8443"]}) == []


def mkdocs_build(tree: Path, lang: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "MESSAGES"}
    if lang:
        env["MESSAGES"] = lang
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f",
                           str(tree / "mkdocs.yml"), "-d", str(tree / "out")],
                          capture_output=True, text=True, check=False, env=env, timeout=300)


def set_options(tree: Path, options: str) -> None:
    config = tree / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  hotro: {}\n" in text
    config.write_text(text.replace("  hotro: {}\n", f"  hotro:\n{options}"), encoding="utf-8")


@pytest.mark.parametrize("lang, line", [
    (None, "mkdocs.yml:31: plugins/hotro/quick_exit/url: 'http://www.google.com.vn/' không phải "
           "là địa chỉ https:// (cần một địa chỉ https:// đầy đủ, ví dụ https://www.google.com.vn/)"),
    ("en", "mkdocs.yml:31: plugins/hotro/quick_exit/url: 'http://www.google.com.vn/' is not an "
           "https:// address (expected a full https:// address, e.g. https://www.google.com.vn/)"),
])
def test_mkdocs_build_names_the_file_the_line_and_the_option(tree, lang, line):
    set_options(tree, "    quick_exit: {url: 'http://www.google.com.vn/'}\n")
    result = mkdocs_build(tree, lang)
    assert result.returncode == 1
    assert line in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tree / "out").exists()


def test_an_edition_or_help_page_that_does_not_exist_stops_the_build(tree):
    set_options(tree, "    edition: khong-co\n    quick_exit: {help: khong-co.md}\n")
    result = mkdocs_build(tree, "en")
    assert result.returncode == 1
    assert ("mkdocs.yml:31: plugins/hotro/edition: there is no edition 'khong-co' (expected one "
            "of: thu)") in result.stderr
    assert ("mkdocs.yml:32: plugins/hotro/quick_exit/help: there is no page 'khong-co.md' in "
            "docs/") in result.stderr
    assert "Traceback" not in result.stderr


def test_the_rewrites_left_stop_when_materials_html_moves():
    with pytest.raises(HtmlChanged, match="<body> was not found"):
        first_in_body("<html><main>no body tag</main></html>", "<aside>x</aside>")
    with pytest.raises(HtmlChanged, match='<html lang="en"> was not found'):
        fix_html_lang('<html class="no-js" lang="en">', "vi", "en")
    assert first_in_body('<body dir="ltr"><p>', "<aside>") == '<body dir="ltr">\n<aside><p>'
    assert fix_html_lang('<html lang="en" class="no-js">', "vi", "en") == \
        '<html lang="vi" class="no-js">'


CANONICAL = '<link rel="canonical" href="{{ page.canonical_url }}">'
OUR_CANONICAL = ('<link rel="canonical" href="{{ (canonical_base ~ page.url) | replace(\'"\', '
                 "'%22') if canonical_base is defined else page.canonical_url }}\">")
ALTERNATES = "{% if config.extra.alternate is iterable %}"
RSS = '{% if "rss" in config.plugins %}'
# what the hreflang links' lines left in the page, with and without links (see main.html)
WHITESPACE = """
      {%- if config.extra.alternate is iterable and config.extra.alternate | length -%}
        {{ head_meta | trim }}{{ "\\n        \\n      \\n      " }}
      {%- elif config.extra.alternate is iterable -%}
        {{ head_meta }}{{ "\\n      \\n        \\n      \\n      " }}
      {%- else -%}
        {{ head_meta }}{{ "\\n      \\n      " }}
      {%- endif -%}
      """


def test_main_html_is_materials_site_meta_block_but_for_two_changes():
    """Our block is Material's with the canonical link changed and the hreflang links out; a
    Material upgrade that changes its block makes this fail (Material is pinned exactly)."""
    base = MATERIAL_BASE.read_text(encoding="utf-8")
    start = base.index("{% block site_meta %}")
    block = base[start:base.index("{% endblock %}", start) + len("{% endblock %}")]
    assert block.count(CANONICAL) == 1
    block = block.replace(CANONICAL, OUR_CANONICAL)
    head = block[:block.index(ALTERNATES)].rstrip(" ").removesuffix("\n")
    assert head.endswith("{% endif %}")
    head = head.replace('<meta charset="utf-8">', '{% set head_meta %}<meta charset="utf-8">', 1)
    expected = head + "{% endset %}" + WHITESPACE + block[block.index(RSS):]
    ours = (REPO / "overrides" / "main.html").read_text(encoding="utf-8")
    assert ours[ours.index("{% block site_meta %}"):] == expected + "\n"


def test_a_plain_build_is_the_same_site(tree, fixture_site):
    """HOTRO_PLAIN=1: no nav or template cache, no handed-over content, no C YAML loader, no
    page watch, no language processes; the site is byte for byte the one the speed-ups make."""
    result = run_build(tree / "mkdocs.yml", tree / "site", env=speedups.plain_env(),
                       args=["--jobs", "4"])
    assert result.returncode == 0, result.stderr
    first, second = digest(fixture_site), digest(tree / "site" / "thu")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_the_switch():
    assert speedups.enabled() is (os.environ.get("HOTRO_PLAIN", "") in ("", "0", "no"))
