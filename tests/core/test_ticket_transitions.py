"""Ticket state transitions inside the settlement: the allowed-transitions table, the
conditional UPDATE whose row count is checked, and the write transaction that opens
before the checks (BEGIN IMMEDIATE on SQLite, synchronous=FULL)."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest
from sqlalchemy import func, select, update

from pos.core.errors import TicketNotRefundable
from pos.core.models import Payment, PaymentMode, Ticket, TicketState
from pos.core.services.refunds import Tender, refund_basket
from pos.core.services.ticket_transitions import lock_and_recheck, transition
from pos.core.ticket_states import ALLOWED, allowed
from tests.conftest import uow_of
from tests.core.test_refunds import JOYAUX, fill

V, C, X, P, R = (TicketState.VALID, TicketState.CHECKED_IN, TicketState.CANCELLED,
                 TicketState.REPLACED, TicketState.RESERVED)


def test_the_table_allows_only_forward_moves():
    assert allowed(V, X) and allowed(V, P) and allowed(C, X) and allowed(V, C)
    assert not allowed(X, P)
    assert not allowed(R, P)  # an unpaid reservation is never exchanged here
    # refunded or replaced only goes back to valid: "annuler l'annulation" (issue 10),
    # a move only undo_cancellation asks for
    assert ALLOWED[X] == ALLOWED[P] == frozenset({V})


def _refunds(db) -> int:
    with uow_of(db) as uow:
        return uow.session.scalar(select(func.count()).select_from(Payment)
                                  .where(Payment.amount < 0))


def test_the_same_ticket_twice_in_one_basket_is_refused_and_nothing_written(
        demo, station, clock):
    basket = fill(demo, clock, JOYAUX[:1])
    basket.tickets.append(basket.tickets[0])  # past CancellationBasket.add's own check
    with uow_of(demo) as uow, pytest.raises(TicketNotRefundable, match="deux fois"):
        refund_basket(uow, basket, [Tender(PaymentMode.CASH, Decimal("220.00"))],
                      station, clock)
    assert _refunds(demo) == 0


def test_a_ticket_changed_under_the_settlement_is_refused_with_its_scan_message(
        demo, clock):
    """Even past the re-check (the row changed after the lock was read), the
    conditional UPDATE moves nothing and says what the scan would say now."""
    basket = fill(demo, clock, JOYAUX[:2])
    with uow_of(demo) as uow:
        uow.begin_write()
        locked = lock_and_recheck(uow, basket.tickets, clock)
        # another writer slips in: the first ticket is checked in at the door
        uow.session.execute(update(Ticket.__table__).where(
            Ticket.__table__.c.id == basket.tickets[0].ticket_id).values(state=C))
        with pytest.raises(TicketNotRefundable) as refused:
            transition(uow, basket.tickets, X, clock, locked)
        assert refused.value.message.startswith(f"Billet {JOYAUX[0]} déjà contrôlé à l'entrée")
        assert "il a changé depuis qu'il a été scanné" in refused.value.message
        states = uow.session.execute(select(Ticket.number, Ticket.state).where(
            Ticket.number.in_(JOYAUX[:2])).order_by(Ticket.number)).all()
    assert [s for _, s in states][0] is C


def test_a_transition_not_in_the_table_is_refused(demo, clock):
    basket = fill(demo, clock, JOYAUX[:1])
    with uow_of(demo) as uow:
        uow.begin_write()
        locked = lock_and_recheck(uow, basket.tickets, clock)
        with pytest.raises(TicketNotRefundable):
            transition(uow, basket.tickets, R, clock, locked)


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_on_sqlite_a_writing_unit_of_work_holds_the_write_lock_from_its_start(demo):
    path = demo.engine.url.database
    with demo.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    with uow_of(demo) as uow:
        uow.begin_write()  # nothing read or written yet: the lock is taken here
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            other.execute("SELECT count(*) FROM tickets").fetchone()  # readers go on (WAL)
        finally:
            other.close()
    with uow_of(demo) as uow:  # a reading one blocks no writer
        uow.session.execute(select(func.count()).select_from(Ticket)).scalar()
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
        finally:
            other.close()
