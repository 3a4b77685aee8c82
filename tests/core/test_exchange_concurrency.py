"""Two counters sell the same seat at the same instant (PostgreSQL, two connections).

Both settlements pass every check of their own before either writes its ticket: a third
connection holds the ticket number sequence, so both wait there with their checks done;
when it lets go, one commits, the other's ticket hits the schema's partial unique index
(one live ticket per seat) and the whole exchange is refused in French, nothing written.
"""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text

from pos.core.clock import FixedClock
from pos.core.demo import load_demo
from pos.core.models import Counter, Operation, Payment, PaymentMode, Ticket, TicketState
from pos.core.models_catalog import NumberSequence
from pos.core.services.exchange import SeatTaken, event_tickets, settle_exchange
from pos.core.services.refunds import Tender
from pos.core.services.station import ensure_station
from tests.conftest import NOW, _truncate, uow_of
from tests.core.exchange_support import ids, new_sale, scan, seat_id
from tests.support.cash import open_drawer

D = Decimal
pytestmark = pytest.mark.postgresql


@pytest.fixture
def pg(postgres_database, clock):
    _truncate(postgres_database)
    with uow_of(postgres_database) as uow:
        load_demo(uow, clock)
    return postgres_database


def _station(db, counter):
    with uow_of(db) as uow:
        station = ensure_station(uow, counter=counter, sales_point="Guichet",
                                 operator="STX_BDD", venue_name="Théâtre de la Ville")
    open_drawer(db, station, FixedClock(NOW))
    return station


def _waiting_on_locks(db) -> int:
    with db.engine.connect() as conn:
        return conn.scalar(text(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock'"))


def test_one_seat_two_counters_same_instant_exactly_one_wins(pg, clock):
    stations = [_station(pg, "Guichet 1"), _station(pg, "Guichet 2")]
    target = ids(pg, "Carmina Burana", "Cat 1")
    a5 = seat_id(pg, "Parterre", "A5")
    # Counter 1 exchanges a Joyaux ticket (110,00), counter 2 a Lac des cygnes one (75,00).
    jobs = []
    for number, refund in (("01010002748", D("50.00")), ("01010003003", D("15.00"))):
        cancellation = scan(pg, clock, [number])
        sale = new_sale()
        with uow_of(pg) as uow:
            event_tickets(uow, sale, cancellation, clock, seat_ids=[a5], **target)
        jobs.append((cancellation, sale, [Tender(PaymentMode.CASH, refund)]))
    with uow_of(pg) as uow:
        ops_before = dict(uow.session.execute(select(Counter.name,
                                                     Counter.last_operation_number)).all())
        seq_before = uow.session.scalar(select(NumberSequence.last_value))

    blocker = pg.engine.connect()
    tx = blocker.begin()
    blocker.execute(text("SELECT last_value FROM number_sequences WHERE name = 'ticket' "
                         "FOR UPDATE"))
    barrier = threading.Barrier(2)
    outcomes: list[object] = [None, None]

    def run(i: int) -> None:
        cancellation, sale, tenders = jobs[i]
        barrier.wait()
        try:
            with uow_of(pg) as uow:
                outcomes[i] = settle_exchange(uow, cancellation, sale, tenders, stations[i],
                                              clock)
        except Exception as error:  # noqa: BLE001 - the test looks at what it is
            outcomes[i] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    # Synchronisation, not a timing assertion: wait until both settlements, all their
    # checks done, are queued behind the sequence lock.
    deadline = threading.Event()
    for _ in range(600):
        if _waiting_on_locks(pg) >= 2:
            break
        deadline.wait(0.05)
    assert _waiting_on_locks(pg) == 2
    tx.commit()
    blocker.close()
    for t in threads:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in threads)

    winners = [o for o in outcomes if not isinstance(o, Exception)]
    losers = [o for o in outcomes if isinstance(o, Exception)]
    assert len(winners) == 1 and len(losers) == 1, outcomes
    assert isinstance(losers[0], SeatTaken)
    # Refused by the schema (both had passed their own checks), in French:
    assert losers[0].message == (
        "Une place de cet échange vient d'être vendue à un autre guichet : "
        "choisissez d'autres places. Rien n'a été enregistré.")
    lost = outcomes.index(losers[0])
    won = 1 - lost

    with uow_of(pg) as uow:
        s = uow.session
        live = s.scalars(select(Ticket).where(
            Ticket.seat_id == a5, Ticket.performance_id == target["performance_id"],
            Ticket.state == TicketState.VALID)).all()
        assert [t.number for t in live] == list(winners[0].new_tickets)
        # Nothing half-written for the loser: its old ticket, counter, payments untouched.
        loser_old = s.scalar(select(Ticket).where(
            Ticket.number == jobs[lost][0].tickets[0].number))
        assert loser_old.state is TicketState.VALID
        ops_after = dict(s.execute(select(Counter.name, Counter.last_operation_number)).all())
        assert ops_after[stations[lost].counter_name] == ops_before.get(
            stations[lost].counter_name, 0)
        assert ops_after[stations[won].counter_name] == ops_before.get(
            stations[won].counter_name, 0) + 1
        assert s.scalar(select(func.count()).select_from(Operation)) == 1
        assert s.scalar(select(func.count()).select_from(Payment)) == 5 + 1
        assert s.scalar(select(NumberSequence.last_value)) == seq_before + 1
