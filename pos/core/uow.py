"""Unit of work: one user action is one transaction.

Leaving the ``with`` block rolls back whatever was not committed, so an error in
mid-settlement leaves the database as it was (cosmicpython's pattern).

A unit of work that only read ends its transaction with COMMIT instead: for a read it
changes nothing, and it keeps psycopg's prepared statements, which a ROLLBACK throws
away. Without them PostgreSQL plans the scan's ten-table join again at every scan
(about 5 ms on the benchmark machine, against 0.8 ms with the plan kept).
"""

from __future__ import annotations

import weakref
from types import TracebackType

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from pos.core.db import WRITE

_WROTE = "guichet_wrote"


def _note_flush(session: Session, _context: object) -> None:
    session.info[_WROTE] = True


def _note_statement(state: ORMExecuteState) -> None:
    if not state.is_select:
        state.session.info[_WROTE] = True


_INSTRUMENTED: weakref.WeakSet[sessionmaker[Session]] = weakref.WeakSet()


def _instrument(sessions: sessionmaker[Session]) -> None:
    # Once per session factory, not per session: listening costs about a third of a
    # scan's own time when it is done for every unit of work.
    if sessions not in _INSTRUMENTED:
        event.listen(sessions, "after_flush", _note_flush)
        event.listen(sessions, "do_orm_execute", _note_statement)
        _INSTRUMENTED.add(sessions)


class UnitOfWork:
    session: Session

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        _instrument(sessions)

    def __enter__(self) -> UnitOfWork:
        self.session = self._sessions()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if exc_type is None and not self.session.info.get(_WROTE):
                self.session.commit()  # nothing written: same as a rollback, plans kept
            else:
                self.rollback()
        finally:
            self.session.close()

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

    def commit(self) -> None:
        self.session.commit()
        self.session.info[_WROTE] = False

    def rollback(self) -> None:
        self.session.rollback()
        self.session.info[_WROTE] = False
