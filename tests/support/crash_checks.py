"""What must hold after any crash of a settlement, read from the database alone.

``check(database, baseline, orders)``: ``baseline`` is the highest operation id and the
counter's last number before the crash test began, ``orders`` how many seeded orders
exist. Every operation since is entirely there (its number in a gapless run, its lines,
its one journal entry, its print jobs, its key with the recorded outcome) or entirely
absent (no ticket moved, no payment, no job, no key without it); every order's payments
balance what its live tickets are worth; every seat holds at most one live ticket and
the live tickets are the ones the settled operations leave."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from pos.core.db import Database
from pos.core.models import (
    LIVE_TICKET_STATES,
    Counter,
    JournalEntry,
    LineKind,
    Operation,
    OperationKind,
    OperationLine,
    OperationState,
    Order,
    Payment,
    Ticket,
    TicketState,
)
from pos.core.models_idempotency import SettlementKey
from pos.core.models_ledger import CreditNote
from pos.core.models_printing import PrintJob
from pos.core.services.idempotency import decode
from pos.core.uow import UnitOfWork
from tests.support.crash_child import key_of, kind_of
from tests.support.endurance_data import FIRST_ORDER, TICKETS_PER_ORDER, order_numbers

#: the journal entries each kind of settlement appends, in order
ACTIONS = {"cash": ["refund.settled"], "credit_note": ["credit_note.issued", "refund.settled"],
           "exchange": ["exchange.settled"], "hold": ["operation.held"]}


@dataclass(frozen=True)
class Baseline:
    operation_id: int
    last_number: int


def baseline(database: Database) -> Baseline:
    with UnitOfWork(database.sessions) as uow:
        s = uow.session
        return Baseline(s.scalar(select(func.coalesce(func.max(Operation.id), 0))),
                        s.scalar(select(Counter.last_operation_number)
                                 .where(Counter.name == "Guichet 1")))


def settled_orders(database: Database, base: Baseline) -> dict[int, int]:
    """Order index -> the operation that settled it (from the keys)."""
    with UnitOfWork(database.sessions) as uow:
        rows = uow.session.execute(select(SettlementKey.key, SettlementKey.operation_id)
                                   .where(SettlementKey.key.like("order-%"))).all()
    return {int(k.removeprefix("order-")): op for k, op in rows if op > base.operation_id}


def check(database: Database, base: Baseline, orders: int) -> dict[int, int]:
    """Raises AssertionError naming what is half done; returns ``settled_orders``."""
    with UnitOfWork(database.sessions) as uow:
        s = uow.session
        ops = {o.id: o for o in s.execute(
            select(Operation.id, Operation.number, Operation.kind, Operation.state)
            .where(Operation.id > base.operation_id)).all()}
        _numbering(s, base, ops)
        keys = {k.key: k for k in s.execute(select(SettlementKey)).scalars()}
        for key in keys.values():
            assert key.outcome is not None and key.operation_id in ops, \
                f"key {key.key} without its settlement"
        by_op = {k.operation_id: k for k in keys.values()}
        lines = defaultdict(list)
        for line in s.execute(select(OperationLine.operation_id, OperationLine.ticket_id,
                                     OperationLine.kind)
                              .where(OperationLine.operation_id > base.operation_id)):
            lines[line.operation_id].append(line)
        journal = defaultdict(list)
        for entry in s.execute(select(JournalEntry.operation_id, JournalEntry.action)
                               .where(JournalEntry.operation_id > base.operation_id)
                               .order_by(JournalEntry.id)):
            journal[entry.operation_id].append(entry.action)
        jobs = defaultdict(set)
        for job in s.execute(select(PrintJob.operation_id, PrintJob.id)
                             .where(PrintJob.operation_id > base.operation_id)):
            jobs[job.operation_id].add(job.id)
        assert set(lines) <= set(ops) and set(journal) <= set(ops) and set(jobs) <= set(ops)
        settled = {}
        for op_id, op in ops.items():
            key = by_op.get(op_id)
            assert key is not None, f"operation {op.number} without its key"
            index = int(key.key.removeprefix("order-"))
            settled[index] = op_id
            kind = kind_of(index)
            outcome = decode(key.outcome)
            assert outcome.operation_id == op_id and outcome.operation_number == op.number
            assert journal[op_id] == ACTIONS[kind], (op.number, journal[op_id])
            assert jobs[op_id] and jobs[op_id] == set(outcome.print_job_ids), \
                f"operation {op.number}: print jobs {jobs[op_id]} != {outcome.print_job_ids}"
            cancels = [x for x in lines[op_id] if x.kind is LineKind.CANCEL]
            sales = [x for x in lines[op_id] if x.kind is LineKind.SALE]
            assert len(cancels) == TICKETS_PER_ORDER
            assert len(sales) == (TICKETS_PER_ORDER if kind == "exchange" else 0)
            expected_state = OperationState.ON_HOLD if kind == "hold" \
                else OperationState.COMPLETED
            assert op.state is expected_state
            assert op.kind is (OperationKind.EXCHANGE if kind == "exchange"
                               else OperationKind.REFUND)
        _orders(s, orders, settled)
        _seats(s)
        _credit_notes(s, base, ops, settled)
    assert set(settled) == set(settled_orders(database, base))
    return settled


def _numbering(s, base: Baseline, ops) -> None:
    numbers = sorted(o.number for o in ops.values())
    last = s.scalar(select(Counter.last_operation_number).where(Counter.name == "Guichet 1"))
    assert numbers == list(range(base.last_number + 1, last + 1)), \
        f"operation numbers {numbers} for a counter at {last}: a gap or a number half taken"


def _orders(s, orders: int, settled: dict[int, int]) -> None:
    paid = dict(s.execute(select(Payment.order_id, func.sum(Payment.amount))
                          .join(Order, Order.id == Payment.order_id)
                          .where(Order.number >= FIRST_ORDER).group_by(Payment.order_id)).all())
    tickets = defaultdict(list)
    for t in s.execute(select(Ticket.number, Ticket.order_id, Ticket.state, Ticket.price,
                              Ticket.fees, Order.number.label("order_number"))
                       .join(Order, Order.id == Ticket.order_id)
                       .where(Order.number >= FIRST_ORDER)):
        tickets[t.order_number - FIRST_ORDER].append(t)
    for index in range(orders):
        rows = tickets[index]
        live = [t for t in rows if t.state in LIVE_TICKET_STATES]
        worth = sum((t.price + t.fees for t in live), Decimal("0.00"))
        assert paid[rows[0].order_id] == worth, \
            f"order {index}: payments {paid[rows[0].order_id]} for live tickets worth {worth}"
        originals = {t.number: t.state for t in rows if t.number in order_numbers(index)}
        kind = kind_of(index) if index in settled else None
        want = {None: TicketState.VALID, "hold": TicketState.VALID,
                "cash": TicketState.CANCELLED, "credit_note": TicketState.CANCELLED,
                "exchange": TicketState.REPLACED}[kind]
        assert set(originals.values()) == {want}, f"order {index} ({kind}): {originals}"
        assert len(live) == (0 if kind in ("cash", "credit_note") else TICKETS_PER_ORDER)
        assert len(rows) == TICKETS_PER_ORDER * (2 if kind == "exchange" else 1)


def _seats(s) -> None:
    doubles = s.execute(select(Ticket.performance_id, Ticket.seat_id, func.count())
                        .where(Ticket.state.in_(LIVE_TICKET_STATES), Ticket.seat_id.is_not(None))
                        .group_by(Ticket.performance_id, Ticket.seat_id)
                        .having(func.count() > 1)).all()
    assert not doubles, f"seats sold twice: {doubles}"


def _credit_notes(s, base: Baseline, ops, settled: dict[int, int]) -> None:
    issued = dict(s.execute(select(CreditNote.issued_operation_id, CreditNote.amount)
                            .where(CreditNote.issued_operation_id > base.operation_id)).all())
    want = {op_id for index, op_id in settled.items() if kind_of(index) == "credit_note"}
    assert set(issued) == want
    for op_id in want:
        assert issued[op_id] == -s.scalar(select(func.sum(Payment.amount))
                                          .where(Payment.operation_id == op_id))


__all__ = ["Baseline", "baseline", "check", "key_of", "settled_orders"]


def journal_verifies(database: Database) -> bool | None:
    """``guichet journal verify`` on the database, where it exists (issue 8's hash chain,
    another branch): True when it passes, None when this build has no such verb."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "GUICHET_DATABASE_URL": database.url}
    done = subprocess.run([sys.executable, "-m", "pos", "journal", "verify"], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    if done.returncode == 2 and "invalid choice" in done.stderr:
        return None
    assert done.returncode == 0, f"journal verify: {done.stdout}{done.stderr}"
    return True
