"""Helpers of the exchange tests: ids of the demo's catalogue, baskets filled by scan."""

from __future__ import annotations

from sqlalchemy import select

from pos.core.basket import CancellationBasket
from pos.core.exchange_basket import ExchangeBasket
from pos.core.models import Event, Performance, PriceCategory, Seat, Tariff
from pos.core.models_catalog import Product
from pos.core.services.scanning import take_ticket
from tests.conftest import uow_of

JOYAUX = [f"0101000{n}" for n in range(2727, 2749)]


def scan(db, clock, numbers) -> CancellationBasket:
    basket = CancellationBasket()
    for n in numbers:
        with uow_of(db) as uow:
            take_ticket(uow, basket, n, clock)
    return basket


def ids(db, event: str, category: str, tariff: str = "PLEIN") -> dict[str, int]:
    with uow_of(db) as uow:
        s = uow.session
        perf = s.scalar(select(Performance).join(Event).where(Event.name == event))
        cat = s.scalar(select(PriceCategory).where(PriceCategory.event_id == perf.event_id,
                                                   PriceCategory.name == category))
        tar = s.scalar(select(Tariff).where(Tariff.code == tariff))
        return {"performance_id": perf.id, "category_id": cat.id, "tariff_id": tar.id}


def tariff_id(db, code: str) -> int:
    with uow_of(db) as uow:
        return uow.session.scalar(select(Tariff.id).where(Tariff.code == code))


def product_id(db, code: str) -> int:
    with uow_of(db) as uow:
        return uow.session.scalar(select(Product.id).where(Product.code == code))


def seat_id(db, area: str, label: str) -> int:
    from pos.core.models import Area

    with uow_of(db) as uow:
        return uow.session.scalar(select(Seat.id).join(Area).where(
            Area.name == area, Seat.label == label))


def new_sale() -> ExchangeBasket:
    return ExchangeBasket()
