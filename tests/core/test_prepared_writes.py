"""The pipeline's writes run on the driver's cursor (``pos.core.prepared.PreparedWrite``):
they must write exactly what SQLAlchemy's own execution of the same statement writes
(bind processors, the columns' scalar defaults, RETURNING processed), and refuse what
they cannot do faithfully, on both engines."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    String,
    Table,
    bindparam,
    func,
    insert,
    select,
    update,
)

from pos.core.models import Payment, PaymentMode, Ticket, TicketState
from pos.core.models_printing import PrintJob, PrintJobState
from pos.core.prepared import PreparedInWrite, PreparedWrite
from pos.core.uow import UnitOfWork

_payments = Payment.__table__
_jobs = PrintJob.__table__
_tickets = Ticket.__table__


def _payment(order_id: int, amount: str, now, station) -> dict:
    return {"order_id": order_id, "operation_id": None, "mode": PaymentMode.CASH,
            "amount": Decimal(amount), "at": now, "operator_id": station.operator_id,
            "counter_id": station.counter_id, "reference": "test"}


def test_an_insert_writes_the_rows_sqlalchemy_would(demo, station, clock) -> None:
    order_id = 1
    now = clock.now()
    prepared = PreparedWrite(insert(_payments))
    with UnitOfWork(demo.sessions) as uow:
        uow.begin_write()
        uow.execute(insert(_payments), [_payment(order_id, "-1.25", now, station)])
        uow.write(prepared, [_payment(order_id, "-1.25", now, station),
                             _payment(order_id, "-7.10", now, station)])
        uow.commit()
    with UnitOfWork(demo.sessions) as uow:
        rows = uow.session.execute(
            select(_payments.c.mode, _payments.c.amount, _payments.c.at,
                   _payments.c.reference)
            .where(_payments.c.reference == "test").order_by(_payments.c.id)).all()
    assert [tuple(r) for r in rows] == [(PaymentMode.CASH, Decimal("-1.25"), now, "test"),
                                        (PaymentMode.CASH, Decimal("-1.25"), now, "test"),
                                        (PaymentMode.CASH, Decimal("-7.10"), now, "test")]


def test_returning_gives_the_ids_in_order_and_the_scalar_defaults_are_written(
        demo, station, clock) -> None:
    prepared = PreparedWrite(insert(_jobs).returning(_jobs.c.id, _jobs.c.state))
    now = clock.now()
    rows = [{"counter_id": station.counter_id, "operation_id": None, "kind": f"k{i}",
             "document": "{}", "state": PrintJobState.QUEUED, "created_at": now,
             "updated_at": now} for i in range(3)]
    with UnitOfWork(demo.sessions) as uow:
        uow.begin_write()
        written = uow.write(prepared, rows)
        uow.commit()
    ids = written.scalars()
    assert ids == sorted(ids) and len(set(ids)) == 3
    assert [r[1] for r in written.rows] == [PrintJobState.QUEUED] * 3  # processed back
    with UnitOfWork(demo.sessions) as uow:
        kept = uow.session.execute(
            select(_jobs.c.kind, _jobs.c.attempts, _jobs.c.last_error, _jobs.c.copy_number,
                   _jobs.c.open_drawer).where(_jobs.c.id.in_(ids)).order_by(_jobs.c.id)).all()
    assert [tuple(r) for r in kept] == [(f"k{i}", 0, "", 0, False) for i in range(3)]


def test_a_conditional_update_with_an_in_list_moves_only_what_matches(demo) -> None:
    move = PreparedInWrite(
        lambda ids: update(_tickets).where(_tickets.c.id.in_(ids),
                                           _tickets.c.state == bindparam("frm"))
        .values(state=bindparam("to")).returning(_tickets.c.id))
    with UnitOfWork(demo.sessions) as uow:
        valid = list(uow.session.scalars(
            select(Ticket.id).where(Ticket.state == TicketState.VALID).order_by(Ticket.id)
            .limit(3)))
        other = uow.session.scalar(select(Ticket.id).where(Ticket.state != TicketState.VALID))
    assert len(valid) == 3 and other is not None
    with UnitOfWork(demo.sessions) as uow:
        uow.begin_write()
        # five values: padded to eight, the last one repeated
        moved = uow.write_in(move, [*valid, other, valid[0]],
                             {"frm": TicketState.VALID, "to": TicketState.CANCELLED})
        assert sorted(moved.scalars()) == valid
        assert moved.rowcount == 3
        uow.rollback()


def test_a_rollback_undoes_a_prepared_write(demo, station, clock) -> None:
    prepared = PreparedWrite(insert(_payments))
    count = select(func.count()).select_from(_payments)
    with UnitOfWork(demo.sessions) as uow:
        before = uow.session.scalar(count)
    with pytest.raises(RuntimeError), UnitOfWork(demo.sessions) as uow:
        uow.begin_write()
        uow.write(prepared, _payment(1, "-2.00", clock.now() + timedelta(seconds=1), station))
        raise RuntimeError("a crash in mid-settlement")
    with UnitOfWork(demo.sessions) as uow:
        assert uow.session.scalar(count) == before


def test_a_computed_default_or_a_missing_parameter_is_refused(demo) -> None:
    table = Table("t", MetaData(), Column("id", Integer, primary_key=True),
                  Column("name", String(10), default=lambda: "computed"))
    with UnitOfWork(demo.sessions) as uow:
        uow.begin_write()
        with pytest.raises(ValueError, match="computed"):
            uow.write(PreparedWrite(insert(table)), {"id": 1})
        with pytest.raises(ValueError, match="not given"):
            uow.write(PreparedWrite(update(_tickets).where(_tickets.c.id == bindparam("x"))
                                    .values(state=bindparam("to"))), {"to": "valid"})
        with pytest.raises(ValueError, match="PreparedInWrite"):
            uow.write(PreparedWrite(update(_tickets).where(
                _tickets.c.id.in_(bindparam("ids", expanding=True)))
                .values(state=bindparam("to"))), {"ids": [1], "to": "valid"})
        uow.rollback()
