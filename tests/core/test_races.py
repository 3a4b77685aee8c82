"""Two (or four) counters in real processes act on the same money or seat at the same
instant, round after round, on one SQLite file and on PostgreSQL. Whatever the timing,
exactly one wins where one may, the others get the French refusal, and the database
holds no money paid twice.

``make test`` runs a few rounds; ``make stress`` many (GUICHET_RACE_ROUNDS)."""

from __future__ import annotations

import os
from decimal import Decimal

import pytest
from sqlalchemy import func, insert, select

from pos.core.models import (
    Area,
    Event,
    Operation,
    OperationState,
    Order,
    Payment,
    Performance,
    Price,
    PriceCategory,
    Seat,
    Tariff,
    Ticket,
    TicketState,
    Venue,
)
from pos.core.services.holds import hold_basket
from pos.core.services.station import ensure_station
from tests.conftest import NOW, uow_of
from tests.core.exchange_support import scan
from tests.support.endurance_data import (
    EVENT,
    FIRST_ORDER,
    FULL_PRICE,
    order_numbers,
    seed_paid_orders,
)
from tests.support.races import Counters

ROUNDS = int(os.environ.get("GUICHET_RACE_ROUNDS", "4"))
pytestmark = pytest.mark.stress


@pytest.fixture
def seeded(demo, clock):
    seed_paid_orders(demo, clock, ROUNDS)
    return demo


def _outcomes_text(outcomes) -> str:
    return "; ".join(f"{o.counter}: {o.result} {o.message}" for o in outcomes)


def _report(db, what: str, tally: dict[str, int]) -> None:
    """One line per race for ``make stress`` (-s): the counts the closing note quotes."""
    counts = ", ".join(f"{k} {v}" for k, v in sorted(tally.items()))
    print(f"\n[race] {db.dialect}: {what}: {ROUNDS} rounds: {counts}")


def _tally(tally: dict[str, int], outcomes) -> None:
    won = sum(o.result == "ok" for o in outcomes)
    tally[f"rounds with {won} winner(s)"] = tally.get(f"rounds with {won} winner(s)", 0) + 1
    tally["refusals"] = tally.get("refusals", 0) + sum(o.result == "refused" for o in outcomes)


def _winners(outcomes) -> list:
    assert not [o for o in outcomes if o.result == "error"], _outcomes_text(outcomes)
    return [o for o in outcomes if o.result == "ok"]


def _refunds_of(db, number: str) -> tuple[TicketState, int, Decimal]:
    """The ticket's state, and the refund payments (count, sum) of its order."""
    with uow_of(db) as uow:
        s = uow.session
        ticket = s.scalar(select(Ticket).where(Ticket.number == number))
        count, total = s.execute(select(func.count(), func.sum(Payment.amount))
                                 .where(Payment.order_id == ticket.order_id,
                                        Payment.amount < 0)).one()
        return ticket.state, count, total


def test_one_ticket_refunded_at_two_counters_is_refunded_once(seeded):
    tally: dict[str, int] = {}
    counters = Counters(seeded.url, 2, NOW)
    try:
        for k in range(ROUNDS):
            number = order_numbers(k)[0]
            outcomes = counters.race([("refund", number)] * 2)
            _tally(tally, outcomes)
            winners = _winners(outcomes)
            assert len(winners) == 1, _outcomes_text(outcomes)
            loser = next(o for o in outcomes if o.result == "refused")
            assert loser.message.startswith(f"Billet {number} déjà remboursé (ordre ")
            assert "il a changé depuis qu'il a été scanné" in loser.message
            assert _refunds_of(seeded, number) == (TicketState.CANCELLED, 1, -FULL_PRICE)
        _report(seeded, "same ticket refunded at 2 counters", tally)
    finally:
        counters.close()


def test_partial_refunds_of_one_order_never_go_past_what_was_paid(seeded):
    """Four counters each refund another ticket of one order that paid for two."""
    tally: dict[str, int] = {}
    counters = Counters(seeded.url, 4, NOW)
    try:
        for k in range(ROUNDS):
            with uow_of(seeded) as uow:  # the order keeps 100,00 of its 200,00: the rest
                paid = uow.session.scalar(select(Payment).join(Order).where(  # went back
                    Order.number == FIRST_ORDER + k))  # before (payments are never edited)
                uow.session.execute(insert(Payment).values(
                    order_id=paid.order_id, mode=paid.mode, amount=-2 * FULL_PRICE,
                    at=paid.at, operator_id=paid.operator_id))
                uow.commit()
            numbers = order_numbers(k)
            outcomes = counters.race([("refund", n) for n in numbers])
            _tally(tally, outcomes)
            assert len(_winners(outcomes)) == 2, _outcomes_text(outcomes)
            for o in outcomes:
                if o.result == "refused":
                    assert "on ne peut pas rembourser 50,00" in o.message.replace("\u202f", " ")
            with uow_of(seeded) as uow:
                paid = uow.session.scalar(select(func.sum(Payment.amount)).join(Order).where(
                    Order.number == FIRST_ORDER + k))
                cancelled = uow.session.scalar(select(func.count()).where(
                    Ticket.number.in_(numbers), Ticket.state == TicketState.CANCELLED))
            assert (paid, cancelled) == (Decimal("0.00"), 2)  # all that was paid, once
        _report(seeded, "4 partial refunds of an order paid for 2", tally)
    finally:
        counters.close()


