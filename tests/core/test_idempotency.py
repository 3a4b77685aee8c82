"""Idempotent settlements: the same key settles once and returns the first result, on
one connection pressed twice, after the first's commit was lost to the caller, and with
two processes racing on one key (SQLite file and PostgreSQL)."""

from __future__ import annotations

import multiprocessing as mp
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from pos.core.errors import SettlementKeyReused
from pos.core.exchange_basket import totals
from pos.core.models import JournalEntry, Operation, Payment, PaymentMode
from pos.core.models_idempotency import SettlementKey
from pos.core.models_printing import PrintJob
from pos.core.services.exchange import event_tickets, settle_exchange
from pos.core.services.held_operations import resume_operation
from pos.core.services.holds import abandon_held, hold_basket
from pos.core.services.idempotency import decode, encode
from pos.core.services.refunds import Tender, refund_basket
from tests.conftest import NOW, uow_of
from tests.core.exchange_support import JOYAUX, ids, new_sale, scan

D = Decimal


def _counts(db) -> tuple[int, int, int, int]:
    with uow_of(db) as uow:
        s = uow.session
        return tuple(s.scalar(select(func.count()).select_from(t))
                     for t in (Operation, Payment, JournalEntry, PrintJob))


def _refund(db, basket, station, clock, key):
    with uow_of(db) as uow:
        return refund_basket(uow, basket, [Tender(PaymentMode.CASH, basket.refund_total)],
                             station, clock, idempotency_key=key)


def test_a_refund_pressed_twice_settles_once_and_returns_the_first_result(demo, station,
                                                                           clock):
    basket = scan(demo, clock, JOYAUX[:2])
    first = _refund(demo, basket, station, clock, "k-refund")
    after_first = _counts(demo)
    second = _refund(demo, basket, station, clock, "k-refund")
    assert second == first  # the same operation, tenders, documents and job ids
    assert second.refunded == D("220.00") and second.print_job_ids
    assert _counts(demo) == after_first
    with uow_of(demo) as uow:
        row = uow.session.get(SettlementKey, "k-refund")
        assert (row.kind, row.operation_id) == ("refund", first.operation_id)


def test_another_key_on_the_same_basket_is_refused_as_already_refunded(demo, station, clock):
    basket = scan(demo, clock, JOYAUX[:1])
    _refund(demo, basket, station, clock, "k-1")
    with pytest.raises(Exception, match="déjà remboursé"):
        _refund(demo, basket, station, clock, "k-2")


def test_a_refused_settlement_leaves_its_key_free(demo, station, clock):
    basket = scan(demo, clock, JOYAUX[:1])
    with uow_of(demo) as uow, pytest.raises(Exception, match="montant|total|égal|couvr"):
        refund_basket(uow, basket, [Tender(PaymentMode.CASH, D("1.00"))], station, clock,
                      idempotency_key="k-free")
    result = _refund(demo, basket, station, clock, "k-free")
    assert result.refunded == D("110.00")


def test_a_key_used_by_another_kind_of_settlement_is_refused(demo, station, clock):
    _refund(demo, scan(demo, clock, JOYAUX[:1]), station, clock, "k-kind")
    with uow_of(demo) as uow, pytest.raises(SettlementKeyReused) as refused:
        hold_basket(uow, scan(demo, clock, JOYAUX[1:2]), station, clock,
                    idempotency_key="k-kind")
    assert "déjà servi" in refused.value.message
    assert _counts(demo)[0] == 1


def test_an_exchange_replayed_returns_its_first_result(demo, station, clock):
    cancellation = scan(demo, clock, JOYAUX[:2])
    sale = new_sale()
    with uow_of(demo) as uow:
        event_tickets(uow, sale, cancellation, clock, quantity=2,
                      **ids(demo, "Carmina Burana", "Cat 1"))
    tenders = [Tender(PaymentMode.CASH, -totals(cancellation, sale).total)]
    results = []
    for _ in range(2):
        with uow_of(demo) as uow:
            results.append(settle_exchange(uow, cancellation, sale, tenders, station, clock,
                                           idempotency_key="k-exchange"))
    assert results[0] == results[1] and len(results[0].new_tickets) == 2
    assert _counts(demo)[0] == 1


