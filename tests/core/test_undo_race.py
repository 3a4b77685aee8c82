"""Undoing a refund at one counter while another sells the refunded ticket's seat, at
the same instant (real processes, SQLite file and PostgreSQL): the seat goes once."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import func, select

from pos.core.models import PaymentMode, Ticket, TicketState
from pos.core.services.refunds import Tender, refund_basket
from pos.core.services.station import ensure_station
from tests.conftest import NOW, uow_of
from tests.core.exchange_support import scan
from tests.core.test_races import _outcomes_text, _winners
from tests.support.cash import fill_drawer, open_drawer
from tests.support.endurance_data import order_numbers, seed_paid_orders
from tests.support.races import Counters

ROUNDS = int(os.environ.get("GUICHET_RACE_ROUNDS", "4"))
pytestmark = pytest.mark.stress


def test_an_undo_and_a_sale_of_its_seat_at_once_give_the_seat_once(demo, clock):
    seed_paid_orders(demo, clock, ROUNDS)
    with uow_of(demo) as uow:
        course_1 = ensure_station(uow, counter="Course 1", sales_point="Guichet",
                                  operator="STX_BDD", venue_name="Théâtre de la Ville")
    open_drawer(demo, course_1, clock)  # the undo gives the cash back into it
    fill_drawer(demo, course_1, clock)  # the rounds' cash refunds outgrow any float
    counters = Counters(demo.url, 2, NOW)  # counter 0 is "Course 1"
    try:
        for k in range(ROUNDS):
            refunded, other = order_numbers(k)[0], order_numbers(k)[1]
            basket = scan(demo, clock, [refunded])
            with uow_of(demo) as uow:
                refund_basket(uow, basket, [Tender(PaymentMode.CASH, basket.refund_total)],
                              course_1, clock)
            with uow_of(demo) as uow:
                t = uow.session.scalar(select(Ticket).where(Ticket.number == refunded))
                place = (t.seat_id, t.performance_id, t.category_id, t.tariff_id)
            outcomes = counters.race([("undo", refunded), ("seat", other, *place)])
            assert len(_winners(outcomes)) == 1, _outcomes_text(outcomes)
            with uow_of(demo) as uow:
                live = uow.session.scalar(select(func.count()).select_from(Ticket).where(
                    Ticket.performance_id == place[1], Ticket.seat_id == place[0],
                    Ticket.state.in_([TicketState.VALID, TicketState.CHECKED_IN])))
            assert live == 1, _outcomes_text(outcomes)
    finally:
        counters.close()
