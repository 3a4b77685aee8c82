"""What the customer hands over for a positive exchange balance, before it is confirmed
(e.g. 50,00 € on a credit note and the rest in cash). Pure domain: the pay dialog shows
it, ``settle_exchange`` checks the tenders again when it settles.

Only cash may go beyond what is due: the excess is the change given back.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pos.core.errors import (
    AlreadySettled,
    BeyondRestToPay,
    CreditNoteAlreadyTendered,
    RestToPay,
    TenderedCreditNoteExhausted,
    TenderedCreditNoteExpired,
)
from pos.core.models import PaymentMode
from pos.core.money import ZERO, money
from pos.core.tenders import Tender, check_line
from pos.formatting import money as euros


@dataclass(frozen=True)
class PayLine:
    mode: PaymentMode
    amount: Decimal
    reference: str = ""


class PaySplit:
    def __init__(self, total: Decimal) -> None:
        self.total = money(total)
        self.lines: list[PayLine] = []

    @property
    def tendered(self) -> Decimal:
        return sum((line.amount for line in self.lines), ZERO)

    @property
    def rest(self) -> Decimal:
        """What is still to be paid (prefilled as the next line's amount)."""
        return max(self.total - self.tendered, ZERO)

    @property
    def change(self) -> Decimal:
        """Cash given back: what was handed over beyond the balance."""
        return max(self.tendered - self.total, ZERO)

    @property
    def complete(self) -> bool:
        return bool(self.lines) and self.rest == ZERO

    def add(self, mode: PaymentMode, amount: Decimal, reference: str = "") -> PayLine:
        tender = check_line(mode, amount, reference, refund=False)
        amount, reference = tender.amount, tender.reference
        if self.complete:
            raise AlreadySettled()
        if mode is not PaymentMode.CASH and amount > self.rest:
            raise BeyondRestToPay(amount=euros(amount), rest=euros(self.rest))
        if mode is PaymentMode.CREDIT_NOTE and any(
                line.reference == reference for line in self.lines
                if line.mode is PaymentMode.CREDIT_NOTE):
            raise CreditNoteAlreadyTendered(number=reference)
        line = PayLine(mode, amount, reference)
        self.lines.append(line)
        return line

    def credit_note_share(self, balance: Decimal, expired: bool, number: str) -> Decimal:
        """How much of a scanned credit note pays here: its balance, at most the rest
        (what is not used stays on it)."""
        if expired:
            raise TenderedCreditNoteExpired(number=number)
        if balance <= ZERO:
            raise TenderedCreditNoteExhausted(number=number)
        return min(money(balance), self.rest)

    def remove(self, index: int) -> None:
        if 0 <= index < len(self.lines):
            del self.lines[index]

    def tenders(self) -> list[Tender]:
        if not self.complete:
            raise RestToPay(rest=euros(self.rest))
        return [Tender(line.mode, line.amount, line.reference) for line in self.lines]
