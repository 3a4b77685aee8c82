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
from collections.abc import Callable, Mapping, Sequence
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

    @property
    def processed(self) -> tuple[tuple[int, Callable[[Any], Any]], ...]:
        """The columns that have a result processor, by position (most have none)."""
        return tuple((i, p) for i, p in enumerate(self.results) if p is not None)


def _rows(fetched: list[tuple], processed: tuple, make: Callable[[Any], Any]) -> list[Any]:
    """The driver's rows with their columns' result processors applied, each made by
    ``make``; a hot loop (a range of 1,000 tickets goes through it), hence only the
    columns that have a processor are touched."""
    if not processed:
        return [make(r) for r in fetched]
    out = []
    for r in fetched:
        row = list(r)
        for i, process in processed:
            value = row[i]
            if value is not None:
                row[i] = process(value)
        out.append(make(row))
    return out


class PreparedQuery:
    """``run(dbapi_connection, dialect, params)`` -> the rows, as named tuples with the
    statement's column labels as fields (``row.number``, ``row.state``...)."""

    def __init__(self, statement: Select) -> None:
        self._statement = statement
        self._by_dialect: dict[str, _Compiled] = {}
        self._processed: dict[str, tuple] = {}

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
            self._processed[dialect.name] = found.processed
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
        return _rows(fetched, self._processed[dialect.name], c.row._make)


def _in_names(size: int) -> tuple[str, ...]:
    names = _IN_NAMES.get(size)
    if names is None:
        names = _IN_NAMES[size] = tuple(f"in_{i}" for i in range(size))
    return names


_IN_NAMES: dict[int, tuple[str, ...]] = {}


def _padded(values: list[Any], size: int) -> dict[str, Any]:
    """The IN list's binds, ``values`` then its last value repeated up to ``size``."""
    names = _in_names(size)
    padded = dict(zip(names, values, strict=False))
    if len(values) < size:
        padded.update(dict.fromkeys(names[len(values):], values[-1]))
    return padded


class _InList:
    """What ``PreparedInQuery`` and ``PreparedInWrite`` share: the statement compiled once
    per list length rounded up to a power of two, the list padded by repeating its last
    value (a value twice in an ``IN`` list changes nothing), so a handful of compiled
    forms serve every length up to the batch limit (Hibernate's "in clause parameter
    padding"). ``make(binds)`` builds the statement around the given binds."""

    def __init__(self, make: Callable[[list[Any]], Any], kind: type) -> None:
        self._make, self._kind = make, kind
        self._by_size: dict[int, Any] = {}

    def _sized(self, values: list[Any]) -> tuple[Any, dict[str, Any]]:
        """The prepared statement for ``values``' padded length, and its IN binds."""
        size = 1 << (len(values) - 1).bit_length()
        prepared = self._by_size.get(size)
        if prepared is None:
            from sqlalchemy import bindparam

            prepared = self._by_size[size] = self._kind(
                self._make([bindparam(n) for n in _in_names(size)]))
        return prepared, _padded(values, size)


class PreparedInQuery(_InList):
    """A ``PreparedQuery`` whose statement has one ``IN (...)`` list of values (see
    ``_InList``)."""

    def __init__(self, make: Callable[[list[Any]], Select]) -> None:
        super().__init__(make, PreparedQuery)

    def run(self, dbapi_connection: Any, dialect: Dialect, values: list[Any],
            params: Mapping[str, Any]) -> list[Any]:
        if not values:
            return []
        query, padded = self._sized(values)
        return query.run(dbapi_connection, dialect, {**params, **padded})


@dataclass(frozen=True)
class _CompiledWrite:
    sql: str
    names: tuple[str, ...] | None
    defaults: dict[str, Any]  # the statement's literals and the columns' scalar defaults
    binds: dict[str, Callable[[Any], Any] | None]  # every bind's processor, by name
    given: frozenset[str]  # the caller's parameters
    results: tuple[Callable[[Any], Any] | None, ...]  # of the RETURNING columns


class Written:
    """What a ``PreparedWrite`` gives back: its RETURNING rows (processed), its row count,
    with the few accessors the pipeline uses of SQLAlchemy's result."""

    __slots__ = ("rowcount", "rows")

    def __init__(self, rows: list[tuple], rowcount: int) -> None:
        self.rows, self.rowcount = rows, rowcount

    def scalars(self) -> list[Any]:
        return [r[0] for r in self.rows]

    def scalar_one_or_none(self) -> Any:
        if len(self.rows) > 1:
            raise ValueError(f"{len(self.rows)} rows where one at most was expected")
        return self.rows[0][0] if self.rows else None

    def scalar_one(self) -> Any:
        if len(self.rows) != 1:
            raise ValueError(f"{len(self.rows)} rows where exactly one was expected")
        return self.rows[0][0]

    def one(self) -> tuple:
        if len(self.rows) != 1:
            raise ValueError(f"{len(self.rows)} rows where exactly one was expected")
        return self.rows[0]


