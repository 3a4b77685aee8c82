"""The database's own failures said as the core's errors (``DatabaseError`` and its
leaves), at the unit of work's boundary (``pos.core.uow``): a server gone, a refused
connection, a SQLite file locked past ``busy_timeout``. No driver exception reaches the
window: it would be a traceback in a Qt slot and a scan silently lost."""

from __future__ import annotations

import sqlite3
import sys

from sqlalchemy import exc as sa_exc

from pos.core.errors import DatabaseBusy, DatabaseError, DatabaseUnreachable

#: SQLite's words for a lock held by another connection past the busy timeout.
_BUSY = ("database is locked", "database is busy", "database table is locked")


def _driver_errors() -> tuple[tuple[type[BaseException], ...], tuple[type[BaseException], ...]]:
    """The drivers' own roots (PEP 249), for statements run on a raw connection: all of
    them, and those that mean the link (operational, interface)."""
    roots: list[type[BaseException]] = [sqlite3.Error]
    link: list[type[BaseException]] = [sqlite3.OperationalError, sqlite3.InterfaceError]
    psycopg = sys.modules.get("psycopg")
    if psycopg is not None:
        roots.append(psycopg.Error)
        link += [psycopg.OperationalError, psycopg.InterfaceError]
    return tuple(roots), tuple(link)


def as_domain_error(error: BaseException) -> DatabaseError | None:
    """The ``DatabaseError`` that says ``error``, or None if it is not the database's."""
    roots, link = _driver_errors()
    if isinstance(error, roots):
        detail = (str(error).strip().splitlines() or [type(error).__name__])[0][:160]
        if any(word in detail.lower() for word in _BUSY):
            return DatabaseBusy(detail=detail)
        if isinstance(error, link):
            return DatabaseUnreachable(detail=detail)
        return DatabaseError(detail=detail)
    if not isinstance(error, sa_exc.SQLAlchemyError) or isinstance(error, sa_exc.ArgumentError):
        return None
    detail = _detail(error)
    if any(word in detail.lower() for word in _BUSY):
        return DatabaseBusy(detail=detail)
    if isinstance(error, sa_exc.OperationalError | sa_exc.InterfaceError
                  | sa_exc.DisconnectionError | sa_exc.TimeoutError) or (
            isinstance(error, sa_exc.DBAPIError) and error.connection_invalidated):
        return DatabaseUnreachable(detail=detail)
    if isinstance(error, sa_exc.DBAPIError | sa_exc.ResourceClosedError):
        return DatabaseError(detail=detail)
    return None  # SQLAlchemy's own usage errors are bugs: the caller's traceback stays


def _detail(error: sa_exc.SQLAlchemyError) -> str:
    """The driver's first line, short: enough for a technician, not a traceback."""
    original = getattr(error, "orig", None)
    text = str(original if original is not None else error).strip()
    first = text.splitlines()[0] if text else type(error).__name__
    return first if len(first) <= 160 else first[:157] + "…"
