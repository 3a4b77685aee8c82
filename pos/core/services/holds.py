"""Putting an operation on hold (METTRE EN ATTENTE), completing or abandoning it.

A held operation is an ``Operation`` in state on_hold whose cancel lines are the basket's
tickets. It takes its number from the counter when it is first held (the same gapless
``UPDATE ... RETURNING`` as a settlement), its tickets are held from every other basket
(``scanning.holds_of``), and its slip carries the number as a barcode to bring it back
(``held_operations``). Settling it completes it under the same number
(``settlement.open_operation``); abandoning it marks
it abandoned: its tickets are free again and its number stays used, so numbering keeps
no gap.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from pos.core.basket import CancellationBasket
from pos.core.clock import Clock
from pos.core.documents import Document
from pos.core.errors import (  # noqa: F401 - their home is pos.core.errors
    EmptyBasket,
    OperationNotOnHold,
    UnknownOperation,
)
from pos.core.exchange_basket import ExchangeBasket
from pos.core.hold_slip import HoldSlip, hold_slip
from pos.core.models import OperationKind, OperationState
from pos.core.money import ZERO, as_text
from pos.core.services import settlement as step
from pos.core.services.contact_details import basket_contact
from pos.core.services.idempotency import outcome_type
from pos.core.services.operation_notes import REQUESTED_BY_LABELS, OperationNotes
from pos.core.services.refund_ceiling import check_refund_ceiling
from pos.core.services.sale_checks import recheck_sold
from pos.core.services.seat_holds import DEFAULT_SEAT_MINUTES, drop_held_sale, save_held_sale
from pos.core.services.station import Station
from pos.core.uow import UnitOfWork


@outcome_type
@dataclass(frozen=True)
class HoldResult:
    operation_id: int
    operation_number: int
    documents: tuple[Document, ...]  # the hold slip
    print_job_ids: tuple[int, ...] = ()  # its job, written in the hold's transaction
    seats_until: datetime | None = None  # the sale side's seats are held until then


def hold_basket(
    uow: UnitOfWork,
    basket: CancellationBasket,
    station: Station,
    clock: Clock,
    *,
    notes: OperationNotes | None = None,
    sale: ExchangeBasket | None = None,
    seat_minutes: int = DEFAULT_SEAT_MINUTES,
    idempotency_key: str | None = None,
) -> HoldResult:
    """Save the basket as an operation on hold and build its slip. A basket resumed from a
    held operation is held again under its own number; otherwise the counter's next
    number is taken. ``sale``: what is sold in exchange, held with it, its seats refused
    to other sales for ``seat_minutes``. One transaction."""
    if not basket.tickets:
        raise EmptyBasket()
    sale = sale if sale is not None and len(sale) else None
    notes = (notes or OperationNotes()).checked()
    ctx = step.open_write(uow, station, clock, idempotency_key, "hold")
    if ctx.replay is not None:
        return ctx.replay
    locked = step.recheck_taken_back(ctx, basket)
    net = {order_id: -amount for order_id, amount in basket.refund_by_order().items()}
    if sale is not None:
        recheck_sold(uow, sale, locked, clock, own_hold=basket.held_operation_id,
                     holding=True)
        net[sale.order_id] = net.get(sale.order_id, ZERO) + sale.sold_total
    check_refund_ceiling(uow, net, locked, promise=True)
    kind = OperationKind.REFUND if sale is None else OperationKind.EXCHANGE
    operation = step.open_operation(ctx, basket, kind, notes, state=OperationState.ON_HOLD)
    step.write_cancel_lines(ctx, operation, basket)
    until = _hold_sale(ctx, operation.id, sale, seat_minutes)
    step.append_journal(ctx, "operation.held", operation,
                        tickets=[t.number for t in basket.tickets],
                        amount=as_text(basket.refund_total), requested_by=notes.requested_by,
                        cause=notes.cause, remarks=notes.remarks,
                        **_sale_payload(sale, until))
    slip = _slip(ctx, uow, basket, operation.number, notes, sale, until)
    result = HoldResult(operation.id, operation.number, (slip,),
                        step.enqueue_documents(ctx, operation, (slip,)), until)
    step.commit(ctx, result)
    return result


def _hold_sale(ctx: step.Context, operation_id: int, sale: ExchangeBasket | None,
               seat_minutes: int) -> datetime | None:
    """The sale side kept with the operation, its seats held until the time returned
    (a basket held again without a sale side drops what an earlier hold kept)."""
    if sale is None:
        drop_held_sale(ctx.uow, operation_id)
        return None
    until = ctx.now + timedelta(minutes=seat_minutes)
    save_held_sale(ctx.uow, operation_id, sale, until)
    return until


def _sale_payload(sale: ExchangeBasket | None, until: datetime | None) -> dict:
    if sale is None or until is None:
        return {}
    return {"sold": as_text(sale.sold_total), "seats_until": until.isoformat(),
            "sale_seats": [f"{t.event_name} {t.area} {t.seat}".strip()
                           for t in sale.all_tickets() if t.seat_id is not None],
            "products": [{"code": p.code, "quantity": p.quantity} for p in sale.products]}


def _slip(ctx: step.Context, uow: UnitOfWork, basket: CancellationBasket, number: int,
          notes: OperationNotes, sale: ExchangeBasket | None = None,
          until: datetime | None = None) -> Document:
    contact = basket_contact(uow, basket)
    lines: tuple[str, ...] = ()
    if contact is not None:
        lines = ((contact.organisation,) if contact.organisation else ()) \
            + contact.address_lines + ((contact.email,) if contact.email else ())
    s = ctx.station
    return hold_slip(HoldSlip(
        venue=s.venue_name, counter=s.counter_name, sales_point=s.sales_point_name,
        operator=s.operator_login, operation_number=number, at=ctx.now,
        contact_name=contact.name if contact else "", contact_lines=lines,
        groups=basket.groups(), refund_fees=basket.refund_fees,
        total=-basket.refund_total + (sale.sold_total if sale else ZERO),
        requested_by=REQUESTED_BY_LABELS[notes.requested_by], cause=notes.cause,
        remarks=notes.remarks, sold=sale.groups() if sale else (),
        refunded=-basket.refund_total, seats_until=until))


def abandon_held(uow: UnitOfWork, operation_id: int, station: Station, clock: Clock, *,
                 idempotency_key: str | None = None) -> int:
    """ABANDONNER ORDRE on a held operation: it is marked abandoned (its number stays
    used), its tickets are free again, nothing else changes. Returns its number."""
    ctx = step.open_write(uow, station, clock, idempotency_key, "abandon")
    if ctx.replay is not None:
        return ctx.replay
    operation = step.lock_held(uow, operation_id)
    step.move_held(ctx, operation, OperationState.ABANDONED)
    drop_held_sale(uow, operation.id)  # its seats are free at once
    step.append_journal(ctx, "operation.abandoned", operation,
                        tickets=step.held_ticket_numbers(uow, operation.id))
    step.commit(ctx, operation.number, operation.id)
    return operation.number
