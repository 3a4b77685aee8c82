""""Annuler l'annulation": a refund or an exchange of today, at this counter, undone
with a supervisor's approval. The tickets it took back are valid again, the tickets it
sold in exchange are cancelled, its money moves back by appended opposite movements
(``undo_money``), all under a new operation of kind undo, in one transaction of the
settlement pipeline's steps. A reactivated ticket's seat must still be free: the
refusal says who holds it. ``operation_undos`` keeps the pair; its key undoes an
operation once, even from two windows at the same instant."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError

from pos.core.basket import CancellationBasket
from pos.core.clock import Clock
from pos.core.documents import Document
from pos.core.errors import (
    AlreadyUndone,
    NothingToUndo,
    UndoNotSameCounter,
    UndoNotSameDay,
    UndoProductsSold,
    UndoRefused,
    UndoTicketChanged,
)
from pos.core.models import (
    Counter,
    LineKind,
    Operation,
    OperationKind,
    OperationLine,
    OperationState,
    PaymentMode,
    Ticket,
    TicketState,
)
from pos.core.models_catalog import ProductSale
from pos.core.models_holds import OperationUndo
from pos.core.services import settlement as step
from pos.core.services.approvals import Approval
from pos.core.services.scanning import parse_ticket_number
from pos.core.services.station import Station
from pos.core.services.ticket_transitions import TakenBack, transition
from pos.core.services.undo_checks import check_seats_free, undo_receipt
from pos.core.services.undo_money import Reversal, reversals_payload, reverse_money
from pos.core.uow import UnitOfWork
from pos.formatting import local


@dataclass(frozen=True)
class UndoResult:
    operation_id: int
    operation_number: int
    undone_number: int
    reactivated: tuple[str, ...]
    cancelled: tuple[str, ...]  # the replacement tickets of an exchange
    reversals: tuple[Reversal, ...]
    documents: tuple[Document, ...]
    print_job_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class _Line:
    """A ticket of the undone operation, shaped as ``transition`` expects."""

    ticket_id: int
    number: str
    price: object
    fees: object
    kind: LineKind
    approved_by: str = ""


def _find(ctx: step.Context, number: str) -> Operation:
    """The completed operation that took the ticket back last, row-locked."""
    s = ctx.uow.session
    operation_id = s.scalar(
        select(Operation.id).join(OperationLine, OperationLine.operation_id == Operation.id)
        .join(Ticket, Ticket.id == OperationLine.ticket_id)
        .where(Ticket.number == number, OperationLine.kind == LineKind.CANCEL,
               Operation.state == OperationState.COMPLETED,
               Operation.kind.in_([OperationKind.REFUND, OperationKind.EXCHANGE]),
               Ticket.state.in_([TicketState.CANCELLED, TicketState.REPLACED]))
        .order_by(Operation.completed_at.desc(), Operation.id.desc()).limit(1))
    if operation_id is None:
        raise NothingToUndo(number=number)
    operation = s.get(Operation, operation_id, with_for_update=True, populate_existing=True)
    assert operation is not None
    return operation


def _check_operation(ctx: step.Context, operation: Operation) -> None:
    s = ctx.uow.session
    if operation.counter_id != ctx.station.counter_id:
        raise UndoNotSameCounter(operation=operation.number,
                                 counter=s.get(Counter, operation.counter_id).name)
    if operation.completed_at is None or \
            local(operation.completed_at).date() != local(ctx.now).date():
        raise UndoNotSameDay(operation=operation.number)
    undo = s.scalar(select(Operation.number).join(
        OperationUndo, OperationUndo.undo_operation_id == Operation.id)
        .where(OperationUndo.undone_operation_id == operation.id))
    if undo is not None:
        raise AlreadyUndone(operation=operation.number, undo=undo)
    if s.scalar(select(func.count()).select_from(ProductSale).where(
            ProductSale.operation_id == operation.id, ProductSale.on_tickets.is_(False))):
        raise UndoProductsSold(operation=operation.number)


def _lock_lines(ctx: step.Context, operation: Operation) -> tuple[list[_Line], dict]:
    """Its tickets locked (id order) and checked: taken back ones still cancelled or
    replaced, sold ones still valid."""
    rows = ctx.uow.session.execute(
        select(OperationLine.kind, OperationLine.price, OperationLine.fees, Ticket.id,
               Ticket.number, Ticket.order_id, Ticket.state, Ticket.price, Ticket.fees)
        .join(Ticket, Ticket.id == OperationLine.ticket_id)
        .where(OperationLine.operation_id == operation.id)
        .order_by(Ticket.id).with_for_update(of=Ticket)).all()
    lines, locked = [], {}
    for r in rows:
        expected = ((TicketState.CANCELLED, TicketState.REPLACED) if r.kind is LineKind.CANCEL
                    else (TicketState.VALID,))
        if r[6] not in expected:
            raise UndoTicketChanged(number=r.number, operation=operation.number)
        lines.append(_Line(r.id, r.number, r[1], r[2], r.kind))
        locked[r.id] = TakenBack(r.id, r.number, r.order_id, r[6], r[7], r[8], None)
    return lines, locked


def _move(ctx: step.Context, clock: Clock, lines: list[_Line], locked: dict) -> None:
    """Step 5: the sold tickets cancelled first (their seats free), then the taken-back
    ones valid again; the live-seat index stays the last guard of their seats."""
    sold = [i for i in lines if i.kind is LineKind.SALE]
    back = [i for i in lines if i.kind is LineKind.CANCEL]
    if sold:
        transition(ctx.uow, sold, TicketState.CANCELLED, clock, locked,
                   expected=(TicketState.VALID,))
    try:
        transition(ctx.uow, back, TicketState.VALID, clock, locked,
                   expected=(TicketState.CANCELLED, TicketState.REPLACED))
    except IntegrityError:  # a seat sold meanwhile by a path that took no seat lock
        raise UndoRefused() from None
    ctx.uow.session.execute(update(Ticket).where(Ticket.id.in_([i.ticket_id for i in back]))
                            .values(replaced_by_id=None))


def undo_cancellation(uow: UnitOfWork, raw: str, approval: Approval, station: Station,
                      clock: Clock) -> UndoResult:
    """Undo the operation that refunded or replaced ticket ``raw`` (a supervisor's
    ``approvals.approve`` first). One transaction."""
    number = parse_ticket_number(raw)
    ctx = step.open_write(uow, station, clock)
    undone = _find(ctx, number)
    _check_operation(ctx, undone)
    lines, locked = _lock_lines(ctx, undone)
    back = [i.ticket_id for i in lines if i.kind is LineKind.CANCEL]
    sold = [i.ticket_id for i in lines if i.kind is LineKind.SALE]
    check_seats_free(ctx, back, sold)
    operation = step.open_operation(ctx, CancellationBasket(), OperationKind.UNDO, None)
    uow.session.execute(insert(OperationUndo).values(
        undone_operation_id=undone.id, undo_operation_id=operation.id,
        approved_by_id=approval.supervisor_id, at=ctx.now, tickets=len(back)))
    _move(ctx, clock, lines, locked)
    uow.session.execute(insert(OperationLine), [
        {"operation_id": operation.id, "ticket_id": i.ticket_id,
         "kind": LineKind.SALE if i.kind is LineKind.CANCEL else LineKind.CANCEL,
         "price": i.price, "fees": i.fees} for i in lines])
    reversals = reverse_money(ctx, undone.id, operation.id, undone.number)
    step.touch_orders(ctx, {t.order_id for t in locked.values()})
    result = UndoResult(
        operation.id, operation.number, undone.number,
        tuple(i.number for i in lines if i.kind is LineKind.CANCEL),
        tuple(i.number for i in lines if i.kind is LineKind.SALE), tuple(reversals), ())
    step.append_journal(ctx, "operation.undone", operation, undone=undone.number,
                        approved_by=approval.supervisor_login,
                        tickets=list(result.reactivated), cancelled=list(result.cancelled),
                        payments=reversals_payload(reversals))
    receipt = undo_receipt(ctx, result)
    job_ids = step.enqueue_documents(ctx, operation, (receipt,), open_drawer=any(
        r.mode is PaymentMode.CASH for r in reversals))
    step.commit(ctx)
    return replace(result, documents=(receipt,), print_job_ids=job_ids)
