"""The sale side of a held exchange as JSON and back (pure): what was chosen under
ÉCHANGÉ comes back as it was when the operation is resumed, each line under a new line
id (line ids live only as long as a basket)."""

from __future__ import annotations

import json
from dataclasses import asdict, fields, replace
from datetime import datetime
from decimal import Decimal

from pos.core.exchange_basket import ExchangeBasket, SaleProduct, SaleTicket

_TICKET_FIELDS = [f.name for f in fields(SaleTicket) if f.name != "line_id"]


def _ticket_out(t: SaleTicket) -> dict:
    data = {k: v for k, v in asdict(t).items() if k in _TICKET_FIELDS}
    data.update(starts_at=t.starts_at.isoformat(), price=str(t.price), fees=str(t.fees))
    return data


def _ticket_in(data: dict) -> SaleTicket:
    return SaleTicket(**{**data, "starts_at": datetime.fromisoformat(data["starts_at"]),
                         "price": Decimal(data["price"]), "fees": Decimal(data["fees"])})


def encode(sale: ExchangeBasket) -> str:
    return json.dumps({
        "order_id": sale.order_id, "order_number": sale.order_number,
        "contact_id": sale.contact_id, "contact_name": sale.contact_name,
        "tickets": [_ticket_out(t) for t in sale.tickets],
        "products": [{"product_id": p.product_id, "code": p.code, "name": p.name,
                      "kind": p.kind, "quantity": p.quantity,
                      "unit_price": str(p.unit_price),
                      "grants_tariff_id": p.grants_tariff_id,
                      "tickets": [_ticket_out(t) for t in p.tickets]}
                     for p in sale.products],
    }, ensure_ascii=False, sort_keys=True)


def decode(text: str) -> ExchangeBasket:
    data = json.loads(text)
    sale = ExchangeBasket(order_id=data["order_id"], order_number=data["order_number"],
                          contact_id=data["contact_id"], contact_name=data["contact_name"])
    sale.add_tickets(_ticket_in(t) for t in data["tickets"])
    for p in data["products"]:
        sale.add_product(SaleProduct(
            product_id=p["product_id"], code=p["code"], name=p["name"], kind=p["kind"],
            quantity=p["quantity"], unit_price=Decimal(p["unit_price"]),
            tickets=tuple(_ticket_in(t) for t in p["tickets"]),
            grants_tariff_id=p["grants_tariff_id"]))
    return sale


def without_seats(sale: ExchangeBasket, line_ids: set[int]) -> ExchangeBasket:
    """The sale without the tickets ``line_ids`` (a package losing one of its tickets
    goes whole: its price covers all of them)."""
    kept = ExchangeBasket(sale.order_id, sale.order_number, sale.contact_id,
                          sale.contact_name)
    kept.add_tickets(t for t in sale.tickets if t.line_id not in line_ids)
    for p in sale.products:
        if not any(t.line_id in line_ids for t in p.tickets):
            kept.add_product(replace(p))
    return kept
