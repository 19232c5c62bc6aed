"""Templates compiled once are reused by the next language, the next edition and build."""

from __future__ import annotations

from jinja2 import DictLoader, Environment, pass_context

from helpers import digest, run_build
from hotro.render import template_cache
from hotro.render.template_cache import share_compiled_templates


def counting_env(templates: dict[str, str], folder=None,
                 **settings) -> tuple[Environment, list[str]]:
    """An environment, shared like the hook shares MkDocs', that records what it compiles."""
    env = share_compiled_templates(Environment(loader=DictLoader(templates), **settings), folder)
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


def new_process() -> None:
    """What a new MkDocs process starts with: nothing compiled in memory."""
    template_cache._caches.clear()


def test_the_next_process_loads_the_code_from_the_folder(tmp_path):
    source = {"card.html": "<p>{{ name }}</p>"}
    first, first_compiled = counting_env(source, tmp_path)
    assert first.get_template("card.html").render(name="111") == "<p>111</p>"
    new_process()
    second, second_compiled = counting_env(source, tmp_path)
    assert second.get_template("card.html").render(name="113") == "<p>113</p>"
    assert first_compiled == ["card.html"] and second_compiled == []


def test_a_template_changed_since_is_compiled_again(tmp_path):
    first, _ = counting_env({"card.html": "old {{ x }}"}, tmp_path)
    first.get_template("card.html").render(x=1)
    new_process()
    second, compiled = counting_env({"card.html": "new {{ x }}"}, tmp_path)
    assert second.get_template("card.html").render(x=2) == "new 2"
    assert compiled == ["card.html"]


def test_saved_code_is_only_loaded_by_an_environment_configured_alike(tmp_path):
    source = {"blocks.html": "{% if true %}\n  kept\n{% endif %}\n"}
    counting_env(source, tmp_path)[0].get_template("blocks.html").render()
    new_process()
    trimmed, compiled = counting_env(source, tmp_path, trim_blocks=True, lstrip_blocks=True)
    assert trimmed.get_template("blocks.html").render() == "  kept\n"
    assert compiled == ["blocks.html"]


def test_a_filter_passed_the_context_means_other_code(tmp_path):
    source = {"f.html": "{{ 'x' | mark }}"}

    def env_with(mark) -> Environment:
        env = Environment(loader=DictLoader(source))
        env.filters["mark"] = mark
        return share_compiled_templates(env, tmp_path)

    assert env_with(lambda text: f"[{text}]").get_template("f.html").render() == "[x]"
    new_process()
    # the saved code calls mark('x'); this filter needs mark(context, 'x')
    needs_context = env_with(pass_context(lambda context, text: f"<{text}>"))
    assert needs_context.get_template("f.html").render() == "<x>"


def test_a_damaged_file_is_compiled_again_and_replaced(tmp_path):
    source = {"card.html": "<b>{{ n }}</b>"}
    counting_env(source, tmp_path)[0].get_template("card.html").render(n=1)
    saved = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(saved) == 1
    saved[0].write_bytes(saved[0].read_bytes()[:20])
    new_process()
    env, compiled = counting_env(source, tmp_path)
    assert env.get_template("card.html").render(n=2) == "<b>2</b>" and compiled == ["card.html"]
    new_process()
    env, compiled = counting_env(source, tmp_path)
    assert env.get_template("card.html").render(n=3) == "<b>3</b>" and compiled == []


def test_code_escaped_by_a_function_stays_in_memory(tmp_path):
    def by_name(name):
        return name.endswith(".html")

    env, _ = counting_env({"a.html": "{{ '<b>' }}"}, tmp_path, autoescape=by_name)
    assert env.get_template("a.html").render() == "&lt;b&gt;"
    assert not any(tmp_path.iterdir())


def test_a_folder_that_cannot_be_written_only_costs_time(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    env, compiled = counting_env({"a.html": "{{ 1 + 1 }}"}, blocked)
    assert env.get_template("a.html").render() == "2" and compiled == ["a.html"]


def test_a_build_from_saved_or_damaged_code_makes_the_same_site(tmp_path, fixture_site):
    tree = fixture_site.parent.parent  # the fixture tree's first build saved the code
    saved = sorted(p for p in (tree / ".cache" / "templates").rglob("*") if p.is_file())
    assert len(saved) > 20  # Material's templates and our data templates
    for path in saved[::2]:
        path.write_bytes(b"damaged")
    again = run_build(tree / "mkdocs.yml", tmp_path / "again")
    assert again.returncode == 0, again.stderr
    assert digest(tmp_path / "again" / fixture_site.name) == digest(fixture_site)
    assert all(path.read_bytes() != b"damaged" for path in saved)
