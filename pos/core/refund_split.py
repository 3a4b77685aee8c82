"""A refund split across several modes before it is confirmed (e.g. 100,00 € in cash and
the rest as a credit note). Pure domain: the split dialog shows it, ``refund_basket``
checks the tenders again when it settles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from pos.core.errors import BeyondRestToRefund, SplitIncomplete, UnreadableAmount
from pos.core.models import PaymentMode
from pos.core.money import ZERO, money
from pos.core.tenders import Tender, check_line
from pos.formatting import money as euros


def parse_amount(text: str) -> Decimal:
    """An amount typed by the cashier: ``100``, ``100,50``, ``1 234,56 €``, ``12.5``."""
    cleaned = re.sub(r"[\s\u202f\u00a0€]", "", text).replace(",", ".")
    if not re.fullmatch(r"\d+(\.\d{1,2})?", cleaned):
        raise UnreadableAmount(text=text.strip())
    try:
        return money(Decimal(cleaned))
    except InvalidOperation:  # pragma: no cover - the pattern rules it out
        raise UnreadableAmount(text=text.strip()) from None


@dataclass(frozen=True)
class SplitLine:
    mode: PaymentMode
    amount: Decimal
    reference: str = ""


class RefundSplit:
    def __init__(self, total: Decimal) -> None:
        self.total = money(total)
        self.lines: list[SplitLine] = []

    @property
    def rest(self) -> Decimal:
        """What is still to be given back (prefilled as the next line's amount)."""
        return self.total - sum((line.amount for line in self.lines), ZERO)

    @property
    def complete(self) -> bool:
        return bool(self.lines) and self.rest == ZERO

    def add(self, mode: PaymentMode, amount: Decimal, reference: str = "") -> SplitLine:
        tender = check_line(mode, amount, reference, refund=True)
        if tender.amount > self.rest:
            raise BeyondRestToRefund(amount=euros(tender.amount), rest=euros(self.rest))
        line = SplitLine(tender.mode, tender.amount, tender.reference)
        self.lines.append(line)
        return line

    def remove(self, index: int) -> None:
        if 0 <= index < len(self.lines):
            del self.lines[index]

    def tenders(self) -> list[Tender]:
        if not self.complete:
            raise SplitIncomplete(rest=euros(self.rest))
        return [Tender(line.mode, line.amount, line.reference) for line in self.lines]
