"""The settlement pipeline: every refund, exchange, hold, resume and abandon of the
counter is a short composition of these steps, in this order (in the manner of
pretix's ``OrderChangeManager.commit``: check everything again inside the transaction,
then apply, then commit once):

1. ``open_write``: the write transaction, before any check (BEGIN IMMEDIATE on SQLite),
   and the settlement's idempotency key claimed (``idempotency.claim``): a key already
   settled gives back its first outcome (``Context.replay``), and nothing is settled;
2. ``recheck_taken_back`` (and, for an exchange, ``sale_checks.recheck_sold``): every
   ticket locked and checked again, a resumed operation still on hold;
2b. ``assess_fees``: the cancellation / exchange fee of each ticket, by the rules, now
   (``pos.core.fees``); refused if it is not what the basket showed;
3. ``refund_ceiling.check_refund_ceiling``: no order gives back more than it may;
   ``authorize``: what a cashier alone may not do allowed by a supervisor;
4. ``open_operation``: the operation number taken (or the held operation's kept);
5. ``cancel_taken_back``: the ticket state transitions, with the operation's lines;
6. ``payments.record_payments``: payments, credit notes and suspense-account movements,
   the cash checked against the open drawer (``cash_sessions.take_cash``);
7. ``append_journal``: the journal entry;
8. ``enqueue_documents``: the print jobs; 8b. ``enqueue_mail``: with delivery by e-mail,
   the mail outbox job (``services.mail_jobs``), so a send that fails loses nothing;
9. ``commit``: the outcome recorded under the key, in the same transaction (in
   training mode: everything rolled back, the documents printed marked FORMATION, see
   ``services.training``).

A step raises a ``DomainError`` in French and writes nothing that survives it: the unit
of work rolls the whole transaction back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update

from pos.core import journal
from pos.core.basket import CancellationBasket
from pos.core.clock import Clock
from pos.core.crash_points import reached
from pos.core.documents import Document
from pos.core.errors import (
    FeesChanged,
    NotLoggedIn,
    OperationNoLongerOnHold,
    OperationNotOnHold,
    UnknownOperationId,
)
from pos.core.fees import payload as fee_payload
from pos.core.fees import same_amounts
from pos.core.fees import total as fee_total
from pos.core.i18n import lazy
from pos.core.models import (
    LineKind,
    Operation,
    OperationKind,
    OperationLine,
    OperationState,
    Order,
    Ticket,
    TicketState,
)
from pos.core.prepared import PreparedInWrite, PreparedWrite
from pos.core.services import training
from pos.core.services.authorization import Approval, Approver, settlement_approver
from pos.core.services.fee_rules import evaluate as evaluate_fees
from pos.core.services.idempotency import claim, record
from pos.core.services.mail_jobs import MailRequest
from pos.core.services.mail_jobs import enqueue as enqueue_mail_job
from pos.core.services.operation_notes import OperationNotes, apply_notes
from pos.core.services.operation_numbers import take_operation_number
from pos.core.services.print_jobs import enqueue
from pos.core.services.station import Station
from pos.core.services.ticket_transitions import TakenBack, lock_and_recheck, transition
from pos.core.uow import UnitOfWork
from pos.formatting import money as euros

STATE_WORDS = {
    OperationState.OPEN: lazy("in progress"),
    OperationState.ON_HOLD: lazy("on hold"),
    OperationState.COMPLETED: lazy("completed"),
    OperationState.ABANDONED: lazy("abandoned"),
}


# The pipeline's own writes, built once and run on the driver's cursor of the write
# transaction (pos.core.prepared.PreparedWrite, UnitOfWork.write).
_operations, _orders = Operation.__table__, Order.__table__
_NEW_OPERATION = PreparedWrite(insert(_operations).returning(_operations.c.id))
_NEW_LINES = PreparedWrite(insert(OperationLine.__table__))
_TOUCH_ORDERS = PreparedInWrite(
    lambda ids: update(_orders).where(_orders.c.id.in_(ids))
    .values(modified_at=bindparam("at"), modified_by_id=bindparam("by"),
            modified_sales_point_id=bindparam("point")))


@dataclass(frozen=True)
class Context:
    """What every step needs: where, who, when; the settlement's key, and ``replay``:
    the outcome the key already settled (the service returns it and does nothing)."""

    uow: UnitOfWork
    station: Station
    clock: Clock
    now: datetime
    approver: Approver | None = None  # who allowed what the operator alone may not
    held_back: list[Document] = field(default_factory=list)  # training: printed at the end
    key: str | None = None
    replay: Any = None


def open_write(uow: UnitOfWork, station: Station, clock: Clock, key: str | None = None,
               kind: str = "") -> Context:
    """Step 1. The time is read once: every row of the settlement carries the same.
    ``key``: the caller's idempotency key for this settlement (``kind``: refund,
    exchange, hold, abandon), claimed inside the write transaction."""
    if not station.operator_id:
        raise NotLoggedIn()
    uow.begin_write()
    now = clock.now()
    replay = claim(uow, key, kind, station.counter_id, now) if key else None
    reached("write_opened")
    return Context(uow, station, clock, now, key=key, replay=replay)


def authorize(ctx: Context, basket: CancellationBasket, locked: dict[int, TakenBack], *,
              refunded: Decimal, approval: Approval | None) -> Context:
    """Step 3b: money given back above ``[refunds] supervisor_above``, tickets checked in
    or of a started performance, need a supervisor (``authorization``); the context
    returned carries who allowed it, for the operation row and the journal entry."""
    approver = settlement_approver(
        ctx.uow, basket, {i: t.state for i, t in locked.items()}, refunded=refunded,
        threshold=ctx.station.supervisor_above, approval=approval,
        operator_id=ctx.station.operator_id, now=ctx.now)
    return replace(ctx, approver=approver)


def recheck_taken_back(ctx: Context, basket: CancellationBasket) -> dict[int, TakenBack]:
    """Step 2: the basket's tickets locked and checked again, and the operation on hold
    it was resumed from (if any) locked and still on hold."""
    locked = lock_and_recheck(ctx.uow, basket.tickets, ctx.clock, basket.held_operation_id)
    if basket.held_operation_id is not None:
        lock_held(ctx.uow, basket.held_operation_id)
    return locked


def assess_fees(ctx: Context, basket: CancellationBasket, kind: OperationKind,
                notes: OperationNotes | None) -> None:
    """Step 2b: the fees again, by the rules in the database, at the settlement's time.
    The tenders were checked against the basket's total: a fee that changed since the
    basket was shown (a window crossed, a rule edited) is refused, the new lines kept
    on the basket for the cashier to see."""
    requested_by = notes.requested_by if notes is not None else "public"
    if notes is None and basket.held_operation_id is not None:
        held = ctx.uow.session.get(Operation, basket.held_operation_id)
        requested_by = held.requested_by if held is not None else requested_by
    now = evaluate_fees(ctx.uow, basket, kind=kind.value, requested_by=requested_by,
                        clock=ctx.clock)
    if not same_amounts(now, basket.fee_lines):
        before = fee_total(basket.fee_lines)
        basket.fee_lines = now
        raise FeesChanged(before=euros(before), after=euros(fee_total(now)))
    basket.fee_lines = now


def lock_held(uow: UnitOfWork, operation_id: int, *, resuming: bool = False) -> Operation:
    """The operation on hold, row-locked; refused if it is no longer on hold."""
    operation = uow.session.get(Operation, operation_id, with_for_update=True,
                                populate_existing=True)
    if operation is None:
        raise UnknownOperationId(operation_id=operation_id)
    if operation.state is not OperationState.ON_HOLD:
        refusal = OperationNotOnHold if resuming else OperationNoLongerOnHold
        raise refusal(number=operation.number, state=STATE_WORDS[operation.state])
    return operation


def move_held(ctx: Context, operation: Operation, to: OperationState) -> None:
    """An operation on hold completed or abandoned: a conditional UPDATE, so that two
    counters resuming one slip settle it once (the second is refused)."""
    values: dict[str, object] = {"state": to}
    if to is OperationState.COMPLETED:
        values["completed_at"] = ctx.now
    table = Operation.__table__
    done = ctx.uow.session.execute(
        update(table).where(table.c.id == operation.id,
                            table.c.state == OperationState.ON_HOLD)
        .values(**values).returning(table.c.id)).scalar_one_or_none()
    if done is None:
        lock_held(ctx.uow, operation.id)  # raises, saying what became of it
    ctx.uow.session.refresh(operation)


@dataclass(frozen=True)
class OperationRef:
    """The operation a settlement writes under: what the later steps need of it."""

    id: int
    number: int


def open_operation(ctx: Context, basket: CancellationBasket, kind: OperationKind,
                   notes: OperationNotes | None, *,
                   state: OperationState = OperationState.COMPLETED) -> OperationRef:
    """Step 4: a new operation under the counter's next number, or the operation on hold
    the basket was resumed from, under its own number (its old lines go: the basket's
    are written again)."""
    s = ctx.uow.session
    if basket.held_operation_id is not None:
        operation = lock_held(ctx.uow, basket.held_operation_id)
        if state is not OperationState.ON_HOLD:
            move_held(ctx, operation, state)
        s.execute(delete(OperationLine).where(OperationLine.operation_id == operation.id))
        operation.kind = kind
        operation.refund_fees = basket.refund_fees
        operation.approved_by_id = ctx.approver.id if ctx.approver else None
        apply_notes(operation, notes)
        s.flush()
        reached("operation_opened")
        return OperationRef(operation.id, operation.number)
    checked = (notes or OperationNotes()).checked()
    number = take_operation_number(ctx.uow, ctx.station.counter_id)
    operation_id = ctx.uow.write(_NEW_OPERATION, {
        "counter_id": ctx.station.counter_id, "number": number, "kind": kind, "state": state,
        "created_at": ctx.now,
        "completed_at": ctx.now if state is OperationState.COMPLETED else None,
        "operator_id": ctx.station.operator_id,
        "approved_by_id": ctx.approver.id if ctx.approver else None,
        "refund_fees": basket.refund_fees,
        "requested_by": checked.requested_by, "cause": checked.cause,
        "remarks": checked.remarks}).scalar_one()
    reached("operation_opened")
    return OperationRef(operation_id, number)


def write_cancel_lines(ctx: Context, operation: OperationRef,
                       basket: CancellationBasket) -> None:
    ctx.uow.write(_NEW_LINES, [
        {"operation_id": operation.id, "ticket_id": item.ticket_id, "kind": LineKind.CANCEL,
         "price": item.price, "fees": basket.refunded_fees(item),
         "fee_kept": basket.fee_kept(item), "fee_rule": _fee_rule(basket, item.ticket_id),
         "paper_returned": item.paper_returned}
        for item in basket.tickets])


def _fee_rule(basket: CancellationBasket, ticket_id: int) -> str:
    line = basket.fee_lines.get(ticket_id)
    return line.label[:120] if line is not None else ""


def cancel_taken_back(ctx: Context, operation: OperationRef, basket: CancellationBasket,
                      locked: dict[int, TakenBack], replaced: Iterable[int] = ()) -> None:
    """Step 5: the taken-back tickets cancelled (``replaced``: ids of those exchanged one
    for one, which become replaced), with the operation's cancel lines."""
    replaced = set(replaced)
    for to in (TicketState.CANCELLED, TicketState.REPLACED):
        items = [i for i in basket.tickets if (i.ticket_id in replaced) == (
            to is TicketState.REPLACED)]
        if items:
            transition(ctx.uow, items, to, ctx.clock, locked)
    write_cancel_lines(ctx, operation, basket)
    reached("tickets_cancelled")


