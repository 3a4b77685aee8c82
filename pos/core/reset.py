"""A fresh database: every table dropped (those the database has, read from it, so a
table of an older or newer schema goes too), then the migrations again. For the demo
(`guichet db init --demo --reset`): the tickets refunded at the last run are paid again.
"""

from __future__ import annotations

from sqlalchemy import MetaData

from pos.core.db import Database


def reset_database(database: Database) -> None:
    """Drop everything, then migrate to head. Destroys the data: the CLI asks for it by
    name (``--reset``), nothing calls it on its own."""
    existing = MetaData()
    with database.engine.begin() as conn:
        existing.reflect(conn)
        existing.drop_all(conn)
    database.upgrade()
