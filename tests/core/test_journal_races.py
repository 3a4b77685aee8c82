"""The journal's chain under races, in real processes (spawn: nothing shared but the
database), on one SQLite file and on PostgreSQL: two processes appending to one
counter at the same instant, and two counters settling at once. The chain never forks
(one number, one entry), never has a gap, and verifies.

``make test`` runs a few rounds; ``make stress`` many (GUICHET_RACE_ROUNDS)."""

from __future__ import annotations

import multiprocessing as mp
import os

import pytest
from sqlalchemy import select

from pos.core.models import JournalEntry
from pos.core.services.journal_audit import verify_database
from tests.conftest import NOW, uow_of
from tests.support.endurance_data import order_numbers, seed_paid_orders
from tests.support.races import TIMEOUT, Counters

ROUNDS = int(os.environ.get("GUICHET_RACE_ROUNDS", "4"))
pytestmark = pytest.mark.stress


def _appender(url: str, counter_id: int, operator_id: int, rounds: int, barrier,
              results) -> None:
    from pos.core import journal
    from pos.core.db import Database
    from pos.core.uow import UnitOfWork

    database = Database(url)
    try:
        for k in range(rounds):
            barrier.wait(TIMEOUT)
            with UnitOfWork(database.sessions) as uow:
                uow.begin_write()
                journal.append(uow.session, at=NOW, action="test.race",
                               counter_id=counter_id, operator_id=operator_id, round=k)
                uow.commit()
        results.put("ok")
    except Exception as error:  # noqa: BLE001 - the parent reports it
        results.put(f"{type(error).__name__}: {error}")
    finally:
        database.dispose()


def _refunds(db, counter_id) -> int:
    with uow_of(db) as uow:
        return len(uow.session.scalars(select(JournalEntry.id).where(
            JournalEntry.counter_id == counter_id,
            JournalEntry.action == "refund.settled")).all())


def _seqs(db, counter_id):
    with uow_of(db) as uow:
        return list(uow.session.scalars(select(JournalEntry.seq).where(
            JournalEntry.counter_id == counter_id).order_by(JournalEntry.seq)))


def test_two_processes_on_one_counter_never_take_the_same_number(demo, station):
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    procs = [ctx.Process(target=_appender, daemon=True, args=(
        demo.url, station.counter_id, station.operator_id, ROUNDS, barrier, results))
        for _ in range(2)]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=TIMEOUT * ROUNDS) for _ in procs]
    for p in procs:
        p.join(TIMEOUT)
    assert outcomes == ["ok", "ok"]
    assert _seqs(demo, station.counter_id) == list(range(1, 2 * ROUNDS + 1))
    with uow_of(demo) as uow:
        report = verify_database(uow)
    assert report.ok, (report.findings, report.mismatches)


def test_two_counters_settling_at_once_each_keep_a_whole_chain(demo, clock):
    seed_paid_orders(demo, clock, ROUNDS)
    counters = Counters(demo.url, 2, NOW)
    try:
        for k in range(ROUNDS):
            first, second = order_numbers(k)[:2]
            outcomes = counters.race([("refund", first), ("refund", second)])
            assert [o.result for o in outcomes] == ["ok", "ok"], outcomes
    finally:
        counters.close()
    with uow_of(demo) as uow:
        report = verify_database(uow)
        counter_ids = set(uow.session.scalars(select(JournalEntry.counter_id)))
    assert report.ok, (report.findings, report.mismatches)
    assert len(counter_ids) == 2
    for counter_id in counter_ids:
        seqs = _seqs(demo, counter_id)  # the drawer's opening is journaled too
        assert seqs == list(range(1, len(seqs) + 1))
        assert _refunds(demo, counter_id) == ROUNDS
