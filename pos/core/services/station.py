"""Where and by whom work is done: the counter, its sales point, the operator."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from pos.core.models import Counter, Operator, SalesPoint
from pos.core.uow import UnitOfWork


@dataclass(frozen=True)
class Station:
    counter_id: int
    counter_name: str
    sales_point_id: int
    sales_point_name: str
    operator_id: int
    operator_login: str
    venue_name: str = ""
    training: bool = False  # FORMATION: settlements rolled back (services.training)


def ensure_station(
    uow: UnitOfWork, *, counter: str, sales_point: str, operator: str, venue_name: str = "",
    training: bool = False,
) -> Station:
    """Find (or register, for a new counter) the counter, sales point and operator."""
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
        operator_id=who.id,
        operator_login=who.login,
        venue_name=venue_name,
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
