"""Counters racing in real processes on one database (a SQLite file or PostgreSQL).

Each counter is a process of its own (multiprocessing, spawn: nothing shared but the
database). For every round the parent sends each counter a job; each counter prepares
it as a cashier would (scans, resumes, picks seats: reads only), waits at a barrier with
the others, then settles at the same instant. Each reports what happened: "ok" or the
refusal's message. The parent then checks the database.

Scenarios (``job[0]``):
- ``refund``: refund ticket ``job[1]`` in cash;
- ``resume``: resume held operation ``job[1]`` and refund it in cash;
- ``seat``: exchange ticket ``job[1]`` for seat ``job[2]`` of performance ``job[3]``
  (category ``job[4]``, tariff ``job[5]``), the difference refunded in cash;
- ``hold``: the same exchange put on hold (F6), its seat held;
- ``undo``: undo the refund of ticket ``job[1]`` (a supervisor's approval first).
"""

from __future__ import annotations

import multiprocessing as mp
import queue
from dataclasses import dataclass

from pos.core.basket import CancellationBasket
from pos.core.clock import FixedClock
from pos.core.db import Database
from pos.core.errors import DomainError
from pos.core.exchange_basket import ExchangeBasket, totals
from pos.core.models import PaymentMode
from pos.core.services.approvals import approve
from pos.core.services.exchange import event_tickets, settle_exchange
from pos.core.services.held_operations import resume_operation
from pos.core.services.holds import hold_basket
from pos.core.services.refunds import Tender, refund_basket
from pos.core.services.scanning import take_ticket
from pos.core.services.station import ensure_station
from pos.core.services.undo_cancellation import undo_cancellation
from pos.core.uow import UnitOfWork
from tests.support.cash import fill_drawer, open_drawer

TIMEOUT = 60  # s: a round that takes longer is a deadlock, reported as such


@dataclass(frozen=True)
class Outcome:
    round: int
    counter: int
    result: str  # "ok" | "refused" | "error"
    message: str


def _prepare(database: Database, clock: FixedClock, job: tuple):
    """Reads only, as at the counter before the cashier presses the key."""
    kind = job[0]
    basket = CancellationBasket()
    if kind in ("refund", "seat", "hold"):
        with UnitOfWork(database.sessions) as uow:
            take_ticket(uow, basket, job[1], clock)
    if kind == "resume":
        return kind, basket, job[1]
    if kind == "undo":
        with UnitOfWork(database.sessions) as uow:
            station = ensure_station(uow, counter="Course 1", sales_point="Guichet",
                                     operator="STX_BDD", venue_name="Théâtre de la Ville")
        with UnitOfWork(database.sessions) as uow:
            approval = approve(uow, login="chef", pin="9999", station=station, clock=clock,
                               reason="race")
        return kind, basket, (job[1], approval)
    if kind in ("seat", "hold"):
        sale = ExchangeBasket()
        with UnitOfWork(database.sessions) as uow:
            event_tickets(uow, sale, basket, clock, seat_ids=[job[2]], performance_id=job[3],
                          category_id=job[4], tariff_id=job[5])
        return kind, basket, sale
    return kind, basket, None


def _settle(database: Database, clock: FixedClock, station, prepared) -> str:
    kind, basket, extra = prepared
    with UnitOfWork(database.sessions) as uow:
        if kind == "resume":
            resumed = resume_operation(uow, extra, station, clock)
            basket = CancellationBasket(list(resumed.tickets), resumed.refund_fees,
                                        resumed.operation_id)
    with UnitOfWork(database.sessions) as uow:
        if kind == "undo":
            result = undo_cancellation(uow, extra[0], extra[1], station, clock)
        elif kind == "hold":
            result = hold_basket(uow, basket, station, clock, sale=extra)
        elif kind == "seat":
            balance = totals(basket, extra).total
            tenders = [Tender(PaymentMode.CASH, -balance)] if balance else []
            result = settle_exchange(uow, basket, extra, tenders, station, clock)
        else:
            result = refund_basket(uow, basket, [Tender(PaymentMode.CASH, basket.refund_total)],
                                   station, clock)
    return f"operation {result.operation_number}"


def counter_main(url: str, index: int, now, jobs, results, barrier) -> None:
    database = Database(url)
    clock = FixedClock(now)
    with UnitOfWork(database.sessions) as uow:
        station = ensure_station(uow, counter=f"Course {index + 1}", sales_point="Guichet",
                                 operator="STX_BDD", venue_name="Théâtre de la Ville")
    open_drawer(database, station, clock)
    fill_drawer(database, station, clock)  # 200 rounds of cash refunds outgrow any float
    while (job := jobs.get()) is not None:
        round_no, job = job
        try:
            prepared = _prepare(database, clock, job)
        except DomainError as error:  # the parent set the round up wrong: say so
            prepared = error
        barrier.wait(TIMEOUT)
        if isinstance(prepared, DomainError):
            results.put(Outcome(round_no, index, "error", "prepare: " + prepared.message))
            continue
        try:
            results.put(Outcome(round_no, index, "ok", _settle(database, clock, station,
                                                                prepared)))
        except DomainError as error:
            results.put(Outcome(round_no, index, "refused", error.message))
        except Exception as error:  # noqa: BLE001 - a crash is an outcome the test reports
            results.put(Outcome(round_no, index, "error", f"{type(error).__name__}: {error}"))
    database.dispose()


class Counters:
    """``n`` counter processes on the database at ``url``; ``race(jobs)`` runs one round
    (one job per counter) and returns the outcomes, counter by counter."""

    def __init__(self, url: str, n: int, now) -> None:
        ctx = mp.get_context("spawn")
        self._barrier = ctx.Barrier(n)
        self._results = ctx.Queue()
        self._jobs = [ctx.Queue() for _ in range(n)]
        self._procs = [ctx.Process(target=counter_main, daemon=True,
                                   args=(url, i, now, self._jobs[i], self._results,
                                         self._barrier)) for i in range(n)]
        self._round = 0
        for p in self._procs:
            p.start()

    def race(self, jobs: list[tuple]) -> list[Outcome]:
        self._round += 1
        for q, job in zip(self._jobs, jobs, strict=True):
            q.put((self._round, job))
        outcomes = []
        for _ in jobs:
            try:
                outcomes.append(self._results.get(timeout=TIMEOUT))
            except queue.Empty:
                raise AssertionError(f"round {self._round}: a counter did not answer "
                                     f"within {TIMEOUT} s (deadlock?)") from None
        return sorted(outcomes, key=lambda o: o.counter)

    def close(self) -> None:
        for q in self._jobs:
            q.put(None)
        for p in self._procs:
            p.join(TIMEOUT)
            if p.is_alive():
                p.kill()
