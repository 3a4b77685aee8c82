from collections import Counter as Tally
from decimal import Decimal

import pytest
from sqlalchemy import select

from pos.core.demo import DemoAlreadyLoaded, load_demo
from pos.core.models import (
    Performance,
    PriceCategory,
    PriceCategoryArea,
    Seat,
    Ticket,
    TicketState,
)
from pos.core.services.orders import order_summary
from tests.conftest import NOW, uow_of


def test_order_959_reproduces_the_reference(demo):
    with uow_of(demo) as uow:
        order = order_summary(uow, 959)
    assert order["contact"]["name"] == "AKOKA, Viviane | UNIVERSITY PARIS / Relais"
    numbers = [t["number"] for t in order["tickets"]]
    assert numbers == [f"0101000{n}" for n in range(2727, 2749)]
    assert {(t["event"], t["area"], t["category"], t["tariff"], t["price"], t["state"])
            for t in order["tickets"]} == {
        ("Joyaux", "Balcon", "Cat 1", "Contact occasionnel - Plein tarif", "110.00", "valid")}
    assert order["payments"] == [
        {"mode": "suspense_account", "amount": "2420.00", "at": order["payments"][0]["at"],
         "operation": None, "reference": ""}]
    assert order["settled"] is True and order["balance"] == "0.00"


def test_carmina_burana_has_free_cat_1_seats_at_60(demo):
    with uow_of(demo) as uow:
        s = uow.session
        perf = s.scalar(select(Performance).join(Performance.event)
                        .where(Performance.event.has(name="Carmina Burana")))
        cat1 = s.scalar(select(PriceCategory).where(PriceCategory.event_id == perf.event_id,
                                                    PriceCategory.name == "Cat 1"))
        seats = s.scalars(select(Seat.id).join(PriceCategoryArea,
                                               PriceCategoryArea.area_id == Seat.area_id)
                          .where(PriceCategoryArea.category_id == cat1.id)).all()
        taken = set(s.scalars(select(Ticket.seat_id).where(
            Ticket.performance_id == perf.id,
            Ticket.state.in_([TicketState.VALID, TicketState.RESERVED]))).all())
        from pos.core.models import Price, Tariff
        price = s.scalar(select(Price).join(Tariff, Tariff.id == Price.tariff_id).where(
            Price.performance_id == perf.id, Price.category_id == cat1.id,
            Tariff.name == "Contact occasionnel - Plein tarif")).amount
    assert len(set(seats) - taken) >= 30
    assert price == Decimal("60.00")


def test_the_other_cases_a_cashier_meets(demo):
    with uow_of(demo) as uow:
        s = uow.session
        states = Tally(s.scalars(select(Ticket.state)).all())
        with_fees = s.scalar(select(Ticket).where(Ticket.fees > 0))
        starts = s.scalars(select(Performance.starts_at)).all()
        modes = {p["mode"] for n in range(959, 965) for p in order_summary(uow, n)["payments"]}
        reserved = order_summary(uow, 962)
    assert states[TicketState.RESERVED] >= 1
    assert states[TicketState.CHECKED_IN] >= 1
    assert with_fees is not None
    assert {"cash", "card", "suspense_account"} <= modes
    assert reserved["settled"] is False and reserved["payments"] == []
    assert all(at > NOW for at in starts)


def test_demo_loads_once(demo, clock):
    with pytest.raises(DemoAlreadyLoaded), uow_of(demo) as uow:
        load_demo(uow, clock)
