"""Taking a ticket back into the cancellation basket from its number."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import Integer, bindparam, select
from sqlalchemy.orm import joinedload

from pos.core.basket import BasketTicket, CancellationBasket, basket_ticket
from pos.core.clock import Clock
from pos.core.errors import (
    ApprovalRequired,
    MalformedScan,
    PerformanceStarted,
    TicketAlreadyCancelled,
    TicketAlreadyRefunded,
    TicketCheckedIn,
    TicketCheckedInUndated,
    TicketHeld,
    TicketNotRefundable,
    TicketReplaced,
    TicketUnpaidReservation,
    UnknownTicket,
)
from pos.core.models import (
    Area,
    Contact,
    Event,
    LineKind,
    Operation,
    OperationLine,
    OperationState,
    Order,
    Performance,
    PriceCategory,
    Seat,
    Tariff,
    Ticket,
    TicketState,
)
from pos.core.prepared import PreparedInQuery, PreparedQuery
from pos.core.remembered import remembered
from pos.core.uow import UnitOfWork
from pos.formatting import timestamp

TICKET_NUMBER = re.compile(r"[0-9]{11}")
_SHOWN = 24  # characters of a bad scan quoted back to the cashier


class _Done(NamedTuple):
    number: int
    completed_at: datetime


def parse_ticket_number(raw: str) -> str:
    """The 11-digit number of a scan, or ``MalformedScan`` saying what was read."""
    code = raw.strip()
    if TICKET_NUMBER.fullmatch(code):
        return code
    printable = "".join(c if c.isprintable() else "\ufffd" for c in code[:_SHOWN])
    more = "…" if len(code) > _SHOWN else ""
    raise MalformedScan(code=f"{printable}{more}", raw_length=len(raw))


def ticket_load_options() -> tuple:
    """What a basket snapshot and a refusal need, loaded with the ticket."""
    return (
        joinedload(Ticket.order).joinedload(Order.contact),
        joinedload(Ticket.performance).joinedload(Performance.event),
        joinedload(Ticket.seat).joinedload(Seat.area),
        joinedload(Ticket.category),
        joinedload(Ticket.tariff),
        joinedload(Ticket.replaced_by),
    )


def _load(uow: UnitOfWork, number: str) -> Ticket | None:
    return uow.session.scalar(
        select(Ticket).where(Ticket.number == number).options(*ticket_load_options())
    )


_REFUNDS = PreparedInQuery(lambda ids: (
    select(OperationLine.ticket_id, Operation.number, Operation.completed_at)
    .join(Operation, OperationLine.operation_id == Operation.id)
    .where(OperationLine.ticket_id.in_(ids), OperationLine.kind == LineKind.CANCEL,
           Operation.state == OperationState.COMPLETED)))


def refunds_of(uow: UnitOfWork, ticket_ids: list[int]) -> dict[int, tuple[int, datetime]]:
    """ticket id -> (number, completed_at) of the completed operation that refunded it."""
    return {r.ticket_id: (r.number, r.completed_at)
            for r in uow.fetch_in(_REFUNDS, list(ticket_ids)) if r.completed_at}


def holds_of(
    uow: UnitOfWork, ticket_ids: list[int], exclude_operation_id: int | None = None
) -> dict[int, int]:
    """ticket id -> number of the operation on hold that holds it (METTRE EN ATTENTE);
    ``exclude_operation_id``: the held operation the basket itself belongs to."""
    if not ticket_ids:
        return {}
    query = (
        select(OperationLine.ticket_id, Operation.number)
        .join(Operation, OperationLine.operation_id == Operation.id)
        .where(
            OperationLine.ticket_id.in_(ticket_ids),
            OperationLine.kind == LineKind.CANCEL,
            Operation.state == OperationState.ON_HOLD,
        )
    )
    if exclude_operation_id is not None:
        query = query.where(Operation.id != exclude_operation_id)
    return {r.ticket_id: r.number for r in uow.session.execute(query)}


def _refusal(
    uow: UnitOfWork, ticket: Ticket, clock: Clock, own_operation_id: int | None = None,
    approved: bool = False,
) -> TicketNotRefundable | None:
    """Why this ticket cannot be refunded here (the refusal, not raised); None if it can."""
    refunded = None
    if ticket.state is TicketState.CANCELLED:
        refunded = refunds_of(uow, [ticket.id]).get(ticket.id)
    held_by = holds_of(uow, [ticket.id], own_operation_id).get(ticket.id)
    return refusal_message(ticket, clock.now(), refunded, held_by, approved)


def needs_approval(ticket: Ticket, now: datetime) -> bool:
    """A refusal a supervisor may lift: checked in at the door, or performance started."""
    return ticket.state is TicketState.CHECKED_IN or (
        ticket.state is TicketState.VALID and ticket.performance.starts_at <= now
    )


def refusal_message(
    ticket: Ticket, now: datetime, refunded: tuple[int, datetime] | None = None,
    held_by: int | None = None, approved: bool = False,
) -> TicketNotRefundable | None:
    """The refusal of ``_refusal`` from facts already read (``refunded``: the number and
    completion time of the operation that refunded a cancelled ticket)."""
    return _refusal_text(
        ticket.number, ticket.state,
        ticket.replaced_by.number if ticket.replaced_by else None,
        ticket.checked_in_at, ticket.performance.starts_at, now, refunded, held_by, approved)


def _refusal_text(
    n: str, state: TicketState, replaced_by: str | None, checked_in_at: datetime | None,
    starts_at: datetime, now: datetime, refunded: tuple[int, datetime] | None,
    held_by: int | None, approved: bool,
) -> TicketNotRefundable | None:
    """The refusal in the cashier's words, from plain facts (an ORM ticket's or a row's)."""
    if state is TicketState.CANCELLED:
        done = None if refunded is None else _Done(*refunded)
        if done is not None and done.completed_at is not None:
            return TicketAlreadyRefunded(number=n, operation=done.number,
                                         completed_at=timestamp(done.completed_at))
        return TicketAlreadyCancelled(number=n)
    if state is TicketState.REPLACED:
        return TicketReplaced(number=n, new=replaced_by if replaced_by else "?")
    if state is TicketState.RESERVED:
        return TicketUnpaidReservation(number=n)
    if state is TicketState.CHECKED_IN and not approved:
        if checked_in_at:
            return TicketCheckedIn(number=n, checked_in_at=timestamp(checked_in_at))
        return TicketCheckedInUndated(number=n)
    if starts_at <= now and not approved:
        return PerformanceStarted(number=n, starts_at=timestamp(starts_at))
    if held_by is not None:  # see holds_of
        return TicketHeld(number=n, operation=held_by)
    return None


