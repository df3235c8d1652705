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


def _module_level(tree: ast.Module) -> list[ast.AST]:
    """The nodes that run when a module is imported: everything but function bodies."""
    found: list[ast.AST] = []
    pending: list[ast.AST] = list(tree.body)
    while pending:
        node = pending.pop()
        found.append(node)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            pending += [*node.decorator_list, *node.args.defaults, *node.args.kw_defaults]  # run at import
            pending = [n for n in pending if n is not None]
        elif isinstance(node, ast.Lambda):
            pending += node.args.defaults
        else:
            pending += ast.iter_child_nodes(node)
    return found


def _trees() -> dict[str, ast.Module]:
    return {module: ast.parse(path.read_text(encoding="utf-8")) for module, path in MODULES.items()}


def test_nothing_reads_the_environment_at_import() -> None:
    """Configuration comes from Settings (built by the command line), not from import-time reads."""
    readers = []
    for module, tree in _trees().items():
        for node in _module_level(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv") and \
                    isinstance(node.value, ast.Name) and node.value.id == "os":
                readers.append(f"{module}:{node.lineno}")
    assert not readers, f"environment read at import (use pipeline.settings.Settings): {readers}"


def _called(call: ast.Call) -> str:
    """The name a call calls: `f(...)` and `module.f(...)` both give "f"."""
    return getattr(call.func, "id", None) or getattr(call.func, "attr", "")


def test_no_hidden_singletons() -> None:
    """Compiled rules are built per rulebook (@compiled), tables at import: no lru_cache(maxsize=1)."""
    found = [f"{module}:{node.lineno}" for module, tree in _trees().items() for node in ast.walk(tree)
             if isinstance(node, ast.Call) and _called(node) == "lru_cache"
             and any(k.arg == "maxsize" and getattr(k.value, "value", None) == 1 for k in node.keywords)]
    assert not found, f"lru_cache(maxsize=1) singletons (use @compiled or a module constant): {found}"


def test_text_folding_has_one_name_per_meaning() -> None:
    """No module defines its own `fold`: pipeline.text names each meaning (casefold_words, strip_tones...)."""
    found = set()
    for module, tree in _trees().items():
        for node in ast.walk(tree):
            defined = node.name if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
            if isinstance(node, ast.Assign):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
                defined = "fold" if "fold" in names else None
            if defined == "fold":
                found.add(module)
    assert not found, f"`fold` defined in {sorted(found)}"


def test_alternations_are_built_in_one_place() -> None:
    """A regex alternation of escaped terms is `pipeline.text.alternation` (longest first, one idea of a
    space), not a `"|".join(escape(...))` of a module's own."""
    found = set()
    for module, tree in _trees().items():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _called(node) == "join"):
                continue
            joined_by = getattr(node.func, "value", None)
            escapes = any(isinstance(n, ast.Attribute) and n.attr == "escape" for n in ast.walk(node))
            if getattr(joined_by, "value", None) == "|" and escapes:
                found.add(module)
    found.discard("pipeline.text")
    assert not found, f"alternations built in {sorted(found)}"
