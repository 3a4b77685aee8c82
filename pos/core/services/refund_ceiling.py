"""The refund ceiling: what may still be refunded of an order.

It is what was paid for the order (signed payments: money in, less refunds already made)
less the refunds still pending in operations left open or on hold at a counter (their
tickets are not refunded yet, but their money is promised). pretix counts pending
refunds the same way. Every settlement and every hold checks it here, inside its write
transaction and after ``lock_orders``, so two counters cannot both spend the same money.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import or_, select

from pos.core.errors import PromiseCeilingExceeded, RefundCeilingExceeded
from pos.core.models import (
    LineKind,
    Operation,
    OperationLine,
    OperationState,
    Order,
    Payment,
    Ticket,
    TicketState,
)
from pos.core.money import ZERO
from pos.core.prepared import PreparedInQuery
from pos.core.services.orders import _sum
from pos.core.uow import UnitOfWork
from pos.formatting import money as euros

PENDING_STATES = (OperationState.OPEN, OperationState.ON_HOLD)


def lock_orders(uow: UnitOfWork, order_ids: Iterable[int]) -> None:
    """Row locks on the orders (in id order, so two counters never deadlock), taken before
    their refundable amount is read and written to in one settlement. On SQLite the
    write transaction (BEGIN IMMEDIATE) already serialises whole settlements."""
    if uow.session.get_bind().dialect.name == "sqlite":
        return  # no row locks there; BEGIN IMMEDIATE holds the whole database already
    uow.session.execute(
        select(Order.id).where(Order.id.in_(sorted(set(order_ids)))).order_by(Order.id)
        .with_for_update())


def _pending_query(order_ids: list):
    return (
        select(Ticket.order_id, OperationLine.ticket_id, OperationLine.price,
               OperationLine.fees, OperationLine.fee_kept)
        .join(Operation, Operation.id == OperationLine.operation_id)
        .join(Ticket, Ticket.id == OperationLine.ticket_id)
        .where(
            Ticket.order_id.in_(order_ids),
            Ticket.state == TicketState.VALID,
            OperationLine.kind == LineKind.CANCEL,
            or_(*(Operation.state == s for s in PENDING_STATES)),  # compiled once
        )
    )


_PAID = PreparedInQuery(lambda ids: select(Payment.order_id, _sum(Payment.amount))
                        .where(Payment.order_id.in_(ids)).group_by(Payment.order_id))
_PENDING = PreparedInQuery(_pending_query)


def refundable_by_order(uow: UnitOfWork, order_ids: Iterable[int],
                        exclude_ticket_ids: Iterable[int] = ()) -> dict[int, Decimal]:
    """What may still be refunded of each order: paid, less refunded (signed payments),
    less the refunds promised by open or held operations for tickets of the order that
    are still valid, each ticket counted once; tickets in ``exclude_ticket_ids`` (the
    basket being settled, which may be such an operation resumed) are left out. Two
    statements, whatever the number of orders."""
    order_ids = sorted(set(order_ids))
    excluded = set(exclude_ticket_ids)
    result = {o: ZERO for o in order_ids}
    uow.session.connection()  # in the caller's transaction (after lock_orders)
    result.update((r[0], r[1]) for r in uow.fetch_in(_PAID, order_ids))
    pending: dict[tuple[int, int], Decimal] = {}
    for order_id, ticket_id, price, fees, kept in uow.fetch_in(_PENDING, order_ids):
        if ticket_id not in excluded:
            key = (order_id, ticket_id)
            pending[key] = max(pending.get(key, ZERO), price + fees - kept)
    for (order_id, _), amount in pending.items():
        result[order_id] -= amount
    return result


def refundable(uow: UnitOfWork, order_id: int, exclude_ticket_ids: Iterable[int] = ()) -> Decimal:
    """What may still be refunded of the order: paid, less refunded, less pending."""
    return refundable_by_order(uow, [order_id], exclude_ticket_ids)[order_id]


def check_refund_ceiling(uow: UnitOfWork, net_by_order: dict[int, Decimal],
                         ticket_ids: Iterable[int], *, promise: bool = False) -> None:
    """Refuse when an order would give back more than may still be refunded of it.
    ``net_by_order``: what each order receives (negative: what it gives back);
    ``ticket_ids``: the basket's own tickets, not counted as pending; ``promise``: a hold,
    which promises the money rather than paying it."""
    ticket_ids = list(ticket_ids)
    lock_orders(uow, net_by_order)
    giving = sorted(o for o, net in net_by_order.items() if net < ZERO)
    ceilings = refundable_by_order(uow, giving, ticket_ids) if giving else {}
    for order_id in giving:
        net, ceiling = net_by_order[order_id], ceilings[order_id]
        if -net > ceiling:
            number = uow.session.scalar(select(Order.number).where(Order.id == order_id))
            refusal = PromiseCeilingExceeded if promise else RefundCeilingExceeded
            raise refusal(number=number, amount=euros(-net),
                          ceiling=euros(max(ceiling, ZERO)))
