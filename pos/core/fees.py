"""The cancellation and exchange fee: ONE rule, pure, used by the basket's preview and
by the settlement pipeline (``settlement.assess_fees``, inside the write transaction,
with the injected clock).

A ticket's refund is what was paid for it (its price, plus its simple fees when the
cashier refunds them: ``CancellationBasket.refund_fees``) less the fee kept by the first
matching rule. The fee is never negative, and never more than that refund: a refund
never goes below zero, and never past what was paid.

Rules are matched in ``position`` order; a rule matches a ticket when its kind
(refund / exchange), who asked ("public" / "organiser"), tariff code, category and
window of hours before the performance all match ("" or None: any). A per-operation
rule is charged once, on the first ticket it matches (the rest of it, if that ticket's
refund is smaller, on the next ones).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from pos.core.money import CENT, ZERO, as_text, money

KINDS = ("refund", "exchange")
APPLIES_TO = ("refund", "exchange", "both")
PER = ("ticket", "operation")
REQUESTERS = ("", "public", "organiser")


@dataclass(frozen=True)
class Rule:
    name: str
    position: int = 0
    applies_to: str = "both"
    requested_by: str = ""
    tariff: str = ""
    category: str = ""
    from_hours: int | None = None
    until_hours: int | None = None
    percent: Decimal = ZERO  # 10.00 = 10 %
    fixed: Decimal = ZERO
    per: str = "ticket"

    def matches(self, ticket: FeeTicket, kind: str, requested_by: str, now: datetime) -> bool:
        if self.applies_to not in (kind, "both"):
            return False
        if self.requested_by and self.requested_by != requested_by:
            return False
        if self.tariff and self.tariff != ticket.tariff_code:
            return False
        if self.category and self.category != ticket.category:
            return False
        seconds = (ticket.starts_at - now).total_seconds()
        if self.from_hours is not None and seconds < self.from_hours * 3600:
            return False
        return self.until_hours is None or seconds < self.until_hours * 3600

    def amount_on(self, base: Decimal) -> Decimal:
        """The fee on a refund of ``base``, before it is capped."""
        share = (base * self.percent / 100).quantize(CENT, rounding=ROUND_HALF_UP)
        return money(self.fixed + share)

    @property
    def window(self) -> str:
        """The date window in the cashier's words (French, as receipts are)."""
        lo, hi = self.from_hours, self.until_hours
        if lo is None and hi is None:
            return "à tout moment"
        if lo is None:
            return f"moins de {_span(hi)} avant"
        if hi is None:
            return f"plus de {_span(lo)} avant" if lo > 0 else "à tout moment"
        return f"de {_span(hi)} à {_span(lo)} avant"

    @property
    def price_text(self) -> str:
        parts = []
        if self.percent:
            parts.append(f"{self.percent.normalize():f} %".replace(".", ","))
        if self.fixed:
            parts.append(f"{self.fixed:.2f} €".replace(".", ","))
        what = " + ".join(parts) or "gratuit"
        return what + (" par opération" if self.per == "operation" else " par billet")


def _span(hours: int | None) -> str:
    hours = hours or 0
    return f"{hours // 24} j" if hours >= 48 and hours % 24 == 0 else f"{hours} h"


@dataclass(frozen=True)
class FeeTicket:
    """What the rule reads of a ticket (from the database, fresh, in the transaction)."""

    ticket_id: int
    tariff_code: str
    category: str
    starts_at: datetime
    base: Decimal  # the refund before the fee: price (+ simple fees when refunded)


@dataclass(frozen=True)
class Waiver:
    supervisor: str
    reason: str


@dataclass(frozen=True)
class FeeLine:
    """The fee of one ticket, as the basket shows it and the receipt prints it."""

    ticket_id: int
    amount: Decimal  # kept; 0 when waived
    rule: str
    requested_by: str
    window: str
    computed: Decimal  # what the rule asked, before a waiver
    waived_by: str = ""
    waived_reason: str = ""

    @property
    def label(self) -> str:
        who = {"public": "demandé par le public",
               "organiser": "demandé par l'organisateur"}.get(self.requested_by,
                                                             self.requested_by)
        text = f"Frais : {self.rule} ({who}, {self.window})"
        if self.waived_by:
            text += f", levés par {self.waived_by} : {self.waived_reason}"
        return text


def assess(rules: Sequence[Rule], tickets: Iterable[FeeTicket], *, kind: str,
           requested_by: str, now: datetime,
           waiver: Waiver | None = None) -> dict[int, FeeLine]:
    """The fee line of each ticket a rule matches (ticket id -> line)."""
    if kind not in KINDS:
        raise ValueError(f"kind: {kind!r}")
    ordered = sorted(rules, key=lambda r: r.position)
    lines: dict[int, FeeLine] = {}
    per_operation: dict[str, Decimal] = {}  # rule name -> what is left to charge
    for ticket in tickets:
        rule = next((r for r in ordered if r.matches(ticket, kind, requested_by, now)), None)
        if rule is None:
            continue
        base = max(ticket.base, ZERO)
        if rule.per == "operation":
            owed = per_operation.setdefault(rule.name, rule.amount_on(base))
            amount = min(owed, base)
            per_operation[rule.name] = owed - amount
        else:
            amount = min(max(rule.amount_on(base), ZERO), base)
        line = FeeLine(ticket.ticket_id, amount, rule.name, requested_by, rule.window,
                       computed=amount)
        if waiver is not None and amount > ZERO:
            line = replace(line, amount=ZERO, waived_by=waiver.supervisor,
                           waived_reason=waiver.reason)
        if line.computed > ZERO or rule.per == "ticket":
            lines[ticket.ticket_id] = line
    return lines


def total(lines: dict[int, FeeLine]) -> Decimal:
    return sum((line.amount for line in lines.values()), ZERO)


def same_amounts(a: dict[int, FeeLine], b: dict[int, FeeLine]) -> bool:
    return {k: v.amount for k, v in a.items() if v.amount} == {
        k: v.amount for k, v in b.items() if v.amount}


def payload(lines: dict[int, FeeLine], numbers: dict[int, str]) -> list[dict[str, str]]:
    """The fee lines as the journal keeps them."""
    return [{"ticket": numbers.get(line.ticket_id, str(line.ticket_id)),
             "amount": as_text(line.amount), "computed": as_text(line.computed),
             "rule": line.rule, "requested_by": line.requested_by, "window": line.window,
             **({"waived_by": line.waived_by, "reason": line.waived_reason}
                if line.waived_by else {})}
            for line in lines.values()]
