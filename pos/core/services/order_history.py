"""The operations that touched an order (taken back, held, refunded, abandoned), as
plain data: what ``guichet order show`` lists under "operations"."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from pos.core.errors import UnknownOrder
from pos.core.models import (
    Counter,
    LineKind,
    Operation,
    OperationLine,
    Operator,
    Order,
    Payment,
    Ticket,
)
from pos.core.models_holds import OperationUndo
from pos.core.money import ZERO, as_text
from pos.core.uow import UnitOfWork
from pos.formatting import local


def _iso(at: Any) -> str | None:
    return local(at).isoformat() if at else None


def order_history(uow: UnitOfWork, number: int) -> list[dict[str, Any]]:
    """Every operation with a ticket or a payment of order ``number``, in number order:
    number, kind, state, when (created, completed), operator, counter, requested by,
    cause, remarks, the tickets taken back (``paper_returned``: those handed back on
    paper), and its amounts for this order (``refunded``: the cancel lines,
    positive; ``paid``: its payments, signed as in ``payments``)."""
    s = uow.session
    order_id = s.scalar(select(Order.id).where(Order.number == number))
    if order_id is None:
        raise UnknownOrder(number=number)
    lines = s.execute(
        select(OperationLine.operation_id, OperationLine.kind, OperationLine.price,
               OperationLine.fees, OperationLine.paper_returned, Ticket.number)
        .join(Ticket, Ticket.id == OperationLine.ticket_id)
        .where(Ticket.order_id == order_id)
        .order_by(OperationLine.id)).all()
    payments = s.execute(
        select(Payment.operation_id, Payment.amount)
        .where(Payment.order_id == order_id, Payment.operation_id.is_not(None))).all()
    ids = {row.operation_id for row in lines} | {row.operation_id for row in payments}
    if not ids:
        return []
    operations = s.execute(
        select(Operation, Operator.login, Counter.name)
        .join(Operator, Operator.id == Operation.operator_id)
        .join(Counter, Counter.id == Operation.counter_id)
        .where(Operation.id.in_(ids))
        .order_by(Operation.created_at, Operation.number)).all()
    undos = dict(s.execute(select(OperationUndo.undo_operation_id,
                                  OperationUndo.undone_operation_id)).all()) if ids else {}
    numbers = dict(s.execute(select(Operation.id, Operation.number).where(
        Operation.id.in_(set(undos) | set(undos.values())))).all()) if undos else {}
    undone_by = {undone: undo for undo, undone in undos.items()}
    history = []
    for op, operator, counter in operations:
        cancelled = [r for r in lines if r.operation_id == op.id and r.kind is LineKind.CANCEL]
        history.append({
            "number": op.number,
            "kind": op.kind.value,
            "state": op.state.value,
            "at": _iso(op.created_at),
            "completed_at": _iso(op.completed_at),
            "operator": operator,
            "counter": counter,
            "requested_by": op.requested_by,
            "cause": op.cause,
            "remarks": op.remarks,
            "tickets": [r.number for r in cancelled],
            "paper_returned": [r.number for r in cancelled if r.paper_returned],
            "refunded": as_text(sum((r.price + r.fees for r in cancelled), ZERO)),
            "paid": as_text(sum((p.amount for p in payments if p.operation_id == op.id),
                                ZERO)),
            **({"undoes": numbers[undos[op.id]]} if op.id in undos else {}),
            **({"undone_by": numbers[undone_by[op.id]]} if op.id in undone_by else {}),
        })
    return history
