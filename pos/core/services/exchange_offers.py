"""What the product bar offers for the tickets of the cancellation basket: the tariffs an
auto-exchange can give them, and the seats the basket frees. Reading only; plain data."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from pos.core.exchange_basket import ExchangeBasket
from pos.core.models import Ticket
from pos.core.services.catalog import TariffOffer, tariffs
from pos.core.services.seats import released_seats
from pos.core.uow import UnitOfWork


def auto_exchange_tariffs(uow: UnitOfWork, ticket_ids: Iterable[int]) -> list[TariffOffer]:
    """The tariffs priced for every ticket given (same performance and category), with
    the price of the first ticket's category; the most expensive first."""
    ids = list(ticket_ids)
    if not ids:
        return []
    pairs = list(dict.fromkeys((perf, cat) for perf, cat in uow.session.execute(
        select(Ticket.performance_id, Ticket.category_id).where(Ticket.id.in_(ids))
        .order_by(Ticket.id))))
    offers = [tariffs(uow, perf, cat) for perf, cat in pairs]
    common = set.intersection(*({o.tariff_id for o in found} for found in offers))
    return [o for o in offers[0] if o.tariff_id in common]


def seat_context(uow: UnitOfWork, basket_ticket_ids: Iterable[int], sale: ExchangeBasket,
                 performance_id: int) -> tuple[set[int], set[int]]:
    """(released, taken): the seats the cancellation basket frees for this operation and
    those the sale basket already gives, for one performance."""
    return (released_seats(uow, basket_ticket_ids, performance_id),
            sale.seats_taken(performance_id))
