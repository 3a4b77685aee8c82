"""Printed documents of an exchange (plain data, French text): one ticket per new
ticket, and the exchange receipt (what was taken back, what was sold, how the balance
was settled)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from pos.core.basket import OrderGroup
from pos.core.documents import Barcode, Columns, Document, Feed, Heading, QRCode, Separator, Text
from pos.core.exchange_basket import ContactGroup
from pos.core.fees import FeeLine
from pos.core.models import PaymentMode
from pos.core.receipts import MODE_LABELS, fee_blocks, header, paper_returned_lines
from pos.formatting import money, performance_date


@dataclass(frozen=True)
class TicketFace:
    number: str
    event: str
    starts_at: datetime
    venue: str
    area: str
    seat: str
    category: str
    tariff: str
    price: Decimal
    fees: Decimal
    operator: str
    sales_point: str
    product: str = ""  # subscription or package it belongs to


def ticket_document(t: TicketFace) -> Document:
    blocks: list = [
        Heading(t.venue or "Guichet"),
        Text(t.event, bold=True, align="center"),
        Text(performance_date(t.starts_at), align="center"),
        Separator(),
    ]
    if t.area:
        blocks.append(Columns("Zone", t.area))
    blocks.append(Columns("Place", t.seat or "Placement libre", bold=True))
    blocks += [Columns("Catégorie", t.category), Text(f"Tarif : {t.tariff}")]
    if t.product:
        blocks.append(Text(f"Inclus dans : {t.product}"))
    blocks.append(Columns("Prix", money(t.price), bold=True))
    if t.fees:
        blocks.append(Columns("dont frais", money(t.fees)))
    blocks += [
        Separator(),
        Barcode(t.number),
        QRCode(t.number),
        Text(f"Billet n° {t.number}", align="center"),
        Text(f"Opérateur : {t.operator} - {t.sales_point}"),
        Feed(2),
    ]
    return Document(kind="ticket", blocks=tuple(blocks))


@dataclass(frozen=True)
class ExchangeReceipt:
    venue: str
    counter: str
    sales_point: str
    operator: str
    operation_number: int
    at: datetime
    cancelled: tuple[OrderGroup, ...]
    sold: tuple[ContactGroup, ...]
    new_numbers: tuple[tuple[int, str], ...]  # (sale line id, new ticket number)
    refunded: Decimal  # negative
    sold_total: Decimal
    total: Decimal
    tenders: tuple[tuple[PaymentMode, Decimal, str], ...]  # signed: + paid, - given back
    change: Decimal
    refund_fees: bool = False
    fee_lines: Mapping[int, FeeLine] = field(default_factory=dict)  # ticket id -> fee
    #: (old ticket number, the new one that replaces it or "" when only refunded)
    replacements: tuple[tuple[str, str], ...] = ()


def exchange_receipt(r: ExchangeReceipt) -> Document:
    blocks: list = header(r.venue, "ÉCHANGE", r.operation_number, r.at)
    blocks.append(Text("ANNULÉ", bold=True))
    for order in r.cancelled:
        blocks.append(Text(f"Dossier {order.order_number} - {order.contact_name}"))
        for perf in order.performances:
            blocks.append(Text(f"{perf.event_name} - {performance_date(perf.starts_at)}"))
            for tariff in perf.tariffs:
                blocks.append(Columns(f"  {tariff.quantity} x {tariff.category} {tariff.tariff}",
                                      money(-tariff.amount)))
                for t in tariff.tickets:
                    fee = r.fee_lines.get(t.ticket_id)
                    if fee is not None and (fee.amount or fee.computed):
                        blocks.append(Text(f"    {t.number}"))
                        blocks += fee_blocks(fee)
    blocks += paper_returned_lines(r.cancelled)
    for old, new in r.replacements:  # which ticket became which: a duplicate is traceable
        blocks.append(Text(f"  {old} remplacé par {new}" if new else f"  {old}"))
    blocks += [Separator(), Text("ÉCHANGÉ", bold=True)]
    numbers = dict(r.new_numbers)
    for contact in r.sold:
        blocks.append(Text(f"Dossier {contact.order_number} - {contact.contact_name}"))
        for perf in contact.performances:
            blocks.append(Text(f"{perf.event_name} - {performance_date(perf.starts_at)}"))
            for tariff in perf.tariffs:
                blocks.append(Text(f"{tariff.category} {tariff.tariff}"))
                for t in tariff.tickets:
                    place = " ".join(p for p in (t.area, t.seat) if p)
                    number = numbers.get(t.line_id, "")
                    blocks.append(Columns(f"  {number} {place}", money(t.amount)))
        for product in contact.products:
            blocks.append(Columns(f"{product.quantity} x {product.name}", money(product.amount)))
    blocks += [
        Separator(),
        Columns("Sous-total remboursé", money(r.refunded)),
        Columns("Sous-total vendu", money(r.sold_total)),
        Columns("TOTAL", money(r.total), bold=True),
    ]
    for mode, amount, reference in r.tenders:
        blocks.append(Columns(MODE_LABELS[mode] + (f" {reference}" if reference else ""),
                              money(amount)))
    if r.change:
        blocks.append(Columns("Rendu", money(r.change)))
    blocks += [
        Separator(),
        Text(f"Opérateur : {r.operator}"),
        Text(f"{r.sales_point} - {r.counter}"),
        Barcode(f"OP{r.operation_number:08d}"),
        Feed(2),
    ]
    return Document(kind="exchange_receipt", blocks=tuple(blocks))
