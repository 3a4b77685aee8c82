"""Seats a cancellation basket frees are free again for the same operation, at their own
performance only."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from pos.core.errors import SoldOut
from pos.core.exchange_basket import ExchangeBasket
from pos.core.models import Event, Performance, PriceCategory, Tariff
from pos.core.services.exchange import event_tickets
from tests.conftest import uow_of
from tests.core.exchange_support import scan
from tests.support.endurance_data import (
    EVENT,
    SEATS,
    TICKETS_PER_ORDER,
    order_numbers,
    seed_paid_orders,
)

pytestmark = pytest.mark.parametrize("database", ["sqlite"], indirect=True)


def _catalogue(db):
    with uow_of(db) as uow:
        s = uow.session
        perfs = s.scalars(select(Performance.id).join(Event).where(Event.name == EVENT)
                          .order_by(Performance.id)).all()
        category = s.scalar(select(PriceCategory.id).join(Event).where(Event.name == EVENT))
        tariff = s.scalar(select(Tariff.id).where(Tariff.code == "PLEIN"))
    return perfs, category, tariff


def test_a_seat_freed_at_one_performance_is_not_offered_at_another(demo, clock):
    seed_paid_orders(demo, clock, 2 * SEATS // TICKETS_PER_ORDER)  # two full performances
    perfs, category, tariff = _catalogue(demo)
    basket = scan(demo, clock, order_numbers(0))  # seats 1-4 of the first performance
    with uow_of(demo) as uow, pytest.raises(SoldOut):
        event_tickets(uow, ExchangeBasket(), basket, clock, performance_id=perfs[1],
                      category_id=category, tariff_id=tariff, quantity=1)
    with uow_of(demo) as uow:  # at their own performance they are free for this operation
        sold = event_tickets(uow, ExchangeBasket(), basket, clock, performance_id=perfs[0],
                             category_id=category, tariff_id=tariff, quantity=4)
    assert sorted(t.seat for t in sold) == ["1", "2", "3", "4"]
