"""Tenders: the ways money goes back to the customer or comes from them, their
validation and their allocation over orders. Pure domain, the one home of these rules:
the split and pay dialogs (``refund_split``, ``exchange_tender``) check each line with
``check_line`` as it is typed, and every settlement checks the whole with
``check_tenders`` before it writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pos.core.errors import (
    CreditNoteNumberMissing,
    NonCashBeyondDue,
    NothingToSettle,
    PaymentAmountNotPositive,
    PaymentModeNotAllowed,
    PaymentShort,
    ReferenceTooLong,
    RefundAmountNotPositive,
    RefundModeNotAllowed,
    RefundTendersMismatch,
)
from pos.core.models import PaymentMode
from pos.core.money import ZERO, money
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
PAY_MODES = (
    PaymentMode.CASH,
    PaymentMode.CARD,
    PaymentMode.CHEQUE,
    PaymentMode.TRANSFER,
    PaymentMode.OTHER,
    PaymentMode.CREDIT_NOTE,
    PaymentMode.SUSPENSE_ACCOUNT,
)
MAX_REFERENCE = 80  # payments.reference


@dataclass(frozen=True)
class Tender:
    """One way the money moves: ``amount`` is positive, what the customer receives (a
    refund) or hands over (a payment); ``reference``: card slip, cheque, credit note."""

    mode: PaymentMode
    amount: Decimal
    reference: str = ""


@dataclass(frozen=True)
class CheckedTenders:
    tenders: list[Tender]  # what is recorded (cash net of change), positive amounts
    change: Decimal  # cash given back


def check_line(mode: PaymentMode, amount: Decimal, reference: str = "", *,
               refund: bool) -> Tender:
    """One tender on its own: a mode allowed for the direction, a positive amount, a
    reference that fits; a credit note spent needs its number."""
    amount = money(amount)
    reference = reference.strip()
    if mode not in (REFUND_MODES if refund else PAY_MODES):
        raise (RefundModeNotAllowed if refund else PaymentModeNotAllowed)(mode=mode.value)
    if amount <= ZERO:
        raise (RefundAmountNotPositive if refund else PaymentAmountNotPositive)()
    if len(reference) > MAX_REFERENCE:
        raise ReferenceTooLong(reference=reference[:20], limit=MAX_REFERENCE)
    if not refund and mode is PaymentMode.CREDIT_NOTE and not reference:
        raise CreditNoteNumberMissing()
    return Tender(mode, amount, reference)


def check_tenders(balance: Decimal, tenders: list[Tender]) -> CheckedTenders:
    """The tenders of a settlement against its balance (sold - refunded): below zero
    they must give back exactly what is refunded; above zero they must cover what is
    due, only cash beyond it (the change); at zero there is none."""
    balance = money(balance)
    if balance == ZERO:
        if tenders:
            raise NothingToSettle()
        return CheckedTenders([], ZERO)
    refund = balance < ZERO
    checked = [check_line(t.mode, t.amount, t.reference, refund=refund) for t in tenders]
    tendered = sum((t.amount for t in checked), ZERO)
    if refund:
        if tendered != -balance:
            raise RefundTendersMismatch(tendered=euros(tendered), due=euros(-balance))
        return CheckedTenders(checked, ZERO)
    cash = sum((t.amount for t in checked if t.mode is PaymentMode.CASH), ZERO)
    if tendered - cash > balance:
        raise NonCashBeyondDue(non_cash=euros(tendered - cash), due=euros(balance))
    if tendered < balance:
        raise PaymentShort(missing=euros(balance - tendered), tendered=euros(tendered),
                           due=euros(balance))
    change = tendered - balance
    recorded = [t for t in checked if t.mode is not PaymentMode.CASH]
    if cash - change > ZERO:
        recorded.insert(0, Tender(PaymentMode.CASH, cash - change))
    return CheckedTenders(recorded, change)


def allocate(by_order: dict[int, Decimal],
             tenders: list[Tender]) -> list[tuple[int, Tender, Decimal]]:
    """Split the tenders over the orders, in order, so that each order gets exactly its
    amount and each tender is used exactly (the amounts add up: ``check_tenders``)."""
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
