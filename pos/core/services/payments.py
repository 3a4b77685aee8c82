"""The money of a settlement, inside its transaction: payments appended (never
edited), credit notes issued or spent, suspense accounts credited or debited.

Each order ends with payments equal to its own net (sold - refunded): when an exchange
moves money between orders of the basket, a pair of "Autre" payments carries it (they
add up to nothing). What is given back goes out in the refund modes (a credit note is
issued for each SOLDE AVOIR tender, the contact's suspense account credited for each
COMPTE D'ATTENTE share); what is paid comes in by the pay modes (a credit note spent,
the suspense account debited). The tenders were checked by ``tenders.check_tenders``.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from pos.core.clock import Clock
from pos.core.documents import Document
from pos.core.models import Order, Payment, PaymentMode
from pos.core.money import ZERO, as_text
from pos.core.prepared import PreparedWrite
from pos.core.services.accounts import credit_account, debit_account
from pos.core.services.cash_sessions import take_cash
from pos.core.services.credit_notes import (
    DEFAULT_VALIDITY_DAYS,
    issue_credit_note,
    spend_credit_note,
    voucher,
)
from pos.core.services.station import Station
from pos.core.tenders import CheckedTenders, Tender, allocate
from pos.core.uow import UnitOfWork

Allocation = list[tuple[int, Tender, Decimal]]


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
    kept = {PaymentMode.CREDIT_NOTE, PaymentMode.SUSPENSE_ACCOUNT}
    if not any(t.mode in kept for t in tenders):
        return allocation, tenders, []  # money handed over: nothing kept for the contact
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


def transfers(net: dict[int, Decimal]) -> tuple[list[tuple[int, int, Decimal]],
                                                dict[int, Decimal], dict[int, Decimal]]:
    """Money moved from orders that give back to orders that take (from, to, amount), and
    what is left to pay (by order) and to refund (by order, positive)."""
    takers = {o: a for o, a in sorted(net.items()) if a > ZERO}
    givers = {o: -a for o, a in sorted(net.items()) if a < ZERO}
    moves = []
    for to in list(takers):
        for frm in list(givers):
            amount = min(takers[to], givers[frm])
            if amount <= ZERO:
                continue
            moves.append((frm, to, amount))
            takers[to] -= amount
            givers[frm] -= amount
    return (moves, {o: a for o, a in takers.items() if a > ZERO},
            {o: a for o, a in givers.items() if a > ZERO})


_INSERT_PAYMENTS = PreparedWrite(insert(Payment.__table__))


def record_payments(
    uow: UnitOfWork, net: dict[int, Decimal], checked: CheckedTenders, *,
    operation_id: int, operation_number: int, station: Station, clock: Clock,
    validity_days: int = DEFAULT_VALIDITY_DAYS,
) -> tuple[list[Tender], list[Document]]:
    """Append the payments of the operation; returns the tenders (credit notes issued
    carry their number) and the vouchers to print."""
    s: Session = uow.session
    now: datetime = clock.now()
    rows: list[dict] = []

    def pay(order_id: int, mode: PaymentMode, amount: Decimal, reference: str = "") -> None:
        rows.append({"order_id": order_id, "operation_id": operation_id, "mode": mode,
                     "amount": amount, "at": now, "operator_id": station.operator_id,
                     "counter_id": station.counter_id, "reference": reference[:80]})

    moves, to_pay, to_refund = transfers(net)
    for frm, to, amount in moves:
        numbers = {o: s.get(Order, o).number for o in (frm, to)}  # type: ignore[union-attr]
        pay(frm, PaymentMode.OTHER, -amount,
            f"Échange ordre {operation_number} vers dossier {numbers[to]}")
        pay(to, PaymentMode.OTHER, amount,
            f"Échange ordre {operation_number} depuis dossier {numbers[frm]}")
    tenders, vouchers = list(checked.tenders), []
    if to_refund:
        allocation, tenders, vouchers = keep_money(
            uow, allocate(to_refund, tenders), tenders, operation_id=operation_id,
            operation_number=operation_number, station=station, now=now,
            validity_days=validity_days)
        for order_id, tender, amount in allocation:
            pay(order_id, tender.mode, -amount, tender.reference)
    elif to_pay:
        for tender in tenders:
            if tender.mode is PaymentMode.CREDIT_NOTE:
                spend_credit_note(uow, tender.reference, tender.amount, station=station,
                                  clock=clock, operation_id=operation_id)
        for order_id, tender, amount in allocate(to_pay, tenders):
            if tender.mode is PaymentMode.SUSPENSE_ACCOUNT:
                order = s.get(Order, order_id)
                assert order is not None
                debit_account(uow, contact_id=order.contact_id, amount=amount,
                              operation_id=operation_id, order_id=order_id, station=station,
                              now=now, note=f"Échange, ordre {operation_number}")
            pay(order_id, tender.mode, amount, tender.reference)
    cash = [row["amount"] for row in rows if row["mode"] is PaymentMode.CASH]
    if cash:  # the drawer: open, and holding what is given back (cash_sessions)
        take_cash(uow, station, sum(cash, ZERO))
    if rows:  # appended, never edited: built once, run on the driver's cursor
        uow.write(_INSERT_PAYMENTS, rows)
    return tenders, vouchers


def tenders_payload(tenders: list[Tender], sign: int) -> list[dict[str, str]]:
    return [{"mode": t.mode.value, "amount": as_text(sign * t.amount),
             "reference": t.reference} for t in tenders]
