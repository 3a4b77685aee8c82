"""A cancelled performance, refunded in bulk.

A supervisor marks the performance cancelled (``cancel_performance``); a run then
refunds every valid ticket of it, order by order (``run_bulk_refund``): each order is
its own basket, settled by ``refunds.refund_basket`` (the settlement pipeline, in its
own transaction), requested by the organiser for "Annulation de la séance". The run is
resumable: it refunds the tickets of the performance still valid, so an order settled
before a crash or a cancel is not found again, and a ticket that moved meanwhile is
refused by the pipeline's conditional transition, never refunded twice.

Where the money goes is the policy:
- ``credit-note``: a credit note for each order;
- ``original-modes``: back to the modes the order was paid with where that can be done
  without the customer at the counter (card, transfer, credit note, suspense account),
  the rest as a credit note;
- ``suspense-account``: the contact's suspense account.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, insert, select

from pos.core import journal
from pos.core.basket import CancellationBasket
from pos.core.clock import Clock
from pos.core.errors import (
    DomainError,
    FeesChanged,
    NotASupervisor,
    PerformanceAlreadyCancelled,
    PerformanceNotCancelled,
    TicketNotRefundable,
    UnknownBulkPolicy,
    UnknownPerformance,
)
from pos.core.models import (
    Contact,
    JournalEntry,
    Operator,
    OperatorRole,
    Order,
    Payment,
    PaymentMode,
    Performance,
    Ticket,
    TicketState,
)
from pos.core.models_fees import PerformanceCancellation
from pos.core.money import ZERO
from pos.core.services.credit_notes import DEFAULT_VALIDITY_DAYS
from pos.core.services.fee_rules import preview
from pos.core.services.operation_notes import OperationNotes
from pos.core.services.orders import _sum
from pos.core.services.refunds import SettlementResult, refund_basket
from pos.core.services.scanning import row_snapshot, rows_where
from pos.core.services.station import Station
from pos.core.tenders import Tender
from pos.core.uow import UnitOfWork
from pos.formatting import timestamp

BULK_CAUSE = "Annulation de la séance"  # one of [refunds] causes by default
PRINT_NOTE = "Remboursement en masse : à remettre ou envoyer au contact."
POLICIES = {
    "credit-note": "un avoir pour tous",
    "original-modes": "vers les modes d'origine quand c'est possible, sinon un avoir",
    "suspense-account": "sur le compte d'attente du contact",
}
# What can go back with nobody at the counter; cash, cheques and "other" cannot.
REMOTE_MODES = (PaymentMode.CARD, PaymentMode.TRANSFER, PaymentMode.CREDIT_NOTE,
                PaymentMode.SUSPENSE_ACCOUNT)
LIVE = (TicketState.VALID, TicketState.CHECKED_IN)


@dataclass(frozen=True)
class Cancelled:
    performance_id: int
    event: str
    starts_at: datetime
    cancelled_at: datetime
    cancelled_by: str


def _require_supervisor(uow: UnitOfWork, station: Station) -> None:
    # Today's role: the trust issue's roles will narrow it (Operator.role).
    role = uow.session.scalar(select(Operator.role).where(Operator.id == station.operator_id))
    if role is not OperatorRole.SUPERVISOR:
        raise NotASupervisor(login=station.operator_login)


def cancel_performance(uow: UnitOfWork, performance_id: int, *, station: Station,
                       clock: Clock, reason: str = "") -> Cancelled:
    """A supervisor marks the performance cancelled (once); journaled."""
    uow.begin_write()
    _require_supervisor(uow, station)
    perf = uow.session.get(Performance, performance_id, with_for_update=True)
    if perf is None:
        raise UnknownPerformance()
    done = uow.session.get(PerformanceCancellation, performance_id)
    if done is not None:
        raise PerformanceAlreadyCancelled(performance_id=performance_id,
                                          cancelled_at=timestamp(done.cancelled_at))
    now = clock.now()
    uow.session.execute(insert(PerformanceCancellation).values(
        performance_id=performance_id, cancelled_at=now, cancelled_by_id=station.operator_id,
        reason=reason.strip()[:200]))
    journal.append(uow.session, at=now, action="performance.cancelled",
                   counter_id=station.counter_id, operator_id=station.operator_id,
                   performance_id=performance_id, reason=reason.strip()[:200])
    result = Cancelled(performance_id, perf.event.name, perf.starts_at, now,
                       station.operator_login)
    uow.commit()
    return result


def cancellation_of(uow: UnitOfWork, performance_id: int) -> Cancelled:
    row = uow.session.execute(
        select(PerformanceCancellation, Operator.login)
        .join(Operator, Operator.id == PerformanceCancellation.cancelled_by_id)
        .where(PerformanceCancellation.performance_id == performance_id)).one_or_none()
    if row is None:
        if uow.session.get(Performance, performance_id) is None:
            raise UnknownPerformance()
        raise PerformanceNotCancelled(performance_id=performance_id)
    perf = uow.session.get(Performance, performance_id)
    assert perf is not None
    return Cancelled(performance_id, perf.event.name, perf.starts_at, row[0].cancelled_at,
                     row[1])


def orders_to_refund(uow: UnitOfWork, performance_id: int) -> list[tuple[int, int]]:
    """(order id, tickets) of the orders with tickets of the performance still live."""
    return [tuple(r) for r in uow.session.execute(
        select(Ticket.order_id, func.count()).where(Ticket.performance_id == performance_id,
                                                    Ticket.state.in_(LIVE))
        .group_by(Ticket.order_id).order_by(Ticket.order_id))]


def order_basket(uow: UnitOfWork, performance_id: int, order_id: int,
                 supervisor: str) -> CancellationBasket:
    """The order's live tickets of the performance, as a basket; the simple fees go back
    too (the organiser cancelled). A checked-in ticket is refunded on the supervisor's
    word, as at the counter."""
    basket = CancellationBasket(refund_fees=True)
    rows = rows_where(uow, (Ticket.order_id == order_id)
                       & (Ticket.performance_id == performance_id) & Ticket.state.in_(LIVE))
    for row in sorted(rows, key=lambda r: r.number):
        basket.add(row_snapshot(row, supervisor))
    return basket


def tenders_for(uow: UnitOfWork, order_id: int, amount: Decimal, policy: str) -> list[Tender]:
    if amount <= ZERO:
        return []
    if policy == "credit-note":
        return [Tender(PaymentMode.CREDIT_NOTE, amount)]
    if policy == "suspense-account":
        return [Tender(PaymentMode.SUSPENSE_ACCOUNT, amount)]
    paid = uow.session.execute(
        select(Payment.mode, _sum(Payment.amount), func.max(Payment.reference))
        .where(Payment.order_id == order_id, Payment.mode.in_(REMOTE_MODES))
        .group_by(Payment.mode)).all()
    tenders, left = [], amount
    for mode, net, reference in sorted(paid, key=lambda r: -r[1]):
        take = min(left, net)
        if take > ZERO:
            ref = "" if mode in (PaymentMode.CREDIT_NOTE, PaymentMode.SUSPENSE_ACCOUNT) \
                else reference or ""
            tenders.append(Tender(mode, take, ref))
            left -= take
    if left > ZERO:
        tenders.append(Tender(PaymentMode.CREDIT_NOTE, left))
    return tenders


def refund_order(uow: UnitOfWork, performance_id: int, order_id: int, policy: str, *,
                 station: Station, clock: Clock,
                 validity_days: int = DEFAULT_VALIDITY_DAYS) -> SettlementResult | None:
    """One order of the cancelled performance refunded, in its own transaction (None:
    nothing of it left to refund)."""
    notes = OperationNotes("organiser", BULK_CAUSE)
    for attempt in (1, 2):
        # Read again at each attempt: a ticket refunded meanwhile (at a counter, by
        # another run) leaves the basket, a fee window crossed is seen.
        basket = order_basket(uow, performance_id, order_id, station.operator_login)
        if not basket.tickets:
            return None
        preview(uow, basket, kind="refund", requested_by="organiser", clock=clock)
        tenders = tenders_for(uow, order_id, basket.refund_total, policy)
        try:
            return refund_basket(uow, basket, tenders, station, clock, notes=notes,
                                 credit_note_validity_days=validity_days,
                                 print_note=PRINT_NOTE)
        except (FeesChanged, TicketNotRefundable):
            if attempt == 2:
                raise
    return None  # pragma: no cover - the loop returns or raises


@dataclass
class RunResult:
    total_orders: int = 0
    refunded: list[SettlementResult] = field(default_factory=list)
    refused: list[tuple[int, int, str]] = field(default_factory=list)  # order, tickets, why
    stopped: bool = False


def run_bulk_refund(units: Callable[[], UnitOfWork], performance_id: int, policy: str, *,
                    station: Station, clock: Clock,
                    validity_days: int = DEFAULT_VALIDITY_DAYS,
                    progress: Callable[[int, int], None] | None = None,
                    should_stop: Callable[[], bool] | None = None) -> RunResult:
    """Refund the cancelled performance's live tickets, one order per transaction.
    ``progress(done, total)`` after each order; ``should_stop()`` is asked between
    orders (the run ends there, resumable)."""
    if policy not in POLICIES:
        raise UnknownBulkPolicy(policy=policy, expected=", ".join(POLICIES))
    with units() as uow:
        cancellation_of(uow, performance_id)
        _require_supervisor(uow, station)
        todo = orders_to_refund(uow, performance_id)
        _journal_run(uow, station, clock, "bulk_refund.started", performance_id,
                     policy=policy, orders=len(todo))
    result = RunResult(total_orders=len(todo))
    for done, (order_id, tickets) in enumerate(todo, start=1):
        if should_stop is not None and should_stop():
            result.stopped = True
            break
        with units() as uow:
            try:
                settled = refund_order(uow, performance_id, order_id, policy,
                                       station=station, clock=clock,
                                       validity_days=validity_days)
            except DomainError as refusal:
                result.refused.append((order_id, tickets, refusal.message))
            else:
                if settled is not None:
                    result.refunded.append(settled)
        if progress is not None:
            progress(done, len(todo))
    with units() as uow:
        _journal_run(uow, station, clock, "bulk_refund.finished", performance_id,
                     policy=policy, refunded=len(result.refunded),
                     refused=len(result.refused), stopped=result.stopped)
    return result


def _journal_run(uow: UnitOfWork, station: Station, clock: Clock, action: str,
                 performance_id: int, **payload: object) -> None:
    uow.begin_write()
    journal.append(uow.session, at=clock.now(), action=action,
                   counter_id=station.counter_id, operator_id=station.operator_id,
                   performance_id=performance_id, **payload)
    uow.commit()


def runs_of(uow: UnitOfWork, performance_id: int) -> int:
    payloads = uow.session.scalars(select(JournalEntry.payload).where(
        JournalEntry.action == "bulk_refund.started"))
    return sum(1 for p in payloads if json.loads(p).get("performance_id") == performance_id)


def order_numbers(uow: UnitOfWork, order_ids: list[int]) -> dict[int, tuple[int, str]]:
    """order id -> (number, contact's name), for the refusals of a report."""
    rows = uow.session.execute(select(Order.id, Order.number, Contact).join(
        Contact, Contact.id == Order.contact_id).where(Order.id.in_(order_ids)))
    return {r[0]: (r[1], r[2].display_name) for r in rows}
