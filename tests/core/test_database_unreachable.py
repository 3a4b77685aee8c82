"""The database gone (PostgreSQL server stopped, SQLite locked past busy_timeout): every
failure is the core's own French error at the unit of work's boundary, nothing is half
written, and the same work succeeds once the database is back."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from pos.core.db import Database
from pos.core.errors import DatabaseBusy, DatabaseUnreachable, DomainError
from pos.core.models import Operation, Payment, PaymentMode, Ticket, TicketState
from pos.core.services.refunds import Tender, refund_basket
from pos.core.services.scanning import take_ticket
from pos.core.services.station import ensure_station
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX, scan


def _station(db):
    with uow_of(db) as uow:
        return ensure_station(uow, counter="Guichet 1", sales_point="Guichet",
                              operator="STX_BDD", venue_name="Théâtre de la Ville")


def _refund(db, basket, station, clock, key=None):
    with uow_of(db) as uow:
        return refund_basket(uow, basket, [Tender(PaymentMode.CASH, basket.refund_total)],
                             station, clock, idempotency_key=key)


def test_server_stopped_scan_and_refund_say_it_in_french_and_resume(own_postgres,
                                                                     outage_demo, clock):
    db = outage_demo
    station = _station(db)
    basket = scan(db, clock, JOYAUX[:2])
    own_postgres.stop()
    with pytest.raises(DatabaseUnreachable) as lost, uow_of(db) as uow:
        take_ticket(uow, basket, JOYAUX[2], clock)
    assert lost.value.message.startswith("Base de données injoignable : ")
    assert "Rien n’est perdu" in lost.value.message
    with pytest.raises(DatabaseUnreachable):
        _refund(db, basket, station, clock, "k-outage")
    with pytest.raises(DatabaseUnreachable):
        db.ping()
    assert len(basket.tickets) == 2  # the basket is the caller's: kept

    own_postgres.start()
    db.ping()
    with uow_of(db) as uow:
        s = uow.session
        assert s.scalar(select(func.count()).select_from(Operation)) == 0
        assert s.scalar(select(func.count()).select_from(Payment)
                        .where(Payment.amount < 0)) == 0
    result = _refund(db, basket, station, clock, "k-outage")
    assert result.refunded == Decimal("220.00")
    with uow_of(db) as uow:
        states = set(uow.session.scalars(select(Ticket.state)
                                         .where(Ticket.number.in_(JOYAUX[:2]))))
    assert states == {TicketState.CANCELLED}


def test_server_stopped_inside_a_settlement_rolls_it_back(own_postgres, outage_demo, clock):
    """The connection dies between the steps of a refund: nothing of it survives."""
    db = outage_demo
    station = _station(db)
    basket = scan(db, clock, JOYAUX[:1])
    with pytest.raises(DatabaseUnreachable), uow_of(db) as uow:
        uow.begin_write()
        take_ticket(uow, basket, JOYAUX[1], clock)  # inside the open transaction
        own_postgres.stop()
        refund_basket(uow, basket, [Tender(PaymentMode.CASH, basket.refund_total)],
                      station, clock)
    own_postgres.start()
    with uow_of(db) as uow:
        assert uow.session.scalar(select(func.count()).select_from(Operation)) == 0
    assert _refund(db, basket, station, clock).refunded == Decimal("220.00")


def test_sqlite_locked_past_busy_timeout_is_said_in_french(tmp_path, sqlite_template, clock):
    import shutil

    path = tmp_path / "busy.sqlite3"
    shutil.copy(sqlite_template, path)
    db = Database(f"sqlite:///{path}", busy_timeout_ms=200)
    from pos.core.demo import load_demo

    with uow_of(db) as uow:
        load_demo(uow, clock)
    station = _station(db)
    basket = scan(db, clock, JOYAUX[:1])
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another counter holds the write lock
    try:
        with pytest.raises(DatabaseBusy) as busy:
            _refund(db, basket, station, clock)
        assert busy.value.message == ("Base de données occupée (un autre guichet écrit) : "
                                      "rien n’a été modifié. Réessayez.")
        assert isinstance(busy.value, DomainError)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _refund(db, basket, station, clock).refunded == Decimal("110.00")
    db.dispose()
