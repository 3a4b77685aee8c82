"""F6 on an exchange: both sides held, the sale's seats refused to other sales for
``[holds] seat_minutes``, brought back by the slip or a ticket, seats checked again
after the hold ran out (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from pos.core.basket import CancellationBasket
from pos.core.clock import FixedClock
from pos.core.documents import Columns, Text
from pos.core.errors import SeatHeld, SeatNotFree
from pos.core.exchange_basket import totals
from pos.core.models import Operation, OperationKind, OperationState, PaymentMode, Ticket
from pos.core.models_holds import SeatHold
from pos.core.services.exchange import event_tickets, settle_exchange
from pos.core.services.held_operations import (
    find_held_operation,
    held_operations,
    resume_operation,
)
from pos.core.services.holds import abandon_held, hold_basket
from pos.core.services.refunds import Tender
from pos.core.services.seats import free_seats
from pos.core.services.station import ensure_station
from tests.conftest import NOW, uow_of
from tests.core.exchange_support import JOYAUX, ids, new_sale, scan
from tests.support.cash import open_drawer

D = Decimal
OTHER = "01010003003"


def _carmina(db):
    return ids(db, "Carmina Burana", "Cat 1")


def _sell(db, clock, cancellation, sale, seat):
    with uow_of(db) as uow:
        return event_tickets(uow, sale, cancellation, clock, seat_ids=[seat], **_carmina(db))


def _held_exchange(db, station, clock, seat, minutes=15):
    cancellation = scan(db, clock, JOYAUX[:1])
    sale = new_sale()
    _sell(db, clock, cancellation, sale, seat)
    with uow_of(db) as uow:
        result = hold_basket(uow, cancellation, station, clock, sale=sale,
                             seat_minutes=minutes)
    return cancellation, sale, result


def _free_seat(db, n=0):
    """A free seat of Carmina Burana's Cat 1, from the end of the hall."""
    c = _carmina(db)
    with uow_of(db) as uow:
        return free_seats(uow, c["performance_id"], c["category_id"])[-1 - n].seat_id


def _resume(db, raw, station, clock, minutes=15):
    with uow_of(db) as uow:
        op_id = find_held_operation(uow, raw, station)
    with uow_of(db) as uow:
        return resume_operation(uow, op_id, station, clock, seat_minutes=minutes)


def _other_station(db):
    with uow_of(db) as uow:
        station = ensure_station(uow, counter="Guichet 2", sales_point="Guichet",
                                 operator="STX_BDD", venue_name="Théâtre de la Ville")
    open_drawer(db, station, FixedClock(NOW))  # its sale is paid in cash
    return station


def test_an_exchange_is_held_with_both_sides_and_its_seats(demo, station, clock):
    seat = _free_seat(demo)
    cancellation, sale, result = _held_exchange(demo, station, clock, seat)
    assert result.seats_until == clock.now() + timedelta(minutes=15)
    with uow_of(demo) as uow:
        op = uow.session.get(Operation, result.operation_id)
        assert (op.state, op.kind) == (OperationState.ON_HOLD, OperationKind.EXCHANGE)
        holds = uow.session.scalars(select(SeatHold.seat_id).where(
            SeatHold.operation_id == op.id)).all()
        assert holds == [seat]
    [slip] = result.documents
    texts = [b.text for b in slip.blocks if isinstance(b, Text)]
    cols = [b.left for b in slip.blocks if isinstance(b, Columns)]
    assert "ANNULÉ" in texts and "ÉCHANGÉ" in texts
    assert any(JOYAUX[0] in c for c in cols)  # the taken-back side
    [sold] = sale.tickets
    assert any(sold.seat in c and sold.area in c for c in cols)  # the sale side
    assert "Places réservées jusqu'à 10:15" in texts


