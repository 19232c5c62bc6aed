"""The shape of the tests (issue 15): what tests share is in helpers.py, pytest's fixtures are in
conftest.py, and no test module imports another test module or conftest, so each reads on its
own and can be moved or deleted without breaking another."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
SOURCES = {path.stem: ast.parse(path.read_text(encoding="utf-8"))
           for path in sorted(TESTS.rglob("*.py"))}
TEST_MODULES = {name for name in SOURCES if name.startswith("test_")}
# Replaced by test_message_catalogue.py in issue 15 (its shared helpers move to helpers.py);
# its imports are tolerated only while the file is still there.


def imported(tree: ast.Module) -> list[tuple[str, int]]:
    """(top-level module name, line) of every import, also those inside functions."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name.split(".")[0], node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module.split(".")[0], node.lineno))
    return found


def is_fixture(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return isinstance(target, ast.Attribute) and target.attr == "fixture"


def test_no_test_module_imports_another_or_conftest():
    wrong = [f"tests/{name}.py:{line}: imports {module}"
             for name, tree in SOURCES.items()
             for module, line in imported(tree)
             if module == "conftest" or (module in TEST_MODULES)]
    assert wrong == []


def test_conftest_holds_fixtures_only():
    """Constants and functions the tests share live in helpers.py, where a reader finds them."""
    others = [f"tests/conftest.py:{node.lineno}"
              for node in SOURCES["conftest"].body
              if (isinstance(node, ast.FunctionDef) and not any(map(is_fixture,
                                                                     node.decorator_list)))
              or isinstance(node, ast.ClassDef | ast.AnnAssign)
              or (isinstance(node, ast.Assign)
                  and any(isinstance(target, ast.Name) for target in node.targets))]
    assert others == []


def test_no_test_module_keeps_its_own_copy_of_a_helper():
    shared = {target.id for node in SOURCES["helpers"].body
              for target in (node.targets if isinstance(node, ast.Assign) else [node])
              if isinstance(target, ast.Name)} | {
        node.name for node in SOURCES["helpers"].body
        if isinstance(node, ast.FunctionDef | ast.ClassDef) and not node.name.startswith("_")}
    copies = [f"tests/{name}.py:{node.lineno}: {node.name}"
              for name, tree in SOURCES.items() if name in TEST_MODULES
              for node in tree.body
              if isinstance(node, ast.FunctionDef | ast.ClassDef) and node.name in shared]
    assert copies == []
