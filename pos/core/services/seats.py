"""Seats of a performance: which are free in a price category, the best ones for a
quantity (adjacent first), and the cashier's own choice checked.

A seat is free when no live ticket holds it, or when the ticket holding it is in this
operation's cancellation basket (released for this same operation), and when the sale
basket has not given it yet. The schema has the last word (one live ticket per seat).
"""

from __future__ import annotations

import bisect
import threading
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, bindparam, func, select

from pos.core.errors import (
    NotEnoughSeats,
    SeatChosenTwice,
    SeatNotFree,
    SeatNotInCategory,
    SeatQuantityBelowOne,
    SoldOut,
)
from pos.core.i18n import Lazy, lazy
from pos.core.models import (
    Area,
    Performance,
    PriceCategory,
    PriceCategoryArea,
    Seat,
    Ticket,
    live_ticket,
)
from pos.core.prepared import PreparedInQuery, PreparedQuery
from pos.core.uow import UnitOfWork
from pos.formatting import timestamp


@dataclass(frozen=True)
class SeatInfo:
    seat_id: int
    area_id: int
    area: str
    row: str
    label: str
    position: int


def released_seats(uow: UnitOfWork, ticket_ids: Iterable[int],
                   performance_id: int | None = None) -> set[int]:
    """Seats held by the tickets of the cancellation basket (free again for it), on
    ``performance_id`` only when given: a seat released on one date is not free on
    another date of the same hall."""
    ids = list(ticket_ids)
    if not ids:
        return set()
    if performance_id is None:
        return {r.seat_id for r in uow.fetch_in(_RELEASED, ids)}
    return {r.seat_id for r in uow.fetch_in(_RELEASED_ON, ids,
                                            {"performance_id": performance_id})}


# Read at every exchange (offered seats, then settled): compiled once (pos.core.prepared).
_RELEASED = PreparedInQuery(lambda ids: select(Ticket.seat_id).where(
    Ticket.id.in_(ids), Ticket.seat_id.is_not(None)))
_RELEASED_ON = PreparedInQuery(lambda ids: select(Ticket.seat_id).where(
    Ticket.id.in_(ids), Ticket.seat_id.is_not(None),
    Ticket.performance_id == bindparam("performance_id")))


class _Layout:
    """The seats of a price category, best first (area, row, position), as plain
    columns: one tuple per seat, and a byte template where each seat is a 0 and each
    change of row a 1, so that a run of free seats side by side is a run of zero bytes
    (``bytes.find``) once the occupied seats are set to 1."""

    __slots__ = ("by_byte", "fingerprint", "high", "index", "low", "seats", "slot",
                 "template")

    def __init__(self, fingerprint: tuple[int, int],
                 rows: list[tuple[int, int, str, str, str, int]]) -> None:
        self.fingerprint = fingerprint
        self.seats = rows  # (seat id, area id, area, row, label, position)
        template = bytearray()
        slot: list[int] = []  # seat -> its byte in the template
        previous = None
        for _seat_id, area_id, _area, row, _label, _pos in rows:
            if (area_id, row) != previous:
                template.append(1)  # a row boundary: never part of a run
                previous = (area_id, row)
            slot.append(len(template))
            template.append(0)
        self.template = bytes(template)
        self.slot = slot
        self.index = {seat[0]: i for i, seat in enumerate(rows)}  # seat id -> seat
        self.by_byte = {seat[0]: slot[i] for i, seat in enumerate(rows)}  # seat id -> byte
        self.low = min(self.index, default=0)
        self.high = max(self.index, default=0)

    def info(self, i: int) -> SeatInfo:
        return SeatInfo(*self.seats[i])

    def mask(self, blocked: Iterable[int]) -> bytearray:
        """The template with the seats of ``blocked`` (seat ids) set to 1."""
        mask = bytearray(self.template)
        by_byte = self.by_byte
        for seat_id in blocked:
            b = by_byte.get(seat_id)
            if b is not None:
                mask[b] = 1
        return mask


