"""Printed documents built from a committed operation (plain data, French text)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from pos.core.basket import OrderGroup
from pos.core.documents import Barcode, Block, Columns, Document, Feed, Heading, Separator, Text
from pos.core.fees import FeeLine
from pos.core.models import PaymentMode
from pos.formatting import money, performance_date, timestamp

MODE_LABELS = {
    PaymentMode.CASH: "Espèces",
    PaymentMode.CREDIT_NOTE: "Avoir",
    PaymentMode.SUSPENSE_ACCOUNT: "Compte d'attente",
    PaymentMode.CARD: "Carte bancaire",
    PaymentMode.CHEQUE: "Chèque",
    PaymentMode.TRANSFER: "Virement",
    PaymentMode.OTHER: "Autre",
}


@dataclass(frozen=True)
class RefundReceipt:
    venue: str
    counter: str
    sales_point: str
    operator: str
    operation_number: int
    at: datetime
    groups: tuple[OrderGroup, ...]
    total: Decimal  # negative: money going back
    # negative amounts; an optional third item is the reference (credit note number,
    # cheque number...)
    tenders: tuple[tuple[PaymentMode, Decimal] | tuple[PaymentMode, Decimal, str], ...]
    refund_fees: bool = False
    fee_lines: Mapping[int, FeeLine] = field(default_factory=dict)  # ticket id -> fee


def fee_blocks(line: FeeLine | None) -> list[Block]:
    """A ticket's cancellation fee under it: the rule, cause and window that made it."""
    if line is None or not (line.amount or line.computed):
        return []
    return [Text(f"    {line.label}"), Columns("    Frais retenus", money(line.amount))]


def header(venue: str, title: str, operation_number: int, at: datetime) -> list[Block]:
    """The top of every counter document: venue, what it is, the operation, when."""
    return [
        Heading(venue or "Guichet"),
        Text(title, bold=True, align="center"),
        Text(f"Ordre {operation_number}", align="center"),
        Text(timestamp(at), align="center"),
        Separator(),
    ]


def taken_back_lines(groups: tuple[OrderGroup, ...], refund_fees: bool, *,
                     with_contact: bool = True,
                     fee_lines: Mapping[int, FeeLine] | None = None) -> list[Block]:
    """The tickets taken back, order > performance > category + tariff > ticket,
    each with what goes back for it."""
    blocks: list[Block] = []
    for order in groups:
        title = f"Dossier {order.order_number}"
        blocks.append(Text(f"{title} - {order.contact_name}" if with_contact else title,
                           bold=True))
        for perf in order.performances:
            blocks.append(Text(f"{perf.event_name} - {performance_date(perf.starts_at)}"))
            for tariff in perf.tariffs:
                blocks.append(Text(f"{tariff.category} {tariff.tariff}"))
                for t in tariff.tickets:
                    place = " ".join(p for p in (t.area, t.seat) if p)
                    fee = (fee_lines or {}).get(t.ticket_id)
                    base = t.price + t.fees if refund_fees else t.price
                    refunded = base - min(fee.amount, base) if fee else base
                    blocks.append(Columns(f"  {t.number} {place}", money(-refunded)))
                    blocks += fee_blocks(fee)
    return blocks


def refund_receipt(r: RefundReceipt) -> Document:
    blocks: list = header(r.venue, "REMBOURSEMENT", r.operation_number, r.at)
    blocks += taken_back_lines(r.groups, r.refund_fees, fee_lines=r.fee_lines)
    blocks += [
        Separator(),
        Columns("TOTAL", money(r.total), bold=True),
    ]
    for mode, amount, *reference in r.tenders:
        label = MODE_LABELS[mode] + (f" {reference[0]}" if reference and reference[0] else "")
        blocks.append(Columns(label, money(amount)))
    blocks += [
        Separator(),
        Text(f"Opérateur : {r.operator}"),
        Text(f"{r.sales_point} - {r.counter}"),
        Barcode(f"OP{r.operation_number:08d}"),
        Feed(2),
    ]
    return Document(kind="refund_receipt", blocks=tuple(blocks))
