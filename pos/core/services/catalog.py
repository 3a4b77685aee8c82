"""What can be sold in an exchange: events found by name, their performances, price
categories (with the free seats of each), tariffs and prices; products (subscriptions,
packages, other products, benefits). Reading only; plain data out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from pos.core.clock import Clock
from pos.core.errors import (  # noqa: F401 - their home is pos.core.errors
    BenefitRequired,
    DomainError,
    ExchangeError,
    NotForSale,
    OutOfStock,
    PerformancePast,
    SeatNotFree,
    SoldOut,
    TariffNotOffered,
    UnknownPerformance,
)
from pos.core.models import Event, Order, Performance, Price, PriceCategory, Tariff
from pos.core.models_catalog import BUNDLE_KINDS, Product, ProductKind, ProductSale
from pos.core.uow import UnitOfWork
from pos.formatting import timestamp


@dataclass(frozen=True)
class EventHit:
    event_id: int
    name: str
    venue: str


@dataclass(frozen=True)
class PerformanceOffer:
    performance_id: int
    event_name: str
    starts_at: datetime


@dataclass(frozen=True)
class CategoryOffer:
    category_id: int
    name: str
    rank: int
    free_seats: int  # availability, shown before confirming


@dataclass(frozen=True)
class TariffOffer:
    tariff_id: int
    code: str
    name: str
    price: Decimal
    fees: Decimal
    benefit: str = ""  # name of the benefit needed for this tariff, if any


@dataclass(frozen=True)
class ProductOffer:
    product_id: int
    code: str
    name: str
    kind: ProductKind
    price: Decimal
    stock: int | None
    contents: tuple[str, ...]  # "Joyaux - Cat 1 - Plein tarif x1" for a bundle
    grants_tariff: str = ""


def search_events(uow: UnitOfWork, text: str, clock: Clock) -> list[EventHit]:
    """Events whose name contains ``text`` (any case) with a performance to come."""
    words = text.strip()
    if not words:
        return []
    rows = uow.session.scalars(
        select(Event).options(selectinload(Event.venue), selectinload(Event.performances))
        .where(Event.name.ilike(f"%{words}%")).order_by(Event.name)).all()
    now = clock.now()
    return [EventHit(e.id, e.name, e.venue.name) for e in rows
            if any(p.starts_at > now for p in e.performances)]


def performances(uow: UnitOfWork, event_id: int, clock: Clock) -> list[PerformanceOffer]:
    rows = uow.session.scalars(
        select(Performance).options(selectinload(Performance.event))
        .where(Performance.event_id == event_id, Performance.starts_at > clock.now())
        .order_by(Performance.starts_at)).all()
    return [PerformanceOffer(p.id, p.event.name, p.starts_at) for p in rows]


def categories(uow: UnitOfWork, performance_id: int,
               released_seat_ids: Iterable[int] = (),
               taken_seat_ids: Iterable[int] = ()) -> list[CategoryOffer]:
    """The price categories of the performance with their free seats (seats released by
    the cancellation basket count as free, seats already in the sale basket do not)."""
    from pos.core.services.seats import free_seat_count

    perf = uow.session.get(Performance, performance_id)
    if perf is None:
        raise UnknownPerformance()
    cats = uow.session.scalars(select(PriceCategory).where(
        PriceCategory.event_id == perf.event_id).order_by(PriceCategory.rank)).all()
    released, taken = list(released_seat_ids), list(taken_seat_ids)
    return [CategoryOffer(c.id, c.name, c.rank,
                          free_seat_count(uow, performance_id, c.id, released, taken))
            for c in cats]


_BENEFITS = "guichet_benefits_by_tariff"
_PRICES = "guichet_prices"


def _benefits_by_tariff(uow: UnitOfWork) -> dict[int, str]:
    """Tariff id -> the benefit that grants it; read once per unit of work (a settlement
    checks it for every ticket it sells)."""
    cached = uow.session.info.get(_BENEFITS)
    if cached is None:
        rows = uow.session.execute(select(Product.grants_tariff_id, Product.name).where(
            Product.kind == ProductKind.BENEFIT, Product.grants_tariff_id.is_not(None))).all()
        cached = uow.session.info[_BENEFITS] = {tariff_id: name for tariff_id, name in rows}
    return cached


def tariffs(uow: UnitOfWork, performance_id: int, category_id: int) -> list[TariffOffer]:
    benefits = _benefits_by_tariff(uow)
    rows = uow.session.execute(
        select(Tariff, Price).join(Price, Price.tariff_id == Tariff.id)
        .where(Price.performance_id == performance_id, Price.category_id == category_id)
        .order_by(Price.amount.desc(), Tariff.name)).all()
    return [TariffOffer(t.id, t.code, t.name, p.amount, p.fees, benefits.get(t.id, ""))
            for t, p in rows]


def price_of(uow: UnitOfWork, performance_id: int, category_id: int, tariff_id: int) -> Price:
    """The price row; looked up once per unit of work and key (ten tickets of one tariff
    are one query)."""
    prices = uow.session.info.setdefault(_PRICES, {})
    key = (performance_id, category_id, tariff_id)
    price = prices.get(key)
    if price is None:
        price = prices[key] = uow.session.scalar(select(Price).where(
            Price.performance_id == performance_id, Price.category_id == category_id,
            Price.tariff_id == tariff_id))
    if price is None:
        tariff = uow.session.get(Tariff, tariff_id)
        category = uow.session.get(PriceCategory, category_id)
        raise TariffNotOffered(tariff=tariff.name if tariff else "?",
                               category=category.name if category else "?")
    return price


def sellable_performance(uow: UnitOfWork, performance_id: int, clock: Clock) -> Performance:
    perf = uow.session.get(Performance, performance_id)
    if perf is None:
        raise UnknownPerformance()
    if perf.starts_at <= clock.now():
        raise PerformancePast(starts_at=timestamp(perf.starts_at), event=perf.event.name)
    return perf


def check_benefit(uow: UnitOfWork, tariff_id: int, contact_id: int | None,
                  granted_in_basket: set[int]) -> None:
    """A tariff granted by a benefit (member card) needs the card: bought in this
    exchange, or earlier by the contact."""
    benefit = _benefits_by_tariff(uow).get(tariff_id)
    if benefit is None or tariff_id in granted_in_basket:
        return
    if contact_id is not None and uow.session.scalar(
            select(ProductSale.id).join(Product, Product.id == ProductSale.product_id)
            .join(Order, Order.id == ProductSale.order_id)
            .where(Order.contact_id == contact_id, Product.grants_tariff_id == tariff_id)
            .limit(1)) is not None:
        return
    tariff = uow.session.get(Tariff, tariff_id)
    raise BenefitRequired(tariff=tariff.name if tariff else "?", benefit=benefit)


def _contents(uow: UnitOfWork, product: Product) -> tuple[str, ...]:
    lines = []
    for item in product.items:
        perf = uow.session.get(Performance, item.performance_id)
        cat = uow.session.get(PriceCategory, item.category_id)
        tariff = uow.session.get(Tariff, item.tariff_id)
        assert perf is not None and cat is not None and tariff is not None
        lines.append(f"{perf.event.name} {timestamp(perf.starts_at)} - {cat.name} - "
                     f"{tariff.name} x{item.quantity}")
    return tuple(lines)


def products(uow: UnitOfWork, kind: ProductKind | None = None) -> list[ProductOffer]:
    query = (select(Product).options(selectinload(Product.items),
                                     selectinload(Product.grants_tariff))
             .where(Product.active.is_(True)).order_by(Product.name))
    if kind is not None:
        query = query.where(Product.kind == kind)
    return [ProductOffer(p.id, p.code, p.name, p.kind, p.price, p.stock,
                         _contents(uow, p) if p.kind in BUNDLE_KINDS else (),
                         p.grants_tariff.name if p.grants_tariff else "")
            for p in uow.session.scalars(query)]
