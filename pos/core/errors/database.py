"""The database's own failures, as the unit of work says them."""

from __future__ import annotations

from pos.core.errors.base import DomainError
from pos.core.i18n import N_


class DatabaseError(DomainError):
    """Root of the database's own failures, as the unit of work says them (``pos.core.uow``):
    no driver exception goes further."""

    code = "database_error"
    template = N_("Database error: {detail}. Nothing was changed.")


class DatabaseUnreachable(DatabaseError):
    code = "database_unreachable"
    template = N_("Database unreachable: {detail}. Nothing is lost: try again when it is back.")


class DatabaseBusy(DatabaseError):
    code = "database_busy"
    template = N_("Database busy (another counter is writing): nothing was changed. Try again.")