def test_a_held_seat_is_refused_to_another_sale_until_the_hold_runs_out(demo, station, clock):
    seat = _free_seat(demo)
    other = scan(demo, clock, [OTHER])
    early = new_sale()
    _sell(demo, clock, other, early, seat)  # chosen before the hold: checked at settlement
    _, _, held = _held_exchange(demo, station, clock, seat)

    with pytest.raises(SeatNotFree):  # not offered any more
        _sell(demo, clock, other, new_sale(), seat)
    balance = totals(other, early).total
    with uow_of(demo) as uow, pytest.raises(SeatHeld) as refused:
        settle_exchange(uow, other, early, [Tender(PaymentMode.CASH, abs(balance))],
                        _other_station(demo), clock)
    assert refused.value.details["number"] == held.operation_number
    assert refused.value.details["counter"] == "Guichet 1"
    assert "Guichet 1" in refused.value.message and "10:15" in refused.value.message

    later = FixedClock(clock.now() + timedelta(minutes=16))
    with uow_of(demo) as uow:
        done = settle_exchange(uow, other, early, [Tender(PaymentMode.CASH, abs(balance))],
                               _other_station(demo), later)
    assert done.new_tickets


def test_resumed_by_slip_or_ticket_both_sides_come_back_and_settle(demo, station, clock):
    seat = _free_seat(demo)
    cancellation, sale, held = _held_exchange(demo, station, clock, seat)
    resumed = _resume(demo, f"OP{held.operation_number:08d}", station, clock)
    assert [t.number for t in resumed.tickets] == [JOYAUX[0]]
    assert resumed.sale is not None and [t.seat_id for t in resumed.sale.tickets] == [seat]
    assert resumed.seats_changed == ()
    by_ticket = _resume(demo, JOYAUX[0], station, clock)
    assert by_ticket.operation_id == held.operation_id and by_ticket.sale is not None

    basket = CancellationBasket(list(resumed.tickets), resumed.refund_fees,
                                resumed.operation_id)
    balance = totals(basket, resumed.sale).total
    with uow_of(demo) as uow:
        done = settle_exchange(uow, basket, resumed.sale, [Tender(PaymentMode.CASH, abs(balance))],
                               station, clock)
    assert done.operation_number == held.operation_number
    with uow_of(demo) as uow:
        [new] = uow.session.scalars(select(Ticket).where(Ticket.number.in_(done.new_tickets)))
        assert new.seat_id == seat
        assert uow.session.get(Operation, held.operation_id).state is OperationState.COMPLETED


def test_after_the_hold_ran_out_the_seats_are_checked_again(demo, station, clock):
    taken, kept = _free_seat(demo, 0), _free_seat(demo, 1)
    cancellation = scan(demo, clock, JOYAUX[:2])
    sale = new_sale()
    _sell(demo, clock, cancellation, sale, taken)
    _sell(demo, clock, cancellation, sale, kept)
    with uow_of(demo) as uow:
        held = hold_basket(uow, cancellation, station, clock, sale=sale, seat_minutes=5)
    later = FixedClock(clock.now() + timedelta(minutes=6))
    other = scan(demo, later, [OTHER])
    elsewhere = new_sale()
    _sell(demo, later, other, elsewhere, taken)  # free again: the hold ran out
    with uow_of(demo) as uow:
        settle_exchange(uow, other, elsewhere,
                        [Tender(PaymentMode.CASH, abs(totals(other, elsewhere).total))],
                        _other_station(demo), later)

    resumed = _resume(demo, f"OP{held.operation_number:08d}", station, later)
    assert [t.seat_id for t in resumed.sale.tickets] == [kept]
    [changed] = resumed.seats_changed
    assert "n'est plus libre" in changed and "10:05" in changed
    assert resumed.seats_until == later.now() + timedelta(minutes=15)  # held anew
    with uow_of(demo) as uow:
        assert uow.session.scalars(select(SeatHold.seat_id).where(
            SeatHold.operation_id == held.operation_id)).all() == [kept]


def test_abandoning_a_held_exchange_frees_its_seats_at_once(demo, station, clock):
    seat = _free_seat(demo)
    _, _, held = _held_exchange(demo, station, clock, seat)
    with uow_of(demo) as uow:
        abandon_held(uow, held.operation_id, station, clock)
    other = scan(demo, clock, [OTHER])
    assert [t.seat_id for t in _sell(demo, clock, other, new_sale(), seat)] == [seat]


def test_the_held_list_shows_a_held_exchange_balance(demo, station, clock):
    seat = _free_seat(demo)
    _, sale, held = _held_exchange(demo, station, clock, seat)
    with uow_of(demo) as uow:
        [listed] = held_operations(uow)
    assert (listed.number, listed.total, listed.sold) == (
        held.operation_number, D("110.00"), sale.sold_total)
