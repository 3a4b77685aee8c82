"""The sale side of an exchange: what the customer takes instead of the cancelled tickets.

Pure domain, like ``pos.core.basket``: it holds snapshots (plain data) of the tickets
and products the exchange services have checked, groups them for the "ÉCHANGÉ (PAR
CONTACT)" tree (contact > performance > category + tariff, then products) and computes
the sold subtotal; the total of the operation is sold - refunded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from itertools import count

from pos.core.basket import CancellationBasket
from pos.core.money import ZERO

_ids = count(1)


def _next_id() -> int:
    return next(_ids)


@dataclass(frozen=True)
class SaleTicket:
    """One new ticket to create. ``replaces_ticket_id``: the old ticket it replaces one
    for one (auto-exchange: same seat, other tariff)."""

    performance_id: int
    event_name: str
    starts_at: datetime
    category_id: int
    category: str
    tariff_id: int
    tariff: str
    seat_id: int | None
    area: str
    seat: str
    price: Decimal
    fees: Decimal
    replaces_ticket_id: int | None = None
    replaces_number: str = ""
    line_id: int = field(default_factory=_next_id)

    @property
    def amount(self) -> Decimal:
        return self.price + self.fees

    @property
    def confirmation(self) -> str:
        """The CONFIRMATION column: a numbered seat checked free when it was chosen
        (``seat_confirmed``), or a ticket without a numbered seat (``unnumbered``)."""
        return SEAT_CONFIRMED if self.seat_id is not None else UNNUMBERED


SEAT_CONFIRMED, UNNUMBERED, PRODUCT_RESERVED = "seat_confirmed", "unnumbered", "product_reserved"


@dataclass(frozen=True)
class SaleProduct:
    """A product sold: another product, a benefit, or a subscription/package whose
    ``tickets`` carry its price (shares adding up to ``amount``)."""

    product_id: int
    code: str
    name: str
    kind: str  # ProductKind value
    quantity: int
    unit_price: Decimal
    tickets: tuple[SaleTicket, ...] = ()
    grants_tariff_id: int | None = None
    line_id: int = field(default_factory=_next_id)

    @property
    def amount(self) -> Decimal:
        return self.unit_price * self.quantity

    @property
    def confirmation(self) -> str:
        """Its stock was checked when it was added; it is taken at the settlement."""
        return PRODUCT_RESERVED


@dataclass(frozen=True)
class SoldTariffGroup:
    category: str
    tariff: str
    quantity: int
    unit_price: Decimal
    fees: Decimal
    amount: Decimal
    tickets: tuple[SaleTicket, ...]


@dataclass(frozen=True)
class SoldPerformanceGroup:
    event_name: str
    starts_at: datetime
    quantity: int
    fees: Decimal
    amount: Decimal
    tariffs: tuple[SoldTariffGroup, ...]


@dataclass(frozen=True)
class ContactGroup:
    """One contact of the ÉCHANGÉ (PAR CONTACT) tree."""

    contact_name: str
    order_number: int
    quantity: int
    fees: Decimal
    amount: Decimal
    performances: tuple[SoldPerformanceGroup, ...]
    products: tuple[SaleProduct, ...]


@dataclass
class ExchangeBasket:
    """What is sold in the exchange, into the order ``order_id`` of ``contact_name``
    (the first order of the cancellation basket)."""

    order_id: int | None = None
    order_number: int = 0
    contact_id: int | None = None
    contact_name: str = ""
    tickets: list[SaleTicket] = field(default_factory=list)
    products: list[SaleProduct] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.tickets) + len(self.products)

    def bind(self, order_id: int, order_number: int, contact_id: int,
             contact_name: str) -> None:
        self.order_id, self.order_number = order_id, order_number
        self.contact_id, self.contact_name = contact_id, contact_name

    def add_tickets(self, tickets: Iterable[SaleTicket]) -> None:
        self.tickets.extend(tickets)

    def add_product(self, product: SaleProduct) -> None:
        self.products.append(product)

    def remove(self, line_ids: Iterable[int]) -> None:
        gone = set(line_ids)
        self.tickets = [t for t in self.tickets if t.line_id not in gone]
        self.products = [p for p in self.products if p.line_id not in gone]

    def clear(self) -> None:
        self.tickets.clear()
        self.products.clear()

    def all_tickets(self) -> list[SaleTicket]:
        """Every new ticket: sold alone, then those of subscriptions and packages."""
        return [*self.tickets, *(t for p in self.products for t in p.tickets)]

    def seats_taken(self, performance_id: int) -> set[int]:
        """Seats this basket already gives to someone, for one performance."""
        return {t.seat_id for t in self.all_tickets()
                if t.performance_id == performance_id and t.seat_id is not None}

    def replaced_ids(self) -> set[int]:
        return {t.replaces_ticket_id for t in self.tickets if t.replaces_ticket_id}

    def product_count(self, product_id: int) -> int:
        return sum(p.quantity for p in self.products if p.product_id == product_id)

    def granted_tariffs(self) -> set[int]:
        return {p.grants_tariff_id for p in self.products if p.grants_tariff_id}

    @property
    def sold_total(self) -> Decimal:
        """The sold subtotal (positive): tickets with their fees, and products."""
        return (sum((t.amount for t in self.tickets), ZERO)
                + sum((p.amount for p in self.products), ZERO))

    def groups(self) -> tuple[ContactGroup, ...]:
        if not self.tickets and not self.products:
            return ()
        perfs: dict[int, dict[tuple[str, str], list[SaleTicket]]] = {}
        for t in self.tickets:
            perfs.setdefault(t.performance_id, {}).setdefault(
                (t.category, t.tariff), []).append(t)
        perf_groups = []
        for tariffs in perfs.values():
            tariff_groups = []
            for (category, tariff), tickets in tariffs.items():
                prices = {t.price for t in tickets}
                tariff_groups.append(SoldTariffGroup(
                    category=category, tariff=tariff, quantity=len(tickets),
                    unit_price=prices.pop() if len(prices) == 1 else
                    sum((t.price for t in tickets), ZERO) / len(tickets),
                    fees=sum((t.fees for t in tickets), ZERO),
                    amount=sum((t.amount for t in tickets), ZERO),
                    tickets=tuple(tickets)))
            first = tariff_groups[0].tickets[0]
            perf_groups.append(SoldPerformanceGroup(
                event_name=first.event_name, starts_at=first.starts_at,
                quantity=sum(g.quantity for g in tariff_groups),
                fees=sum((g.fees for g in tariff_groups), ZERO),
                amount=sum((g.amount for g in tariff_groups), ZERO),
                tariffs=tuple(tariff_groups)))
        return (ContactGroup(
            contact_name=self.contact_name, order_number=self.order_number,
            quantity=len(self.tickets) + sum(p.quantity for p in self.products),
            fees=sum((g.fees for g in perf_groups), ZERO),
            amount=self.sold_total,
            performances=tuple(perf_groups), products=tuple(self.products)),)


@dataclass(frozen=True)
class ExchangeTotals:
    sold: Decimal  # sold subtotal, positive
    refunded: Decimal  # refunded subtotal, negative (as shown)
    total: Decimal  # sold + refunded: > 0 the customer pays, < 0 he is refunded

    @property
    def to_pay(self) -> Decimal:
        return max(self.total, ZERO)

    @property
    def to_refund(self) -> Decimal:
        return max(-self.total, ZERO)


def totals(cancellation: CancellationBasket, sale: ExchangeBasket) -> ExchangeTotals:
    sold = sale.sold_total
    refunded = -cancellation.refund_total
    return ExchangeTotals(sold=sold, refunded=refunded, total=sold + refunded)
