"""The order detail window's data ("Détail d'un dossier"): the order's header, its
tickets grouped by performance and by category + tariff, what was paid and the total.

Plain data for the window; ``orders.order_summary`` (the CLI's JSON) stays as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import bindparam, select
from sqlalchemy.orm import aliased

from pos.core.errors import UnknownOrder
from pos.core.models import (
    Area,
    Contact,
    Event,
    Operator,
    Order,
    Performance,
    PriceCategory,
    Quota,
    SalesPoint,
    Seat,
    Tariff,
    Ticket,
)
from pos.core.prepared import PreparedQuery
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


def _header_statement():
    created_by, modified_by = aliased(Operator), aliased(Operator)
    created_at, modified_at = aliased(SalesPoint), aliased(SalesPoint)
    return (
        select(Order.id, Order.number, Order.created_at, Order.modified_at,
               Contact.id.label("contact_id"), Contact.last_name, Contact.first_name,
               Contact.organisation, Contact.relation,
               created_by.login.label("created_by"), modified_by.login.label("modified_by"),
               created_at.name.label("created_sales_point"),
               modified_at.name.label("modified_sales_point"))
        .join(Contact, Contact.id == Order.contact_id)
        .join(created_by, created_by.id == Order.created_by_id)
        .join(modified_by, modified_by.id == Order.modified_by_id)
        .join(created_at, created_at.id == Order.created_sales_point_id)
        .join(modified_at, modified_at.id == Order.modified_sales_point_id)
        .where(Order.number == bindparam("number")))


def _tickets_statement():
    new = aliased(Ticket)
    return (
        select(Ticket.number, Ticket.performance_id, Ticket.state, Ticket.printed,
               Ticket.delivery_mode, Ticket.price, Ticket.fees, Ticket.sold_at,
               Performance.starts_at, Event.name.label("event_name"),
               PriceCategory.rank, PriceCategory.name.label("category"),
               Tariff.name.label("tariff"), Quota.name.label("quota"),
               Area.name.label("area"), Seat.label.label("seat"),
               SalesPoint.name.label("sales_point"), Operator.login.label("operator"),
               new.number.label("replaced_by"))
        .join(Performance, Performance.id == Ticket.performance_id)
        .join(Event, Event.id == Performance.event_id)
        .join(PriceCategory, PriceCategory.id == Ticket.category_id)
        .join(Tariff, Tariff.id == Ticket.tariff_id)
        .join(SalesPoint, SalesPoint.id == Ticket.sales_point_id)
        .join(Operator, Operator.id == Ticket.sold_by_id)
        .outerjoin(Quota, Quota.id == Ticket.quota_id)
        .outerjoin(Seat, Seat.id == Ticket.seat_id)
        .outerjoin(Area, Area.id == Seat.area_id)
        .outerjoin(new, new.id == Ticket.replaced_by_id)
        .where(Ticket.order_id == bindparam("order_id")))


_HEADER = PreparedQuery(_header_statement())
_TICKETS = PreparedQuery(_tickets_statement())


def _ticket(t) -> DetailTicket:
    return DetailTicket(
        number=t.number,
        quota=t.quota,
        area=t.area or "",
        seat=t.seat or "",
        kind="ticket",
        sold_at=t.sold_at,
        sales_point=t.sales_point,
        operator=t.operator,
        state=t.state.value,
        printed=t.printed,
        delivery_mode=t.delivery_mode,
        price=t.price,
        fees=t.fees,
        replaced_by=t.replaced_by,
    )


def order_detail(uow: UnitOfWork, number: int) -> OrderDetail:
    """Three statements of plain columns (header, tickets, balance), whatever the size
    of the order, compiled once (``UnitOfWork.fetch``): no ORM instance, no query per
    ticket. Outside a transaction each is its own snapshot: a settlement at another
    counter may land between them, which only a display can show; the settlement of
    this one checks everything again under its write lock."""
    found = uow.fetch(_HEADER, {"number": number})
    if not found:
        raise UnknownOrder(number=number)
    order = found[0]
    tickets = uow.fetch(_TICKETS, {"order_id": order.id})
    perfs: dict[int, dict[tuple[int, str, str], list]] = {}
    for t in sorted(tickets, key=lambda t: (t.starts_at, t.performance_id, t.rank, t.tariff,
                                            t.number)):
        tariffs = perfs.setdefault(t.performance_id, {})
        tariffs.setdefault((t.rank, t.category, t.tariff), []).append(t)
    performances = []
    for tariffs in perfs.values():
        first = next(iter(tariffs.values()))[0]
        performances.append(DetailPerformance(
            event_name=first.event_name,
            starts_at=first.starts_at,
            tariffs=tuple(DetailTariff(category=cat, tariff=tariff,
                                       tickets=tuple(_ticket(t) for t in group))
                          for (_, cat, tariff), group in tariffs.items()),
        ))
    balance = order_balance(uow, order.id)
    return OrderDetail(
        number=order.number,
        settled=balance.settled,
        contact_id=order.contact_id,
        contact_name=Contact.display_name.fget(order),  # type: ignore[attr-defined]
        created_at=order.created_at,
        created_by=order.created_by,
        created_sales_point=order.created_sales_point,
        modified_at=order.modified_at,
        modified_by=order.modified_by,
        modified_sales_point=order.modified_sales_point,
        sales_count=len(tickets),
        performances=tuple(performances),
        paid=balance.paid,
        total=balance.due,
        balance=balance.balance,
    )