def test_one_held_operation_settled_at_two_counters_is_settled_once(seeded, clock):
    with uow_of(seeded) as uow:
        station = ensure_station(uow, counter="Guichet 1", sales_point="Guichet",
                                 operator="STX_BDD")
    held = []
    for k in range(ROUNDS):
        basket = scan(seeded, clock, [order_numbers(k)[0]])
        with uow_of(seeded) as uow:
            held.append((hold_basket(uow, basket, station, clock).operation_id,
                         basket.tickets[0].number))
    tally: dict[str, int] = {}
    counters = Counters(seeded.url, 2, NOW)
    try:
        for operation_id, number in held:
            outcomes = counters.race([("resume", operation_id)] * 2)
            _tally(tally, outcomes)
            assert len(_winners(outcomes)) == 1, _outcomes_text(outcomes)
            loser = next(o for o in outcomes if o.result == "refused")
            assert "n'est pas en attente (terminé)" in loser.message or \
                "il a changé depuis" in loser.message, loser.message
            with uow_of(seeded) as uow:
                state = uow.session.scalar(select(Operation.state).where(
                    Operation.id == operation_id))
            assert state is OperationState.COMPLETED
            assert _refunds_of(seeded, number)[:2] == (TicketState.CANCELLED, 1)
        _report(seeded, "one held operation settled at 2 counters", tally)
    finally:
        counters.close()


def _spare_performance(db) -> dict[str, int]:
    """A performance of the seeded event where nothing is sold yet, with its prices."""
    with uow_of(db) as uow:
        s = uow.session
        event = s.scalar(select(Event).where(Event.name == EVENT))
        first = s.scalar(select(Performance).where(Performance.event_id == event.id)
                         .order_by(Performance.id))
        spare = Performance(event_id=event.id, starts_at=first.starts_at.replace(
            year=first.starts_at.year + 1))
        s.add(spare)
        s.flush()
        for price in s.scalars(select(Price).where(Price.performance_id == first.id)).all():
            s.add(Price(performance_id=spare.id, category_id=price.category_id,
                        tariff_id=price.tariff_id, amount=price.amount, fees=price.fees))
        category = s.scalar(select(PriceCategory.id).where(PriceCategory.event_id == event.id))
        tariff = s.scalar(select(Tariff.id).where(Tariff.code == "PLEIN"))
        seats = s.scalars(select(Seat.id).join(Area).join(Venue)
                          .where(Venue.name == "Endurance Hall")
                          .order_by(Seat.position)).all()
        result = {"performance_id": spare.id, "category_id": category, "tariff_id": tariff,
                  "seats": seats}
        uow.commit()
        return result


def test_one_seat_sold_at_two_counters_is_sold_once(seeded):
    spare = _spare_performance(seeded)
    tally: dict[str, int] = {}
    counters = Counters(seeded.url, 2, NOW)
    try:
        for k in range(ROUNDS):
            seat = spare["seats"][k]
            jobs = [("seat", order_numbers(k)[c], seat, spare["performance_id"],
                     spare["category_id"], spare["tariff_id"]) for c in range(2)]
            outcomes = counters.race(jobs)
            _tally(tally, outcomes)
            assert len(_winners(outcomes)) == 1, _outcomes_text(outcomes)
            loser = next(o for o in outcomes if o.result == "refused")
            assert "vient d'être vendue à un autre guichet" in loser.message, loser.message
            with uow_of(seeded) as uow:
                sold = uow.session.scalar(select(func.count()).where(
                    Ticket.performance_id == spare["performance_id"], Ticket.seat_id == seat,
                    Ticket.state == TicketState.VALID))
                old = uow.session.scalars(select(Ticket.state).where(
                    Ticket.number.in_([j[1] for j in jobs]))).all()
            assert sold == 1
            assert sorted(s.value for s in old) == ["replaced", "valid"]
        _report(seeded, "one seat sold at 2 counters", tally)
    finally:
        counters.close()
