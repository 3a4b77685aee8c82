"""Euro coins and notes, and a drawer counted with them.

A count is ``{denomination in cents: how many}``; it is kept as it was typed (JSON in
the cash session), and its total is exact (integer cents, never a float)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal

from pos.core.errors import BadDenominationCount, UnknownDenomination
from pos.core.money import from_cents

#: every euro coin and note, in cents, from 1 cent to 500 euros
DENOMINATIONS: tuple[int, ...] = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000,
                                  10000, 20000, 50000)
COINS = tuple(d for d in DENOMINATIONS if d <= 200)
MAX_PIECES = 100_000  # more than a drawer holds: a typing slip, not a count

Count = dict[int, int]


def label(cents: int) -> str:
    """How the cashier reads a denomination: ``0,05 €``, ``2 €``, ``50 €``."""
    if cents < 100:
        return f"0,{cents:02d} €"
    return f"{cents // 100} €"


def checked(count: Mapping[int, int]) -> Count:
    """The count with its zero lines dropped; refused if a denomination is not a euro
    coin or note, or a number of pieces is negative or absurd."""
    result: Count = {}
    for cents, pieces in count.items():
        if int(cents) not in DENOMINATIONS:
            raise UnknownDenomination(denomination=str(cents))
        if not isinstance(pieces, int) or isinstance(pieces, bool) or not (
                0 <= pieces <= MAX_PIECES):
            raise BadDenominationCount(denomination=label(int(cents)), pieces=str(pieces))
        if pieces:
            result[int(cents)] = pieces
    return dict(sorted(result.items(), reverse=True))


def total(count: Mapping[int, int]) -> Decimal:
    return from_cents(sum(int(cents) * pieces for cents, pieces in checked(count).items()))


def to_json(count: Mapping[int, int]) -> str:
    return json.dumps({str(k): v for k, v in checked(count).items()}, sort_keys=False)


def from_json(text: str) -> Count:
    return {int(k): int(v) for k, v in json.loads(text or "{}").items()}
