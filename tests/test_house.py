"""The shape of the code (issue 15): one package, one dependency direction, small modules.

scripts/hotro/ is the product, in sub-packages that say what they are; scripts/hotro_bench/
holds the benchmarks and the synthetic corpus. These tests read the source, so a change that
breaks the shape names the module and the import.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from hotro.model import paths

SCRIPTS = paths.ROOT / "scripts"
PRODUCT = SCRIPTS / "hotro"
MAX_LINES = 300

# What each sub-package may import (besides itself). Nothing imports build, editors or the
# benchmarks; render knows the model only.
MAY_IMPORT = {
    "model": set(),
    "load": {"model"},
    "render": {"model"},
    "checks": {"model", "load", "render"},
    "outputs": {"model", "load", "render"},
    "plugin": {"model", "load", "checks", "render", "outputs"},
    "deploy": {"model", "load", "render"},
    "build": {"model", "load", "checks", "render", "outputs", "plugin", "deploy"},
    "editors": {"model", "load", "checks", "render", "outputs", "plugin", "deploy"},
}


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(SCRIPTS.rglob("*.py")):
        parts = path.relative_to(SCRIPTS).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = modules()


def imports(path: Path) -> list[tuple[str, int, bool]]:
    """(module imported, line, imported inside a function) for each hotro import of a file."""
    out = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in MODULES
                     else node.module for alias in node.names]
        else:
            continue
        for name in names:
            if name.split(".")[0] in ("hotro", "hotro_bench"):
                out.append((name, node.lineno, node.col_offset > 0))
    return out


def package(module: str) -> str:
    parts = module.split(".")
    return "bench" if parts[0] == "hotro_bench" else (parts[1] if len(parts) > 2 else "")


def test_no_module_changes_the_import_path():
    offenders = [str(p.relative_to(paths.ROOT)) for p in [*SCRIPTS.rglob("*.py"),
                                                          *(paths.ROOT / "tests").rglob("*.py")]
                 if "sys.path" in p.read_text(encoding="utf-8") and p.name != "test_house.py"]
    assert offenders == []


def test_no_import_inside_a_function():
    """A function-local import is how a cycle hides; the product code has none."""
    local = [f"{MODULES[m].relative_to(SCRIPTS)}:{line}: {name}"
             for m in MODULES if m.startswith("hotro.")
             for name, line, inside in imports(MODULES[m]) if inside]
    assert local == []


def test_every_import_goes_one_way():
    wrong = []
    for module, path in MODULES.items():
        mine = package(module)
        if mine not in MAY_IMPORT:
            continue
        for name, line, _ in imports(path):
            theirs = package(name)
            if theirs and theirs != mine and theirs not in MAY_IMPORT[mine]:
                wrong.append(f"{path.relative_to(SCRIPTS)}:{line}: {mine} imports {name}")
    assert wrong == []


def test_no_import_cycle():
    graph = {m: {n for n, _, _ in imports(p) if n in MODULES and n != m}
             for m, p in MODULES.items()}
    cycles, state = [], {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                cycles.append(" -> ".join([*trail[trail.index(nxt):], nxt]))
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("hotro.")))
def test_product_modules_are_small(module):
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{MODULES[module].relative_to(SCRIPTS)} has {lines} lines"


def test_every_sub_package_says_what_it_is():
    for folder in sorted(p for p in PRODUCT.iterdir() if p.is_dir() and p.name in MAY_IMPORT):
        init = folder / "__init__.py"
        assert init.is_file() and ast.get_docstring(ast.parse(init.read_text())), folder.name
