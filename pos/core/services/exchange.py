"""Filling the sale side of an exchange (ExchangeBasket): tickets of an event, the same
tickets at another tariff (auto-exchange), subscriptions, packages, other products and
benefits. Each call checks what it adds (performance to come, price, free seats, stock,
benefit) and returns plain data; ``settle_exchange`` checks it all again when it writes.
"""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.orm import selectinload

from pos.core.basket import CancellationBasket
from pos.core.clock import Clock
from pos.core.errors import (
    EmptyBundle,
    NoTicketToExchange,
    NoTicketToExchangeAgain,
    ProductExhausted,
    QuantityBelowOne,
    SeatAlreadyInExchange,
    TicketAlreadyExchangedAgain,
    UnknownCategoryOrTariff,
    UnknownProduct,
)
from pos.core.exchange_basket import ExchangeBasket, SaleProduct, SaleTicket
from pos.core.models import Contact, Order, Performance, PriceCategory, Tariff, Ticket
from pos.core.models_catalog import BUNDLE_KINDS, Product, ProductKind
from pos.core.money import ZERO
from pos.core.prepared import PreparedQuery
from pos.core.services.catalog import (
    OutOfStock,
    check_benefit,
    price_of,
    sellable_performance,
)
from pos.core.services.payment_reminder import largest_remainder
from pos.core.services.sale_reference import SaleReference, plain_sale
from pos.core.services.seat_holds import held_seats
from pos.core.services.seats import SeatInfo, best_available, chosen_seats, released_seats
from pos.core.uow import UnitOfWork

# The order and its contact's name as one row compiled once (it was two ORM loads).
_ORDER_CONTACT = PreparedQuery(
    select(Order.id, Order.number, Order.contact_id, Contact.last_name, Contact.first_name,
           Contact.organisation, Contact.relation)
    .join(Contact, Contact.id == Order.contact_id).where(Order.id == bindparam("order_id")))


def bind_to_contact(uow: UnitOfWork, sale: ExchangeBasket,
                    cancellation: CancellationBasket) -> None:
    """What is sold goes into the first order of the cancellation basket (its contact)."""
    if not cancellation.tickets:
        raise NoTicketToExchange()
    first = cancellation.tickets[0]
    if sale.order_id == first.order_id:
        return
    rows = uow.fetch(_ORDER_CONTACT, {"order_id": first.order_id})
    assert rows, first.order_id
    order = rows[0]
    sale.bind(order.id, order.number, order.contact_id,
              Contact.display_name.fget(order))  # type: ignore[attr-defined]



def _released(uow: UnitOfWork, cancellation: CancellationBasket,
              performance_id: int) -> set[int]:
    """The basket's seats on this performance (on another date, the same seat is not
    free)."""
    return released_seats(uow, [t.ticket_id for t in cancellation.tickets], performance_id)


def _taken(uow: UnitOfWork, sale: ExchangeBasket, cancellation: CancellationBasket,
           performance_id: int, clock: Clock) -> set[int]:
    """Seats not to offer: given by this sale already, or held by an exchange on hold
    (other than the one this basket was resumed from)."""
    return sale.seats_taken(performance_id) | held_seats(
        uow, performance_id, clock.now(), cancellation.held_operation_id)


def _snapshot(ref: SaleReference, seat: SeatInfo | None,
              replaces: Ticket | None = None) -> SaleTicket:
    return SaleTicket(
        performance_id=ref.performance_id, event_name=ref.event_name,
        starts_at=ref.starts_at, category_id=ref.category_id, category=ref.category,
        tariff_id=ref.tariff_id, tariff=ref.tariff, seat_id=seat.seat_id if seat else None,
        area=seat.area if seat else "", seat=seat.label if seat else "",
        price=ref.price, fees=ref.fees,
        replaces_ticket_id=replaces.id if replaces else None,
        replaces_number=replaces.number if replaces else "")


