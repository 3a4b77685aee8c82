"""The report of a cancelled performance's bulk refund, read from what was committed:
every order its runs refunded (a resumed run's report includes the earlier runs'), the
refusals of the last run, and what is still valid."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sqlalchemy import func, select

from pos.core.bulk_report import BulkReport, RefundedOrder, RefusedOrder
from pos.core.clock import Clock
from pos.core.models import (
    Contact,
    Counter,
    LineKind,
    Operation,
    OperationLine,
    OperationState,
    Order,
    Payment,
    Ticket,
)
from pos.core.money import ZERO
from pos.core.receipts import MODE_LABELS
from pos.core.services.bulk_refund import (
    BULK_CAUSE,
    POLICIES,
    RunResult,
    cancellation_of,
    order_numbers,
    orders_to_refund,
    runs_of,
)
from pos.core.uow import UnitOfWork


def _operations(performance_id: int):
    return (select(Operation.id).join(OperationLine, OperationLine.operation_id == Operation.id)
            .join(Ticket, Ticket.id == OperationLine.ticket_id)
            .where(Ticket.performance_id == performance_id,
                   OperationLine.kind == LineKind.CANCEL,
                   Operation.state == OperationState.COMPLETED,
                   Operation.cause == BULK_CAUSE, Operation.requested_by == "organiser")
            .distinct())


def refunded_orders(uow: UnitOfWork, performance_id: int) -> list[RefundedOrder]:
    ops = _operations(performance_id).subquery()
    modes: dict[int, list[str]] = defaultdict(list)
    amounts: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for op_id, mode, amount, reference in uow.session.execute(
            select(Payment.operation_id, Payment.mode, Payment.amount, Payment.reference)
            .where(Payment.operation_id.in_(select(ops.c.id))).order_by(Payment.id)):
        modes[op_id].append(MODE_LABELS[mode] + (f" {reference}" if reference else ""))
        amounts[op_id] = amounts[op_id] - amount
    rows = uow.session.execute(
        select(Operation.id, Counter.name, Operation.number, Operation.completed_at,
               Order.number.label("order_number"), Contact.last_name, Contact.first_name,
               Contact.organisation, Contact.relation, func.count(OperationLine.id))
        .join(Counter, Counter.id == Operation.counter_id)
        .join(OperationLine, OperationLine.operation_id == Operation.id)
        .join(Ticket, Ticket.id == OperationLine.ticket_id)
        .join(Order, Order.id == Ticket.order_id)
        .join(Contact, Contact.id == Order.contact_id)
        .where(Operation.id.in_(select(ops.c.id)), OperationLine.kind == LineKind.CANCEL)
        .group_by(Operation.id, Counter.name, Operation.number, Operation.completed_at,
                  Order.number, Contact.last_name, Contact.first_name, Contact.organisation,
                  Contact.relation)
        .order_by(Order.number, Operation.id)).all()
    return [RefundedOrder(r.order_number, Contact.display_name.fget(r),  # type: ignore
                          r[9], amounts[r.id], " ; ".join(modes[r.id]), f"{r.name} / {r.number}",
                          r.completed_at) for r in rows]


def bulk_report(uow: UnitOfWork, performance_id: int, *, policy: str, clock: Clock,
                venue: str, run: RunResult | None = None) -> BulkReport:
    cancelled = cancellation_of(uow, performance_id)
    refused = run.refused if run is not None else []
    names = order_numbers(uow, [order_id for order_id, _, _ in refused]) if refused else {}
    return BulkReport(
        venue=venue, event=cancelled.event, starts_at=cancelled.starts_at,
        cancelled_at=cancelled.cancelled_at, cancelled_by=cancelled.cancelled_by,
        policy=POLICIES.get(policy, policy), generated_at=clock.now(),
        refunded=tuple(refunded_orders(uow, performance_id)),
        refused=tuple(RefusedOrder(names[o][0], names[o][1], n, why) for o, n, why in refused),
        still_valid=sum(n for _, n in orders_to_refund(uow, performance_id)),
        stopped=bool(run and run.stopped), runs=runs_of(uow, performance_id))
