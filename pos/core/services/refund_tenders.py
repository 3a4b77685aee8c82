"""The refund modes that keep the money instead of handing it over: a credit note is
issued for each SOLDE AVOIR tender, the suspense account of each order's contact is
credited for each COMPTE D'ATTENTE share. Called by ``refund_basket`` inside its
transaction, after the operation exists and before the payments are written."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select

from pos.core.documents import Document
from pos.core.errors import SettlementError
from pos.core.models import Order, PaymentMode
from pos.core.services.accounts import credit_account
from pos.core.services.credit_notes import DEFAULT_VALIDITY_DAYS, issue_credit_note, voucher
from pos.core.services.station import Station
from pos.core.uow import UnitOfWork

if TYPE_CHECKING:
    from pos.core.services.refunds import Tender

Allocation = list[tuple[int, "Tender", Decimal]]
MAX_REFERENCE = 80  # payments.reference


def check_references(tenders: list[Tender]) -> None:
    for t in tenders:
        if len(t.reference) > MAX_REFERENCE:
            raise SettlementError(
                f"La référence « {t.reference[:20]}… » est trop longue "
                f"({MAX_REFERENCE} caractères au plus).")


def keep_money(
    uow: UnitOfWork,
    allocation: Allocation,
    tenders: list[Tender],
    *,
    operation_id: int,
    operation_number: int,
    station: Station,
    now: datetime,
    validity_days: int = DEFAULT_VALIDITY_DAYS,
) -> tuple[Allocation, list[Tender], list[Document]]:
    """Issue the credit notes and credit the suspense accounts. Returns the allocation and
    the tenders with each credit note's number as reference, and the vouchers to print."""
    from pos.core.services.refunds import Tender

    order_ids = sorted({order_id for order_id, _, _ in allocation})
    contacts = dict(uow.session.execute(
        select(Order.id, Order.contact_id).where(Order.id.in_(order_ids))).all())
    replaced: dict[int, Tender] = {}
    vouchers: list[Document] = []
    for tender in tenders:
        if tender.mode is not PaymentMode.CREDIT_NOTE:
            continue
        # The voucher belongs to the contact of the (first) order it gives back.
        first_order = next(o for o, t, _ in allocation if t is tender)
        note = issue_credit_note(
            uow, amount=tender.amount, contact_id=contacts[first_order],
            operation_id=operation_id, station=station, now=now, validity_days=validity_days)
        replaced[id(tender)] = Tender(tender.mode, tender.amount, note.number)
        vouchers.append(voucher(note, venue=station.venue_name,
                                operation_number=operation_number))
    result: Allocation = []
    for order_id, tender, amount in allocation:
        if tender.mode is PaymentMode.SUSPENSE_ACCOUNT:
            credit_account(uow, contact_id=contacts[order_id], amount=amount,
                           operation_id=operation_id, order_id=order_id, station=station,
                           now=now, note=f"Remboursement, ordre {operation_number}")
        result.append((order_id, replaced.get(id(tender), tender), amount))
    return result, [replaced.get(id(t), t) for t in tenders], vouchers
