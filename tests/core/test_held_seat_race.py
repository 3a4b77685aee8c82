"""A seat held by an exchange put on hold at one counter and sold at another at the same
instant (real processes, SQLite file and PostgreSQL): one of them gets it, the other
reads why, and the seat is never both held and sold."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import func, select

from pos.core.models import Operation, OperationState, Ticket, TicketState
from pos.core.models_holds import SeatHold
from tests.conftest import NOW, uow_of
from tests.core.test_races import _outcomes_text, _spare_performance, _winners
from tests.support.endurance_data import order_numbers, seed_paid_orders
from tests.support.races import Counters

ROUNDS = int(os.environ.get("GUICHET_RACE_ROUNDS", "4"))
pytestmark = pytest.mark.stress


def test_a_seat_held_at_one_counter_and_sold_at_another_goes_once(demo, clock):
    seed_paid_orders(demo, clock, ROUNDS)
    spare = _spare_performance(demo)
    counters = Counters(demo.url, 2, NOW)
    try:
        for k in range(ROUNDS):
            seat = spare["seats"][k]
            place = (seat, spare["performance_id"], spare["category_id"], spare["tariff_id"])
            # the two counters swap roles each round, so neither always starts first
            kinds = ("hold", "seat") if k % 2 == 0 else ("seat", "hold")
            jobs = [(kinds[c], order_numbers(k)[c], *place) for c in range(2)]
            outcomes = counters.race(jobs)
            assert len(_winners(outcomes)) == 1, _outcomes_text(outcomes)
            [loser] = [o for o in outcomes if o.result == "refused"]
            with uow_of(demo) as uow:
                sold = uow.session.scalar(select(func.count()).where(
                    Ticket.performance_id == spare["performance_id"], Ticket.seat_id == seat,
                    Ticket.state == TicketState.VALID))
                held = uow.session.scalar(select(func.count()).select_from(SeatHold)
                                          .join(Operation).where(
                    SeatHold.seat_id == seat, Operation.state == OperationState.ON_HOLD))
            assert sold + held == 1, _outcomes_text(outcomes)
            if sold:
                assert "vient d'être vendue à un autre guichet" in loser.message, loser.message
            else:
                assert "est retenue par l'ordre" in loser.message, loser.message
    finally:
        counters.close()
