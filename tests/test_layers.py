"""The arrows point one way: ui -> core, ui -> devices; devices -> core's plain data only."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

FORBIDDEN = {
    "pos/core": ("PySide6", "pos.ui", "pos.devices", "escpos", "serial"),
    "pos/devices": ("PySide6", "pos.ui", "pos.core.services",
                    "pos.core.db", "pos.core.models", "sqlalchemy"),
}


def imports_of(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_no_forbidden_import(layer):
    bad = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in (ROOT / layer).rglob("*.py")
        for name in imports_of(path)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[layer])
    ]
    assert bad == []


def test_import_linter_contracts_hold():
    beside = Path(sys.executable).parent / "lint-imports"
    lint = str(beside) if beside.exists() else shutil.which("lint-imports")
    if lint is None:
        pytest.skip("import-linter not installed (make test installs it)")
    result = subprocess.run([lint, str(ROOT / "pyproject.toml")], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


# --- no import circle inside pos/ -------------------------------------------------------

POS = ROOT / "pos"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def internal_imports(path: Path, modules: set[str]) -> set[str]:
    """Every pos module ``path`` imports, wherever the import stands: at the top, inside
    a function (a lazy import is still a circle), under ``if TYPE_CHECKING:`` (a type
    needed both ways is a circle too: a Protocol on the callee's side breaks it)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:  # ``from pkg import module`` imports the module
                submodule = f"{base}.{alias.name}"
                found.add(submodule if submodule in modules else base)
    return {m for m in found if m in modules and m != name}


def import_circles(root: Path) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    paths = {module_name(p): p for p in root.rglob("*.py")
             if "migrations" not in p.relative_to(ROOT).parts}
    graph = {m: internal_imports(p, set(paths)) for m, p in paths.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in sorted(graph[module]):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == module:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return circles


def test_the_window_has_no_import_circle():
    assert import_circles(POS / "ui") == []


def test_pos_has_no_import_circle():
    assert import_circles(POS) == []


def test_the_circle_finder_sees_type_checking_and_lazy_imports(tmp_path):
    package = tmp_path / "pos"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pos.b import B\n")
    (package / "b.py").write_text("def f():\n    from . import a\n")
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        assert import_circles(package) == [["pos.a", "pos.b"]]
    finally:
        ROOT = saved
