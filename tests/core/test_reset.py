"""`guichet db init --demo --reset`: every table dropped and migrated again, on both
engines; the demo loads into it as into a new database."""

from __future__ import annotations

from sqlalchemy import inspect, select, text

from pos.core.demo import load_demo
from pos.core.models import Ticket, TicketState
from pos.core.reset import reset_database
from pos.core.schema import metadata
from pos.core.uow import UnitOfWork


def test_reset_drops_the_last_run_and_the_demo_loads_again(demo, clock):
    with demo.engine.begin() as conn:  # the last run: a ticket refunded, a stray table
        conn.execute(text("UPDATE tickets SET state = 'cancelled' "
                          "WHERE number = '01010002748'"))
        conn.execute(text("CREATE TABLE leftover_of_an_old_schema (id INTEGER)"))
    reset_database(demo)
    tables = set(inspect(demo.engine).get_table_names())
    assert "leftover_of_an_old_schema" not in tables
    assert {t.name for t in metadata.sorted_tables} <= tables
    with UnitOfWork(demo.sessions) as uow:
        assert uow.session.scalar(select(Ticket).limit(1)) is None
        load_demo(uow, clock)
    with UnitOfWork(demo.sessions) as uow:
        ticket = uow.session.scalar(select(Ticket).where(Ticket.number == "01010002748"))
        assert ticket.state is TicketState.VALID
