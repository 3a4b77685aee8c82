"""How an exchange settles its net balance, inside ``settle_exchange``'s transaction.

- Total > 0, the customer pays: cash (what is tendered beyond the balance is given back
  as change; only the net is recorded), card, cheque, transfer, other (with reference),
  a credit note (its number as reference; what is not used stays on it), the contact's
  suspense account.
- Total < 0, the customer is refunded with the refund modes of ``refund_basket``
  (credit notes issued, suspense account credited by ``keep_money``).
- Total = 0: no tender.

Each order ends with payments equal to its own net (sold - refunded): when the exchange
moves money between orders of the basket, a pair of "Autre" payments carries it (they
add up to nothing).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from pos.core.clock import Clock
from pos.core.documents import Document
from pos.core.errors import SettlementError
from pos.core.models import Order, Payment, PaymentMode
from pos.core.money import ZERO, as_text, money
from pos.core.services.accounts import debit_account
from pos.core.services.credit_notes import DEFAULT_VALIDITY_DAYS, spend_credit_note
from pos.core.services.refund_tenders import check_references, keep_money
from pos.core.services.refunds import REFUND_MODES, Tender, _allocate
from pos.core.services.station import Station
from pos.core.uow import UnitOfWork
from pos.formatting import money as euros

PAY_MODES = (
    PaymentMode.CASH,
    PaymentMode.CARD,
    PaymentMode.CHEQUE,
    PaymentMode.TRANSFER,
    PaymentMode.OTHER,
    PaymentMode.CREDIT_NOTE,
    PaymentMode.SUSPENSE_ACCOUNT,
)


@dataclass(frozen=True)
class CheckedTenders:
    tenders: list[Tender]  # what is recorded (cash net of change), positive amounts
    change: Decimal  # cash given back


def check_tenders(total: Decimal, tenders: list[Tender]) -> CheckedTenders:
    """Validate the tenders against the net balance (before any write)."""
    tenders = [Tender(t.mode, money(t.amount), t.reference.strip()) for t in tenders]
    check_references(tenders)
    for t in tenders:
        if t.amount <= ZERO:
            raise SettlementError("Un montant de règlement doit être positif.")
    tendered = sum((t.amount for t in tenders), ZERO)
    if total == ZERO:
        if tenders:
            raise SettlementError("Le total est nul : il n'y a rien à payer ni à rembourser.")
        return CheckedTenders([], ZERO)
    if total < ZERO:
        for t in tenders:
            if t.mode not in REFUND_MODES:
                raise SettlementError(f"Mode de remboursement impossible : {t.mode.value}.")
        if tendered != -total:
            raise SettlementError(
                f"Les modes de remboursement ({euros(tendered)}) ne couvrent pas exactement "
                f"le montant à rembourser ({euros(-total)}).")
        return CheckedTenders(tenders, ZERO)
    for t in tenders:
        if t.mode not in PAY_MODES:
            raise SettlementError(f"Mode de paiement impossible : {t.mode.value}.")
        if t.mode is PaymentMode.CREDIT_NOTE and not t.reference:
            raise SettlementError("Scannez le numéro de l'avoir utilisé.")
    cash = sum((t.amount for t in tenders if t.mode is PaymentMode.CASH), ZERO)
    other = tendered - cash
    if other > total:
        raise SettlementError(
            f"Les paiements hors espèces ({euros(other)}) dépassent le montant à payer "
            f"({euros(total)}) : seules les espèces rendent la monnaie.")
    if tendered < total:
        raise SettlementError(
            f"Il manque {euros(total - tendered)} : {euros(tendered)} reçus pour "
            f"{euros(total)} à payer.")
    change = tendered - total
    recorded = [t for t in tenders if t.mode is not PaymentMode.CASH]
    if cash - change > ZERO:
        recorded.insert(0, Tender(PaymentMode.CASH, cash - change))
    return CheckedTenders(recorded, change)


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


def record_payments(
    uow: UnitOfWork, net: dict[int, Decimal], checked: CheckedTenders, *,
    operation_id: int, operation_number: int, station: Station, clock: Clock,
    validity_days: int = DEFAULT_VALIDITY_DAYS,
) -> tuple[list[Tender], list[Document]]:
    """Append the payments of the operation; returns the tenders (credit notes issued
    carry their number) and the vouchers to print."""
    s: Session = uow.session
    now: datetime = clock.now()

    def pay(order_id: int, mode: PaymentMode, amount: Decimal, reference: str = "") -> None:
        s.add(Payment(order_id=order_id, operation_id=operation_id, mode=mode, amount=amount,
                      at=now, operator_id=station.operator_id, counter_id=station.counter_id,
                      reference=reference[:80]))

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
            uow, _allocate(to_refund, tenders), tenders, operation_id=operation_id,
            operation_number=operation_number, station=station, now=now,
            validity_days=validity_days)
        for order_id, tender, amount in allocation:
            pay(order_id, tender.mode, -amount, tender.reference)
    elif to_pay:
        for tender in tenders:
            if tender.mode is PaymentMode.CREDIT_NOTE:
                spend_credit_note(uow, tender.reference, tender.amount, station=station,
                                  clock=clock, operation_id=operation_id)
        for order_id, tender, amount in _allocate(to_pay, tenders):
            if tender.mode is PaymentMode.SUSPENSE_ACCOUNT:
                order = s.get(Order, order_id)
                assert order is not None
                debit_account(uow, contact_id=order.contact_id, amount=amount,
                              operation_id=operation_id, order_id=order_id, station=station,
                              now=now, note=f"Échange, ordre {operation_number}")
            pay(order_id, tender.mode, amount, tender.reference)
    return tenders, vouchers


def tenders_payload(tenders: list[Tender], sign: int) -> list[dict[str, str]]:
    return [{"mode": t.mode.value, "amount": as_text(sign * t.amount),
             "reference": t.reference} for t in tenders]
