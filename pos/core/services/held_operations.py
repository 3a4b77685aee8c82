"""Finding and resuming operations on hold: by the slip's barcode, by any of their
tickets, or from the list of held operations. Resuming changes nothing in the database
but the journal: the operation stays on hold (its tickets stay held) until it is
settled, held again or abandoned."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from pos.core.basket import BasketTicket
from pos.core.clock import Clock
from pos.core.errors import HeldSeatGone, OperationNotOnHold, UnknownOperation
from pos.core.exchange_basket import ExchangeBasket
from pos.core.held_sale_codec import without_seats
from pos.core.models import (
    Counter,
    LineKind,
    Operation,
    OperationLine,
    OperationState,
    Operator,
    Ticket,
)
from pos.core.money import ZERO
from pos.core.services import settlement as step
from pos.core.services.contact_details import order_contact
from pos.core.services.operation_notes import OperationNotes, notes_of
from pos.core.services.scanning import TICKET_NUMBER, _refusal, snapshot, ticket_load_options
from pos.core.services.seat_holds import (
    DEFAULT_SEAT_MINUTES,
    load_held_sale,
    save_held_sale,
    unavailable,
)
from pos.core.services.settlement import STATE_WORDS
from pos.core.services.station import Station
from pos.core.uow import UnitOfWork
from pos.formatting import local

SLIP_BARCODE = re.compile(r"OP([0-9]{8})")


@dataclass(frozen=True)
class ResumedOperation:
    operation_id: int
    operation_number: int
    tickets: tuple[BasketTicket, ...]
    refund_fees: bool
    notes: OperationNotes
    dropped: tuple[str, ...]  # why a held ticket could not come back, in the cashier's words
    sale: ExchangeBasket | None = None  # the sale side of a held exchange
    seats_changed: tuple[str, ...] = ()  # its seats no longer free, in the cashier's words
    seats_until: datetime | None = None


@dataclass(frozen=True)
class HeldOperation:
    operation_id: int
    number: int
    counter: str
    operator: str
    held_at: datetime
    contact: str
    tickets: int
    total: Decimal  # what it will give back (positive)
    sold: Decimal = ZERO  # what a held exchange sells: the balance is sold - total


def _held_by_number(uow: UnitOfWork, number: int, station: Station) -> int:
    rows = uow.session.execute(
        select(Operation.id, Operation.state, Operation.counter_id)
        .where(Operation.number == number)).all()
    if not rows:
        raise UnknownOperation(number=number)
    # Numbers are per counter: this counter's first, else the one held elsewhere.
    rows.sort(key=lambda r: (r.state is not OperationState.ON_HOLD,
                             r.counter_id != station.counter_id))
    best = rows[0]
    if best.state is not OperationState.ON_HOLD:
        raise OperationNotOnHold(number=number, state=STATE_WORDS[best.state])
    return best.id


def find_held_operation(uow: UnitOfWork, raw: str, station: Station) -> int | None:
    """The id of the held operation a scan designates: a hold slip's barcode
    ("OP00001271") or a ticket it holds. None for a ticket held by nobody (or not a
    ticket number: scanning says what is wrong with it)."""
    code = raw.strip().upper()
    slip = SLIP_BARCODE.fullmatch(code)
    if slip:
        return _held_by_number(uow, int(slip.group(1)), station)
    if not TICKET_NUMBER.fullmatch(code):
        return None
    return uow.session.scalar(
        select(Operation.id)
        .join(OperationLine, OperationLine.operation_id == Operation.id)
        .join(Ticket, Ticket.id == OperationLine.ticket_id)
        .where(Ticket.number == code, OperationLine.kind == LineKind.CANCEL,
               Operation.state == OperationState.ON_HOLD)
        .limit(1))


def resume_operation(uow: UnitOfWork, operation_id: int, station: Station,
                     clock: Clock, *, seat_minutes: int = DEFAULT_SEAT_MINUTES
                     ) -> ResumedOperation:
    """The held operation's basket, each ticket checked again (one checked in or refunded
    meanwhile stays out, and ``dropped`` says why); a held exchange's sale side with it,
    its seats checked again (``seats_changed``) and held anew for ``seat_minutes``."""
    ctx = step.open_write(uow, station, clock)
    operation = step.lock_held(uow, operation_id, resuming=True)
    lines = uow.session.scalars(
        select(OperationLine).where(OperationLine.operation_id == operation.id,
                                    OperationLine.kind == LineKind.CANCEL)
        .options(joinedload(OperationLine.ticket).options(*ticket_load_options()))
        .order_by(OperationLine.id)).all()
    tickets, dropped = [], []
    for line in lines:
        refusal = _refusal(uow, line.ticket, clock, operation.id)
        if refusal:
            dropped.append(refusal)
        else:
            tickets.append(replace(snapshot(line.ticket), paper_returned=line.paper_returned))
    sale, changed, until = _resume_sale(ctx, operation.id, tickets, seat_minutes)
    step.append_journal(ctx, "operation.resumed", operation,
                        tickets=[t.number for t in tickets],
                        dropped=[r.render("fr") for r in dropped],  # the journal stays French
                        **({"seats_changed": [r.render("fr") for r in changed]}
                           if changed else {}))
    result = ResumedOperation(operation.id, operation.number, tuple(tickets),
                              operation.refund_fees, notes_of(operation),
                              tuple(str(r) for r in dropped), sale,
                              tuple(str(r) for r in changed), until)
    step.commit(ctx)
    return result


def _resume_sale(ctx: step.Context, operation_id: int, tickets: list[BasketTicket],
                 seat_minutes: int) -> tuple[ExchangeBasket | None, list[HeldSeatGone],
                                             datetime | None]:
    """The sale side kept with the operation: its seats sold or held elsewhere since
    (the hold ran out) are taken out, said in ``HeldSeatGone`` words; the rest held
    again from now."""
    kept = load_held_sale(ctx.uow, operation_id)
    if kept is None:
        return None, [], None
    sale, until = kept
    gone = unavailable(ctx.uow, sale, [t.ticket_id for t in tickets], ctx.now, operation_id)
    changed = [HeldSeatGone(seat=" ".join(p for p in (t.area, t.seat) if p),
                            event=t.event_name, until=local(until).strftime("%H:%M"))
               for t in gone]
    if gone:
        sale = without_seats(sale, {t.line_id for t in gone})
    until = ctx.now + timedelta(minutes=seat_minutes)
    save_held_sale(ctx.uow, operation_id, sale, until)
    return sale, changed, until


def held_operations(uow: UnitOfWork) -> list[HeldOperation]:
    """Every operation on hold, oldest first (the list a cashier picks one from)."""
    s = uow.session
    ops = s.execute(
        select(Operation, Counter.name, Operator.login)
        .join(Counter, Counter.id == Operation.counter_id)
        .join(Operator, Operator.id == Operation.operator_id)
        .where(Operation.state == OperationState.ON_HOLD)
        .order_by(Operation.created_at, Operation.id)).all()
    result = []
    for op, counter, operator in ops:
        lines = s.execute(
            select(OperationLine.price, OperationLine.fees, Ticket.order_id)
            .join(Ticket, Ticket.id == OperationLine.ticket_id)
            .where(OperationLine.operation_id == op.id, OperationLine.kind == LineKind.CANCEL)
            .order_by(OperationLine.id)).all()
        contact = order_contact(uow, lines[0].order_id) if lines else None
        kept = load_held_sale(uow, op.id)
        result.append(HeldOperation(
            op.id, op.number, counter, operator, op.created_at,
            contact.display_name if contact else "", len(lines),
            sum((line.price + line.fees for line in lines), ZERO),
            kept[0].sold_total if kept else ZERO))
    return result
