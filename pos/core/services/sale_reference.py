"""What a ticket sold in an exchange is made of (performance and its event, price
category, tariff, price, and whether a benefit grants the tariff), read as ONE row.

Why: choosing the seats and settling them each checked these with five ORM reads
(performance, event, category, tariff, price) and the benefits' list: small rows, read
again at every exchange, whose per-statement ORM work was most of the time. The row here
only says that all is in order; anything not in order (unknown, past, not offered,
granted by a benefit) goes the checked way of ``catalog``, which raises the refusal in
French, so there is one place that words each refusal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import and_, bindparam, exists, select

from pos.core.models import Event, Performance, Price, PriceCategory, Tariff
from pos.core.models_catalog import Product, ProductKind
from pos.core.prepared import PreparedQuery
from pos.core.uow import UnitOfWork


@dataclass(frozen=True)
class SaleReference:
    performance_id: int
    event_name: str
    starts_at: datetime
    category_id: int
    category: str
    tariff_id: int
    tariff: str
    price: Decimal
    fees: Decimal


_P, _C, _T = bindparam("performance_id"), bindparam("category_id"), bindparam("tariff_id")
_ROW = PreparedQuery(
    select(Performance.starts_at, Event.name.label("event_name"),
           PriceCategory.id.label("category_id"), PriceCategory.name.label("category"),
           Tariff.id.label("tariff_id"), Tariff.name.label("tariff"),
           Price.amount, Price.fees,
           exists().where(Product.kind == ProductKind.BENEFIT,
                          Product.grants_tariff_id == Tariff.id).label("benefit"))
    .select_from(Performance)
    .join(Event, Event.id == Performance.event_id)
    .outerjoin(PriceCategory, and_(PriceCategory.id == _C,
                                   PriceCategory.event_id == Performance.event_id))
    .outerjoin(Tariff, Tariff.id == _T)
    .outerjoin(Price, and_(Price.performance_id == Performance.id,
                           Price.category_id == PriceCategory.id,
                           Price.tariff_id == Tariff.id))
    .where(Performance.id == _P))


def plain_sale(uow: UnitOfWork, performance_id: int, category_id: int, tariff_id: int,
               now: datetime) -> SaleReference | None:
    """The reference of a sale at ``now`` when nothing stands in its way: the
    performance to come, the category of its event, the tariff offered at a price, no
    benefit needed. ``None`` otherwise: the caller checks it the long way."""
    rows = uow.fetch(_ROW, {"performance_id": performance_id, "category_id": category_id,
                            "tariff_id": tariff_id})
    if not rows:
        return None
    r = rows[0]
    if r.starts_at <= now or r.category_id is None or r.amount is None or r.benefit:
        return None
    return SaleReference(performance_id, r.event_name, r.starts_at, r.category_id,
                         r.category, r.tariff_id, r.tariff, r.amount, r.fees)
