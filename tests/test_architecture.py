"""The structure the README's stage table promises: stages import only earlier stages, and no cycles."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"
# The flow of one article; a module may import its own stage and earlier ones, never a later one.
STAGES = ("ingest", "clean", "extract", "store", "engine")
FOUNDATION = 0  # model, kinds, rulebook, datetime_parse: what every stage shares
TOOLS = len(STAGES) + 1  # cli, evaluate, contract: they drive or describe the stages
# The kind registry finds the built-in kinds by importing their package, once, on first use.
ALLOWED = {("pipeline.kinds", "pipeline.extract.kinds")}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _stage(module: str) -> int:
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in STAGES:
        return STAGES.index(parts[1]) + 1
    return TOOLS if len(parts) > 1 and parts[1] in ("cli", "evaluate", "contract", "__main__") else FOUNDATION


def _imports(module: str, top_level_only: bool) -> set[str]:
    """The pipeline modules a module imports (a `from X import name` naming a submodule counts it)."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in MODULES)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pipeline"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name in MODULES and name != module}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_stage_imports_a_later_one(module: str) -> None:
    later = {other for other in _imports(module, top_level_only=False)
             if _stage(other) > _stage(module) and (module, other) not in ALLOWED}
    assert not later, f"{module} (stage {_stage(module)}) imports later stages: {sorted(later)}"


def test_module_imports_have_no_cycles() -> None:
    graph = {module: _imports(module, top_level_only=True) for module in MODULES}
    # a package's __init__ importing its own submodules is how packages re-export: not a cycle
    for module, targets in graph.items():
        graph[module] = {t for t in targets if not t.startswith(module + ".")}
    visiting: list[str] = []
    done: set[str] = set()

    def visit(node: str) -> None:
        if node in done:
            return
        assert node not in visiting, "import cycle: " + " -> ".join([*visiting[visiting.index(node):], node])
        visiting.append(node)
        for target in sorted(graph[node]):
            visit(target)
        visiting.pop()
        done.add(node)

    for module in sorted(graph):
        visit(module)


def test_the_readme_stage_table_mirrors_the_code() -> None:
    from pipeline.engine.stages import STAGES as TABLE

    assert tuple(stage.name for stage in TABLE) == STAGES
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    for stage in TABLE:
        row = f"| {stage.name} | `{stage.package}` | {stage.why} |"
        assert row in readme, f"README's stage table lacks or differs from: {row}"
        assert (PACKAGE.parent / stage.package).is_dir()
