"""Many paid tickets for the endurance test, inserted in bulk beside the demo data.

One event ("Endurance Gala") in its own area of 1,000 seats, as many performances as
needed, a full and a reduced tariff priced for each (so AUTO-ÉCHANGE has somewhere to
go), orders of ``TICKETS_PER_ORDER`` tickets each paid by card in full (so every ticket
can be refunded). Numbers start at ``FIRST_NUMBER`` and follow the orders: the tickets
of order k are ``FIRST_NUMBER + k * TICKETS_PER_ORDER`` and the next ones. The same
bulk inserts as benchmarks/bench_scan.py ``build``."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from sqlalchemy import insert, select

from pos.core.clock import Clock
from pos.core.db import Database
from pos.core.models import (
    Area,
    Contact,
    Event,
    Operator,
    Order,
    Payment,
    PaymentMode,
    Performance,
    Price,
    PriceCategory,
    PriceCategoryArea,
    SalesPoint,
    Seat,
    Tariff,
    Ticket,
    TicketState,
    Venue,
)
from pos.core.uow import UnitOfWork

FIRST_NUMBER = 30_000_000_000
FIRST_ORDER = 200_000
TICKETS_PER_ORDER = 4
SEATS = 1000
FULL_PRICE = Decimal("50.00")
REDUCED_PRICE = Decimal("40.00")  # AUTO-ÉCHANGE to it gives 10,00 € back a ticket
EVENT = "Endurance Gala"
BATCH = 5000


def order_numbers(order_index: int) -> list[str]:
    """The ticket numbers of the ``order_index``-th seeded order."""
    first = FIRST_NUMBER + order_index * TICKETS_PER_ORDER
    return [f"{first + k:011d}" for k in range(TICKETS_PER_ORDER)]


def seed_paid_orders(database: Database, clock: Clock, orders: int) -> None:
    """``orders`` paid orders of ``TICKETS_PER_ORDER`` valid tickets; the demo must be
    loaded already (its operator, sales point and tariffs are used)."""
    tickets = orders * TICKETS_PER_ORDER
    now = clock.now()
    with UnitOfWork(database.sessions) as uow:
        s = uow.session
        venue = Venue(name="Endurance Hall")
        s.add(venue)
        s.flush()
        area = Area(venue_id=venue.id, name="Fosse")
        s.add(area)
        s.flush()
        s.execute(insert(Seat), [{"area_id": area.id, "row": "", "label": str(i + 1),
                                  "position": i + 1} for i in range(SEATS)])
        seat_ids = s.scalars(select(Seat.id).where(Seat.area_id == area.id)
                             .order_by(Seat.position)).all()
        event = Event(name=EVENT, venue_id=venue.id)
        s.add(event)
        s.flush()
        category = PriceCategory(event_id=event.id, name="Cat 1", rank=1)
        s.add(category)
        s.flush()
        s.add(PriceCategoryArea(category_id=category.id, area_id=area.id))
        performances = -(-tickets // SEATS)
        s.execute(insert(Performance), [{"event_id": event.id,
                                         "starts_at": now + timedelta(days=30, hours=i)}
                                        for i in range(performances)])
        perf_ids = s.scalars(select(Performance.id).where(Performance.event_id == event.id)
                             .order_by(Performance.id)).all()
        full = s.scalar(select(Tariff.id).where(Tariff.code == "PLEIN"))
        reduced = s.scalar(select(Tariff.id).where(Tariff.code == "REDUIT"))
        assert full is not None and reduced is not None, "load the demo first"
        s.execute(insert(Price), [
            {"performance_id": p, "category_id": category.id, "tariff_id": t, "amount": a,
             "fees": Decimal("0.00")}
            for p in perf_ids for t, a in ((full, FULL_PRICE), (reduced, REDUCED_PRICE))])
        operator_id = s.scalar(select(Operator.id).where(Operator.login == "STX_BDD"))
        point_id = s.scalar(select(SalesPoint.id).where(SalesPoint.name == "Guichet"))
        contact = Contact(last_name="ENDURANCE", first_name="Client")
        s.add(contact)
        s.flush()
        category_id, contact_id = category.id, contact.id
        uow.commit()

    with database.engine.begin() as conn:
        for start in range(0, orders, BATCH):
            conn.execute(insert(Order), [
                {"number": FIRST_ORDER + i, "contact_id": contact_id, "created_at": now,
                 "created_by_id": operator_id, "created_sales_point_id": point_id,
                 "modified_at": now, "modified_by_id": operator_id,
                 "modified_sales_point_id": point_id}
                for i in range(start, min(start + BATCH, orders))])
        order_ids = dict(conn.execute(select(Order.number, Order.id)
                                      .where(Order.number >= FIRST_ORDER)).all())
        for start in range(0, orders, BATCH):
            conn.execute(insert(Payment), [
                {"order_id": order_ids[FIRST_ORDER + i], "mode": PaymentMode.CARD,
                 "amount": FULL_PRICE * TICKETS_PER_ORDER, "at": now,
                 "operator_id": operator_id, "reference": "CB ****0000"}
                for i in range(start, min(start + BATCH, orders))])
        for start in range(0, tickets, BATCH):
            conn.execute(insert(Ticket), [
                {"number": f"{FIRST_NUMBER + i:011d}",
                 "order_id": order_ids[FIRST_ORDER + i // TICKETS_PER_ORDER],
                 "performance_id": perf_ids[i // SEATS], "seat_id": seat_ids[i % SEATS],
                 "category_id": category_id, "tariff_id": full, "quota_id": None,
                 "price": FULL_PRICE, "fees": Decimal("0.00"), "state": TicketState.VALID,
                 "printed": True, "delivery_mode": "Remis au contact", "sold_at": now,
                 "sold_by_id": operator_id, "sales_point_id": point_id}
                for i in range(start, min(start + BATCH, tickets))])