# Layouts per engine (a test's database is another engine) and category; a layout is
# used again only while its fingerprint (count and sum of its seat ids, one index-only
# aggregate) says the category has the same seats.
_LAYOUTS: weakref.WeakKeyDictionary[Engine, dict[int, _Layout]] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def _category_seat_ids(category_id: int):
    return (select(Seat.id).join(PriceCategoryArea, PriceCategoryArea.area_id == Seat.area_id)
            .where(PriceCategoryArea.category_id == category_id))


_category_ids = _category_seat_ids(bindparam("category_id")).subquery()
# Read at every seat choice: compiled once (pos.core.prepared).
_FINGERPRINT = PreparedQuery(select(func.count().label("count"),
                                    func.coalesce(func.sum(_category_ids.c.id), 0).label("sum"))
                             .select_from(_category_ids))


def _layout(uow: UnitOfWork, category_id: int) -> _Layout:
    s = uow.session
    (count, total), = uow.fetch(_FINGERPRINT, {"category_id": category_id})
    fingerprint = (int(count), int(total))
    engine = s.get_bind()
    with _LOCK:
        cached = _LAYOUTS.setdefault(engine, {}).get(category_id)
    if cached is not None and cached.fingerprint == fingerprint:
        return cached
    rows = [tuple(r) for r in s.execute(
        select(Seat.id, Seat.area_id, Area.name, Seat.row, Seat.label, Seat.position)
        .join(Area, Area.id == Seat.area_id)
        .join(PriceCategoryArea, PriceCategoryArea.area_id == Area.id)
        .where(PriceCategoryArea.category_id == category_id)
        .order_by(Area.id, Seat.row, Seat.position))]
    layout = _Layout(fingerprint, rows)  # type: ignore[arg-type]
    with _LOCK:
        _LAYOUTS.setdefault(engine, {})[category_id] = layout
    return layout


def category_seats(uow: UnitOfWork, category_id: int) -> list[SeatInfo]:
    """Every seat of the category, best first: area, row, position."""
    layout = _layout(uow, category_id)
    return [SeatInfo(*seat) for seat in layout.seats]


# The live states written as in the partial unique index ``uq_tickets_live_seat``, so that
# the planner may use it (a bound IN list does not prove the index's condition): the
# seats of a performance are then read from the index alone.
_LIVE = live_ticket()
_OCCUPIED = select(Ticket.seat_id).where(
    Ticket.performance_id == bindparam("performance_id"), Ticket.seat_id.is_not(None), _LIVE)
_OCCUPIED_IN = select(Ticket.seat_id).where(
    Ticket.performance_id == bindparam("performance_id"),
    Ticket.seat_id.between(bindparam("low"), bindparam("high")), _LIVE)


_COMPILED: dict[tuple[Any, str], Any] = {}


def _ids(uow: UnitOfWork, statement: Any, params: dict[str, int]) -> list[int]:
    """The integers of a one-column statement, fetched by the driver's cursor: tens of
    thousands of seat ids without a result row object each (5-6 times faster)."""
    conn = uow.session.connection()
    key = (statement, conn.dialect.name)
    compiled = _COMPILED.get(key)
    if compiled is None:  # compiling cost more than the query on a small hall
        compiled = _COMPILED[key] = statement.compile(dialect=conn.dialect)
    values = compiled.construct_params(params)
    args: Any = (tuple(values[k] for k in compiled.positiontup or ()) if compiled.positional
                 else values)
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(str(compiled), args)
        return [row[0] for row in cursor.fetchall()]
    finally:
        cursor.close()


def occupied_seats(uow: UnitOfWork, performance_id: int) -> set[int]:
    """Seats held by a live ticket of the performance (plain ids, from the index)."""
    return set(_ids(uow, _OCCUPIED, {"performance_id": performance_id}))


def _free_mask(uow: UnitOfWork, layout: _Layout, performance_id: int,
               released: Iterable[int], taken: Iterable[int]) -> bytearray:
    """Only the live tickets on the category's seats are read (a range of the index)."""
    if not layout.seats:
        return bytearray(layout.template)
    blocked = set(_ids(uow, _OCCUPIED_IN, {"performance_id": performance_id,
                                           "low": layout.low, "high": layout.high}))
    blocked.difference_update(released)
    blocked.update(taken)
    return layout.mask(blocked)


