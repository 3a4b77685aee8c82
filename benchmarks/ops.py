"""The timed operations of the core, each checked: a timing only counts when the
operation really happened (the basket filled, tickets cancelled or replaced, payments,
journal entries and print jobs appended). A check that fails raises ``BenchCheckFailed``:
the suite stops rather than report the time of something that did not happen."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from benchmarks.dataset import BENCH_NOW, Meta, open_database  # noqa: F401  (re-exported)
from pos.core.basket import CancellationBasket
from pos.core.clock import FixedClock
from pos.core.db import Database
from pos.core.errors import TicketNotRefundable
from pos.core.exchange_basket import ExchangeBasket, totals
from pos.core.models import JournalEntry, Payment, PaymentMode, Ticket, TicketState
from pos.core.models_printing import PrintJob
from pos.core.services.cash_sessions import current_session, open_session
from pos.core.services.exchange import event_tickets, settle_exchange
from pos.core.services.order_detail import order_detail
from pos.core.services.refunds import Tender, refund_basket
from pos.core.services.scanning import take_ticket
from pos.core.services.station import Station, ensure_station
from pos.core.services.take_back import MAX_BATCH, range_report, take_refundable
from pos.core.uow import UnitOfWork

CLOCK = FixedClock(BENCH_NOW)


class BenchCheckFailed(AssertionError):
    """A timed operation did not do what it is timed for."""


def check(condition: bool, what: str) -> None:
    if not condition:
        raise BenchCheckFailed(what)


@dataclass
class Context:
    database: Database
    meta: Meta
    station: Station
    rng: random.Random

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.database.sessions)

    def take_order(self, venue: str) -> list[int]:
        """A paid 10-ticket order not used yet by this run (each is used once)."""
        orders = self.meta.ten_ticket_orders.get(venue) or []
        check(bool(orders), f"no 10-ticket order left in venue {venue}")
        return orders.pop()


SQLITE_FULL = 2  # what ``PRAGMA synchronous`` answers for FULL


def check_synchronous_full(database: Database) -> None:
    """Operations 3 to 5 are specified with ``synchronous=FULL``: a run on a connection
    that syncs less (NORMAL, OFF) would time commits that are not durable."""
    if database.dialect != "sqlite":
        return
    with database.engine.connect() as conn:
        level = conn.exec_driver_sql("PRAGMA synchronous").scalar()
    check(level == SQLITE_FULL,
          f"SQLite runs with synchronous={level}, not FULL ({SQLITE_FULL}): operations 3-5 "
          "are timed with synchronous=FULL")


def context(database: Database, meta: Meta, seed: int = 1) -> Context:
    check_synchronous_full(database)
    with UnitOfWork(database.sessions) as uow:
        station = ensure_station(uow, counter="Bench 1", sales_point="Guichet",
                                 operator="STX_BDD", venue_name="Bench")
    with UnitOfWork(database.sessions) as uow:
        # The bench refunds in cash: its drawer opens with a float that never runs out.
        if current_session(uow, station.counter_id) is None:
            open_session(uow, station, FixedClock(BENCH_NOW), {50000: 100_000})
    return Context(database, meta, station, random.Random(seed))


def _counts(ctx: Context) -> tuple[int, int, int]:
    with ctx.uow() as uow:
        s = uow.session
        return (s.scalar(select(func.count()).select_from(Payment)),
                s.scalar(select(func.count()).select_from(JournalEntry)),
                s.scalar(select(func.count()).select_from(PrintJob)))


def _appended(ctx: Context, before: tuple[int, int, int], what: str, payment: bool) -> None:
    """The settlement appended its payments (when money moved), its journal entry and its
    print jobs: each checked on its own, so that a failure says which is missing."""
    payments, entries, jobs = _counts(ctx)
    check(not payment or payments > before[0], f"{what}: no payment appended")
    check(entries > before[1], f"{what}: no journal entry appended")
    check(jobs > before[2], f"{what}: no print job appended")


def _states(ctx: Context, numbers) -> dict[str, TicketState]:
    with ctx.uow() as uow:
        return dict(uow.session.execute(select(Ticket.number, Ticket.state)
                                        .where(Ticket.number.in_(list(numbers)))).all())


# --- 1. scan ----------------------------------------------------------------------------


def scan_once(ctx: Context) -> Callable[[], float]:
    """A random number of the database into an empty basket, in its own unit of work
    (as the window does); refusals (checked in, unpaid, cancelled) are timed too."""
    meta = ctx.meta
    number = f"{ctx.rng.randint(meta.first_number, meta.last_number):011d}"

    def run() -> float:
        basket = CancellationBasket()
        t0 = time.perf_counter()
        try:
            with ctx.uow() as uow:
                take_ticket(uow, basket, number, CLOCK)
            elapsed = time.perf_counter() - t0
            check(len(basket) == 1 and basket.tickets[0].number == number,
                  f"scan of {number} did not fill the basket")
        except TicketNotRefundable as exc:  # a refusal the data set holds on purpose
            elapsed = time.perf_counter() - t0
            check(bool(exc.message), f"scan of {number} refused without a word")
        return elapsed

    return run


# --- 2. a range of 1,000 numbers ----------------------------------------------------------


def range_once(ctx: Context, size: int = 1000) -> Callable[[], float]:
    """``size`` consecutive numbers into one basket: the report, then the refundable
    ones added, by ranges of MAX_BATCH (the window refuses larger ones)."""
    meta = ctx.meta
    first = ctx.rng.randint(meta.first_number, meta.last_number - size)

    def run() -> float:
        basket = CancellationBasket()
        refundable = 0
        t0 = time.perf_counter()
        for start in range(first, first + size, MAX_BATCH):
            last = min(start + MAX_BATCH, first + size) - 1
            with ctx.uow() as uow:
                report = range_report(uow, f"{start:011d}", f"{last:011d}", basket, CLOCK)
            with ctx.uow() as uow:
                taken = take_refundable(uow, basket, [t.number for t in report.refundable],
                                        CLOCK)
            check(len(report.lines) == last - start + 1, "range report is not complete")
            refundable += len(taken.refundable)
        elapsed = time.perf_counter() - t0
        check(len(basket) == refundable and refundable > size // 2,
              f"range: {len(basket)} tickets in the basket, {refundable} refundable")
        return elapsed

    return run


# --- 3, 4. refunds from the order number ---------------------------------------------------


def _take_back(ctx: Context, order_number: int, count: int | None) -> CancellationBasket:
    """What the cashier does: open the order by number, take its tickets back."""
    basket = CancellationBasket()
    with ctx.uow() as uow:
        detail = order_detail(uow, order_number)
    numbers = list(detail.ticket_numbers)[:count] if count else list(detail.ticket_numbers)
    with ctx.uow() as uow:
        take_refundable(uow, basket, numbers, CLOCK)
    return basket


def refund_once(ctx: Context, venue: str, count: int | None,
                phases: dict[str, list[float]]) -> Callable[[], float]:
    """Cancel + cash refund of a whole 10-ticket order (count None) or of ``count`` of
    its tickets, from the order number: order detail, take-back, settlement (commit,
    journal entry and print jobs included)."""
    order_number = ctx.take_order(venue)[0]

    def run() -> float:
        before = _counts(ctx)
        t0 = time.perf_counter()
        basket = _take_back(ctx, order_number, count)
        t1 = time.perf_counter()
        with ctx.uow() as uow:
            result = refund_basket(uow, basket, [Tender(PaymentMode.CASH, basket.refund_total)],
                                   ctx.station, CLOCK)
        t2 = time.perf_counter()
        phases.setdefault("take back (order detail + take)", []).append(t1 - t0)
        phases.setdefault("settlement (refund_basket)", []).append(t2 - t1)
        numbers = [t.number for t in basket.tickets]
        check(len(numbers) == (count or 10), f"order {order_number}: {len(numbers)} taken back")
        states = _states(ctx, numbers)
        check(all(states[n] is TicketState.CANCELLED for n in numbers),
              f"order {order_number}: tickets not cancelled")
        _appended(ctx, before, f"order {order_number}", payment=True)
        check(bool(result.print_job_ids), f"order {order_number}: the result names no print job")
        return t2 - t0

    return run


# --- 5. exchange ----------------------------------------------------------------------------


def exchange_once(ctx: Context, venue: str, phases: dict[str, list[float]]) -> Callable[[], float]:
    """The 10 tickets of an order exchanged to another performance of the event, best
    available seats, the difference paid or refunded in cash, settled in one transaction."""
    order_number, _source, target, category, tariff = ctx.take_order(venue)

    def run() -> float:
        before = _counts(ctx)
        t0 = time.perf_counter()
        cancellation = _take_back(ctx, order_number, None)
        t1 = time.perf_counter()
        sale = ExchangeBasket()
        with ctx.uow() as uow:
            event_tickets(uow, sale, cancellation, CLOCK, performance_id=target,
                          category_id=category, tariff_id=tariff, quantity=10)
        t2 = time.perf_counter()
        total = totals(cancellation, sale).total
        tenders = [] if total == 0 else [Tender(PaymentMode.CASH, abs(total))]
        with ctx.uow() as uow:
            result = settle_exchange(uow, cancellation, sale, tenders, ctx.station, CLOCK)
        t3 = time.perf_counter()
        phases.setdefault("take back (order detail + take)", []).append(t1 - t0)
        phases.setdefault("best available seats (event_tickets)", []).append(t2 - t1)
        phases.setdefault("settlement (settle_exchange)", []).append(t3 - t2)
        old = [t.number for t in cancellation.tickets]
        check(len(old) == 10 and len(result.new_tickets) == 10,
              f"exchange of order {order_number}: {len(old)} -> {len(result.new_tickets)}")
        states = _states(ctx, old + list(result.new_tickets))
        check(all(states[n] is TicketState.REPLACED for n in old)
              and all(states[n] is TicketState.VALID for n in result.new_tickets),
              f"exchange of order {order_number}: states not replaced / valid")
        _appended(ctx, before, f"exchange of order {order_number}", payment=total != 0)
        return t3 - t0

    return run


# --- 8. ESC/POS ----------------------------------------------------------------------------


def escpos_documents():
    """A ticket and a refund receipt as the settlement makes them."""
    from datetime import timedelta

    from pos.core.basket import BasketTicket
    from pos.core.receipts import RefundReceipt, refund_receipt
    from pos.core.ticket_documents import TicketFace, ticket_document

    face = TicketFace(number="30000001234", event="Grand Théâtre - Saison",
                      starts_at=BENCH_NOW + timedelta(days=20), venue="Grand Théâtre",
                      area="Orchestre", seat="12-8", category="Cat 1", tariff="Plein tarif",
                      price=Decimal("45.00"), fees=Decimal("1.50"), operator="STX_BDD",
                      sales_point="Guichet")
    basket = CancellationBasket()
    for k in range(4):
        basket.add(BasketTicket(
            ticket_id=k, number=f"3000000123{k}", order_id=1, order_number=200_123,
            contact_name="MARTIN, Anne", event_name="Grand Théâtre - Saison",
            performance_id=1, starts_at=face.starts_at, area="Orchestre", seat=f"12-{k}",
            category="Cat 1", tariff="Plein tarif", price=Decimal("45.00"),
            fees=Decimal("0.00")))
    receipt = refund_receipt(RefundReceipt(
        venue="Grand Théâtre", counter="Bench 1", sales_point="Guichet", operator="STX_BDD",
        operation_number=1234, at=BENCH_NOW, groups=basket.groups(),
        total=-basket.refund_total, tenders=((PaymentMode.CASH, -basket.refund_total),)))
    return ticket_document(face), receipt


def escpos_once(document) -> Callable[[], float]:
    from pos.devices.escpos_render import render

    def run() -> float:
        t0 = time.perf_counter()
        data = render(document, kick_pin=2)
        elapsed = time.perf_counter() - t0
        check(data.startswith(b"\x1b@") and len(data) > 100, "ESC/POS job is empty")
        return elapsed

    return run
