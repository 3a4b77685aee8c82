"""Seats held by an exchange on hold: refused to every other sale while the operation
is on hold and its time (``[holds] seat_minutes``) has not run out.

The checks run inside the write transaction of the sale or the hold that acts on the
seats: on PostgreSQL the chosen seats' rows are locked first (``FOR UPDATE``, in id
order), so a hold and a sale of one seat at two counters are serialised and the second
reads what the first committed; on SQLite ``BEGIN IMMEDIATE`` already serialises them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import bindparam, delete, insert, select, update

from pos.core.errors import SeatHeld
from pos.core.exchange_basket import ExchangeBasket, SaleTicket
from pos.core.held_sale_codec import decode, encode
from pos.core.models import Counter, Operation, OperationState, Seat, Ticket, live_ticket
from pos.core.models_holds import HeldSale, SeatHold
from pos.core.prepared import PreparedInQuery, PreparedQuery
from pos.core.uow import UnitOfWork
from pos.formatting import local

DEFAULT_SEAT_MINUTES = 15


def _active(now: datetime, own: int | None):
    query = (select(SeatHold.performance_id, SeatHold.seat_id, SeatHold.until,
                    Operation.number, Counter.name)
             .join(Operation, Operation.id == SeatHold.operation_id)
             .join(Counter, Counter.id == Operation.counter_id)
             .where(Operation.state == OperationState.ON_HOLD, SeatHold.until > now))
    if own is not None:
        query = query.where(SeatHold.operation_id != own)
    return query


# The two reads of every exchange (the seats offered, the seats settled) compiled once
# (pos.core.prepared): ``own`` 0 when there is none (no operation has id 0).
_NOW, _OWN = bindparam("now"), bindparam("own")
_HELD = PreparedQuery(_active(_NOW, _OWN).with_only_columns(SeatHold.seat_id)
                      .where(SeatHold.performance_id == bindparam("performance_id")))
_HELD_AMONG = PreparedInQuery(lambda seat_ids: _active(_NOW, _OWN)
                              .where(SeatHold.seat_id.in_(seat_ids)))


def held_seats(uow: UnitOfWork, performance_id: int, now: datetime,
               own: int | None = None) -> set[int]:
    """Seats of the performance held by an operation on hold other than ``own``."""
    return {r.seat_id for r in uow.fetch(
        _HELD, {"performance_id": performance_id, "now": now, "own": own or 0})}


def lock_seats(uow: UnitOfWork, seat_ids: Iterable[int]) -> None:
    ids = sorted(set(seat_ids))
    if ids and uow.session.get_bind().dialect.name != "sqlite":
        uow.session.execute(select(Seat.id).where(Seat.id.in_(ids)).order_by(Seat.id)
                            .with_for_update())


def check_not_held(uow: UnitOfWork, tickets: Iterable[SaleTicket], now: datetime,
                   own: int | None = None) -> None:
    """Refused, naming the operation and the counter, when a chosen seat is held."""
    wanted = {(t.performance_id, t.seat_id): t for t in tickets if t.seat_id is not None}
    if not wanted:
        return
    rows = uow.fetch_in(_HELD_AMONG, sorted({s for _p, s in wanted}),
                        {"now": now, "own": own or 0})
    for performance_id, seat_id, until, number, counter in rows:
        t = wanted.get((performance_id, seat_id))
        if t is not None:
            raise SeatHeld(seat=" ".join(p for p in (t.area, t.seat) if p), event=t.event_name,
                           number=number, counter=counter,
                           until=local(until).strftime("%H:%M"))


def save_held_sale(uow: UnitOfWork, operation_id: int, sale: ExchangeBasket,
                   until: datetime) -> None:
    """The sale side and its seats, kept with the operation on hold (replacing what a
    previous hold of the same operation kept)."""
    drop_held_sale(uow, operation_id)
    s = uow.session
    s.execute(insert(HeldSale).values(operation_id=operation_id, basket=encode(sale),
                                      seats_until=until))
    rows = [{"operation_id": operation_id, "performance_id": t.performance_id,
             "seat_id": t.seat_id, "until": until}
            for t in sale.all_tickets() if t.seat_id is not None]
    if rows:
        s.execute(insert(SeatHold), rows)


def drop_held_sale(uow: UnitOfWork, operation_id: int) -> None:
    s = uow.session
    s.execute(delete(SeatHold).where(SeatHold.operation_id == operation_id))
    s.execute(delete(HeldSale).where(HeldSale.operation_id == operation_id))


def load_held_sale(uow: UnitOfWork, operation_id: int) -> tuple[ExchangeBasket, datetime] | None:
    row = uow.session.get(HeldSale, operation_id)
    return (decode(row.basket), row.seats_until) if row is not None else None


def renew_seats(uow: UnitOfWork, operation_id: int, until: datetime) -> None:
    """A resumed exchange holds its seats again for the time it is worked on."""
    s = uow.session
    s.execute(update(SeatHold).where(SeatHold.operation_id == operation_id)
              .values(until=until))
    s.execute(update(HeldSale).where(HeldSale.operation_id == operation_id)
              .values(seats_until=until))


def unavailable(uow: UnitOfWork, sale: ExchangeBasket, released: Iterable[int],
                now: datetime, own: int) -> list[SaleTicket]:
    """The sale's tickets whose seat is no longer free: sold meanwhile (to a ticket
    other than those ``released`` by the operation), or held by another operation."""
    tickets = [t for t in sale.all_tickets() if t.seat_id is not None]
    if not tickets:
        return []
    released = sorted(set(released))
    taken = {(p, s) for p, s in uow.session.execute(
        select(Ticket.performance_id, Ticket.seat_id).where(
            Ticket.seat_id.in_(sorted({t.seat_id for t in tickets})), live_ticket(),
            Ticket.id.not_in(released)))}
    held = {(p, s) for p, s, *_ in uow.session.execute(
        _active(now, own).where(SeatHold.seat_id.in_(sorted({t.seat_id for t in tickets}))))}
    return [t for t in tickets if (t.performance_id, t.seat_id) in taken | held]
