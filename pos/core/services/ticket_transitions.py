"""The taken-back tickets inside a settlement's write transaction: locked, checked again,
then moved to their new state by conditional UPDATEs whose row counts are checked.

A scan happens minutes before the settlement; another counter (or the door) may have
acted on the ticket meanwhile. Both guards hold: the re-check refuses a ticket that
changed, with the words its scan would now give, and the transition itself only moves
a ticket that is still in the state the re-check saw (``WHERE state = ...``), so even a
writer that slipped past the locks cannot make one ticket refunded twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Integer, Select, bindparam, select, update

from pos.core.basket import BasketTicket
from pos.core.clock import Clock
from pos.core.errors import (
    TicketChanged,
    TicketChangedGone,
    TicketNotRefundable,
    TicketPriceChanged,
    TicketTwiceInBasket,
)
from pos.core.models import (
    LineKind,
    Operation,
    OperationLine,
    OperationState,
    Ticket,
    TicketState,
)
from pos.core.prepared import PreparedInQuery, PreparedInWrite
from pos.core.services.scanning import holds_of, refunds_of, refusal_message, ticket_load_options
from pos.core.ticket_states import allowed
from pos.core.uow import UnitOfWork


def expected_states(item: BasketTicket) -> tuple[TicketState, ...]:
    """What a taken-back ticket may still be at settlement: valid, or checked in when a
    supervisor approved its refund."""
    if item.approved_by:
        return (TicketState.VALID, TicketState.CHECKED_IN)
    return (TicketState.VALID,)


def changed_refusal(uow: UnitOfWork, item: BasketTicket, clock: Clock,
                    own_operation_id: int | None = None) -> TicketNotRefundable:
    """The refusal of a ticket that changed since its scan: what its scan says now."""
    ticket = uow.session.scalar(select(Ticket).where(Ticket.id == item.ticket_id)
                                .options(*ticket_load_options())
                                .execution_options(populate_existing=True))
    reason = None
    if ticket is not None:
        refunded = refunds_of(uow, [ticket.id]).get(ticket.id)
        held = holds_of(uow, [ticket.id], own_operation_id).get(ticket.id)
        reason = refusal_message(ticket, clock.now(), refunded, held,
                                 approved=bool(item.approved_by))
    if reason is None:
        return TicketChangedGone(number=item.number)
    return TicketChanged(reason=reason, number=item.number)


@dataclass(slots=True)
class TakenBack:
    """A taken-back ticket as its locked row says (plain columns, no ORM object)."""

    id: int
    number: str
    order_id: int
    state: TicketState
    price: Decimal
    fees: Decimal
    held_by: int | None  # number of another operation on hold that holds it


def _lock_statement(ids: list) -> Select:
    held = (select(Operation.number).join(OperationLine, OperationLine.operation_id
                                          == Operation.id)
            .where(OperationLine.ticket_id == Ticket.id, OperationLine.kind == LineKind.CANCEL,
                   Operation.state == OperationState.ON_HOLD,
                   Operation.id != bindparam("own", type_=Integer)))
    return (select(Ticket.id, Ticket.number, Ticket.order_id, Ticket.state, Ticket.price,
                   Ticket.fees, held.limit(1).scalar_subquery().label("held_by"))
            .where(Ticket.id.in_(ids)).order_by(Ticket.id).with_for_update(of=Ticket))


# Built once (pos.core.prepared): the lock's read, and the transition, a conditional
# UPDATE run on the driver's cursor of the write transaction.
_LOCK = PreparedInQuery(_lock_statement)
_tickets = Ticket.__table__
_MOVE = PreparedInWrite(
    lambda ids: update(_tickets).where(_tickets.c.id.in_(ids),
                                       _tickets.c.state == bindparam("frm"))
    .values(state=bindparam("to")).returning(_tickets.c.id))


def lock_and_recheck(uow: UnitOfWork, items: list[BasketTicket], clock: Clock,
                     own_operation_id: int | None = None) -> dict[int, TakenBack]:
    """Lock the tickets taken back (in id order, so two counters never deadlock) and check
    that none changed since the scan: state, price, and no other operation on hold holds
    it. Every settlement and hold goes through here: one statement."""
    ids = [t.ticket_id for t in items]
    if len(set(ids)) != len(ids):
        seen: set[int] = set()
        twice = next(t for t in items if t.ticket_id in seen or seen.add(t.ticket_id))
        raise TicketTwiceInBasket(number=twice.number)
    uow.session.connection()  # the write transaction's connection (begin_write)
    rows = uow.fetch_in(_LOCK, ids, {"own": own_operation_id or 0})
    locked = {r[0]: TakenBack(*r) for r in rows}
    for item in items:
        ticket = locked.get(item.ticket_id)
        if ticket is None or ticket.state not in expected_states(item) \
                or ticket.held_by is not None:
            raise changed_refusal(uow, item, clock, own_operation_id)
        if ticket.price != item.price or ticket.fees != item.fees:
            raise TicketPriceChanged(number=item.number)
    return locked


def transition(uow: UnitOfWork, items: Iterable[BasketTicket], to: TicketState,
               clock: Clock, locked: dict[int, TakenBack], *,
               expected: tuple[TicketState, ...] | None = None) -> None:
    """Move the tickets to ``to``: one conditional UPDATE per expected state, its row
    count checked; a ticket that is no longer where the re-check saw it is refused.
    ``expected``: the states they may be in (default: a taken-back ticket's)."""
    items = list(items)
    by_state: dict[TicketState, list[BasketTicket]] = {}
    for item in items:
        frm = locked[item.ticket_id].state
        if frm not in (expected or expected_states(item)) or not allowed(frm, to):
            raise changed_refusal(uow, item, clock)
        by_state.setdefault(frm, []).append(item)
    for frm, group in by_state.items():
        ids = [i.ticket_id for i in group]
        moved = set(uow.write_in(_MOVE, ids, {"frm": frm, "to": to}).scalars())
        stale = [i for i in group if i.ticket_id not in moved]
        if stale:
            raise changed_refusal(uow, stale[0], clock)
        for ticket_id in ids:
            locked[ticket_id].state = to