def _load(uow: UnitOfWork, performance_id: int, category_id: int, tariff_id: int,
          clock: Clock) -> tuple[Performance, PriceCategory, Tariff]:
    perf = sellable_performance(uow, performance_id, clock)
    category = uow.session.get(PriceCategory, category_id)
    tariff = uow.session.get(Tariff, tariff_id)
    if category is None or category.event_id != perf.event_id or tariff is None:
        raise UnknownCategoryOrTariff()
    return perf, category, tariff


def _reference(uow: UnitOfWork, sale: ExchangeBasket, performance_id: int, category_id: int,
               tariff_id: int, clock: Clock) -> SaleReference:
    """What is sold, checked: performance to come, category and tariff of its event,
    price, benefit. One row when all is in order (``sale_reference``); else the
    checks one by one, which refuse in French (or pass: a benefit the contact has)."""
    ref = plain_sale(uow, performance_id, category_id, tariff_id, clock.now())
    if ref is not None:
        return ref
    perf, category, tariff = _load(uow, performance_id, category_id, tariff_id, clock)
    price = price_of(uow, perf.id, category.id, tariff.id)
    check_benefit(uow, tariff.id, sale.contact_id, sale.granted_tariffs())
    return _loaded(perf, category, tariff, price.amount, price.fees)


def _loaded(perf: Performance, category: PriceCategory, tariff: Tariff, price,
            fees) -> SaleReference:
    return SaleReference(perf.id, perf.event.name, perf.starts_at, category.id,
                         category.name, tariff.id, tariff.name, price, fees)


def event_tickets(
    uow: UnitOfWork, sale: ExchangeBasket, cancellation: CancellationBasket, clock: Clock,
    *, performance_id: int, category_id: int, tariff_id: int, quantity: int = 1,
    seat_ids: list[int] | None = None,
) -> list[SaleTicket]:
    """ÉVÉNEMENT: ``quantity`` tickets, best available seats (adjacent first) or the
    seats the cashier chose; added to ``sale`` and returned."""
    bind_to_contact(uow, sale, cancellation)
    ref = _reference(uow, sale, performance_id, category_id, tariff_id, clock)
    released = _released(uow, cancellation, ref.performance_id)
    taken = _taken(uow, sale, cancellation, ref.performance_id, clock)
    if seat_ids:
        seats = chosen_seats(uow, ref.performance_id, ref.category_id, list(seat_ids),
                             released, taken)
    else:
        seats = best_available(uow, ref.performance_id, ref.category_id, quantity,
                               released, taken)
    tickets = [_snapshot(ref, s) for s in seats]
    sale.add_tickets(tickets)
    return tickets


def auto_exchange(
    uow: UnitOfWork, sale: ExchangeBasket, cancellation: CancellationBasket, clock: Clock,
    *, tariff_id: int, numbers: list[str] | None = None,
) -> list[SaleTicket]:
    """AUTO-ÉCHANGE: the basket's tickets (all, or ``numbers``) again, same performance,
    category and seat, at another tariff. Each new ticket replaces its old one."""
    bind_to_contact(uow, sale, cancellation)
    items = [t for t in cancellation.tickets if numbers is None or t.number in numbers]
    if not items:
        raise NoTicketToExchangeAgain()
    already = sale.replaced_ids()
    olds = {t.id: t for t in uow.session.scalars(
        select(Ticket).where(Ticket.id.in_([i.ticket_id for i in items])))}
    tickets = []
    taken: dict[int, set[int]] = {}
    for item in items:
        if item.ticket_id in already:
            raise TicketAlreadyExchangedAgain(number=item.number)
        old = olds[item.ticket_id]
        ref = _reference(uow, sale, old.performance_id, old.category_id, tariff_id, clock)
        perf_id = ref.performance_id
        seats = taken.setdefault(perf_id, sale.seats_taken(perf_id))
        seat = None
        if old.seat_id is not None:
            if old.seat_id in seats:
                raise SeatAlreadyInExchange(number=item.number)
            seat = chosen_seats(uow, perf_id, ref.category_id, [old.seat_id],
                                _released(uow, cancellation, perf_id), seats)[0]
            seats.add(old.seat_id)
        tickets.append(_snapshot(ref, seat, old))
    sale.add_tickets(tickets)
    return tickets


