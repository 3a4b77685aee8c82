"""A hot read compiled once: a Core ``select()`` turned into its SQL string once per
dialect, then run on the driver's own cursor with the columns' types applied to each row.

Why: on the scan, SQLAlchemy's per-execution work (the statement's cache key, the
execution context, the connection events, the ``Row`` machinery) costs about three times
what SQLite itself takes to find the ticket by its unique number. The statement stays a
SQLAlchemy construct, compiled by SQLAlchemy for the dialect at hand, with the bind and
result processors of its own column types; only the per-call bookkeeping is skipped.
Reads only: nothing here writes, so no write guarantee of the unit of work is bypassed.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select
from sqlalchemy.engine import Dialect


@dataclass(frozen=True)
class _Compiled:
    sql: str
    names: tuple[str, ...] | None  # bind names in order (positional paramstyles)
    defaults: dict[str, Any]  # the statement's own literal values, processed
    binds: dict[str, Callable[[Any], Any] | None]  # the caller's parameters
    results: tuple[Callable[[Any], Any] | None, ...]
    row: type


class PreparedQuery:
    """``run(dbapi_connection, dialect, params)`` -> the rows, as named tuples with the
    statement's column labels as fields (``row.number``, ``row.state``...)."""

    def __init__(self, statement: Select) -> None:
        self._statement = statement
        self._by_dialect: dict[str, _Compiled] = {}

    def _compile(self, dialect: Dialect) -> _Compiled:
        compiled = self._statement.compile(dialect=dialect)
        expanding = [name for name, bind in compiled.binds.items() if bind.expanding]
        if expanding:  # rendered at each execution by SQLAlchemy: not compiled once
            raise ValueError(f"IN list of {expanding}: write it with PreparedInQuery, or "
                             "as = comparisons")
        processors = {name: bind.type.dialect_impl(dialect).bind_processor(dialect)
                      for name, bind in compiled.binds.items()}
        given = {name for name, bind in compiled.binds.items() if bind.required}
        defaults = {name: value if processors[name] is None else processors[name](value)
                    for name, value in compiled.construct_params(
                        dict.fromkeys(given)).items() if name not in given}
        binds = {name: processors[name] for name in given}
        columns = self._statement.selected_columns
        results = tuple(c.type.dialect_impl(dialect).result_processor(dialect, None)
                        for c in columns)
        names = tuple(compiled.positiontup) if compiled.positional else None
        row = namedtuple("Row", list(columns.keys()), rename=True)
        return _Compiled(compiled.string, names, defaults, binds, results, row)

    def compiled(self, dialect: Dialect) -> _Compiled:
        found = self._by_dialect.get(dialect.name)
        if found is None:
            found = self._by_dialect[dialect.name] = self._compile(dialect)
        return found

    def run(self, dbapi_connection: Any, dialect: Dialect,
            params: Mapping[str, Any]) -> list[Any]:
        c = self.compiled(dialect)
        values = dict(c.defaults)
        for name, process in c.binds.items():
            value = params[name]
            values[name] = process(value) if process is not None else value
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(c.sql, tuple(values[n] for n in c.names) if c.names is not None
                           else values)
            fetched = cursor.fetchall()
        finally:
            cursor.close()
        results, make = c.results, c.row._make
        return [make([v if p is None or v is None else p(v)
                      for p, v in zip(results, r, strict=True)]) for r in fetched]


class PreparedInQuery:
    """A ``PreparedQuery`` whose statement has one ``IN (...)`` list of values: compiled
    once per list length rounded up to a power of two, the list padded by repeating its
    last value (a value twice in an ``IN`` list changes nothing), so a handful of
    compiled forms serve every length up to the batch limit (Hibernate's "in clause
    parameter padding"). ``make(binds)`` builds the statement around the given binds."""

    def __init__(self, make: Callable[[list[Any]], Select]) -> None:
        self._make = make
        self._by_size: dict[int, PreparedQuery] = {}

    def run(self, dbapi_connection: Any, dialect: Dialect, values: list[Any],
            params: Mapping[str, Any]) -> list[Any]:
        if not values:
            return []
        size = 1 << (len(values) - 1).bit_length()
        query = self._by_size.get(size)
        if query is None:
            from sqlalchemy import bindparam

            query = self._by_size[size] = PreparedQuery(
                self._make([bindparam(f"in_{i}") for i in range(size)]))
        last = len(values) - 1
        padded = {f"in_{i}": values[min(i, last)] for i in range(size)}
        return query.run(dbapi_connection, dialect, {**params, **padded})