def _free_indexes(layout: _Layout, mask: bytearray, limit: int | None = None) -> list[int]:
    """Seats (layout indexes) free in ``mask``, best first, ``limit`` at most."""
    slot = layout.slot
    if limit is None:
        return [i for i, b in enumerate(slot) if not mask[b]]
    free: list[int] = []
    position = 0
    while len(free) < limit:  # bytes.find: no loop over the occupied seats
        position = mask.find(0, position)
        if position < 0:
            break
        free.append(bisect.bisect_left(slot, position))
        position += 1
    return free


def free_seats(uow: UnitOfWork, performance_id: int, category_id: int,
               released: Iterable[int] = (), taken: Iterable[int] = ()) -> list[SeatInfo]:
    layout = _layout(uow, category_id)
    mask = _free_mask(uow, layout, performance_id, released, taken)
    return [layout.info(i) for i in _free_indexes(layout, mask)]


def free_seat_count(uow: UnitOfWork, performance_id: int, category_id: int,
                    released: Iterable[int] = (), taken: Iterable[int] = ()) -> int:
    """``len(free_seats(...))`` without building a seat."""
    layout = _layout(uow, category_id)
    return _free_mask(uow, layout, performance_id, released, taken).count(0)


def _describe(uow: UnitOfWork, performance_id: int, category_id: int) -> Lazy:
    perf = uow.session.get(Performance, performance_id)
    cat = uow.session.get(PriceCategory, category_id)
    assert perf is not None and cat is not None
    return lazy("{category} for {event} of {starts_at}", category=cat.name,
                event=perf.event.name, starts_at=timestamp(perf.starts_at))


def best_available(uow: UnitOfWork, performance_id: int, category_id: int, quantity: int,
                   released: Iterable[int] = (), taken: Iterable[int] = ()) -> list[SeatInfo]:
    """``quantity`` seats: side by side if the category has such a block (the first
    run of ``quantity`` free seats in one row, best first), else the best free seats
    in order. Refused in French when the category has too few."""
    if quantity <= 0:
        raise SeatQuantityBelowOne()
    layout = _layout(uow, category_id)
    mask = _free_mask(uow, layout, performance_id, released, taken)
    free = mask.count(0)
    if free < quantity:
        where = _describe(uow, performance_id, category_id)
        if not free:
            raise SoldOut(where=where)
        raise NotEnoughSeats(n=free, where=where, quantity=quantity)
    start = mask.find(bytes(quantity))
    if start >= 0:  # side by side: consecutive bytes, no row boundary between them
        first = bisect.bisect_left(layout.slot, start)
        return [layout.info(first + k) for k in range(quantity)]
    return [layout.info(i) for i in _free_indexes(layout, mask, quantity)]


def chosen_seats(uow: UnitOfWork, performance_id: int, category_id: int,
                 seat_ids: list[int], released: Iterable[int] = (),
                 taken: Iterable[int] = ()) -> list[SeatInfo]:
    """The seats the cashier picked, each checked free and in the category."""
    if len(set(seat_ids)) != len(seat_ids):
        raise SeatChosenTwice()
    layout = _layout(uow, category_id)
    # Only the chosen seats are looked up (the partial unique index of live tickets).
    held = set(uow.session.scalars(select(Ticket.seat_id).where(
        Ticket.performance_id == performance_id, Ticket.seat_id.in_(seat_ids),
        live_ticket()))) if seat_ids else set()
    blocked = (held - set(released)) | set(taken)
    result = []
    for seat_id in seat_ids:
        i = layout.index.get(seat_id)
        if i is None:
            raise SeatNotInCategory(where=_describe(uow, performance_id, category_id))
        seat = layout.info(i)
        if seat_id in blocked:
            place = " ".join(p for p in (seat.area, seat.label) if p)
            raise SeatNotFree(seat=place)
        result.append(seat)
    return result
