"""Seats of a performance: which are free in a price category, the best ones for a
quantity (adjacent first), and the cashier's own choice checked.

A seat is free when no live ticket holds it, or when the ticket holding it is in this
operation's cancellation basket (released for this same operation), and when the sale
basket has not given it yet. The schema has the last word (one live ticket per seat).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from pos.core.models import (
    LIVE_TICKET_STATES,
    Area,
    Performance,
    PriceCategory,
    PriceCategoryArea,
    Seat,
    Ticket,
)
from pos.core.services.catalog import SeatNotFree, SoldOut
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
    query = select(Ticket.seat_id).where(Ticket.id.in_(ids), Ticket.seat_id.is_not(None))
    if performance_id is not None:
        query = query.where(Ticket.performance_id == performance_id)
    return set(uow.session.scalars(query))


def category_seats(uow: UnitOfWork, category_id: int) -> list[SeatInfo]:
    """Every seat of the category, best first: area, row, position."""
    rows = uow.session.execute(
        select(Seat, Area.name)
        .join(Area, Area.id == Seat.area_id)
        .join(PriceCategoryArea, PriceCategoryArea.area_id == Area.id)
        .where(PriceCategoryArea.category_id == category_id)
        .order_by(Area.id, Seat.row, Seat.position)).all()
    return [SeatInfo(s.id, s.area_id, area, s.row, s.label, s.position) for s, area in rows]


def occupied_seats(uow: UnitOfWork, performance_id: int) -> set[int]:
    return set(uow.session.scalars(select(Ticket.seat_id).where(
        Ticket.performance_id == performance_id, Ticket.seat_id.is_not(None),
        Ticket.state.in_(LIVE_TICKET_STATES))))


def free_seats(uow: UnitOfWork, performance_id: int, category_id: int,
               released: Iterable[int] = (), taken: Iterable[int] = ()) -> list[SeatInfo]:
    blocked = (occupied_seats(uow, performance_id) - set(released)) | set(taken)
    return [s for s in category_seats(uow, category_id) if s.seat_id not in blocked]


def _describe(uow: UnitOfWork, performance_id: int, category_id: int) -> str:
    perf = uow.session.get(Performance, performance_id)
    cat = uow.session.get(PriceCategory, category_id)
    assert perf is not None and cat is not None
    return f"{cat.name} pour {perf.event.name} du {timestamp(perf.starts_at)}"


def _adjacent_block(all_seats: list[SeatInfo], free_ids: set[int],
                    quantity: int) -> list[SeatInfo] | None:
    """The first run of ``quantity`` free seats side by side: same area and row,
    consecutive positions in that row."""
    rows: dict[tuple[int, str], list[SeatInfo]] = {}
    for s in all_seats:
        rows.setdefault((s.area_id, s.row), []).append(s)
    for row in rows.values():
        run: list[SeatInfo] = []
        for s in row:  # already sorted by position
            run = [*run, s] if s.seat_id in free_ids else []
            if len(run) == quantity:
                return run
    return None


def best_available(uow: UnitOfWork, performance_id: int, category_id: int, quantity: int,
                   released: Iterable[int] = (), taken: Iterable[int] = ()) -> list[SeatInfo]:
    """``quantity`` seats: side by side if the category has such a block, else the best
    free seats in order. Refused in French when the category has too few."""
    if quantity <= 0:
        raise SoldOut("La quantité doit être d'au moins une place.")
    all_seats = category_seats(uow, category_id)
    free = free_seats(uow, performance_id, category_id, released, taken)
    if len(free) < quantity:
        where = _describe(uow, performance_id, category_id)
        if not free:
            raise SoldOut(f"Complet : plus aucune place libre en {where}.")
        raise SoldOut(f"Il ne reste que {len(free)} place{'s' if len(free) > 1 else ''} "
                      f"libre{'s' if len(free) > 1 else ''} en {where} : "
                      f"impossible d'en vendre {quantity}.")
    block = _adjacent_block(all_seats, {s.seat_id for s in free}, quantity)
    return block if block is not None else free[:quantity]


def chosen_seats(uow: UnitOfWork, performance_id: int, category_id: int,
                 seat_ids: list[int], released: Iterable[int] = (),
                 taken: Iterable[int] = ()) -> list[SeatInfo]:
    """The seats the cashier picked, each checked free and in the category."""
    if len(set(seat_ids)) != len(seat_ids):
        raise SeatNotFree("Une même place est choisie deux fois.")
    by_id = {s.seat_id: s for s in category_seats(uow, category_id)}
    free_ids = {s.seat_id for s in free_seats(uow, performance_id, category_id,
                                               released, taken)}
    result = []
    for seat_id in seat_ids:
        seat = by_id.get(seat_id)
        if seat is None:
            raise SeatNotFree(f"Cette place n'est pas en "
                              f"{_describe(uow, performance_id, category_id)}.")
        if seat_id not in free_ids:
            place = " ".join(p for p in (seat.area, seat.label) if p)
            raise SeatNotFree(f"La place {place} n'est pas libre pour cette séance.")
        result.append(seat)
    return result
