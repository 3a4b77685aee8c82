"""Benchmark: a scan into the cancellation basket, and a cash refund, on a large database.

    .venv/bin/python -m benchmarks.bench_scan --tickets 1000000            # SQLite file
    .venv/bin/python -m benchmarks.bench_scan --url postgresql+psycopg://… # PostgreSQL

It builds (once, then reuses) a database with the demo data plus N synthetic paid
tickets (1 000 performances x 1 000 seats, 4 tickets an order, each order paid), then
times what the cashier waits for: `take_ticket` (a scan: parse, one indexed look-up,
the refusal checks, the snapshot) and `refund_basket` (a whole cash settlement of a
4-ticket basket in one transaction). Timings are reported, never asserted: they belong
here, not in the test suite.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, insert, select

from pos.core.basket import CancellationBasket
from pos.core.clock import SystemClock
from pos.core.db import Database
from pos.core.demo import load_demo
from pos.core.errors import DomainError
from pos.core.models import (
    Area,
    Contact,
    Event,
    Operator,
    Order,
    Payment,
    PaymentMode,
    Performance,
    PriceCategory,
    SalesPoint,
    Seat,
    Tariff,
    Ticket,
    TicketState,
    Venue,
)
from pos.core.money import to_cents
from pos.core.services.refunds import Tender, refund_basket
from pos.core.services.scanning import take_ticket
from pos.core.services.station import ensure_station
from pos.core.uow import UnitOfWork

FIRST_NUMBER = 20_000_000_000
SEATS = 1000
BATCH = 20_000


def build(database: Database, tickets: int) -> None:
    database.upgrade()
    clock = SystemClock()
    with UnitOfWork(database.sessions) as uow:
        if uow.session.scalar(select(func.count()).select_from(Ticket)) >= tickets:
            return
        load_demo(uow, clock)
    now = clock.now()
    started = time.perf_counter()
    with UnitOfWork(database.sessions) as uow:
        s = uow.session
        venue = Venue(name="Bench Arena")
        s.add(venue)
        s.flush()
        area = Area(venue_id=venue.id, name="Fosse")
        s.add(area)
        s.flush()
        s.execute(insert(Seat), [{"area_id": area.id, "row": "", "label": str(i), "position": i}
                                 for i in range(SEATS)])
        seat_ids = s.scalars(select(Seat.id).where(Seat.area_id == area.id)
                             .order_by(Seat.position)).all()
        event = Event(name="Bench Tour", venue_id=venue.id)
        s.add(event)
        s.flush()
        category = PriceCategory(event_id=event.id, name="Cat 1", rank=1)
        s.add(category)
        s.flush()
        performances = -(-tickets // SEATS)
        s.execute(insert(Performance), [{"event_id": event.id,
                                         "starts_at": now + timedelta(days=30, hours=i)}
                                        for i in range(performances)])
        perf_ids = s.scalars(select(Performance.id).where(Performance.event_id == event.id)
                             .order_by(Performance.id)).all()
        tariff_id = s.scalar(select(Tariff.id).where(Tariff.code == "PLEIN"))
        operator_id = s.scalar(select(Operator.id))
        point_id = s.scalar(select(SalesPoint.id))
        contact = Contact(last_name="BENCH", first_name="Client")
        s.add(contact)
        s.flush()
        uow.commit()

    price = Decimal("42.00")
    orders = -(-tickets // 4)
    with database.engine.begin() as conn:
        first_order = 100_000
        for start in range(0, orders, BATCH):
            rows = range(start, min(start + BATCH, orders))
            conn.execute(insert(Order), [
                {"number": first_order + i, "contact_id": contact.id, "created_at": now,
                 "created_by_id": operator_id, "created_sales_point_id": point_id,
                 "modified_at": now, "modified_by_id": operator_id,
                 "modified_sales_point_id": point_id} for i in rows])
        order_ids = dict(conn.execute(select(Order.number, Order.id)
                                      .where(Order.number >= first_order)).all())
        for start in range(0, orders, BATCH):
            conn.execute(insert(Payment), [
                {"order_id": order_ids[first_order + i], "mode": PaymentMode.CARD,
                 "amount": price * 4, "at": now, "operator_id": operator_id, "reference": ""}
                for i in range(start, min(start + BATCH, orders))])
        for start in range(0, tickets, BATCH):
            conn.execute(insert(Ticket), [
                {"number": f"{FIRST_NUMBER + i:011d}", "order_id": order_ids[first_order + i // 4],
                 "performance_id": perf_ids[i // SEATS], "seat_id": seat_ids[i % SEATS],
                 "category_id": category.id, "tariff_id": tariff_id, "quota_id": None,
                 "price": price, "fees": Decimal("0.00"), "state": TicketState.VALID,
                 "printed": True, "delivery_mode": "Remis au contact", "sold_at": now,
                 "sold_by_id": operator_id, "sales_point_id": point_id}
                for i in range(start, min(start + BATCH, tickets))])
    assert to_cents(price) == 4200
    print(f"built {tickets:,} tickets in {time.perf_counter() - started:.1f} s")


def _ms(samples: list[float]) -> str:
    if not samples:
        return "no sample"
    samples = sorted(samples)
    p99 = samples[int(len(samples) * 0.99) - 1] if len(samples) >= 100 else samples[-1]
    return (f"median {statistics.median(samples) * 1000:.2f} ms, p99 {p99 * 1000:.2f} ms, "
            f"max {samples[-1] * 1000:.2f} ms over {len(samples)}")


def measure(database: Database, tickets: int, scans: int, refunds: int) -> None:
    clock = SystemClock()
    with UnitOfWork(database.sessions) as uow:
        station = ensure_station(uow, counter="Bench 1", sales_point="Guichet",
                                 operator="STX_BDD")
    rng = random.Random(1)
    scan_times = []
    refused = 0
    for _ in range(scans):
        number = f"{FIRST_NUMBER + rng.randrange(tickets):011d}"
        basket = CancellationBasket()
        t0 = time.perf_counter()
        try:  # a refusal (refunded by an earlier run) is a scan the cashier waits for too
            with UnitOfWork(database.sessions) as uow:
                take_ticket(uow, basket, number, clock)
        except DomainError:
            refused += 1
        scan_times.append(time.perf_counter() - t0)
    print(f"scan (take_ticket):   {_ms(scan_times)} ({refused} refused)")

    refund_times = []
    used: set[int] = set()
    rng = random.Random()  # other orders than the last run's, which refunded theirs
    for _ in range(refunds):
        order = rng.randrange(tickets // 4)
        while order in used:
            order = rng.randrange(tickets // 4)
        used.add(order)
        basket = CancellationBasket()
        try:
            for k in range(4):
                with UnitOfWork(database.sessions) as uow:
                    take_ticket(uow, basket, f"{FIRST_NUMBER + order * 4 + k:011d}", clock)
        except DomainError:  # refunded by an earlier run of the benchmark
            continue
        t0 = time.perf_counter()
        with UnitOfWork(database.sessions) as uow:
            refund_basket(uow, basket, [Tender(PaymentMode.CASH, basket.refund_total)],
                          station, clock)
        refund_times.append(time.perf_counter() - t0)
    print(f"refund (4 tickets):   {_ms(refund_times)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--url", default="")
    parser.add_argument("--scans", type=int, default=2000)
    parser.add_argument("--refunds", type=int, default=200)
    args = parser.parse_args()
    url = args.url or f"sqlite:///{Path('/tmp') / f'guichet-bench-{args.tickets}.sqlite3'}"
    database = Database(url)
    build(database, args.tickets)
    print(f"database: {database.dialect}")
    measure(database, args.tickets, args.scans, args.refunds)
    database.dispose()


if __name__ == "__main__":
    main()
