"""A counter's drawer opened for a test: a professional counter gives no cash before its
cash session is open (the demo's "Guichet 1" comes open; other counters open here)."""

from __future__ import annotations

from pos.core.services.cash_sessions import current_session, open_session
from pos.core.services.station import Station
from pos.core.uow import UnitOfWork

#: 2 000,00 € in 100 € notes: more than any test gives back in cash at one counter
TEST_FLOAT = {10000: 20}


def open_drawer(database, station: Station, clock, count: dict[int, int] | None = None) -> None:
    with UnitOfWork(database.sessions) as uow:
        if current_session(uow, station.counter_id) is None:
            open_session(uow, station, clock, TEST_FLOAT if count is None else count)


def fill_drawer(database, station: Station, clock, amount: str = "1000000.00") -> None:
    """A cash-in from the safe: a long run gives back more cash than a float holds (the
    drawer's own limit is tested in tests/core/test_cash_sessions.py)."""
    from decimal import Decimal

    from pos.core.models_cash import CashMovementKind
    from pos.core.services.cash_sessions import move_cash

    with UnitOfWork(database.sessions) as uow:
        move_cash(uow, station, clock, CashMovementKind.IN, Decimal(amount), "Fonds du coffre")
