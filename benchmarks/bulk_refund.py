"""Benchmark: the bulk refund of a cancelled performance of about 10,000 tickets.

    .venv/bin/python -m benchmarks.bulk_refund [--shape peer] [--policy credit-note]
                                               [--url postgresql+psycopg://…] [--limit N]

The ``peer`` shape (benchmarks.dataset) has two performances of 10,000 seats, sold in
orders of 10 tickets; the performance with the most live tickets is cancelled by a
supervisor and refunded order by order (one settlement, one transaction each, SQLite
with synchronous=FULL), then the PDF report is written. Figures are printed (and as
JSON with --out), never asserted: a timing is not a pass/fail test.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from sqlalchemy import func, select

from benchmarks.dataset import BENCH_NOW, open_database, prepare
from pos.core.clock import FixedClock
from pos.core.models import Operator, OperatorRole, Ticket
from pos.core.services.bulk_refund import LIVE, cancel_performance, run_bulk_refund
from pos.core.services.bulk_refund_report import bulk_report
from pos.core.services.station import ensure_station
from pos.core.uow import UnitOfWork
from pos.devices.bulk_report_pdf import render_bulk_report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", default="peer")
    parser.add_argument("--policy", default="credit-note")
    parser.add_argument("--url", default="")
    parser.add_argument("--limit", type=int, default=0, help="stop after N orders (0: all)")
    parser.add_argument("--out", default="")
    args = parser.parse_args()
    url, _meta = prepare(args.shape, args.url)
    database = open_database(url)
    database.upgrade()  # the cached template may predate this branch's tables
    units = lambda: UnitOfWork(database.sessions)  # noqa: E731
    clock = FixedClock(BENCH_NOW)
    with units() as uow:
        uow.begin_write()
        if uow.session.scalar(select(Operator).where(Operator.login == "BENCH_CHEF")) is None:
            uow.session.add(Operator(login="BENCH_CHEF", name="Bench",
                                     role=OperatorRole.SUPERVISOR))
        uow.commit()
    with units() as uow:
        station = ensure_station(uow, counter="Guichet bench", sales_point="Guichet",
                                 operator="BENCH_CHEF", venue_name="Arena")
    with units() as uow:
        pid, tickets = uow.session.execute(
            select(Ticket.performance_id, func.count()).where(Ticket.state.in_(LIVE))
            .group_by(Ticket.performance_id).order_by(func.count().desc())).first()
    with units() as uow:
        cancel_performance(uow, pid, station=station, clock=clock, reason="benchmark")
    done = {"n": 0}
    stop = (lambda: done["n"] >= args.limit) if args.limit else None

    def progress(n: int, total: int) -> None:
        done["n"] = n

    started = time.perf_counter()
    run = run_bulk_refund(units, pid, args.policy, station=station, clock=clock,
                          progress=progress, should_stop=stop)
    seconds = time.perf_counter() - started
    started = time.perf_counter()
    with units() as uow:
        report = bulk_report(uow, pid, policy=args.policy, clock=clock, venue="Arena", run=run)
    pdf = render_bulk_report(report)
    report_seconds = time.perf_counter() - started
    refunded = sum(len(r.tenders) and 1 for r in run.refunded)
    figures = {"engine": database.dialect, "shape": args.shape, "policy": args.policy,
               "live_tickets": tickets, "orders": run.total_orders, "orders_refunded": refunded,
               "tickets_refunded": report.tickets, "refused": len(run.refused),
               "seconds": round(seconds, 1),
               "ms_per_order": round(1000 * seconds / max(refunded, 1), 1),
               "tickets_per_second": round(report.tickets / seconds, 1),
               "report_seconds": round(report_seconds, 1), "report_bytes": len(pdf)}
    for key, value in figures.items():
        print(f"{key:>18}: {value}")
    if args.out:
        Path(args.out).write_text(json.dumps(figures, indent=2))
    database.dispose()


if __name__ == "__main__":
    main()
