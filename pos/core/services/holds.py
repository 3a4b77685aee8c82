"""Putting an operation on hold (METTRE EN ATTENTE), completing or abandoning it.

A held operation is an ``Operation`` in state on_hold whose cancel lines are the basket's
tickets. It takes its number from the counter when it is first held (the same gapless
``UPDATE ... RETURNING`` as a settlement), its tickets are held from every other basket
(``scanning.holds_of``), and its slip carries the number as a barcode to bring it back
(``held_operations``). Settling it completes it under the same number
(``refund_basket(held_operation_id=...)`` calls ``complete_held``); abandoning it marks
it abandoned: its tickets are free again and its number stays used, so numbering keeps
no gap.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select

from pos.core import journal
from pos.core.basket import BasketTicket, CancellationBasket
from pos.core.clock import Clock
from pos.core.documents import Document
from pos.core.errors import DomainError, EmptyBasket, SettlementError, TicketNotRefundable
from pos.core.hold_slip import HoldSlip, hold_slip
from pos.core.models import (
    LineKind,
    Operation,
    OperationKind,
    OperationLine,
    OperationState,
    Order,
    Ticket,
)
from pos.core.money import ZERO, as_text
from pos.core.services.contact_details import basket_contact
from pos.core.services.operation_notes import REQUESTED_BY_LABELS, OperationNotes, apply_notes
from pos.core.services.payment_reminder import lock_orders, refundable
from pos.core.services.print_jobs import enqueue as enqueue_print_jobs
from pos.core.services.scanning import holds_of, lock_and_recheck
from pos.core.services.station import Station
from pos.core.uow import UnitOfWork
from pos.formatting import money as euros

STATE_WORDS = {
    OperationState.OPEN: "en cours",
    OperationState.ON_HOLD: "en attente",
    OperationState.COMPLETED: "terminé",
    OperationState.ABANDONED: "abandonné",
}


class UnknownOperation(DomainError):
    code = "unknown_operation"


class OperationNotOnHold(DomainError):
    code = "operation_not_on_hold"


@dataclass(frozen=True)
class HoldResult:
    operation_id: int
    operation_number: int
    documents: tuple[Document, ...]  # the hold slip
    print_job_ids: tuple[int, ...] = ()  # its job, written in the hold's transaction


def check_not_held(uow: UnitOfWork, items: Iterable[BasketTicket],
                   own_operation_id: int | None = None) -> None:
    """Refuse tickets held by another operation on hold (checked again under the ticket
    locks of a settlement or a hold: the scan may predate the hold)."""
    items = list(items)
    held = holds_of(uow, [t.ticket_id for t in items], own_operation_id)
    for item in items:
        if item.ticket_id in held:
            raise TicketNotRefundable(
                f"Billet {item.number} retenu par l'ordre {held[item.ticket_id]} en attente.",
                number=item.number)


def lock_held(uow: UnitOfWork, operation_id: int) -> Operation:
    """The operation on hold, row-locked; refused if it is no longer on hold."""
    operation = uow.session.get(Operation, operation_id, with_for_update=True)
    if operation is None:
        raise UnknownOperation("Ordre inconnu.", operation_id=operation_id)
    if operation.state is not OperationState.ON_HOLD:
        raise OperationNotOnHold(
            f"L'ordre {operation.number} n'est plus en attente "
            f"({STATE_WORDS[operation.state]}).", number=operation.number)
    return operation


def complete_held(uow: UnitOfWork, operation_id: int, now: datetime, *,
                  refund_fees: bool) -> Operation:
    """For ``refund_basket``: the resumed operation becomes the completed one, same number;
    its old lines go, the settlement writes the basket's."""
    operation = lock_held(uow, operation_id)
    uow.session.execute(delete(OperationLine).where(OperationLine.operation_id == operation.id))
    operation.state = OperationState.COMPLETED
    operation.completed_at = now
    operation.refund_fees = refund_fees
    return operation


def _lock_valid_tickets(uow: UnitOfWork, basket: CancellationBasket) -> dict[int, Ticket]:
    return lock_and_recheck(uow, basket.tickets)