def test_hold_and_abandon_replayed_settle_once(demo, station, clock):
    basket = scan(demo, clock, JOYAUX[:3])
    with uow_of(demo) as uow:
        held = hold_basket(uow, basket, station, clock, idempotency_key="k-hold")
    with uow_of(demo) as uow:
        assert hold_basket(uow, basket, station, clock, idempotency_key="k-hold") == held
    numbers = []
    for _ in range(2):
        with uow_of(demo) as uow:
            numbers.append(abandon_held(uow, held.operation_id, station, clock,
                                        idempotency_key="k-abandon"))
    assert numbers == [held.operation_number] * 2
    with uow_of(demo) as uow:
        actions = list(uow.session.scalars(select(JournalEntry.action)))
    assert actions.count("operation.held") == 1 and actions.count("operation.abandoned") == 1


def test_a_resumed_hold_refunded_twice_under_one_key_completes_once(demo, station, clock):
    basket = scan(demo, clock, JOYAUX[:2])
    with uow_of(demo) as uow:
        held = hold_basket(uow, basket, station, clock)
    with uow_of(demo) as uow:
        resumed = resume_operation(uow, held.operation_id, station, clock)
    from pos.core.basket import CancellationBasket
    basket = CancellationBasket(list(resumed.tickets), resumed.refund_fees,
                                resumed.operation_id)
    first = _refund(demo, basket, station, clock, "k-resumed")
    assert _refund(demo, basket, station, clock, "k-resumed") == first
    assert first.operation_number == held.operation_number


def test_outcomes_survive_their_json():
    tender = Tender(PaymentMode.CREDIT_NOTE, D("12.30"), "AV-1")
    assert decode(encode((1, "a", (D("0.10"), tender), None))) == (
        1, "a", (D("0.10"), tender), None)
    from datetime import UTC, datetime

    until = datetime(2026, 11, 27, 10, 15, tzinfo=UTC)  # a held exchange's seats
    assert decode(encode(until)) == until


# --- two processes, one key --------------------------------------------------------

def _racer(url, numbers, key, barrier, results):
    from pos.core.clock import FixedClock
    from pos.core.db import Database
    from pos.core.services.station import ensure_station
    from pos.core.uow import UnitOfWork

    database = Database(url)
    clock = FixedClock(NOW)
    with UnitOfWork(database.sessions) as uow:
        station = ensure_station(uow, counter="Guichet 1", sales_point="Guichet",
                                 operator="STX_BDD", venue_name="Théâtre de la Ville")
    basket = scan(database, clock, numbers)
    barrier.wait(60)
    try:
        result = _refund(database, basket, station, clock, key)
        results.put(("ok", result.operation_id))
    except Exception as error:  # noqa: BLE001 - reported to the parent
        results.put(("error", f"{type(error).__name__}: {error}"))
    database.dispose()


@pytest.mark.parametrize("rounds", [3])
def test_two_processes_with_one_key_settle_once(demo, station, clock, rounds):
    ctx = mp.get_context("spawn")
    for round_no in range(rounds):
        numbers = JOYAUX[round_no * 2:round_no * 2 + 2]
        barrier, results = ctx.Barrier(2), ctx.Queue()
        procs = [ctx.Process(target=_racer, args=(demo.url, numbers, f"race-{round_no}",
                                                  barrier, results)) for _ in range(2)]
        for p in procs:
            p.start()
        outcomes = [results.get(timeout=120) for _ in procs]
        for p in procs:
            p.join(60)
        assert [o[0] for o in outcomes] == ["ok", "ok"], outcomes
        assert outcomes[0][1] == outcomes[1][1]  # both were given the one operation
        with uow_of(demo) as uow:
            s = uow.session
            assert s.scalar(select(func.count()).select_from(Operation)) == round_no + 1
            paid = s.scalar(select(func.sum(Payment.amount))
                            .where(Payment.operation_id == outcomes[0][1]))
        assert paid == D("-220.00")
