"""Unit of work: one user action is one transaction.

Leaving the ``with`` block rolls back whatever was not committed, so an error in
mid-settlement leaves the database as it was (cosmicpython's pattern).

A unit of work that only read ends its transaction with COMMIT instead: for a read it
changes nothing, and it keeps psycopg's prepared statements, which a ROLLBACK throws
away. Without them PostgreSQL plans the scan's ten-table join again at every scan
(about 5 ms on the benchmark machine, against 0.8 ms with the plan kept).

The unit of work is also where the database's own failures become the core's errors
(``pos.core.db_errors``): leaving the block on a driver error (server gone, connection
refused, SQLite locked past busy_timeout) raises ``DatabaseUnreachable`` /
``DatabaseBusy`` / ``DatabaseError`` with a French message, chained to the driver's;
nothing was committed, and the connection is let go (the pool reconnects next time).
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, CursorResult, Engine, Executable, event
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker
from sqlalchemy.pool import PoolProxiedConnection

from pos.core.db import READ, WRITE
from pos.core.db_errors import as_domain_error
from pos.core.prepared import (
    PreparedInQuery,
    PreparedInWrite,
    PreparedQuery,
    PreparedWrite,
    Written,
)

_WROTE = "guichet_wrote"


def _note_flush(session: Session, _context: object) -> None:
    session.info[_WROTE] = True


def _note_statement(state: ORMExecuteState) -> None:
    if not state.is_select:
        state.session.info[_WROTE] = True


_READERS: weakref.WeakKeyDictionary[sessionmaker[Session], Engine] = weakref.WeakKeyDictionary()


def _instrument(sessions: sessionmaker[Session]) -> Engine:
    """Once per session factory, not per session (listening costs about a third of a
    scan's own time when it is done for every unit of work); returns the factory's
    engine for reads (``reader``)."""
    reader = _READERS.get(sessions)
    if reader is None:
        event.listen(sessions, "after_flush", _note_flush)
        event.listen(sessions, "do_orm_execute", _note_statement)
        reader = _READERS[sessions] = sessions.kw["bind"].execution_options(**{READ: True})
    return reader


def note_write(session: Session) -> None:
    """A write made on the session's connection, out of the ORM's sight: leaving the
    unit of work without commit() must roll it back."""
    session.info[_WROTE] = True


def driver_of(session: Session) -> tuple[Any, Dialect]:
    """The driver's connection of the session's transaction, and its dialect: where a
    ``pos.core.prepared`` statement runs for a caller that holds a session."""
    conn = session.connection()
    return conn.connection.dbapi_connection, conn.dialect


class UnitOfWork:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self._session: Session | None = None
        self._reader: Connection | None = None
        self._raw: PoolProxiedConnection | None = None
        self._read_engine = _instrument(sessions)

    @property
    def session(self) -> Session:
        """The ORM session, opened on first use (a scan never needs one)."""
        if self._session is None:
            # After reader(), a second connection: the reader holds no lock (SQLite reads
            # without a transaction; PostgreSQL's SELECTs lock nothing).
            self._session = self._sessions()
        return self._session

    def reader(self) -> Connection:
        """A plain connection for the hot read-only look-ups (the scan and its refusals):
        the session's when it exists, else one of its own, with no ORM session and, on
        SQLite, no BEGIN (each SELECT is its own consistent snapshot in WAL mode)."""
        if self._session is not None:
            return self._session.connection()
        if self._reader is None:
            self._reader = self._read_engine.connect()
        return self._reader

    def fetch(self, query: PreparedQuery, params: Mapping[str, Any]) -> list[Any]:
        """The rows of a hot read compiled once (``pos.core.prepared``): inside the
        session's transaction when there is one, else on a pooled connection of its own
        that no SQLAlchemy ``Connection`` wraps (on SQLite no BEGIN either: one SELECT is
        its own snapshot in WAL mode)."""
        return query.run(*self._driver(), params)

    def fetch_in(self, query: PreparedInQuery, values: list[Any],
                 params: Mapping[str, Any] | None = None) -> list[Any]:
        """``fetch`` for a statement with one ``IN`` list: ``values``."""
        return query.run(*self._driver(), values, params or {})

    def _driver(self) -> tuple[Any, Dialect]:
        if self._session is not None:
            return driver_of(self._session)
        if self._raw is None:
            self._raw = self._read_engine.raw_connection()
        return self._raw.dbapi_connection, self._read_engine.dialect

    def _close_raw(self, ok: bool) -> None:
        raw, self._raw = self._raw, None
        try:
            if ok and self._read_engine.dialect.name != "sqlite":
                raw.commit()  # ends the driver's implicit transaction, plans kept (above)
        finally:
            raw.close()

    def __enter__(self) -> UnitOfWork:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        failure: Exception | None = None
        try:
            self._close(exc_type)
        except Exception as error:  # noqa: BLE001 - said below
            failure = error
        cause = exc if exc is not None else failure
        said = as_domain_error(cause) if cause is not None else None
        if said is not None:
            raise said from cause
        if exc is None and failure is not None:
            raise failure

    def _close(self, exc_type: type[BaseException] | None) -> None:
        if self._raw is not None:
            self._close_raw(exc_type is None)
        if self._reader is not None:
            try:
                if exc_type is None:
                    self._reader.commit()  # a read: COMMIT keeps psycopg's plans (above)
            finally:
                self._reader.close()
                self._reader = None
        if self._session is None:
            return
        try:
            if exc_type is None and not self._session.info.get(_WROTE):
                self._session.commit()  # nothing written: same as a rollback, plans kept
            else:
                try:
                    self.rollback()
                except Exception:  # noqa: BLE001 - a dead link: nothing to roll back
                    if exc_type is None:
                        raise
        finally:
            self._session.close()
            self._session = None

    def begin_write(self) -> None:
        """Open the transaction that will write, before anything it writes is checked.

        On SQLite this is ``BEGIN IMMEDIATE`` (see ``db._sqlite_begin``): two processes on
        one file are serialised here, so each one's checks read what the other committed.
        On PostgreSQL a plain BEGIN: the steps take row locks (``FOR UPDATE``). A read
        transaction already open in this unit of work (nothing written) is closed first,
        so no check can run on a snapshot older than the write lock."""
        s = self.session
        if s.in_transaction():
            if s.connection().get_execution_options().get(WRITE):
                return
            if s.info.get(_WROTE) or s.new or s.dirty or s.deleted:
                raise RuntimeError("begin_write() after a write in the same unit of work")
            s.commit()
        s.connection(execution_options={WRITE: True})

    def execute(self, statement: Executable, params: Any = None) -> CursorResult[Any]:
        """A Core statement built once (module level, with bind parameters) run on the
        session's connection: none of the ORM's per-statement work, and none of the
        statement's construction at every call. Counts as a write: leaving without
        commit() rolls it back."""
        note_write(self.session)
        return self.session.connection().execute(statement, params)

    def write(self, statement: PreparedWrite,
              params: Mapping[str, Any] | list[Mapping[str, Any]]) -> Written:
        """A pipeline write compiled once (``pos.core.prepared.PreparedWrite``), run on the
        driver's cursor of the session's transaction (the write transaction of
        ``begin_write``): the same SQL SQLAlchemy would send, without its per-statement
        work. Counts as a write: leaving without commit() rolls it back."""
        note_write(self.session)
        return statement.run(*self._driver(), params)

    def write_in(self, statement: PreparedInWrite, values: list[Any],
                 params: Mapping[str, Any]) -> Written:
        """``write`` for a statement with one ``IN`` list: ``values``."""
        note_write(self.session)
        return statement.run(*self._driver(), values, params)

    def commit(self) -> None:
        self.session.commit()
        self.session.info[_WROTE] = False

    def rollback(self) -> None:
        self.session.rollback()
        self.session.info[_WROTE] = False
