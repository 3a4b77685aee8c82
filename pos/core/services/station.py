"""Where and by whom work is done: the counter, its sales point, the operator.

The operator is the one logged in (``operators.log_in``; ``Station.logged_in``), not a
setting: a station without one (``operator_id`` 0) settles nothing."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import insert, select

from pos.core.models import Counter, Operator, OperatorRole, SalesPoint
from pos.core.uow import UnitOfWork

if TYPE_CHECKING:
    from pos.core.services.operators import Identity


_points, _counters, _operators = SalesPoint.__table__, Counter.__table__, Operator.__table__


@dataclass(frozen=True)
class Station:
    counter_id: int
    counter_name: str
    sales_point_id: int
    sales_point_name: str
    operator_id: int
    operator_login: str
    venue_name: str = ""
    operator_role: OperatorRole = OperatorRole.CASHIER
    training: bool = False  # FORMATION: settlements rolled back (services.training)
    # ``[refunds] supervisor_above``: money given back above it needs a supervisor.
    supervisor_above: Decimal | None = None

    def logged_in(self, who: Identity) -> Station:
        return replace(self, operator_id=who.id, operator_login=who.login,
                       operator_role=who.role)

    def logged_out(self) -> Station:
        return replace(self, operator_id=0, operator_login="",
                       operator_role=OperatorRole.CASHIER)


def ensure_station(
    uow: UnitOfWork, *, counter: str, sales_point: str, operator: str = "",
    venue_name: str = "", supervisor_above: Decimal | None = None, training: bool = False,
) -> Station:
    """Find (or register, for a new counter) the counter and sales point. ``operator``:
    an operator's login to act as without logging in (tests, tools; registered if new);
    empty: nobody until ``Station.logged_in``.

    Core statements on the tables, no ORM object: the window runs this before its first
    paint, and an ORM query there would configure every mapper first (~40 ms, done
    after the paint instead, ``pos.ui.app.WarmUp``)."""
    uow.begin_write()
    s = uow.session
    point_id = s.scalar(select(_points.c.id).where(_points.c.name == sales_point))
    if point_id is None:
        point_id = uow.execute(insert(_points).values(name=sales_point)
                               .returning(_points.c.id)).scalar_one()
    desk = s.execute(select(_counters.c.id, _counters.c.name, _counters.c.sales_point_id)
                     .where(_counters.c.name == counter)).first()
    if desk is None:
        desk = uow.execute(insert(_counters).values(
            name=counter, sales_point_id=point_id, last_operation_number=0)
            .returning(_counters.c.id, _counters.c.name, _counters.c.sales_point_id)).one()
    who = None
    if operator:
        who = s.execute(select(_operators.c.id, _operators.c.login, _operators.c.role)
                        .where(_operators.c.login == operator)).first()
        if who is None:
            who = uow.execute(insert(_operators).values(login=operator, name=operator)
                              .returning(_operators.c.id, _operators.c.login,
                                         _operators.c.role)).one()
    station = Station(
        counter_id=desk.id,
        counter_name=desk.name,
        sales_point_id=desk.sales_point_id,
        sales_point_name=sales_point,  # the row found (or made) by this very name
        operator_id=who.id if who else 0,
        operator_login=who.login if who else "",
        venue_name=venue_name,
        operator_role=who.role if who else OperatorRole.CASHIER,
        supervisor_above=supervisor_above,
        training=training,
    )
    uow.commit()
    return station


def next_operation_number(uow: UnitOfWork, counter_id: int) -> int:
    """What the next operation of this counter will be numbered (shown before it exists;
    on the table: the window shows it before its first paint, see ``ensure_station``)."""
    last = uow.session.scalar(
        select(_counters.c.last_operation_number).where(_counters.c.id == counter_id)
    )
    return (last or 0) + 1
