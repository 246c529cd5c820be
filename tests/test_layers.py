"""The package's layers point down, and no two modules import each other.

Read from the source (every ``import`` statement, lazy ones in functions
included), not from a running interpreter, so that an import only some
option makes is held to the same rules:

- the core (model, readers, decoding, writers...) knows nothing of the
  linter, the command lines or Sphinx;
- the linter knows nothing of the command lines or Sphinx;
- the command lines (``transcript-lint``, ``transcript-convert``) never reach
  the Sphinx side, and nothing below the Sphinx side imports Sphinx or
  docutils;
- no cycle: not among the imports made when a module loads, nor among all
  of them (the package's root is left out of the second: every module
  imports it first anyway, and its ``setup()`` is where Sphinx enters).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

import pytest

import sphinxcontrib_transcript

PACKAGE = Path(sphinxcontrib_transcript.__file__).parent
ROOT = "sphinxcontrib_transcript"
#: The command-line layer: every module of it, by name.
CLI = frozenset({
    f"{ROOT}.{name}"
    for name in ("__main__", "cli", "_options", "_arguments", "_walk", "_fix", "_report",
                 "convert")
})


def _modules() -> dict[str, tuple[Path, bool]]:
    """Every module of the package: dotted name -> (file, is a package)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = (ROOT, *path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__":
            found[".".join(parts[:-1])] = (path, True)
        else:
            found[".".join(parts)] = (path, False)
    return found


MODULES = _modules()


def layer(name: str) -> str:
    if name in CLI:
        return "cli"
    if name.startswith(f"{ROOT}.sphinxext"):
        return "sphinx"
    if name.startswith(f"{ROOT}.lint"):
        return "lint"
    return "core"


#: What each layer may import from the package (the root package aside).
ALLOWED = {
    "core": {"core"},
    "lint": {"core", "lint"},
    "cli": {"core", "lint", "cli"},
    "sphinx": {"core", "lint", "sphinx"},
}


DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and isinstance(node.test, ast.Name) and (
        node.test.id == "TYPE_CHECKING")


def _statements(tree: ast.Module, *, at_load: bool) -> list[ast.stmt]:
    """Import statements of *tree*: with *at_load*, those run when the module
    loads (not in functions, classes or ``if TYPE_CHECKING:``); else all, the
    ``TYPE_CHECKING`` ones aside (annotations only)."""
    found: list[ast.stmt] = []

    def visit(nodes: Iterable[ast.AST]) -> None:
        for node in nodes:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                found.append(node)
            elif _is_type_checking(node) or (at_load and isinstance(node, DEFINITIONS)):
                continue
            else:
                visit(ast.iter_child_nodes(node))

    visit(tree.body)
    return found


def _resolve(name: str, target: str) -> str | None:
    """The package module *target* names (its longest known prefix), or None."""
    while target and target not in MODULES:
        target = target.rpartition(".")[0]
    return target if target and target != name else None


def imports(name: str, *, at_load: bool) -> dict[str, set[str]]:
    """Package modules and other top-level packages *name* imports."""
    path, is_package = MODULES[name]
    package = name if is_package else name.rpartition(".")[0]
    inside: set[str] = set()
    outside: set[str] = set()
    for node in _statements(ast.parse(path.read_text(encoding="utf-8")), at_load=at_load):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                anchor = package
                for _ in range(node.level - 1):
                    anchor = anchor.rpartition(".")[0]
                base = f"{anchor}.{base}" if base else anchor
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                       for alias in node.names]
        for target in targets:
            if target == ROOT or target.startswith(f"{ROOT}."):
                resolved = _resolve(name, target)
                if resolved is not None:
                    inside.add(resolved)
            else:
                outside.add(target.split(".")[0])
    return {"inside": inside, "outside": outside}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in sorted(graph[node]):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_reader_of_imports_sees_lazy_and_relative_imports() -> None:
    """The checks below are only as good as this reading: pin a few known facts."""
    cli = imports(f"{ROOT}.cli", at_load=False)["inside"]
    assert {f"{ROOT}._walk", f"{ROOT}._fix", f"{ROOT}.lint.configs"} <= cli
    assert f"{ROOT}._walk" not in imports(f"{ROOT}.cli", at_load=True)["inside"]
    assert f"{ROOT}.markup" in imports(f"{ROOT}.lint.rules.cue_markup", at_load=False)["inside"]
    assert "sphinx" in imports(f"{ROOT}.sphinxext", at_load=True)["outside"]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize("at_load", [True, False], ids=["at-load", "all"])
def test_no_import_cycles(at_load: bool) -> None:
    graph = {name: imports(name, at_load=at_load)["inside"] for name in MODULES}
    if not at_load:
        graph = {name: targets - {ROOT} for name, targets in graph.items()}
    assert cycles(graph) == []


def test_layers_point_down() -> None:
    wrong = [
        f"{name} ({layer(name)}) imports {target} ({layer(target)})"
        for name in MODULES if name != ROOT
        for target in sorted(imports(name, at_load=False)["inside"])
        if target != ROOT and layer(target) not in ALLOWED[layer(name)]
    ]
    assert wrong == []


def test_only_the_sphinx_side_imports_sphinx_or_docutils() -> None:
    wrong = [
        f"{name} imports {', '.join(sorted(found))}"
        for name in MODULES if layer(name) != "sphinx"
        for found in [imports(name, at_load=False)["outside"] & {"sphinx", "docutils"}]
        if found
    ]
    assert wrong == []
