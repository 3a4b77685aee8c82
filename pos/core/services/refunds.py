"""Refunding the cancellation basket: one transaction, then documents to print.

Modelled on pretix's order change manager: check everything again inside the
transaction (another counter may have moved since the scan), apply every change,
append the payments and the journal entry, commit once.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import update

from pos.core import journal
from pos.core.basket import CancellationBasket
from pos.core.clock import Clock
from pos.core.documents import Document
from pos.core.errors import EmptyBasket, SettlementError
from pos.core.models import (
    Counter,
    LineKind,
    Operation,
    OperationKind,
    OperationLine,
    OperationState,
    Order,
    Payment,
    PaymentMode,
    TicketState,
)
from pos.core.money import ZERO, as_text, money
from pos.core.receipts import RefundReceipt, refund_receipt
from pos.core.services import holds
from pos.core.services.credit_notes import DEFAULT_VALIDITY_DAYS
from pos.core.services.operation_notes import OperationNotes, apply_notes
from pos.core.services.payment_reminder import lock_orders, refundable
from pos.core.services.print_jobs import enqueue as enqueue_print_jobs
from pos.core.services.refund_tenders import check_references, keep_money
from pos.core.services.scanning import lock_and_recheck
from pos.core.services.station import Station
from pos.core.uow import UnitOfWork
from pos.formatting import money as euros

REFUND_MODES = (
    PaymentMode.CASH,
    PaymentMode.CREDIT_NOTE,
    PaymentMode.SUSPENSE_ACCOUNT,
    PaymentMode.CARD,
    PaymentMode.CHEQUE,
    PaymentMode.TRANSFER,
    PaymentMode.OTHER,
)


@dataclass(frozen=True)
class Tender:
    """One way the money goes back: ``amount`` is positive, what the customer receives."""

    mode: PaymentMode
    amount: Decimal
    reference: str = ""


@dataclass(frozen=True)
class SettlementResult:
    operation_id: int
    operation_number: int
    refunded: Decimal
    tenders: tuple[Tender, ...]
    documents: tuple[Document, ...]
    open_drawer: bool  # a committed cash movement, and only then
    print_job_ids: tuple[int, ...] = ()  # written in the same transaction


def _allocate(
    by_order: dict[int, Decimal], tenders: list[Tender]
) -> list[tuple[int, Tender, Decimal]]:
    """Split the tenders over the orders, in order, so that each order gets back exactly
    what is refunded of it and each tender is used exactly."""
    result: list[tuple[int, Tender, Decimal]] = []
    left = [[t, t.amount] for t in tenders]
    i = 0
    for order_id in sorted(by_order):
        need = by_order[order_id]
        while need > ZERO:
            tender, available = left[i]
            take = min(need, available)
            if take > ZERO:
                result.append((order_id, tender, take))
            need -= take
            left[i][1] = available - take
            if left[i][1] == ZERO:
                i += 1
    return result


def _take_operation_number(uow: UnitOfWork, counter_id: int) -> int:
    # One UPDATE ... RETURNING: the row lock serialises two settlements at one
    # counter, and a rollback gives the number back, so numbers have no gaps.
    return uow.session.execute(
        update(Counter)
        .where(Counter.id == counter_id)
        .values(last_operation_number=Counter.last_operation_number + 1)
        .returning(Counter.last_operation_number)
    ).scalar_one()


def refund_basket(
    uow: UnitOfWork,
    basket: CancellationBasket,
    tenders: list[Tender],
    station: Station,
    clock: Clock,
    *,
    credit_note_validity_days: int = DEFAULT_VALIDITY_DAYS,
    held_operation_id: int | None = None,
    notes: OperationNotes | None = None,
) -> SettlementResult:
    """``held_operation_id``: the operation on hold the basket was resumed from; it is
    completed under its own number. ``notes``: requested by, cause, remarks."""
    if not basket.tickets:
        raise EmptyBasket("Le panier d'annulation est vide.")
    tenders = [Tender(t.mode, money(t.amount), t.reference) for t in tenders]
    for t in tenders:
        if t.mode not in REFUND_MODES:
            raise SettlementError(f"Mode de remboursement impossible : {t.mode.value}.")
        if t.amount <= ZERO:
            raise SettlementError("Un montant remboursé doit être positif.")
    check_references(tenders)
    total = basket.refund_total
    tendered = sum((t.amount for t in tenders), ZERO)
    if tendered != total:
        raise SettlementError(
            f"Les modes de remboursement ({as_text(tendered)}) ne couvrent pas "
            f"exactement le montant à rembourser ({as_text(total)})."
        )

    s = uow.session
    now = clock.now()
    locked = lock_and_recheck(uow, basket.tickets)

    by_order = basket.refund_by_order()
    # Locked orders: two counters refunding tickets of one order are serialised here.
    lock_orders(uow, by_order)
    for order_id, amount in by_order.items():
        ceiling = refundable(uow, order_id, locked)
        if amount > ceiling:
            number = s.get(Order, order_id).number  # type: ignore[union-attr]
            raise SettlementError(
                f"Dossier {number} : on ne peut pas rembourser {euros(amount)}, "
                f"seulement {euros(max(ceiling, ZERO))} ont été payés et ne sont ni "
                "remboursés ni promis à un remboursement en attente."
            )

    # Tickets held by another operation on hold are not refunded behind its back.
    holds.check_not_held(uow, basket.tickets, held_operation_id)
    if held_operation_id is None:
        number = _take_operation_number(uow, station.counter_id)
        operation = Operation(
            counter_id=station.counter_id,
            number=number,
            kind=OperationKind.REFUND,
            state=OperationState.COMPLETED,
            created_at=now,
            completed_at=now,
            operator_id=station.operator_id,
            refund_fees=basket.refund_fees,
        )
        s.add(operation)
    else:
        operation = holds.complete_held(uow, held_operation_id, now,
                                        refund_fees=basket.refund_fees)
        number = operation.number
    apply_notes(operation, notes)
    s.flush()
    for item in basket.tickets:
        ticket = locked[item.ticket_id]
        ticket.state = TicketState.CANCELLED
        s.add(
            OperationLine(
                operation_id=operation.id,
                ticket_id=ticket.id,
                kind=LineKind.CANCEL,
                price=ticket.price,
                fees=basket.refunded_fees(item),
            )
        )
    allocation, tenders, vouchers = keep_money(
        uow, _allocate(by_order, tenders), tenders, operation_id=operation.id,
        operation_number=number, station=station, now=now,
        validity_days=credit_note_validity_days)
    for order_id, tender, amount in allocation:
        s.add(
            Payment(
                order_id=order_id,
                operation_id=operation.id,
                mode=tender.mode,
                amount=-amount,
                at=now,
                operator_id=station.operator_id,
                counter_id=station.counter_id,
                reference=tender.reference,
            )
        )
    for order_id in by_order:
        order = s.get(Order, order_id)
        assert order is not None
        order.modified_at = now
        order.modified_by_id = station.operator_id
        order.modified_sales_point_id = station.sales_point_id
    journal.append(
        s,
        at=now,
        action="refund.settled",
        counter_id=station.counter_id,
        operator_id=station.operator_id,
        operation_id=operation.id,
        number=number,
        tickets=[t.number for t in basket.tickets],
        refunded=as_text(total),
        tenders=[{"mode": t.mode.value, "amount": as_text(t.amount), "reference": t.reference}
                 for t in tenders],
    )
    s.flush()
    receipt = refund_receipt(
        RefundReceipt(
            venue=station.venue_name,
            counter=station.counter_name,
            sales_point=station.sales_point_name,
            operator=station.operator_login,
            operation_number=number,
            at=now,
            groups=basket.groups(),
            total=-total,
            tenders=tuple((t.mode, -t.amount, t.reference) for t in tenders),
            refund_fees=basket.refund_fees,
        )
    )
    print_job_ids = enqueue_print_jobs(s, station.counter_id, operation.id, (receipt, *vouchers), any(t.mode is PaymentMode.CASH for t in tenders), now, operator_id=station.operator_id)  # noqa: E501
    uow.commit()
    return SettlementResult(
        operation_id=operation.id,
        operation_number=number,
        refunded=total,
        tenders=tuple(tenders),
        documents=(receipt, *vouchers),
        open_drawer=any(t.mode is PaymentMode.CASH for t in tenders),
        print_job_ids=print_job_ids,
    )
