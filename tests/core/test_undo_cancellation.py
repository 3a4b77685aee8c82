""""Annuler l'annulation" on SQLite and PostgreSQL: a refund or an exchange of today at
this counter undone with a supervisor's approval; money back by appended opposite
movements; replacement tickets cancelled; a seat no longer free refused naming who
holds it; journaled and in the order history."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from pos.core.clock import FixedClock
from pos.core.errors import (
    NothingToUndo,
    UndoCreditNoteSpent,
    UndoNotSameCounter,
    UndoNotSameDay,
    UndoSeatTaken,
)
from pos.core.exchange_basket import totals
from pos.core.models import JournalEntry, Payment, PaymentMode, Ticket, TicketState
from pos.core.services.approvals import approve
from pos.core.services.credit_notes import credit_note_balance, spend_credit_note
from pos.core.services.exchange import auto_exchange, event_tickets, settle_exchange
from pos.core.services.order_history import order_history
from pos.core.services.refunds import Tender, refund_basket
from pos.core.services.station import ensure_station
from pos.core.services.undo_cancellation import undo_cancellation
from pos.core.ticket_states import allowed
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX, new_sale, scan, tariff_id

D = Decimal


def _approval(db, station, clock):
    with uow_of(db) as uow:
        return approve(uow, login="chef", pin="9999", station=station, clock=clock,
                       reason="annuler l'annulation")


def _undo(db, number, station, clock):
    approval = _approval(db, station, clock)
    with uow_of(db) as uow:
        return undo_cancellation(uow, number, approval, station, clock)


def _refund(db, numbers, station, clock, mode=PaymentMode.CASH):
    basket = scan(db, clock, numbers)
    with uow_of(db) as uow:
        return refund_basket(uow, basket, [Tender(mode, basket.refund_total)], station, clock)


def _states(db, numbers):
    with uow_of(db) as uow:
        return dict(uow.session.execute(select(Ticket.number, Ticket.state)
                                        .where(Ticket.number.in_(numbers))).all())


def test_a_cash_refund_undone_the_tickets_valid_the_money_back(demo, station, clock):
    done = _refund(demo, JOYAUX[:2], station, clock)
    result = _undo(demo, JOYAUX[1], station, clock)
    assert result.undone_number == done.operation_number
    assert result.operation_number == done.operation_number + 1
    assert set(result.reactivated) == set(JOYAUX[:2]) and result.cancelled == ()
    assert set(_states(demo, JOYAUX[:2]).values()) == {TicketState.VALID}
    with uow_of(demo) as uow:
        payments = uow.session.execute(select(Payment.mode, Payment.amount)
                                       .join(Payment.operation)
                                       .where(Payment.mode == PaymentMode.CASH)
                                       .order_by(Payment.id)).all()
    assert payments[-2:] == [(PaymentMode.CASH, D("-220.00")), (PaymentMode.CASH, D("220.00"))]
    [receipt] = result.documents
    assert any(getattr(b, "text", "") == "ANNULATION DE L'ANNULATION" for b in receipt.blocks)
    with uow_of(demo) as uow:
        history = order_history(uow, 959)
        entry = uow.session.scalar(select(JournalEntry).where(
            JournalEntry.action == "operation.undone"))
    undo = history[-1]
    assert (undo["kind"], undo["undoes"], undo["paid"]) == ("undo", done.operation_number,
                                                            "220.00")
    assert history[-2]["undone_by"] == result.operation_number
    payload = json.loads(entry.payload)
    assert payload["approved_by"] == "chef" and payload["undone"] == done.operation_number
    with pytest.raises(NothingToUndo):  # the tickets are valid again: nothing to undo
        _undo(demo, JOYAUX[1], station, clock)


def test_an_exchange_undone_cancels_its_replacement_tickets(demo, station, clock):
    basket = scan(demo, clock, JOYAUX[:1])
    sale = new_sale()
    with uow_of(demo) as uow:
        auto_exchange(uow, sale, basket, clock, tariff_id=tariff_id(demo, "REDUIT"))
    with uow_of(demo) as uow:
        done = settle_exchange(uow, basket, sale,
                               [Tender(PaymentMode.CASH, abs(totals(basket, sale).total))],
                               station, clock)
    [(old, new)] = done.replaced
    result = _undo(demo, old, station, clock)
    assert result.reactivated == (old,) and result.cancelled == (new,)
    assert _states(demo, [old, new]) == {old: TicketState.VALID, new: TicketState.CANCELLED}
    with uow_of(demo) as uow:
        assert uow.session.scalar(select(Ticket.replaced_by_id)
                                  .where(Ticket.number == old)) is None


def test_the_seat_taken_since_is_refused_with_who_holds_it(demo, station, clock):
    done = _refund(demo, JOYAUX[-1:], station, clock)
    other = scan(demo, clock, ["01010003003"])
    sale = new_sale()
    with uow_of(demo) as uow:
        seat = uow.session.scalar(select(Ticket.seat_id).where(Ticket.number == JOYAUX[-1]))
        perf = uow.session.scalar(select(Ticket.performance_id)
                                  .where(Ticket.number == JOYAUX[-1]))
        category = uow.session.scalar(select(Ticket.category_id)
                                      .where(Ticket.number == JOYAUX[-1]))
    with uow_of(demo) as uow:
        event_tickets(uow, sale, other, clock, performance_id=perf, category_id=category,
                      tariff_id=tariff_id(demo, "PLEIN"), seat_ids=[seat])
    with uow_of(demo) as uow:
        sold = settle_exchange(uow, other, sale,
                               [Tender(PaymentMode.CASH, abs(totals(other, sale).total))]
                               if totals(other, sale).total else [], station, clock)
    with pytest.raises(UndoSeatTaken) as refused:
        _undo(demo, JOYAUX[-1], station, clock)
    assert refused.value.details["ticket"] == sold.new_tickets[0]
    assert sold.new_tickets[0] in refused.value.message
    assert _states(demo, JOYAUX[-1:])[JOYAUX[-1]] is TicketState.CANCELLED
    assert done.operation_number


def test_only_today_at_this_counter(demo, station, clock):
    _refund(demo, JOYAUX[:1], station, clock)
    with uow_of(demo) as uow:
        elsewhere = ensure_station(uow, counter="Guichet 2", sales_point="Guichet",
                                   operator="STX_BDD", venue_name="Théâtre de la Ville")
    with pytest.raises(UndoNotSameCounter):
        _undo(demo, JOYAUX[0], elsewhere, clock)
    tomorrow = FixedClock(clock.now() + timedelta(days=1))
    with pytest.raises(UndoNotSameDay):
        _undo(demo, JOYAUX[0], station, tomorrow)
    with pytest.raises(NothingToUndo):
        _undo(demo, JOYAUX[5], station, clock)


def test_a_credit_note_already_used_stops_the_undo(demo, station, clock):
    done = _refund(demo, JOYAUX[:1], station, clock, mode=PaymentMode.CREDIT_NOTE)
    [note] = [t.reference for t in done.tenders]
    with uow_of(demo) as uow:
        spend_credit_note(uow, note, D("10.00"), station=station, clock=clock)
        uow.commit()
    with pytest.raises(UndoCreditNoteSpent):
        _undo(demo, JOYAUX[0], station, clock)


def test_a_whole_credit_note_is_voided_by_the_undo(demo, station, clock):
    done = _refund(demo, JOYAUX[:1], station, clock, mode=PaymentMode.CREDIT_NOTE)
    [note] = [t.reference for t in done.tenders]
    _undo(demo, JOYAUX[0], station, clock)
    with uow_of(demo) as uow:
        assert credit_note_balance(uow, note, clock).balance == D("0.00")
        n = uow.session.scalar(select(func.count()).select_from(Payment))
    assert n


def test_the_states_table_allows_the_undo_only_back_to_valid():
    assert allowed(TicketState.CANCELLED, TicketState.VALID)
    assert allowed(TicketState.REPLACED, TicketState.VALID)
    assert not allowed(TicketState.CANCELLED, TicketState.CHECKED_IN)
