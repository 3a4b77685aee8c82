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
