"""The layers of docs/architecture.md, checked from the source.

Every `import` of the package's own modules, including those inside functions
(the tool imports lazily to start fast, so most are there), except those under
`if TYPE_CHECKING:` (never run), is an edge of the import graph. The test fails on
any cycle and on any import that runs against the layers. A second set of tests
feeds the checker made-up graphs, so that a checker that finds nothing fails.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path


SOURCE = Path(__file__).resolve().parent.parent / "src" / "thirdneighbor"
ARCHITECTURE = Path(__file__).resolve().parent.parent / "docs" / "architecture.md"

# Bottom to top: a module may import its own layer and the layers below it, and
# nothing else. `api` and `views` stand side by side above `query`: neither
# imports the other. The modules that belong to no layer are the package's
# entry points (above everything) and errors.py (beside core, at the bottom).
LAYERS = {"core": 0, "data": 1, "query": 2, "api": 3, "views": 3, "render": 4, "cli": 5, "entry": 6}
# The modules at the top of the package, outside the layer folders, and where
# each stands: the exceptions beside core (any layer raises them; they import
# only core.safe), the entry points and the documented name of the API's dates.
TOP_LEVEL_MODULES = {"errors": "core", "__init__": "entry", "__main__": "entry", "partialdate": "entry"}


def module_name(path: Path, source: Path = SOURCE) -> str:
    parts = list(path.relative_to(source).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def imports_of(path: Path, modules: set[str], source: Path = SOURCE) -> set[str]:
    """The package's modules this file imports (relative or absolute), anywhere
    but under TYPE_CHECKING; `from . import x` names module x where x is one."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _type_checking_lines(tree)
    name = module_name(path, source)
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    if name == "__init__":
        package = []
    found: set[str] = set()
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skipped:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - (node.level - 1)] if node.level > 1 else package
                target = ".".join(base + ([node.module] if node.module else []))
            elif node.module and node.module.split(".")[0] == "thirdneighbor":
                target = ".".join(node.module.split(".")[1:])
            else:
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}" if target else alias.name
                found.add(sub if sub in modules else (target or "__init__"))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "thirdneighbor":
                    found.add(".".join(alias.name.split(".")[1:]) or "__init__")
    found.discard(name)
    return found


def import_graph(source: Path = SOURCE) -> dict[str, set[str]]:
    paths = sorted(source.rglob("*.py"))
    modules = {module_name(path, source) for path in paths}
    return {module_name(path, source): imports_of(path, modules, source) for path in paths}


def layer_of(module: str) -> str:
    first = module.split(".")[0]
    return TOP_LEVEL_MODULES.get(first, first)


def against_the_layers(graph: dict[str, set[str]]) -> list[str]:
    wrong = []
    for module, targets in sorted(graph.items()):
        mine = layer_of(module)
        for target in sorted(targets):
            theirs = layer_of(target)
            if theirs == mine:
                continue
            if LAYERS[theirs] >= LAYERS[mine]:
                wrong.append(f"{module} imports {target} ({mine} may not import {theirs})")
    return wrong


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each cycle found by a depth-first search, as the path that closes it."""
    found, state, stack = [], {}, []

    def visit(node: str) -> None:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                found.append(stack[stack.index(target):] + [target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return found


def test_the_package_has_no_import_cycle() -> None:
    assert cycles(import_graph()) == []


def test_imports_run_only_down_the_layers() -> None:
    assert against_the_layers(import_graph()) == []


def test_every_module_belongs_to_a_named_layer() -> None:
    assert {layer_of(module) for module in import_graph()} <= set(LAYERS)
    assert {layer_of(module) for module in import_graph()} == set(LAYERS)


def test_the_top_level_holds_the_layers_and_few_modules() -> None:
    modules = {path.stem for path in SOURCE.glob("*.py")}
    folders = {path.name for path in SOURCE.iterdir() if (path / "__init__.py").is_file()}
    assert modules == set(TOP_LEVEL_MODULES) and len(modules) <= 8
    assert folders == set(LAYERS) - {"entry"}


def test_no_module_is_longer_than_400_lines() -> None:
    long = {module_name(path): n for path in SOURCE.rglob("*.py")
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}


def test_the_architecture_document_names_every_package_and_layer() -> None:
    # The diagram and the table of docs/architecture.md list the packages; a
    # package added or removed without the document fails here.
    text = ARCHITECTURE.read_text(encoding="utf-8")
    diagram = text.split("<!-- layers -->")[1].split("<!-- /layers -->")[0]
    drawn = set(re.findall(r"\b([a-z_]+)/", diagram))
    packages = {path.parent.relative_to(SOURCE).as_posix().split("/")[-1]
                for path in SOURCE.rglob("__init__.py") if path.parent != SOURCE}
    assert drawn == packages
    for layer in set(LAYERS) - {"entry"}:
        assert f"`{layer}/`" in text, layer


# --- the checker itself, on graphs made up to break it ----------------------------------

def made_up_package(root: Path, files: dict[str, str]) -> Path:
    """A package of these files (path: source); every folder gets an __init__.py."""
    package = root / "pkg"
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        for folder in (path.parent, *path.parent.parents):
            if folder == root:
                break
            (folder / "__init__.py").touch()
        path.write_text(text)
    return package


def test_the_checker_finds_a_cycle(tmp_path: Path) -> None:
    package = made_up_package(tmp_path, {"data/one.py": "def f():\n    from .two import g\n",
                                         "data/two.py": "from . import one\n"})
    assert cycles(import_graph(package)) == [["data.one", "data.two", "data.one"]]


def test_the_checker_finds_an_upward_import_inside_a_function(tmp_path: Path) -> None:
    package = made_up_package(tmp_path, {
        "cli/app.py": "from ..data.model import Record\n",
        "data/model.py": "class Record:\n    def f(self):\n        from ..cli import app\n"})
    assert against_the_layers(import_graph(package)) == ["data.model imports cli.app (data may not import cli)"]


def test_the_checker_skips_imports_under_type_checking(tmp_path: Path) -> None:
    package = made_up_package(tmp_path, {
        "cli/app.py": "",
        "data/model.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..cli.app import App\n"})
    assert against_the_layers(import_graph(package)) == []


def test_views_and_api_may_not_import_each_other(tmp_path: Path) -> None:
    package = made_up_package(tmp_path, {"views/registry.py": "from ..api import dataset\n", "api/dataset.py": ""})
    assert against_the_layers(import_graph(package)) == [
        "views.registry imports api.dataset (views may not import api)"]


def test_the_real_package_would_fail_with_a_cycle_added(tmp_path: Path) -> None:
    # The real graph plus one edge from the bottom to the top: both checks fire.
    graph = import_graph()
    graph["core.safe"] = graph["core.safe"] | {"cli.app"}
    assert any(cycle[0] == "core.safe" or "core.safe" in cycle for cycle in cycles(graph))
    assert "core.safe imports cli.app (core may not import cli)" in against_the_layers(graph)
