"""Rules of the core's shape that a review would otherwise have to remember."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ROOT / "pos" / "core" / "services"
MAX_LINES = 60


def _functions(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def test_no_service_function_is_longer_than_sixty_lines():
    long = [f"{p.name}:{f.name} ({f.end_lineno - f.lineno + 1} lines)"
            for p in sorted(SERVICES.glob("*.py")) for f in _functions(p)
            if f.end_lineno - f.lineno + 1 > MAX_LINES]
    assert long == []


def _calls(node: ast.AST) -> list[tuple[int, str]]:
    found = []
    for n in ast.walk(node):
        if isinstance(n, ast.Call):
            f = n.func
            name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
            found.append((n.lineno, name))
    return sorted(found)


def test_every_service_that_commits_opened_its_write_transaction_first():
    """A unit of work that commits writes; its checks must have run inside the write
    transaction (BEGIN IMMEDIATE on SQLite), so ``begin_write``/``open_write`` comes
    before anything else it asks the database, and before its commit."""
    wrong = []
    for path in sorted(SERVICES.glob("*.py")):
        for f in _functions(path):
            calls = _calls(f)
            commits = [line for line, name in calls if name == "commit"]
            if not commits or f.name == "commit":
                continue
            opens = [line for line, name in calls if name in ("begin_write", "open_write")]
            if not opens or opens[0] > commits[0]:
                wrong.append(f"{path.name}:{f.name}")
    assert wrong == []


def test_the_tables_column_annotations_are_evaluated_by_python_not_strings():
    # A string annotation is evaluated by SQLAlchemy at every start (pos.core.models).
    from pos.core import schema

    for mapper in schema.Base.registry.mappers:
        for cls in mapper.class_.__mro__:
            for name, annotation in vars(cls).get("__annotations__", {}).items():
                column = mapper.columns.get(name)
                if column is not None:
                    assert not isinstance(annotation, str), (cls.__name__, name, annotation)