def touch_orders(ctx: Context, order_ids: Iterable[int]) -> None:
    """The orders show who changed them last, and where."""
    ctx.uow.write_in(_TOUCH_ORDERS, sorted(set(order_ids)), {
        "at": ctx.now, "by": ctx.station.operator_id, "point": ctx.station.sales_point_id})
    reached("orders_touched")


def append_journal(ctx: Context, action: str, operation: OperationRef | Operation | None,
                   *, net: Decimal | None = None, **payload: object) -> None:
    """Step 7. ``net``: the money of the operation's payments (what ``guichet journal
    verify`` checks them against)."""
    if operation is not None:
        payload = {"number": operation.number, **payload}
    if ctx.approver is not None:
        payload = {**payload, "approved_by": ctx.approver.login,
                   "approved_by_id": ctx.approver.id}
    journal.append(ctx.uow.session, at=ctx.now, action=action,
                   counter_id=ctx.station.counter_id, operator_id=ctx.station.operator_id,
                   operation_id=operation.id if operation is not None else None, net=net,
                   **payload)
    reached("journal_appended")


def enqueue_documents(ctx: Context, operation: OperationRef | Operation,
                      documents: Sequence[Document], *,
                      open_drawer: bool = False, waiting_note: str = "") -> tuple[int, ...]:
    """Step 8: the print jobs, in the settlement's transaction (the drawer kick rides on
    the first document only)."""
    if not documents:
        return ()
    if ctx.station.training:
        ctx.held_back.extend(documents)
        return ()
    job_ids = enqueue(ctx.uow.session, ctx.station.counter_id, operation.id, documents,
                      open_drawer, ctx.now, operator_id=ctx.station.operator_id,
                      waiting_note=waiting_note)
    reached("documents_enqueued")
    return job_ids