def snapshot(ticket: Ticket, approved_by: str = "") -> BasketTicket:
    seat = ticket.seat
    return BasketTicket(
        ticket_id=ticket.id,
        number=ticket.number,
        order_id=ticket.order_id,
        order_number=ticket.order.number,
        contact_name=ticket.order.contact.display_name,
        event_name=ticket.performance.event.name,
        performance_id=ticket.performance_id,
        starts_at=ticket.performance.starts_at,
        area=seat.area.name if seat else "",
        seat=seat.label if seat else "",
        category=ticket.category.name,
        tariff=ticket.tariff.name,
        price=ticket.price,
        fees=ticket.fees,
        approved_by=approved_by,
    )


def _scan_statement():
    """The scan in one statement of plain columns: the ticket by its unique number, what
    its basket line shows (small reference tables joined by primary key) and the
    operation on hold that holds it, if any (a correlated look-up on its lines). No ORM
    instance is built."""
    new = Ticket.__table__.alias("replacement")  # a Core alias: building it configures no mapper
    held = (select(Operation.number)
            .join(OperationLine, OperationLine.operation_id == Operation.id)
            .where(OperationLine.ticket_id == Ticket.id,
                   OperationLine.kind == LineKind.CANCEL,
                   Operation.state == OperationState.ON_HOLD,
                   Operation.id != bindparam("own", type_=Integer))
            .limit(1).correlate(Ticket).scalar_subquery())
    return (
        # A range's 500 rows hold a handful of states, prices and dates: each distinct
        # value converted once (pos.core.remembered).
        select(Ticket.id, Ticket.number, remembered(Ticket.state), Ticket.order_id,
               Ticket.performance_id, remembered(Ticket.price), remembered(Ticket.fees),
               Ticket.checked_in_at,
               Order.number.label("order_number"), Contact.last_name, Contact.first_name,
               Contact.organisation, Contact.relation, Event.name.label("event_name"),
               remembered(Performance.starts_at), Area.name.label("area"),
               Seat.label.label("seat"),
               PriceCategory.name.label("category"), Tariff.name.label("tariff"),
               new.c.number.label("replaced_by"), held.label("held_by"))
        .join(Order, Order.id == Ticket.order_id)
        .join(Contact, Contact.id == Order.contact_id)
        .join(Performance, Performance.id == Ticket.performance_id)
        .join(Event, Event.id == Performance.event_id)
        .join(PriceCategory, PriceCategory.id == Ticket.category_id)
        .join(Tariff, Tariff.id == Ticket.tariff_id)
        .outerjoin(Seat, Seat.id == Ticket.seat_id)
        .outerjoin(Area, Area.id == Seat.area_id)
        .outerjoin(new, new.c.id == Ticket.replaced_by_id)
    )


_COLUMNS = _scan_statement()
_SCAN = PreparedQuery(_COLUMNS.where(Ticket.number == bindparam("number")))


_BY_NUMBERS = PreparedInQuery(lambda numbers: _COLUMNS.where(Ticket.number.in_(numbers)))
_BY_RANGE = PreparedQuery(_COLUMNS.where(
    Ticket.number.between(bindparam("first"), bindparam("last"))))


