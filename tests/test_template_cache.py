"""Theme templates compiled for the first language are reused by the next one."""

from __future__ import annotations

from jinja2 import DictLoader, Environment

from template_cache import share_compiled_templates


def counting_env(templates: dict[str, str], **settings) -> tuple[Environment, list[str]]:
    """An environment, shared like the hook shares MkDocs', that records what it compiles."""
    env = share_compiled_templates(Environment(loader=DictLoader(templates), **settings))
    compiled: list[str] = []
    compile_source = env.compile

    def compile_and_count(source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return compile_source(source, name, filename, raw, defer_init)

    env.compile = compile_and_count
    return env, compiled


def test_a_second_environment_reuses_the_first_ones_code():
    templates = {"reuse.html": "{% for x in items %}<b>{{ x }}</b>{% endfor %}"}
    first, first_compiled = counting_env(templates)
    second, second_compiled = counting_env(templates)
    assert first.get_template("reuse.html").render(items=[1, 2]) == "<b>1</b><b>2</b>"
    assert second.get_template("reuse.html").render(items=["a"]) == "<b>a</b>"
    assert first_compiled == ["reuse.html"] and second_compiled == []


def test_a_changed_template_is_compiled_again():
    first, _ = counting_env({"changed.html": "old {{ x }}"})
    first.get_template("changed.html").render(x=1)
    second, compiled = counting_env({"changed.html": "new {{ x }}"})
    assert second.get_template("changed.html").render(x=2) == "new 2"
    assert compiled == ["changed.html"]


def test_differently_configured_environments_never_share_code():
    source = {"blocks.html": "{% if true %}\n  kept\n{% endif %}\n"}
    plain, _ = counting_env(source)
    trimmed, compiled = counting_env(source, trim_blocks=True, lstrip_blocks=True)
    assert plain.get_template("blocks.html").render() == "\n  kept\n"
    assert trimmed.get_template("blocks.html").render() == "  kept\n"
    assert compiled == ["blocks.html"]