def enqueue_mail(ctx: Context, operation: OperationRef | Operation,
                 documents: Sequence[Document], mail: MailRequest | None) -> int | None:
    """Step 8b: the e-mail of the documents, in the settlement's transaction (the mail
    worker sends it after the commit, retries it, or the cashier prints it instead).
    None without a request, and in training mode (nothing is kept)."""
    if mail is None or ctx.station.training or not documents:
        return None
    job_id = enqueue_mail_job(ctx.uow.session, ctx.station.counter_id, operation.id,
                              operation.number, documents, mail, ctx.now,
                              operator_id=ctx.station.operator_id)
    return job_id


def commit(ctx: Context, outcome: Any = None, operation_id: int | None = None) -> None:
    """Step 9. ``outcome``: what the service returns, kept under the key (a retry gets
    it back); ``operation_id`` defaults to the outcome's. In training mode the whole
    settlement is rolled back instead and only its documents are printed, marked
    FORMATION (``services.training``): no key is kept, nothing happened."""
    if ctx.station.training:
        training.finish(ctx.uow, ctx.held_back, counter_id=ctx.station.counter_id,
                        operator_id=ctx.station.operator_id, now=ctx.now)
        return
    if ctx.key is not None:
        if operation_id is None:
            operation_id = getattr(outcome, "operation_id", None)
        record(ctx.uow, ctx.key, operation_id, outcome)
    reached("before_commit")
    ctx.uow.commit()
    reached("after_commit")


def held_ticket_numbers(uow: UnitOfWork, operation_id: int) -> list[str]:
    return list(uow.session.scalars(
        select(Ticket.number).join(OperationLine, OperationLine.ticket_id == Ticket.id)
        .where(OperationLine.operation_id == operation_id).order_by(Ticket.number)))


def fees_payload(basket: CancellationBasket) -> list[dict[str, str]]:
    """The fee lines of the basket, as the settlement's journal entry carries them."""
    return fee_payload(basket.fee_lines, {t.ticket_id: t.number for t in basket.tickets})
