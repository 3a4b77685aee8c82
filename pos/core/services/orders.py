"""Reading an order: its tickets, payments and balance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, bindparam, func, select, type_coerce
from sqlalchemy.orm import joinedload, selectinload

from pos.core.errors import UnknownOrder
from pos.core.models import (
    LineKind,
    Operation,
    OperationLine,
    OperationState,
    Order,
    Payment,
    Performance,
    Seat,
    Ticket,
)
from pos.core.money import ZERO, Cents, as_text
from pos.core.prepared import PreparedQuery
from pos.core.uow import UnitOfWork
from pos.formatting import local


@dataclass(frozen=True)
class OrderBalance:
    due: Decimal  # what the tickets cost, less what was refunded of them
    paid: Decimal  # sum of the signed payments
    balance: Decimal  # due - paid; 0 = settled

    @property
    def settled(self) -> bool:
        return self.balance == ZERO


def _sum(column: Any) -> Any:
    # The Cents type must be applied to the aggregate explicitly, so it comes back
    # as an exact Decimal (and 0 rather than NULL when there is nothing to add).
    return type_coerce(func.coalesce(func.sum(column), 0), Cents())


def _balance_statement():
    from pos.core.models_catalog import ProductSale  # products sold by an exchange

    order_id = bindparam("order_id", type_=Integer)
    charged = select(_sum(Ticket.price + Ticket.fees)).where(Ticket.order_id == order_id)
    refunded = (
        select(_sum(OperationLine.price + OperationLine.fees))
        .join(Operation, Operation.id == OperationLine.operation_id)
        .join(Ticket, Ticket.id == OperationLine.ticket_id)
        .where(
            Ticket.order_id == order_id,
            OperationLine.kind == LineKind.CANCEL,
            Operation.state == OperationState.COMPLETED,
        ))
    paid = select(_sum(Payment.amount)).where(Payment.order_id == order_id)
    products = select(_sum(ProductSale.amount)).where(
        ProductSale.order_id == order_id, ProductSale.on_tickets.is_(False))
    return select(charged.scalar_subquery(), refunded.scalar_subquery(),
                  paid.scalar_subquery(), products.scalar_subquery())


_BALANCE = None


def order_balance(uow: UnitOfWork, order_id: int) -> OrderBalance:
    """The four totals in one statement (sub-selects on indexed columns)."""
    global _BALANCE
    if _BALANCE is None:
        _BALANCE = PreparedQuery(_balance_statement())
    [(charged, refunded, paid, products)] = uow.fetch(_BALANCE, {"order_id": order_id})
    due = charged + products - refunded
    return OrderBalance(due=due, paid=paid, balance=due - paid)


def _iso(at: datetime | None) -> str | None:
    return local(at).isoformat() if at else None


def order_summary(uow: UnitOfWork, number: int) -> dict[str, Any]:
    """The order as plain data (the ``order show --json`` form)."""
    order = uow.session.scalar(
        select(Order)
        .where(Order.number == number)
        .options(
            joinedload(Order.contact),
            selectinload(Order.tickets).options(
                joinedload(Ticket.performance).joinedload(Performance.event),
                joinedload(Ticket.seat).joinedload(Seat.area),
                joinedload(Ticket.category),
                joinedload(Ticket.tariff),
                joinedload(Ticket.quota),
                joinedload(Ticket.replaced_by),
            ),
            selectinload(Order.payments).joinedload(Payment.operation),
        )
    )
    if order is None:
        raise UnknownOrder(number=number)
    balance = order_balance(uow, order.id)
    c = order.contact
    return {
        "number": order.number,
        "contact": {
            "id": c.id,
            "name": c.display_name,
            "last_name": c.last_name,
            "first_name": c.first_name,
            "organisation": c.organisation,
            "relation": c.relation,
            "email": c.email,
        },
        "settled": balance.settled,
        "created_at": _iso(order.created_at),
        "modified_at": _iso(order.modified_at),
        "tickets": [_ticket_summary(t) for t in order.tickets],
        "payments": [
            {
                "mode": p.mode.value,
                "amount": as_text(p.amount),
                "at": _iso(p.at),
                "operation": p.operation.number if p.operation else None,
                "reference": p.reference,
            }
            for p in order.payments
        ],
        "due": as_text(balance.due),
        "paid": as_text(balance.paid),
        "balance": as_text(balance.balance),
    }


def _ticket_summary(t: Ticket) -> dict[str, Any]:
    return {
        "number": t.number,
        "state": t.state.value,
        "event": t.performance.event.name,
        "performance": _iso(t.performance.starts_at),
        "area": t.seat.area.name if t.seat else "",
        "seat": t.seat.label if t.seat else "",
        "category": t.category.name,
        "tariff": t.tariff.name,
        "quota": t.quota.name if t.quota else "Hors cont.",
        "price": as_text(t.price),
        "fees": as_text(t.fees),
        "printed": t.printed,
        "delivery_mode": t.delivery_mode,
        "replaced_by": t.replaced_by.number if t.replaced_by else None,
    }
