"""What an undo checks of the seats, and the receipt it prints."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import aliased

from pos.core.documents import Barcode, Columns, Document, Feed, Separator, Text
from pos.core.errors import UndoSeatHeld, UndoSeatTaken
from pos.core.models import (
    LIVE_TICKET_STATES,
    Area,
    Contact,
    Counter,
    Event,
    Operation,
    OperationState,
    Order,
    Performance,
    Seat,
    Ticket,
)
from pos.core.models_holds import SeatHold
from pos.core.receipts import MODE_LABELS, header
from pos.core.services import settlement as step
from pos.core.services.seat_holds import lock_seats
from pos.formatting import money


def check_seats_free(ctx: step.Context, back: list[int], sold: list[int]) -> None:
    """Each seat of the tickets made valid again is held by no live ticket (but those
    the undo cancels) and by no operation on hold: else said with who holds it. Under
    the seats' row locks, as a sale's and a hold's checks."""
    s = ctx.uow.session
    seats = s.execute(select(Ticket.performance_id, Ticket.seat_id, Seat.label, Area.name,
                             Event.name)
                      .join(Seat, Seat.id == Ticket.seat_id).join(Area, Area.id == Seat.area_id)
                      .join(Performance, Performance.id == Ticket.performance_id)
                      .join(Event, Event.id == Performance.event_id)
                      .where(Ticket.id.in_(back))).all()
    lock_seats(ctx.uow, (r.seat_id for r in seats))
    other = aliased(Ticket)
    for perf_id, seat_id, label, area, event in seats:
        place = f"{area} {label}".strip()
        holder = s.execute(
            select(other.number, Order.number, Contact.last_name, Contact.first_name)
            .join(Order, Order.id == other.order_id).join(Contact, Contact.id == Order.contact_id)
            .where(other.performance_id == perf_id, other.seat_id == seat_id,
                   other.state.in_(LIVE_TICKET_STATES),
                   other.id.not_in(sold or [0]))).first()
        if holder is not None:
            contact = ", ".join(p for p in (holder[2], holder[3]) if p)
            raise UndoSeatTaken(seat=place, event=event, ticket=holder[0], order=holder[1],
                                contact=contact)
        held = s.execute(
            select(Operation.number, Counter.name).join(SeatHold, SeatHold.operation_id
                                                        == Operation.id)
            .join(Counter, Counter.id == Operation.counter_id)
            .where(SeatHold.performance_id == perf_id, SeatHold.seat_id == seat_id,
                   SeatHold.until > ctx.now, Operation.state == OperationState.ON_HOLD)).first()
        if held is not None:
            raise UndoSeatHeld(seat=place, event=event, hold=held[0], counter=held[1])


def undo_receipt(ctx: step.Context, result) -> Document:
    """The customer's receipt: what is valid again, what is cancelled, the money back
    (``result``: an ``undo_cancellation.UndoResult``, not imported: no import circle)."""
    st = ctx.station
    blocks: list = header(st.venue_name, "ANNULATION DE L'ANNULATION", result.operation_number,
                          ctx.now)
    blocks.append(Text(f"Ordre {result.undone_number} annulé", bold=True))
    blocks += [Text("Billets de nouveau valables :")]
    blocks += [Text(f"  {n}") for n in result.reactivated]
    if result.cancelled:
        blocks += [Text("Billets d'échange annulés :")]
        blocks += [Text(f"  {n}") for n in result.cancelled]
    blocks.append(Separator())
    for r in result.reversals:
        blocks.append(Columns(MODE_LABELS[r.mode], money(r.amount)))
    blocks += [Separator(), Text(f"Opérateur : {st.operator_login}"),
               Text(f"{st.sales_point_name} - {st.counter_name}"),
               Barcode(f"OP{result.operation_number:08d}"), Feed(2)]
    return Document(kind="undo_receipt", blocks=tuple(blocks))
