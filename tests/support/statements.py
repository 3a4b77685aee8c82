"""Every statement that reaches the database driver, whichever path sent it: SQLAlchemy's
executions and the hot reads that run on the driver's own cursor (``pos.core.prepared``),
which SQLAlchemy's cursor events do not see. SQLite: the connection's trace callback;
PostgreSQL: psycopg's ``cursor_factory`` swapped for a counting one."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from pos.core.db import Database

_TRANSACTION_WORDS = {"BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE"}


@contextmanager
def driver_statements(database: Database, *, transactions: bool = False) -> Iterator[list[str]]:
    """The statements run while the block runs (``transactions``: BEGIN/COMMIT… too).
    Works on connections checked out of the pool inside the block."""
    seen: list[str] = []
    undo: list = []

    def note(statement: str) -> None:
        if transactions or statement.split()[0].upper() not in _TRANSACTION_WORDS:
            seen.append(statement)

    def checkout(dbapi_connection, _record, _proxy) -> None:
        if database.dialect == "sqlite":
            dbapi_connection.set_trace_callback(note)
            undo.append(lambda: dbapi_connection.set_trace_callback(None))
            return
        base = dbapi_connection.cursor_factory

        class Counting(base):  # type: ignore[misc, valid-type]
            def execute(self, query, *args, **kwargs):
                note(query if isinstance(query, str) else str(query))
                return super().execute(query, *args, **kwargs)

            def executemany(self, query, *args, **kwargs):
                note(query if isinstance(query, str) else str(query))
                return super().executemany(query, *args, **kwargs)

        dbapi_connection.cursor_factory = Counting
        undo.append(lambda: setattr(dbapi_connection, "cursor_factory", base))

    event.listen(database.engine, "checkout", checkout)
    try:
        yield seen
    finally:
        event.remove(database.engine, "checkout", checkout)
        for step in undo:
            step()