def ticket_rows(uow: UnitOfWork, numbers: Sequence[str],
                own_operation_id: int | None = None) -> list[Any]:
    """The scan's plain columns for every ticket of ``numbers`` (a list's, an order's),
    in one statement, with ``held_by``: what ``row_refusal`` and ``row_snapshot`` need.
    For bulk take-backs."""
    numbers = list(numbers)
    if _dense(numbers):
        # A confirmed range (its refundable numbers): one BETWEEN walk of the unique
        # index costs less than probing it once per value of a 500-long IN list.
        wanted = set(numbers)
        return [r for r in range_rows(uow, min(numbers), max(numbers), own_operation_id)
                if r.number in wanted]
    return uow.fetch_in(_BY_NUMBERS, numbers, {"own": own_operation_id or 0})


def _dense(numbers: list[str]) -> bool:
    """Ticket numbers (11 digits: their text order is their numeric order) that fill at
    least half of the span from the smallest to the largest."""
    if len(numbers) < 2 or set(map(len, numbers)) != {11}:
        return False
    digits = "".join(numbers)  # one test of the 500 numbers' characters, not 500
    if not (digits.isascii() and digits.isdigit()):
        return False
    return int(max(numbers)) - int(min(numbers)) < 2 * len(numbers)


def rows_where(uow: UnitOfWork, where: Any, own_operation_id: int | None = None) -> list[Any]:
    """``ticket_rows`` for any condition on the tickets (an order's, a performance's):
    built at each call, for the batch paths that are not the counter's hot ones."""
    return list(uow.session.connection().execute(
        _COLUMNS.where(where), {"own": own_operation_id or 0}).all())


def range_rows(uow: UnitOfWork, first: str, last: str,
               own_operation_id: int | None = None) -> list[Any]:
    """``ticket_rows`` for every ticket numbered from ``first`` to ``last``."""
    return uow.fetch(_BY_RANGE, {"first": first, "last": last, "own": own_operation_id or 0})


def row_refusal(row: Any, now: datetime, refunded: tuple[int, datetime] | None = None,
                approved: bool = False) -> TicketNotRefundable | None:
    """``refusal_message`` for a row of ``ticket_rows`` (its hold already read)."""
    return _refusal_text(row.number, row.state, row.replaced_by, row.checked_in_at,
                         row.starts_at, now, refunded, row.held_by, approved)


def row_snapshot(row: Any, approved_by: str = "") -> BasketTicket:
    """``snapshot`` for a row of ``ticket_rows``."""
    return basket_ticket(
        ticket_id=row.id,
        number=row.number,
        order_id=row.order_id,
        order_number=row.order_number,
        contact_name=Contact.display_name.fget(row),  # type: ignore[attr-defined]
        event_name=row.event_name,
        performance_id=row.performance_id,
        starts_at=row.starts_at,
        area=row.area or "",
        seat=row.seat or "",
        category=row.category,
        tariff=row.tariff,
        price=row.price,
        fees=row.fees,
        approved_by=approved_by,
        paper_returned=False,
    )


def check_refundable(
    uow: UnitOfWork, raw: str, clock: Clock, *, own_operation_id: int | None = None,
    approved_by: str = "",
) -> BasketTicket:
    """``approved_by``: the supervisor who allowed a checked-in / past-performance refund."""
    number = parse_ticket_number(raw)
    rows = uow.fetch(_SCAN, {"number": number, "own": own_operation_id or 0})
    row = rows[0] if rows else None
    if row is None:
        raise UnknownTicket(number=number)
    now = clock.now()
    state = row.state
    refunded = (refunds_of(uow, [row.id]).get(row.id) if state is TicketState.CANCELLED
                else None)
    facts = (row.number, state, row.replaced_by, row.checked_in_at, row.starts_at, now,
             refunded, row.held_by)
    approval = state is TicketState.CHECKED_IN or (
        state is TicketState.VALID and row.starts_at <= now)  # as needs_approval
    refusal = _refusal_text(*facts, approved=bool(approved_by))
    if refusal:
        if isinstance(refusal, ApprovalRequired):
            # What a supervisor's approval would not lift is said instead (held elsewhere).
            refusal = _refusal_text(*facts, approved=True) or refusal
        refusal.details["state"] = state.value
        raise refusal
    return row_snapshot(row, approved_by if approval else "")


def take_ticket(
    uow: UnitOfWork, basket: CancellationBasket, raw: str, clock: Clock, *,
    approved_by: str = "",
) -> BasketTicket:
    """Check a scanned number and add the ticket to the basket; raises a DomainError.
    ``approved_by``: a supervisor's login from ``approvals.approve``."""
    number = parse_ticket_number(raw)
    if number in basket:
        # Said before any database work: a double scan is the commonest slip.
        basket.add(next(t for t in basket.tickets if t.number == number))
    ticket = check_refundable(uow, number, clock, own_operation_id=basket.held_operation_id,
                              approved_by=approved_by)
    # A scanned ticket is the paper one in the cashier's hand: "billet papier repris" on.
    ticket = replace(ticket, paper_returned=True)
    basket.add(ticket)
    return ticket
