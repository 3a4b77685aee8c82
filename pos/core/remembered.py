"""A column's own type whose conversion of what the driver returns is remembered, value by
value: for the batch reads of hundreds of rows whose prices, states and dates repeat.

Why: reading a 500-ticket range, converting the driver's values (cents to ``Decimal``,
text to an aware ``datetime``, text to an enum) cost more than SQLite took to find the
rows, though a range holds a handful of distinct prices, states and performance dates.
The conversions are pure and their results immutable, so one result serves every equal
value; the memory is bounded (least recently used values are forgotten).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, type_coerce
from sqlalchemy.types import TypeDecorator, TypeEngine

_REMEMBERED = 1024  # distinct values kept per column and compiled statement


class Remembered(TypeDecorator):
    """``inner`` (the column's type) for binds and for the database's side; its result
    conversion remembered per value (``typed``: 1 and True are not the same value)."""

    impl = TypeEngine
    cache_ok = True

    def __init__(self, inner: TypeEngine) -> None:
        super().__init__()
        self.inner = inner

    def load_dialect_impl(self, dialect: Any) -> TypeEngine:
        return self.inner.dialect_impl(dialect)

    def bind_processor(self, dialect: Any) -> Any:
        return self.inner.dialect_impl(dialect).bind_processor(dialect)

    def result_processor(self, dialect: Any, coltype: Any) -> Any:
        convert = self.inner.dialect_impl(dialect).result_processor(dialect, coltype)
        return None if convert is None else lru_cache(_REMEMBERED, typed=True)(convert)


def remembered(column: ColumnElement) -> ColumnElement:
    """``column`` read with its type ``Remembered``, under its own name."""
    return type_coerce(column, Remembered(column.type)).label(column.key)
