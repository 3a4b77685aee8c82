"""Where and by whom work is done: the counter, its sales point, the operator.

The operator is the one logged in (``operators.log_in``; ``Station.logged_in``), not a
setting: a station without one (``operator_id`` 0) settles nothing."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select

from pos.core.models import Counter, Operator, OperatorRole, SalesPoint
from pos.core.uow import UnitOfWork

if TYPE_CHECKING:
    from pos.core.services.operators import Identity


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
    empty: nobody until ``Station.logged_in``."""
    uow.begin_write()
    s = uow.session
    point = s.scalar(select(SalesPoint).where(SalesPoint.name == sales_point))
    if point is None:
        point = SalesPoint(name=sales_point)
        s.add(point)
        s.flush()
    desk = s.scalar(select(Counter).where(Counter.name == counter))
    if desk is None:
        desk = Counter(name=counter, sales_point_id=point.id, last_operation_number=0)
        s.add(desk)
    who = None
    if operator:
        who = s.scalar(select(Operator).where(Operator.login == operator))
        if who is None:
            who = Operator(login=operator, name=operator)
            s.add(who)
    s.flush()
    station = Station(
        counter_id=desk.id,
        counter_name=desk.name,
        sales_point_id=desk.sales_point_id,
        sales_point_name=point.name,
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
    """What the next operation of this counter will be numbered (shown before it exists)."""
    last = uow.session.scalar(
        select(Counter.last_operation_number).where(Counter.id == counter_id)
    )
    return (last or 0) + 1