def hold_basket(
    uow: UnitOfWork,
    basket: CancellationBasket,
    station: Station,
    clock: Clock,
    *,
    notes: OperationNotes | None = None,
) -> HoldResult:
    """Save the basket as an operation on hold and build its slip. A basket resumed from a
    held operation is held again under its own number; otherwise the counter's next
    number is taken. One transaction."""
    from pos.core.services.refunds import _take_operation_number  # refunds imports us

    if not basket.tickets:
        raise EmptyBasket("Le panier d'annulation est vide.")
    notes = (notes or OperationNotes()).checked()
    s = uow.session
    now = clock.now()
    _lock_valid_tickets(uow, basket)
    check_not_held(uow, basket.tickets, basket.held_operation_id)
    by_order = basket.refund_by_order()
    lock_orders(uow, by_order)
    ticket_ids = [t.ticket_id for t in basket.tickets]
    for order_id, amount in by_order.items():
        ceiling = refundable(uow, order_id, ticket_ids)
        if amount > ceiling:
            number = s.get(Order, order_id).number  # type: ignore[union-attr]
            raise SettlementError(
                f"Dossier {number} : on ne peut pas promettre {euros(amount)}, "
                f"seulement {euros(max(ceiling, ZERO))} ont été payés et ne sont ni "
                "remboursés ni promis à un remboursement en attente.")

    if basket.held_operation_id is not None:
        operation = lock_held(uow, basket.held_operation_id)
        s.execute(delete(OperationLine).where(OperationLine.operation_id == operation.id))
    else:
        operation = Operation(
            counter_id=station.counter_id,
            number=_take_operation_number(uow, station.counter_id),
            kind=OperationKind.REFUND,
            state=OperationState.ON_HOLD,
            created_at=now,
            operator_id=station.operator_id,
        )
        s.add(operation)
    operation.refund_fees = basket.refund_fees
    apply_notes(operation, notes)
    s.flush()
    for item in basket.tickets:
        s.add(OperationLine(operation_id=operation.id, ticket_id=item.ticket_id,
                            kind=LineKind.CANCEL, price=item.price,
                            fees=basket.refunded_fees(item)))
    total = basket.refund_total
    journal.append(
        s, at=now, action="operation.held", counter_id=station.counter_id,
        operator_id=station.operator_id, operation_id=operation.id, number=operation.number,
        tickets=[t.number for t in basket.tickets], amount=as_text(total),
        requested_by=notes.requested_by, cause=notes.cause, remarks=notes.remarks)
    contact = basket_contact(uow, basket)
    s.flush()
    slip = hold_slip(HoldSlip(
        venue=station.venue_name, counter=station.counter_name,
        sales_point=station.sales_point_name, operator=station.operator_login,
        operation_number=operation.number, at=now,
        contact_name=contact.name if contact else "",
        contact_lines=((contact.organisation,) if contact and contact.organisation else ())
        + (contact.address_lines + ((contact.email,) if contact.email else ())
           if contact else ()),
        groups=basket.groups(), refund_fees=basket.refund_fees, total=-total,
        requested_by=REQUESTED_BY_LABELS[notes.requested_by], cause=notes.cause,
        remarks=notes.remarks))
    job_ids = enqueue_print_jobs(s, station.counter_id, operation.id, (slip,), False, now,
                                 operator_id=station.operator_id)
    result = HoldResult(operation.id, operation.number, (slip,), job_ids)
    uow.commit()
    return result


def abandon_held(uow: UnitOfWork, operation_id: int, station: Station, clock: Clock) -> int:
    """ABANDONNER ORDRE on a held operation: it is marked abandoned (its number stays
    used), its tickets are free again, nothing else changes. Returns its number."""
    operation = lock_held(uow, operation_id)
    operation.state = OperationState.ABANDONED
    tickets = uow.session.scalars(
        select(Ticket.number).join(OperationLine, OperationLine.ticket_id == Ticket.id)
        .where(OperationLine.operation_id == operation.id).order_by(Ticket.number)).all()
    journal.append(
        uow.session, at=clock.now(), action="operation.abandoned",
        counter_id=station.counter_id, operator_id=station.operator_id,
        operation_id=operation.id, number=operation.number, tickets=list(tickets))
    number = operation.number
    uow.commit()
    return number
