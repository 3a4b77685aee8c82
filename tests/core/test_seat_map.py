"""The compact seat map (seats.py) gives the seats the former ORM walk gave: adjacent
best seats first, else the best free ones in order; free counts and chosen seats alike."""

import random

import pytest

from pos.core.services import catalog
from pos.core.services.catalog import SeatNotFree, SoldOut
from pos.core.services.seats import (
    best_available,
    category_seats,
    chosen_seats,
    free_seat_count,
    free_seats,
    occupied_seats,
)
from tests.conftest import uow_of
from tests.core.exchange_support import ids


def _reference(all_seats, occupied, released, taken, quantity):
    """The former algorithm, over plain lists."""
    blocked = (occupied - set(released)) | set(taken)
    free = [s for s in all_seats if s.seat_id not in blocked]
    if len(free) < quantity:
        return None
    free_ids = {s.seat_id for s in free}
    rows = {}
    for s in all_seats:
        rows.setdefault((s.area_id, s.row), []).append(s)
    for row in rows.values():
        run = []
        for s in row:
            run = [*run, s] if s.seat_id in free_ids else []
            if len(run) == quantity:
                return run
    return free[:quantity]


@pytest.mark.parametrize("event,category", [("Joyaux", "Cat 1"), ("Carmina Burana", "Cat 1"),
                                            ("Carmina Burana", "Cat 2")])
def test_same_seats_as_the_former_walk(demo, clock, event, category):
    target = ids(demo, event, category)
    perf, cat = target["performance_id"], target["category_id"]
    rng = random.Random(3)
    with uow_of(demo) as uow:
        seats = category_seats(uow, cat)
        occupied = occupied_seats(uow, perf)
        every = [s.seat_id for s in seats]
        for _ in range(60):
            taken = set(rng.sample(every, rng.randrange(len(every))))
            released = set(rng.sample(sorted(occupied), min(len(occupied), rng.randrange(3))))
            quantity = rng.randrange(1, 14)
            expected = _reference(seats, occupied, released, taken, quantity)
            free = [s for s in seats if s.seat_id not in (occupied - released) | taken]
            assert free_seats(uow, perf, cat, released, taken) == free
            assert free_seat_count(uow, perf, cat, released, taken) == len(free)
            if expected is None:
                with pytest.raises(SoldOut):
                    best_available(uow, perf, cat, quantity, released, taken)
            else:
                assert best_available(uow, perf, cat, quantity, released, taken) == expected
        assert len(catalog.categories(uow, perf)) >= 1


def test_chosen_seats_are_checked_against_the_live_tickets(demo, clock):
    target = ids(demo, "Joyaux", "Cat 1")
    perf, cat = target["performance_id"], target["category_id"]
    with uow_of(demo) as uow:
        occupied = occupied_seats(uow, perf)
        seats = category_seats(uow, cat)
        sold = next(s for s in seats if s.seat_id in occupied)
        free = next(s for s in seats if s.seat_id not in occupied)
        assert chosen_seats(uow, perf, cat, [free.seat_id]) == [free]
        assert chosen_seats(uow, perf, cat, [sold.seat_id], released=[sold.seat_id]) == [sold]
        with pytest.raises(SeatNotFree, match="n'est pas libre"):
            chosen_seats(uow, perf, cat, [sold.seat_id])
        with pytest.raises(SeatNotFree, match="n'est pas libre"):
            chosen_seats(uow, perf, cat, [free.seat_id], taken=[free.seat_id])
