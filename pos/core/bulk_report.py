"""The report of a cancelled performance's bulk refund: plain data (the PDF writer in
``pos.devices.bulk_report_pdf`` reads it, and knows nothing of the database)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal


@dataclass(frozen=True)
class RefundedOrder:
    order_number: int
    contact: str
    tickets: int
    refunded: Decimal
    modes: str  # "Avoir AV0000001 ; Carte bancaire"
    operation: str  # "Guichet 1 / 1271"
    at: datetime


@dataclass(frozen=True)
class RefusedOrder:
    order_number: int
    contact: str
    tickets: int
    reason: str  # the core's French refusal


@dataclass(frozen=True)
class BulkReport:
    venue: str
    event: str
    starts_at: datetime
    cancelled_at: datetime
    cancelled_by: str
    policy: str  # in words
    generated_at: datetime
    refunded: tuple[RefundedOrder, ...]
    refused: tuple[RefusedOrder, ...] = ()
    still_valid: int = 0  # tickets left to refund (run cancelled, or refused)
    stopped: bool = False  # the run was cancelled between orders
    runs: int = 1
    notes: tuple[str, ...] = field(default=())

    @property
    def total(self) -> Decimal:
        return sum((o.refunded for o in self.refunded), Decimal("0.00"))

    @property
    def tickets(self) -> int:
        return sum(o.tickets for o in self.refunded)
