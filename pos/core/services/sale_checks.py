"""The sale side of an exchange inside its write transaction: everything chosen checked
again (performance still on sale, price unchanged, benefit still granted, seat still
free, product still sold), then the stock taken. The schema's partial unique index
stays the last guard of a seat: two counters can never both sell it."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import bindparam, select, update

from pos.core.clock import Clock
from pos.core.errors import (
    ExchangedTicketGone,
    NamedSeatTaken,
    OutOfStock,
    ProductChanged,
    SalePriceChanged,
    SeatTaken,
)
from pos.core.exchange_basket import ExchangeBasket, SaleTicket
from pos.core.models import Ticket, live_ticket
from pos.core.models_catalog import Product
from pos.core.prepared import PreparedInQuery
from pos.core.services.catalog import check_benefit, price_of, sellable_performance
from pos.core.services.sale_reference import plain_sale
from pos.core.services.seat_holds import check_not_held, lock_seats
from pos.core.uow import UnitOfWork


def seat_taken(t: SaleTicket | None = None) -> SeatTaken:
    if t is None:
        return SeatTaken()
    place = " ".join(p for p in (t.area, t.seat) if p)
    return NamedSeatTaken(seat=place, event=t.event_name)


def recheck_sold(uow: UnitOfWork, sale: ExchangeBasket, locked: Mapping[int, object],
                 clock: Clock, *, own_hold: int | None = None, holding: bool = False) -> None:
    """Step 2 for the sale side. ``locked``: the taken-back tickets, whose seats this
    exchange frees for itself; ``own_hold``: the held operation it was resumed from,
    whose held seats are its own; ``holding``: the seats are to be held, not sold.

    The seats held by other operations are read under the chosen seats' row locks: a
    sale and a hold of one seat are serialised there. A sale's seat stays guarded
    against another sale by the schema's index when it inserts; a hold inserts no
    ticket, so it reads the live tickets again once it holds the locks."""
    bundled = {id(t) for p in sale.products for t in p.tickets}
    performances: set[int] = set()
    prices: set[tuple[int, int, int, object, object]] = set()
    now = clock.now()
    for t in sale.all_tickets():  # each performance, price and benefit checked once
        key = (t.performance_id, t.category_id, t.tariff_id, t.price, t.fees)
        own_price = id(t) not in bundled
        if ((t.performance_id not in performances or (own_price and key not in prices))
                and _in_order(uow, t, now, own_price)):
            performances.add(t.performance_id)
            if own_price:
                prices.add(key)
        if t.performance_id not in performances:
            sellable_performance(uow, t.performance_id, clock)
            performances.add(t.performance_id)
        if own_price and key not in prices:
            price = price_of(uow, t.performance_id, t.category_id, t.tariff_id)
            if (price.amount, price.fees) != (t.price, t.fees):
                raise SalePriceChanged(event=t.event_name, category=t.category, tariff=t.tariff)
            check_benefit(uow, t.tariff_id, sale.contact_id, sale.granted_tariffs())
            prices.add(key)
        if t.replaces_ticket_id is not None and t.replaces_ticket_id not in locked:
            raise ExchangedTicketGone(number=t.replaces_number)
    _recheck_seats(uow, sale.all_tickets(), locked)
    lock_seats(uow, (t.seat_id for t in sale.all_tickets() if t.seat_id is not None))
    if holding:
        _recheck_seats(uow, sale.all_tickets(), locked)
    check_not_held(uow, sale.all_tickets(), clock.now(), own_hold)
    for line in sale.products:
        product = uow.session.get(Product, line.product_id)
        if product is None or not product.active or product.price != line.unit_price:
            raise ProductChanged(product=line.name)


def _in_order(uow: UnitOfWork, t: SaleTicket, now, own_price: bool) -> bool:
    """The ticket's performance to come, its price the catalogue's, no benefit needed:
    one row (``sale_reference``). When not, the checks of ``catalog`` run one by one
    and say what changed."""
    ref = plain_sale(uow, t.performance_id, t.category_id, t.tariff_id, now)
    return ref is not None and (not own_price or (ref.price, ref.fees) == (t.price, t.fees))


# The live tickets on the chosen seats, compiled once (pos.core.prepared); those taken
# back by this exchange are left out in Python (a second IN list would not be compiled
# once).
_LIVE_ON = PreparedInQuery(lambda seat_ids: select(Ticket.id, Ticket.seat_id).where(
    Ticket.performance_id == bindparam("performance_id"), Ticket.seat_id.in_(seat_ids),
    live_ticket()))


def _recheck_seats(uow: UnitOfWork, tickets: list[SaleTicket],
                   locked: Mapping[int, object]) -> None:
    """Each chosen seat once in the sale, and held by no live ticket but those taken
    back here: one indexed look-up per performance, of the chosen seats only."""
    wanted: dict[int, dict[int, SaleTicket]] = {}
    for t in tickets:
        if t.seat_id is None:
            continue
        seats = wanted.setdefault(t.performance_id, {})
        if t.seat_id in seats:
            raise seat_taken(t)
        seats[t.seat_id] = t
    for performance_id, seats in sorted(wanted.items()):
        taken = [r.seat_id for r in uow.fetch_in(_LIVE_ON, sorted(seats),
                                                 {"performance_id": performance_id})
                 if r.id not in locked]
        if taken:
            raise seat_taken(seats[min(taken)])


def take_stock(uow: UnitOfWork, sale: ExchangeBasket) -> None:
    """The products' stock taken by conditional UPDATEs (never below zero)."""
    wanted: dict[int, int] = {}
    for line in sale.products:
        wanted[line.product_id] = wanted.get(line.product_id, 0) + line.quantity
    for product_id, n in sorted(wanted.items()):
        done = uow.session.execute(
            update(Product).where(Product.id == product_id, Product.stock.is_not(None),
                                  Product.stock >= n)
            .values(stock=Product.stock - n).returning(Product.id)).scalar_one_or_none()
        if done is None:
            product = uow.session.get(Product, product_id)
            assert product is not None
            uow.session.refresh(product)
            if product.stock is not None:
                raise OutOfStock(product=product.name, left=product.stock, n=n)
