"""The package's layers run one way: a module imports only from its own layer or those below it.

config, errors ← tables ← lexicons ← ingest ← actors, network, narratives ← pipeline, cluster ← report ← cli.
Imports are read from the source with :mod:`ast` (nothing is executed), so the test also sees imports inside
functions: those are kept for heavy or optional packages only, loaded when a command needs them.
"""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

from analysis import config

PACKAGE = config.PACKAGE_DIR
LAYERS = {
    "__init__": 0, "config": 0, "errors": 0,
    "tables": 1,
    "lexicons": 2,
    "ingest": 3,
    "actors": 4, "network": 4, "narratives": 4,
    "pipeline": 5, "cluster": 5, "evaluation": 5,
    "report": 6,
    "cli": 7, "__main__": 7,
}
# Loaded inside the functions that need them: slow to import, optional, or only for one command.
LAZY_PACKAGES = {"papermill", "nbconvert", "nbclient", "nbformat", "spacy", "distributed", "pyvis", "babel",
                 "country_converter", "countryinfo", "py3langid", "trafilatura", "playwright", "tqdm", "dateparser",
                 "importlib"}


def modules() -> dict[str, Path]:
    return {".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts): path
            for path in sorted(PACKAGE.rglob("*.py"))}


def unit(module: str) -> str:
    """The layer's key of a module: ``analysis.actors.extractor`` → ``actors``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imports(path: Path) -> list[tuple[str, int, bool]]:
    """(imported module, line, inside a function) for every import in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []

    def visit(node: ast.AST, nested: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and getattr(child.test, "id", None) == "TYPE_CHECKING":
                continue  # for the type checker only: nothing is imported when the code runs
            inner = nested or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            if isinstance(child, ast.Import):
                found.extend((alias.name, child.lineno, nested) for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and not child.level:
                names = [f"{child.module}.{alias.name}" for alias in child.names]
                found.extend((name if name[len(child.module) + 1:] in _SUBMODULES else child.module, child.lineno,
                              nested) for name in names)
            visit(child, inner)

    visit(tree, False)
    return found


_SUBMODULES = {name.split(".")[-1] for name in modules()}


def test_every_module_sits_in_a_layer():
    assert {unit(name) for name in modules()} <= set(LAYERS), "add the new subpackage to LAYERS"


@pytest.mark.parametrize("module", sorted(modules()))
def test_a_module_imports_nothing_from_a_higher_layer(module):
    upward = [f"line {line}: {target}" for target, line, _ in imports(modules()[module])
              if target.startswith("analysis.") and LAYERS[unit(target)] > LAYERS[unit(module)]]
    assert not upward, f"{module} imports from a higher layer: {upward}"


@pytest.mark.parametrize("module", sorted(modules()))
def test_imports_inside_functions_are_for_heavy_optional_packages_only(module):
    hidden = [f"line {line}: {target}" for target, line, nested in imports(modules()[module])
              if nested and target.split(".")[0] not in LAZY_PACKAGES]
    assert not hidden, f"{module} hides these imports inside functions; move them to the top: {hidden}"


def test_the_modules_import_each_other_without_a_cycle():
    graph = nx.DiGraph()
    known = modules()
    for module, path in known.items():
        for target, _, _ in imports(path):
            target = target if target in known else target.rsplit(".", 1)[0]
            if target in known and target != module and not target.endswith("__init__"):
                graph.add_edge(module, target)
    cycles = sorted(sorted(cycle) for cycle in nx.simple_cycles(graph))
    assert not cycles, f"import cycles: {cycles}"


def test_subpackages_of_one_layer_import_each_other_one_way():
    graph = nx.DiGraph()
    for module, path in modules().items():
        for target, _, _ in imports(path):
            if target.startswith("analysis.") and unit(target) != unit(module):
                graph.add_edge(unit(module), unit(target))
    assert nx.is_directed_acyclic_graph(graph), f"subpackage cycles: {list(nx.simple_cycles(graph))}"