class PreparedWrite:
    """A settlement's INSERT or UPDATE, built once at module level as a Core statement,
    compiled by SQLAlchemy once per dialect and set of parameter names, and run on the
    driver's cursor of the unit of work's write transaction (``UnitOfWork.execute``).

    Why: SQLAlchemy's per-execution work costs about 30 µs a statement on this machine
    (the cache key, the execution context, the events, the result), five times what SQLite
    takes to run one of these inserts, and a refund runs a dozen of them. The statement
    stays SQLAlchemy's, with its columns' own bind and result processors and the columns'
    scalar defaults; a default that must be computed (a callable, a SQL expression) is
    refused at compile time, so nothing is silently left out. No ``IN`` list here (see
    ``PreparedInWrite``). A list of parameter sets runs as ``executemany`` (or one
    execution each when the statement returns rows, the rows in their order)."""

    def __init__(self, statement: Any) -> None:
        self._statement = statement
        self._by_key: dict[tuple[str, frozenset[str]], _CompiledWrite] = {}

    def _compile(self, dialect: Dialect, given: frozenset[str]) -> _CompiledWrite:
        compiled = self._statement.compile(dialect=dialect, column_keys=sorted(given))
        expanding = [name for name, bind in compiled.binds.items() if bind.expanding]
        if expanding:
            raise ValueError(f"IN list of {expanding}: write it with PreparedInWrite")
        processors = {name: bind.type.dialect_impl(dialect).bind_processor(dialect)
                      for name, bind in compiled.binds.items()}
        defaults: dict[str, Any] = {}
        for column in (*compiled.insert_prefetch, *compiled.update_prefetch):
            default = column.default if compiled.isinsert else column.onupdate
            if column.key in given:
                continue
            if default is None or not default.is_scalar:
                raise ValueError(f"{column}: its default is computed; give the value")
            defaults[column.key] = default.arg
        literals = {name: bind.value for name, bind in compiled.binds.items()
                    if name not in given and name not in defaults and not bind.required
                    and bind.callable is None}
        missing = set(compiled.binds) - given - set(defaults) - set(literals)
        if missing:
            raise ValueError(f"parameters {sorted(missing)} are not given")
        defaults.update(literals)
        processed = {name: value if processors[name] is None else processors[name](value)
                     for name, value in defaults.items()}
        results = tuple(c.type.dialect_impl(dialect).result_processor(dialect, None)
                        for c in self._statement.exported_columns)
        names = tuple(compiled.positiontup) if compiled.positional else None
        return _CompiledWrite(compiled.string, names, processed, processors, given, results)

    def compiled(self, dialect: Dialect, given: frozenset[str]) -> _CompiledWrite:
        key = (dialect.name, given)
        found = self._by_key.get(key)
        if found is None:
            found = self._by_key[key] = self._compile(dialect, given)
        return found

    def run(self, dbapi_connection: Any, dialect: Dialect,
            params: Mapping[str, Any] | Sequence[Mapping[str, Any]]) -> Written:
        many = not isinstance(params, Mapping)
        sets = list(params) if many else [params]
        if not sets:
            return Written([], 0)
        c = self.compiled(dialect, frozenset(sets[0]))
        binds = [(name, c.binds[name]) for name in c.given]
        rows: list[tuple] = []
        cursor = dbapi_connection.cursor()
        try:
            values = [self._values(c, binds, one) for one in sets]
            if not c.results:
                if many:
                    cursor.executemany(c.sql, values)
                else:
                    cursor.execute(c.sql, values[0])
                return Written([], cursor.rowcount)
            processed = tuple((i, p) for i, p in enumerate(c.results) if p is not None)
            for one in values:  # RETURNING: one execution each, rows in their order
                cursor.execute(c.sql, one)
                rows += _rows(cursor.fetchall(), processed, tuple)
            return Written(rows, len(rows))
        finally:
            cursor.close()

    @staticmethod
    def _values(c: _CompiledWrite, binds: list, params: Mapping[str, Any]) -> Any:
        values = dict(c.defaults)
        for name, process in binds:
            value = params[name]
            values[name] = process(value) if process is not None and value is not None \
                else value
        return tuple(values[n] for n in c.names) if c.names is not None else values


class PreparedInWrite(_InList):
    """A ``PreparedWrite`` with one ``IN (...)`` list (``values``), padded as ``_InList``
    says (an UPDATE still touches each row once)."""

    def __init__(self, make: Callable[[list[Any]], Any]) -> None:
        super().__init__(make, PreparedWrite)

    def run(self, dbapi_connection: Any, dialect: Dialect, values: list[Any],
            params: Mapping[str, Any]) -> Written:
        if not values:
            return Written([], 0)
        write, padded = self._sized(values)
        return write.run(dbapi_connection, dialect, {**params, **padded})
