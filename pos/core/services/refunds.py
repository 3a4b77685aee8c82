"""Refunding the cancellation basket: the settlement pipeline's steps, composed."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pos.core.basket import CancellationBasket
from pos.core.clock import Clock
from pos.core.documents import Document
from pos.core.errors import EmptyBasket
from pos.core.models import OperationKind, PaymentMode
from pos.core.money import as_text
from pos.core.receipts import RefundReceipt, refund_receipt
from pos.core.services import settlement as step
from pos.core.services.authorization import Approval
from pos.core.services.credit_notes import DEFAULT_VALIDITY_DAYS
from pos.core.services.idempotency import outcome_type
from pos.core.services.mail_jobs import MailRequest
from pos.core.services.operation_notes import OperationNotes
from pos.core.services.payments import record_payments, tenders_payload
from pos.core.services.refund_ceiling import check_refund_ceiling
from pos.core.services.station import Station
from pos.core.tenders import REFUND_MODES, Tender, check_tenders
from pos.core.uow import UnitOfWork

__all__ = ["REFUND_MODES", "SettlementResult", "Tender", "refund_basket"]


@outcome_type
@dataclass(frozen=True)
class SettlementResult:
    operation_id: int
    operation_number: int
    refunded: Decimal
    tenders: tuple[Tender, ...]
    documents: tuple[Document, ...]
    open_drawer: bool  # a committed cash movement, and only then
    print_job_ids: tuple[int, ...] = ()  # written in the same transaction


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
    print_note: str = "",
    approval: Approval | None = None,
    idempotency_key: str | None = None,
    mail: MailRequest | None = None,
) -> SettlementResult:
    """``held_operation_id``: the operation on hold the basket was resumed from; it is
    completed under its own number. ``notes``: requested by, cause, remarks.
    ``print_note``: the documents wait for the cashier under this note instead of
    printing (a bulk refund, nobody at the counter). ``approval``: a supervisor's, when
    the refund needs one (``SupervisorRequired``). ``idempotency_key``: a key already
    settled returns its first result. ``mail``: the documents go by e-mail as well
    (queued in this transaction, step 8b)."""
    if not basket.tickets:
        raise EmptyBasket()
    if held_operation_id is not None:
        basket.held_operation_id = held_operation_id
    checked = check_tenders(-basket.refund_total, tenders)
    ctx = step.open_write(uow, station, clock, idempotency_key, "refund")
    if ctx.replay is not None:
        return ctx.replay
    locked = step.recheck_taken_back(ctx, basket)
    step.assess_fees(ctx, basket, OperationKind.REFUND, notes)
    net = {order_id: -amount for order_id, amount in basket.refund_by_order().items()}
    check_refund_ceiling(uow, net, locked)
    ctx = step.authorize(ctx, basket, locked, refunded=basket.refund_total, approval=approval)
    operation = step.open_operation(ctx, basket, OperationKind.REFUND, notes)
    step.cancel_taken_back(ctx, operation, basket, locked)
    recorded, vouchers = record_payments(
        uow, net, checked, operation_id=operation.id, operation_number=operation.number,
        station=station, clock=clock, validity_days=credit_note_validity_days)
    step.touch_orders(ctx, net)
    step.append_journal(ctx, "refund.settled", operation, net=-basket.refund_total,
                        tickets=[t.number for t in basket.tickets],
                        refunded=as_text(basket.refund_total),
                        tenders=tenders_payload(recorded, 1), fees=step.fees_payload(basket))
    documents = (_receipt(ctx, operation.number, basket, recorded), *vouchers)
    cash = any(t.mode is PaymentMode.CASH for t in recorded)
    job_ids = step.enqueue_documents(ctx, operation, documents, open_drawer=cash,
                                     waiting_note=print_note)
    result = SettlementResult(operation.id, operation.number, basket.refund_total,
                              tuple(recorded), documents, cash, job_ids)
    step.enqueue_mail(ctx, operation, documents, mail)
    step.commit(ctx, result)
    return result


def _receipt(ctx: step.Context, number: int, basket: CancellationBasket,
             tenders: list[Tender]) -> Document:
    s = ctx.station
    return refund_receipt(RefundReceipt(
        venue=s.venue_name, counter=s.counter_name, sales_point=s.sales_point_name,
        operator=s.operator_login, operation_number=number, at=ctx.now,
        groups=basket.groups(), total=-basket.refund_total,
        tenders=tuple((t.mode, -t.amount, t.reference) for t in tenders),
        refund_fees=basket.refund_fees, fee_lines=dict(basket.fee_lines)))