def _product(uow: UnitOfWork, product_id: int) -> Product:
    product = uow.session.scalar(select(Product).options(selectinload(Product.items))
                                 .where(Product.id == product_id))
    if product is None or not product.active:
        raise UnknownProduct()
    return product


def check_stock(product: Product, wanted: int) -> None:
    if product.stock is not None and wanted > product.stock:
        left = product.stock
        raise (OutOfStock if left else ProductExhausted)(product=product.name, left=left,
                                                         n=wanted)


def _bundle_tickets(uow: UnitOfWork, sale: ExchangeBasket, cancellation: CancellationBasket,
                    product: Product, clock: Clock) -> list[SaleTicket]:
    """One unit of a subscription or package: best seats for each item, the bundle
    price shared among its tickets pro rata of their usual prices."""
    if not product.items:
        raise EmptyBundle(product=product.name)
    parts: list[tuple[Performance, PriceCategory, Tariff, SeatInfo, object]] = []
    taken: dict[int, set[int]] = {}
    for item in product.items:
        perf, category, tariff = _load(uow, item.performance_id, item.category_id,
                                       item.tariff_id, clock)
        price = price_of(uow, perf.id, category.id, tariff.id)
        seats_taken = taken.setdefault(perf.id, _taken(uow, sale, cancellation, perf.id, clock))
        for seat in best_available(uow, perf.id, category.id, item.quantity,
                                   _released(uow, cancellation, perf.id), seats_taken):
            seats_taken.add(seat.seat_id)
            parts.append((perf, category, tariff, seat, price.amount))
    weights = [p[4] for p in parts]
    if sum(weights, ZERO) <= ZERO:
        weights = [ZERO + 1 for _ in parts]
    shares = largest_remainder(product.price, weights)
    return [_snapshot(_loaded(perf, cat, tariff, share, ZERO), seat)
            for (perf, cat, tariff, seat, _), share in zip(parts, shares, strict=True)]


def add_product(
    uow: UnitOfWork, sale: ExchangeBasket, cancellation: CancellationBasket, clock: Clock,
    *, product_id: int, quantity: int = 1,
) -> SaleProduct:
    """ABONNEMENT, PACKAGES, AUTRES PRODUITS, AVANTAGES: one line of ``quantity``."""
    bind_to_contact(uow, sale, cancellation)
    if quantity <= 0:
        raise QuantityBelowOne()
    product = _product(uow, product_id)
    check_stock(product, sale.product_count(product.id) + quantity)
    tickets: list[SaleTicket] = []
    if product.kind in BUNDLE_KINDS:
        placeholders: list[int] = []
        try:
            for _ in range(quantity):
                unit = _bundle_tickets(uow, sale, cancellation, product, clock)
                # a placeholder line, so that the next unit sees these seats as taken
                held = SaleProduct(product.id, product.code, product.name,
                                   product.kind.value, 0, ZERO, tuple(unit))
                sale.add_product(held)
                placeholders.append(held.line_id)
                tickets.extend(unit)
        finally:
            sale.remove(placeholders)
    line = SaleProduct(
        product_id=product.id, code=product.code, name=product.name,
        kind=product.kind.value, quantity=quantity, unit_price=product.price,
        tickets=tuple(tickets),
        grants_tariff_id=product.grants_tariff_id if product.kind is ProductKind.BENEFIT
        else None)
    sale.add_product(line)
    return line


# settle_exchange lives in its own module (the settlement); it is offered here too.
from pos.core.services.exchange_settlement import (  # noqa: E402,F401
    ExchangeResult,
    SeatTaken,
    settle_exchange,
)
