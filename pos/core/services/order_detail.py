"""The order detail window's data ("Détail d'un dossier"): the order's header, its
tickets grouped by performance and by category + tariff, what was paid and the total.

Plain data for the window; ``orders.order_summary`` (the CLI's JSON) stays as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from pos.core.errors import UnknownOrder
from pos.core.models import Order, Performance, Seat, Ticket
from pos.core.services.orders import order_balance
from pos.core.uow import UnitOfWork


@dataclass(frozen=True)
class DetailTicket:
    number: str
    quota: str | None  # None: outside any quota ("Hors cont.")
    area: str
    seat: str
    kind: str  # "ticket": the only document kind sold so far
    sold_at: datetime
    sales_point: str
    operator: str
    state: str  # TicketState value
    printed: bool
    delivery_mode: str
    price: Decimal
    fees: Decimal
    replaced_by: str | None


@dataclass(frozen=True)
class DetailTariff:
    category: str
    tariff: str
    tickets: tuple[DetailTicket, ...]


@dataclass(frozen=True)
class DetailPerformance:
    event_name: str
    starts_at: datetime
    tariffs: tuple[DetailTariff, ...]


@dataclass(frozen=True)
class OrderDetail:
    number: int
    settled: bool
    contact_id: int
    contact_name: str  # "AKOKA, Viviane | UNIVERSITY PARIS / Relais"
    created_at: datetime
    created_by: str
    created_sales_point: str
    modified_at: datetime
    modified_by: str
    modified_sales_point: str
    sales_count: int
    performances: tuple[DetailPerformance, ...]
    paid: Decimal  # "Sous-total payé": the signed payments
    total: Decimal  # what the tickets cost, less what was refunded of them
    balance: Decimal

    @property
    def ticket_numbers(self) -> tuple[str, ...]:
        return tuple(t.number for p in self.performances for g in p.tariffs for t in g.tickets)


def _ticket(t: Ticket) -> DetailTicket:
    return DetailTicket(
        number=t.number,
        quota=t.quota.name if t.quota else None,
        area=t.seat.area.name if t.seat else "",
        seat=t.seat.label if t.seat else "",
        kind="ticket",
        sold_at=t.sold_at,
        sales_point=t.sales_point.name,
        operator=t.sold_by.login,
        state=t.state.value,
        printed=t.printed,
        delivery_mode=t.delivery_mode,
        price=t.price,
        fees=t.fees,
        replaced_by=t.replaced_by.number if t.replaced_by else None,
    )


def order_detail(uow: UnitOfWork, number: int) -> OrderDetail:
    order = uow.session.scalar(
        select(Order)
        .where(Order.number == number)
        .options(
            joinedload(Order.contact),
            joinedload(Order.created_by),
            joinedload(Order.modified_by),
            joinedload(Order.created_sales_point),
            joinedload(Order.modified_sales_point),
            selectinload(Order.tickets).options(
                joinedload(Ticket.performance).joinedload(Performance.event),
                joinedload(Ticket.seat).joinedload(Seat.area),
                joinedload(Ticket.category),
                joinedload(Ticket.tariff),
                joinedload(Ticket.quota),
                joinedload(Ticket.replaced_by),
                joinedload(Ticket.sold_by),
                joinedload(Ticket.sales_point),
            ),
        )
    )
    if order is None:
        raise UnknownOrder(number=number)
    perfs: dict[int, dict[tuple[int, str, str], list[Ticket]]] = {}
    for t in sorted(order.tickets, key=lambda t: (t.performance.starts_at, t.performance_id,
                                                  t.category.rank, t.tariff.name, t.number)):
        tariffs = perfs.setdefault(t.performance_id, {})
        tariffs.setdefault((t.category.rank, t.category.name, t.tariff.name), []).append(t)
    performances = []
    for tariffs in perfs.values():
        first = next(iter(tariffs.values()))[0]
        performances.append(DetailPerformance(
            event_name=first.performance.event.name,
            starts_at=first.performance.starts_at,
            tariffs=tuple(DetailTariff(category=cat, tariff=tariff,
                                       tickets=tuple(_ticket(t) for t in tickets))
                          for (_, cat, tariff), tickets in tariffs.items()),
        ))
    balance = order_balance(uow, order.id)
    return OrderDetail(
        number=order.number,
        settled=balance.settled,
        contact_id=order.contact.id,
        contact_name=order.contact.display_name,
        created_at=order.created_at,
        created_by=order.created_by.login,
        created_sales_point=order.created_sales_point.name,
        modified_at=order.modified_at,
        modified_by=order.modified_by.login,
        modified_sales_point=order.modified_sales_point.name,
        sales_count=len(order.tickets),
        performances=tuple(performances),
        paid=balance.paid,
        total=balance.due,
        balance=balance.balance,
    )
