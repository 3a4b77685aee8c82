"""The whole schema: every table module imported, so that ``metadata`` holds them all
(Alembic's environment and the tests compare and truncate it). The table modules import
``models`` for the base and the shared types, never the other way round."""

from __future__ import annotations

from pos.core import (  # noqa: F401
    models_cash,
    models_catalog,
    models_fees,
    models_holds,
    models_idempotency,
    models_ledger,
    models_mail,
    models_printing,
)
from pos.core.models import Base

metadata = Base.metadata


def postgresql_options() -> None:
    """The PostgreSQL form of the partial indexes (the migrations create them), set when a
    PostgreSQL engine is made: naming ``postgresql_where`` in the models would load
    SQLAlchemy's PostgreSQL dialect at import, tens of milliseconds of every cold start
    on SQLite. An index says its condition in ``info["postgresql_where"]``."""
    from sqlalchemy import text

    for table in metadata.tables.values():
        for index in table.indexes:
            where = index.info.get("postgresql_where")
            if where is not None:
                index.dialect_options["postgresql"]["where"] = text(where)


def configure() -> None:
    """Every ORM mapper configured now (relationships resolved, ~40 ms), rather than by
    the first ORM query: the window runs none before its first paint (its start-up reads
    are on the tables) and calls this right after it, so that no scan pays it."""
    from sqlalchemy.orm import configure_mappers

    configure_mappers()
